/**
 * A field that failed validation, reported to clients in `extensions.fields`. `code` is stable
 * (REQUIRED, TOO_SHORT, TOO_LONG, INVALID_FORMAT, INVALID_CHARACTERS, UNKNOWN …) so a client can
 * word it in the user's language; `message` is an English fallback.
 */
export type FieldError = { field: string; message: string; code?: string };

/**
 * An error the domain raises on purpose. Its `code` is stable (clients branch on it) and its
 * message is meant for a person; the gateway maps it once to `extensions.code`.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** Input that breaks a rule; lists every offending field so a form can show them all at once. */
export class ValidationError extends DomainError {
  constructor(readonly fields: FieldError[]) {
    super(
      "BAD_USER_INPUT",
      fields.length === 1 ? fields[0]!.message : `${fields.length} fields are invalid: ${fields.map((f) => f.field).join(", ")}`,
      { fields },
    );
    this.name = "ValidationError";
  }
}

/** The caller is not logged in (or the session expired). */
export class UnauthenticatedError extends DomainError {
  constructor(message = "Please log in to do this.") {
    super("UNAUTHENTICATED", message);
  }
}

/** The caller is logged in but may not do this (role or ownership). */
export class ForbiddenError extends DomainError {
  constructor(message = "You are not allowed to do this.") {
    super("FORBIDDEN", message);
  }
}

/** Someone else changed the record first (optimistic locking). */
export class ConflictError extends DomainError {
  constructor(message = "This record was changed by someone else; reload it and try again.") {
    super("CONFLICT", message);
  }
}

/** Too many attempts in a short time. */
export class RateLimitedError extends DomainError {
  constructor(message = "Too many attempts; wait a few minutes and try again.") {
    super("RATE_LIMITED", message);
  }
}

/** Throws a ValidationError when any field error was collected. */
export function assertNoFieldErrors(fields: FieldError[]): void {
  if (fields.length > 0) {
    throw new ValidationError(fields);
  }
}
