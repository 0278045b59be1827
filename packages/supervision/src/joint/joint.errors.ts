import { DomainError, normalizeText, textProblem, type FieldError } from "@civicline/platform";

/** Error codes joint supervision raises (clients branch on them). */
export const JointErrorCode = {
  CASE_NOT_FOUND: "JOINT/CASE_NOT_FOUND",
  TICKET_NOT_FOUND: "JOINT/TICKET_NOT_FOUND",
  TICKET_CLOSED: "JOINT/TICKET_CLOSED",
  CASE_ALREADY_OPEN: "JOINT/CASE_ALREADY_OPEN",
  NOT_RETURNED_TWICE: "JOINT/NOT_RETURNED_TWICE",
  NOT_A_PARTY: "JOINT/NOT_A_PARTY",
  CASE_DECIDED: "JOINT/CASE_DECIDED",
  OPINION_ALREADY_RECORDED: "JOINT/OPINION_ALREADY_RECORDED",
  OPINIONS_MISSING: "JOINT/OPINIONS_MISSING",
  UNIT_INACTIVE: "JOINT/UNIT_INACTIVE",
  TICKET_HELD: "JOINT/TICKET_HELD",
  PARTY_UNIT_MISSING: "JOINT/PARTY_UNIT_MISSING",
  PROPOSAL_NOT_FOUND: "JOINT/PROPOSAL_NOT_FOUND",
  PROPOSAL_DECIDED: "JOINT/PROPOSAL_DECIDED",
} as const;

export function jointError(code: (typeof JointErrorCode)[keyof typeof JointErrorCode], message: string, details: Record<string, unknown> = {}): DomainError {
  return new DomainError(code, message, details);
}

export const caseNotFound = (): DomainError => jointError(JointErrorCode.CASE_NOT_FOUND, "This joint supervision case does not exist, or you are not one of its parties.");

/** Text limits of joint supervision. */
export const JOINT_TEXT = { reason: 1000, opinion: 2000, decision: 2000, note: 1000, keyword: 40, keywords: 20 } as const;

/** Normalised required text, or a field error (INVALID_CHARACTERS / REQUIRED / TOO_SHORT / TOO_LONG). */
export function requiredText(errors: FieldError[], field: string, raw: string | null | undefined, limits: { min: number; max: number; label: string }): string {
  const problem = textProblem(raw ?? "");
  if (problem) {
    errors.push({ field, code: "INVALID_CHARACTERS", message: `${limits.label} ${problem}.` });
    return "";
  }
  const text = normalizeText(raw ?? "");
  if (!text) {
    errors.push({ field, code: "REQUIRED", message: `${limits.label} is required.` });
  } else if ([...text].length < limits.min) {
    errors.push({ field, code: "TOO_SHORT", message: `${limits.label} needs at least ${limits.min} characters.` });
  } else if ([...text].length > limits.max) {
    errors.push({ field, code: "TOO_LONG", message: `Keep ${limits.label.toLowerCase()} under ${limits.max} characters.` });
  }
  return text;
}

/** Normalised optional text (empty → null), or a field error. */
export function optionalText(errors: FieldError[], field: string, raw: string | null | undefined, limits: { max: number; label: string }): string | null {
  const problem = textProblem(raw ?? "");
  if (problem) {
    errors.push({ field, code: "INVALID_CHARACTERS", message: `${limits.label} ${problem}.` });
    return null;
  }
  const text = normalizeText(raw ?? "");
  if ([...text].length > limits.max) {
    errors.push({ field, code: "TOO_LONG", message: `Keep ${limits.label.toLowerCase()} under ${limits.max} characters.` });
  }
  return text || null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string | null | undefined): value is string {
  return typeof value === "string" && UUID.test(value);
}
