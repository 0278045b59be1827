import { normalizeText, textProblem, type FieldError, type TextKind } from "@civicline/platform";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A seat as telephony names it (intake's rule): 1 to 32 letters, digits, dots, dashes or underscores. */
export const SEAT = /^[A-Za-z0-9._-]{1,32}$/;

/** A tracking number (intake's format), e.g. ZB-20261124-00017. */
export const TRACKING_NUMBER = /^[A-Z]{1,6}-\d{8}-\d{5,}$/;

/** Text limits of leader sessions, matters and instructions. */
export const LEADER_LIMITS = { title: 60, unit: 100, hotIssue: 100, note: 1000, instructionMin: 2, instruction: 1000, tickets: 50 } as const;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** Normalised text, or a field error (INVALID_CHARACTERS / REQUIRED / TOO_SHORT / TOO_LONG). */
export function checkedText(
  errors: FieldError[],
  field: string,
  raw: string | null | undefined,
  limits: { required: boolean; min?: number; max: number; label: string; kind?: TextKind },
): string | null {
  const problem = textProblem(raw ?? "", limits.kind);
  if (problem) {
    errors.push({ field, code: "INVALID_CHARACTERS", message: `${limits.label} ${problem}.` });
    return null;
  }
  const text = normalizeText(raw ?? "");
  const length = [...text].length;
  if (!text) {
    if (limits.required) {
      errors.push({ field, code: "REQUIRED", message: `${limits.label} is required.` });
    }
    return null;
  }
  if (limits.min && length < limits.min) {
    errors.push({ field, code: "TOO_SHORT", message: `${limits.label} needs at least ${limits.min} characters.` });
  } else if (length > limits.max) {
    errors.push({ field, code: "TOO_LONG", message: `Keep ${limits.label.toLowerCase()} under ${limits.max} characters.` });
  }
  return text;
}

/** A valid Date, or a field error (REQUIRED / INVALID_FORMAT). */
export function checkedDate(errors: FieldError[], field: string, raw: Date | null | undefined, label: string): Date | null {
  if (raw === null || raw === undefined) {
    errors.push({ field, code: "REQUIRED", message: `${label} is required.` });
    return null;
  }
  if (!(raw instanceof Date) || Number.isNaN(raw.getTime())) {
    errors.push({ field, code: "INVALID_FORMAT", message: `${label} is not a valid date and time.` });
    return null;
  }
  return raw;
}
