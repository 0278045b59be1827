import { DomainError, type FieldError } from "@civicline/platform";
import { normalizeText, textProblem, type TextKind } from "@civicline/platform";

/** Error codes routing raises (clients branch on them). */
export const RoutingErrorCode = {
  UNIT_NOT_FOUND: "ROUTING/UNIT_NOT_FOUND",
  NOT_YOUR_UNIT: "ROUTING/NOT_YOUR_UNIT",
  ALREADY_SIGNED: "ROUTING/ALREADY_SIGNED",
  EXTENSION_ALREADY_REQUESTED: "ROUTING/EXTENSION_ALREADY_REQUESTED",
  ASSIGNMENT_NOT_FOUND: "ROUTING/ASSIGNMENT_NOT_FOUND",
  INVALID_STATE: "ROUTING/INVALID_STATE",
  ASSIST_INPUT_PENDING: "ROUTING/ASSIST_INPUT_PENDING",
  RULE_NOT_FOUND: "ROUTING/RULE_NOT_FOUND",
  JOINT_DECISION_FINAL: "ROUTING/JOINT_DECISION_FINAL",
  PHONE_PROTECTED: "ROUTING/PHONE_PROTECTED",
} as const;

export function unitNotFound(field: string): DomainError {
  return new DomainError(RoutingErrorCode.UNIT_NOT_FOUND, "Choose an active handling unit from the list.", {
    fields: [{ field, code: "UNKNOWN", message: "Choose an active handling unit from the list." }],
  });
}

export function notYourUnit(): DomainError {
  return new DomainError(RoutingErrorCode.NOT_YOUR_UNIT, "This ticket is not assigned to your unit.");
}

export function assignmentNotFound(): DomainError {
  return new DomainError(RoutingErrorCode.ASSIGNMENT_NOT_FOUND, "This ticket has not been dispatched.");
}

export function invalidState(message: string, details: Record<string, unknown> = {}): DomainError {
  return new DomainError(RoutingErrorCode.INVALID_STATE, message, details);
}

/** The lead unit was named by a joint supervision decision and may not return the ticket. */
export function jointDecisionFinal(decision: string): DomainError {
  return new DomainError(
    RoutingErrorCode.JOINT_DECISION_FINAL,
    `Joint supervision (三方联动督办) named your unit responsible for this ticket (${decision}); it cannot be returned. Handle it, or ask the centre for an extension.`,
    { decision },
  );
}

export function ruleNotFound(): DomainError {
  return new DomainError(RoutingErrorCode.RULE_NOT_FOUND, "This dispatch rule does not exist.");
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string | null | undefined): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** Whether a text passes the platform's character policy; pushes INVALID_CHARACTERS when not. */
function storable(errors: FieldError[], field: string, raw: string | null | undefined, limits: { label: string; kind?: TextKind }): boolean {
  const problem = textProblem(raw ?? "", limits.kind);
  if (problem) {
    errors.push({ field, code: "INVALID_CHARACTERS", message: `${limits.label} ${problem}.` });
  }
  return !problem;
}

/** Normalised required text, or a field error (INVALID_CHARACTERS / REQUIRED / TOO_SHORT / TOO_LONG). */
export function requiredText(
  errors: FieldError[],
  field: string,
  raw: string | null | undefined,
  limits: { min?: number; max: number; label: string; kind?: TextKind },
): string {
  if (!storable(errors, field, raw, limits)) {
    return "";
  }
  const text = normalizeText(raw ?? "");
  if (!text) {
    errors.push({ field, code: "REQUIRED", message: `${limits.label} is required.` });
  } else if (limits.min && [...text].length < limits.min) {
    errors.push({ field, code: "TOO_SHORT", message: `${limits.label} needs at least ${limits.min} characters.` });
  } else if ([...text].length > limits.max) {
    errors.push({ field, code: "TOO_LONG", message: `Keep ${limits.label.toLowerCase()} under ${limits.max} characters.` });
  }
  return text;
}

/** Normalised optional text (empty → null), or a TOO_LONG field error. */
export function optionalText(errors: FieldError[], field: string, raw: string | null | undefined, limits: { max: number; label: string; kind?: TextKind }): string | null {
  if (!storable(errors, field, raw, limits)) {
    return null;
  }
  const text = normalizeText(raw ?? "");
  if ([...text].length > limits.max) {
    errors.push({ field, code: "TOO_LONG", message: `Keep ${limits.label.toLowerCase()} under ${limits.max} characters.` });
  }
  return text || null;
}

/** Text limits of the workbench. */
export const TEXT_LIMITS = { note: 2000, reply: 4000, reason: 1000, keyword: 40, keywords: 20 } as const;
