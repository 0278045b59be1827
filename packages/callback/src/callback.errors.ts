import { DomainError, Role, normalizeText, textProblem, type FieldError } from "@civicline/platform";

/** Error codes callback raises (clients branch on them). */
export const CallbackErrorCode = {
  TASK_NOT_FOUND: "CALLBACK/TASK_NOT_FOUND",
  TASK_CLOSED: "CALLBACK/TASK_CLOSED",
  CLAIMED_BY_OTHER: "CALLBACK/CLAIMED_BY_OTHER",
  RETRY_NOT_DUE: "CALLBACK/RETRY_NOT_DUE",
  NOT_RATEABLE: "CALLBACK/NOT_RATEABLE",
  ALREADY_RATED: "CALLBACK/ALREADY_RATED",
  PROPOSAL_NOT_FOUND: "CALLBACK/PROPOSAL_NOT_FOUND",
  ALREADY_DECIDED: "CALLBACK/ALREADY_DECIDED",
  INVALID_TICKET_STATE: "CALLBACK/INVALID_TICKET_STATE",
  UNIT_INACTIVE: "CALLBACK/UNIT_INACTIVE",
  MISSED_CALL_NOT_FOUND: "CALLBACK/MISSED_CALL_NOT_FOUND",
  MISSED_CALL_CLOSED: "CALLBACK/MISSED_CALL_CLOSED",
  /** A lifecycle writer was asked for a step its transition table does not hold. */
  INVALID_TRANSITION: "CALLBACK/INVALID_TRANSITION",
} as const;

export const taskNotFound = (): DomainError => new DomainError(CallbackErrorCode.TASK_NOT_FOUND, "This callback task does not exist.");
export const taskClosed = (state: string): DomainError =>
  new DomainError(CallbackErrorCode.TASK_CLOSED, "This callback task is already closed.", { state });
export const proposalNotFound = (): DomainError => new DomainError(CallbackErrorCode.PROPOSAL_NOT_FOUND, "This re-report proposal does not exist.");
export const missedCallNotFound = (): DomainError => new DomainError(CallbackErrorCode.MISSED_CALL_NOT_FOUND, "This missed call does not exist.");
export const invalidTransition = (aggregate: string, step: { from: string; to: string; action: string }): DomainError =>
  new DomainError(CallbackErrorCode.INVALID_TRANSITION, `A ${aggregate} that is ${step.from} cannot become ${step.to} (${step.action}).`, { aggregate, ...step });

/** Who works the callback queues. */
export const AGENT_ROLES: readonly Role[] = [Role.CALLBACK_AGENT];
/** Who may read the callback queues, tasks, missed calls and settings. */
export const CALLBACK_READERS: readonly Role[] = [Role.CALLBACK_AGENT, Role.SUPERVISOR, Role.ADMIN, Role.LEADER];
/** Who reads re-report proposals and the satisfaction figures. */
export const PROPOSAL_READERS: readonly Role[] = [Role.SUPERVISOR, Role.ADMIN, Role.LEADER];
/** Who decides re-report proposals. */
export const PROPOSAL_DECIDERS: readonly Role[] = [Role.SUPERVISOR, Role.ADMIN];
/** Who changes the callback settings. */
export const SETTINGS_EDITORS: readonly Role[] = [Role.ADMIN];
/** Who reports missed calls: the telephony integration (API key) or an admin. */
export const MISSED_CALL_REPORTERS: readonly Role[] = [Role.INTEGRATOR, Role.ADMIN];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** Text limits of the callback forms. */
export const TEXT_LIMITS = { note: 1000, comment: 2000, decisionNote: 1000 } as const;

/** Whether a text passes the platform's character policy; pushes INVALID_CHARACTERS when not. */
function storable(errors: FieldError[], field: string, raw: string | null | undefined, label: string): boolean {
  const problem = textProblem(raw ?? "");
  if (problem) {
    errors.push({ field, code: "INVALID_CHARACTERS", message: `The ${label} ${problem}.` });
  }
  return !problem;
}

/** Normalised optional text (empty → null), or an INVALID_CHARACTERS / TOO_LONG field error. */
export function optionalText(errors: FieldError[], field: string, raw: string | null | undefined, max: number, label: string): string | null {
  if (!storable(errors, field, raw, label)) {
    return null;
  }
  const text = normalizeText(raw ?? "");
  if ([...text].length > max) {
    errors.push({ field, code: "TOO_LONG", message: `Keep the ${label} under ${max} characters.` });
  }
  return text || null;
}

/** Normalised required text, or a REQUIRED / TOO_SHORT / TOO_LONG field error. */
export function requiredText(errors: FieldError[], field: string, raw: string | null | undefined, limits: { min: number; max: number; label: string }): string {
  if (!storable(errors, field, raw, limits.label)) {
    return "";
  }
  const text = normalizeText(raw ?? "");
  const length = [...text].length;
  if (!text) {
    errors.push({ field, code: "REQUIRED", message: `The ${limits.label} is required.` });
  } else if (length < limits.min) {
    errors.push({ field, code: "TOO_SHORT", message: `The ${limits.label} needs at least ${limits.min} characters.` });
  } else if (length > limits.max) {
    errors.push({ field, code: "TOO_LONG", message: `Keep the ${limits.label} under ${limits.max} characters.` });
  }
  return text;
}
