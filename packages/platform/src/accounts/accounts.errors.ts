import { DomainError, ValidationError, type FieldError } from "../errors.js";

/** The accounts admin's error codes (stable; clients word them in the user's language). */
export const AccountsErrors = {
  notFound: () => new DomainError("ACCOUNTS/NOT_FOUND", "This account does not exist."),
  self: () => new DomainError("ACCOUNTS/SELF", "You cannot deactivate your own account or take away your own admin role."),
  lastAdmin: () => new DomainError("ACCOUNTS/LAST_ADMIN", "This is the last active administrator; make someone else an administrator first."),
  wrongPassword: () => new DomainError("ACCOUNTS/WRONG_PASSWORD", "The current password is not correct."),
  sessionNotFound: () => new DomainError("ACCOUNTS/SESSION_NOT_FOUND", "This session has already ended."),
  importInvalid: (rows: Array<{ line: number; errors: FieldError[] }>) =>
    new DomainError("ACCOUNTS/IMPORT_INVALID", `${rows.length} row(s) of the file are not valid; nothing was imported.`, { rows }),
  badFile: (message: string) => new ValidationError([{ field: "csv", code: "INVALID_FORMAT", message }]),
};

/** Whether a database error is a unique violation (a username taken by a concurrent create). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { driverError?: { code?: string } }).driverError?.code === "23505";
}
