import { normalizeText, type FieldError } from "@civicline/platform";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{9,11}$/;

export const LIMITS = { descriptionMin: 4, descriptionMax: 4000, addressMax: 200, nameMax: 50 } as const;

export function isUuid(value: string | null | undefined): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** Phone as digits only (spaces, dashes and a +86 prefix removed), or null when it is not a valid number. */
export function normalizePhone(raw: string): string | null {
  let digits = raw.replace(/[\s\-()]/g, "");
  if (digits.startsWith("+86")) {
    digits = digits.slice(3);
  }
  return MOBILE.test(digits) || LANDLINE.test(digits) ? digits : null;
}

/** Counts characters as people do (code points, so 𠮷 is one). */
function length(value: string): number {
  return [...value].length;
}

/** Checks a text field: required, NFC-normalised, within limits. Pushes a field error or returns the clean value. */
export function requiredText(
  errors: FieldError[],
  field: string,
  raw: string,
  limits: { min?: number; max: number; label: string },
): string {
  const value = normalizeText(raw);
  const min = limits.min ?? 1;
  if (length(value) === 0) {
    errors.push({ field, code: "REQUIRED", message: `${limits.label} is required.` });
  } else if (length(value) < min) {
    errors.push({ field, code: "TOO_SHORT", message: `${limits.label} must be at least ${min} characters.` });
  } else if (length(value) > limits.max) {
    errors.push({ field, code: "TOO_LONG", message: `${limits.label} must be at most ${limits.max.toLocaleString("en")} characters (it has ${length(value).toLocaleString("en")}).` });
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(value)) {
    errors.push({ field, code: "INVALID_CHARACTERS", message: `${limits.label} contains control characters.` });
  }
  return value;
}
