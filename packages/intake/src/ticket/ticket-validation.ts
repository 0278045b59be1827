import { normalizeText, textProblem, type FieldError, type TextKind } from "@civicline/platform";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{9,11}$/;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

export const LIMITS = {
  descriptionMin: 4,
  descriptionMax: 4000,
  addressMax: 200,
  nameMax: 50,
  titleMax: 100,
  emailMax: 254,
  answerMax: 4000,
  noteMax: 1000,
  tokenMax: 100,
} as const;

export function isUuid(value: string | null | undefined): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** Phone as digits only (spaces, dashes and a +86 prefix removed), or null when it is not a valid number. */
export function normalizePhone(raw: string): string | null {
  if (characterProblem(raw)) {
    return null;
  }
  let digits = raw.replace(/[\s\-()]/g, "");
  if (digits.startsWith("+86")) {
    digits = digits.slice(3);
  }
  return MOBILE.test(digits) || LANDLINE.test(digits) ? digits : null;
}

/** Counts characters as people do (code points, so 𠮷 is one). */
export function length(value: string): number {
  return [...value].length;
}

/** Why a text cannot be stored, or null when it can: the platform's character policy (see textProblem). */
export function characterProblem(value: string, kind: TextKind = "text"): string | null {
  return textProblem(value, kind);
}

/** Pushes INVALID_CHARACTERS when the text cannot be stored; returns whether it can. */
export function checkCharacters(errors: FieldError[], field: string, value: string, label: string, kind: TextKind = "text"): boolean {
  const problem = characterProblem(value, kind);
  if (problem) {
    errors.push({ field, code: "INVALID_CHARACTERS", message: `${label} ${problem}.` });
    return false;
  }
  return true;
}

/** Checks a text field: required, NFC-normalised, within limits, storable. Pushes a field error or returns the clean value. */
export function requiredText(
  errors: FieldError[],
  field: string,
  raw: string,
  limits: { min?: number; max: number; label: string; kind?: TextKind },
): string {
  if (typeof raw !== "string") {
    errors.push({ field, code: "REQUIRED", message: `${limits.label} is required.` });
    return "";
  }
  if (!checkCharacters(errors, field, raw, limits.label, limits.kind)) {
    return "";
  }
  const value = normalizeText(raw);
  const min = limits.min ?? 1;
  const size = length(value);
  if (size === 0) {
    errors.push({ field, code: "REQUIRED", message: `${limits.label} is required.` });
  } else if (size < min) {
    errors.push({ field, code: "TOO_SHORT", message: `${limits.label} must be at least ${min} characters.` });
  } else if (size > limits.max) {
    errors.push({
      field,
      code: "TOO_LONG",
      message: `${limits.label} must be at most ${limits.max.toLocaleString("en")} characters (it has ${size.toLocaleString("en")}).`,
    });
  }
  return value;
}

/** Like requiredText for an optional field: null/undefined/blank give null. */
export function optionalText(
  errors: FieldError[],
  field: string,
  raw: string | null | undefined,
  limits: { max: number; label: string; kind?: TextKind },
): string | null {
  if (raw === null || raw === undefined || normalizeText(raw) === "") {
    return null;
  }
  return requiredText(errors, field, raw, limits) || null;
}

/** An e-mail address, trimmed and checked loosely (one @, a dot in the domain); null when absent. */
export function optionalEmail(errors: FieldError[], field: string, raw: string | null | undefined): string | null {
  const value = optionalText(errors, field, raw, { max: LIMITS.emailMax, label: "E-mail" });
  if (value && !EMAIL.test(value)) {
    errors.push({ field, code: "INVALID_FORMAT", message: "Enter an e-mail address like name@example.com." });
  }
  return value;
}

/** A mainland resident ID number (18 characters with a valid check digit), upper case; null when absent. */
export function optionalIdNumber(errors: FieldError[], field: string, raw: string | null | undefined): string | null {
  const value = optionalText(errors, field, raw, { max: 18, label: "ID number" });
  if (!value) {
    return null;
  }
  const id = value.replace(/\s/g, "").toUpperCase();
  if (!isResidentIdNumber(id)) {
    errors.push({ field, code: "INVALID_FORMAT", message: "Enter the 18-character resident ID number (the last one may be X)." });
  }
  return id;
}

/** Whether an 18-character resident ID number has a correct check character. */
export function isResidentIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) {
    return false;
  }
  const sum = ID_WEIGHTS.reduce((total, weight, i) => total + weight * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17];
}

/** Masks an ID number: the first four and last four characters stay (3703**********1234). */
export function maskIdNumber(id: string): string {
  return id.length <= 8 ? "*".repeat(id.length) : `${id.slice(0, 4)}${"*".repeat(id.length - 8)}${id.slice(-4)}`;
}

/** Masks an e-mail address: l***@example.com. */
export function maskEmail(email: string): string {
  const at = email.indexOf("@");
  return at <= 0 ? "***" : `${email[0]}***${email.slice(at)}`;
}

/** An opaque client token (call id, idempotency key): printable, no spaces, at most 100 characters. */
export function optionalToken(errors: FieldError[], field: string, raw: string | null | undefined, label: string): string | null {
  if (raw === null || raw === undefined || raw.trim() === "") {
    return null;
  }
  if (!checkCharacters(errors, field, raw, label)) {
    return null;
  }
  const value = raw.trim();
  if (value.length > LIMITS.tokenMax || /\s/.test(value)) {
    errors.push({ field, code: "INVALID_FORMAT", message: `${label} must be at most ${LIMITS.tokenMax} characters without spaces.` });
  }
  return value;
}

/** Latitude and longitude: both or neither, within range. */
export function checkCoordinates(
  errors: FieldError[],
  latitude: number | null | undefined,
  longitude: number | null | undefined,
): { latitude: number | null; longitude: number | null } {
  const lat = latitude ?? null;
  const lng = longitude ?? null;
  if ((lat === null) !== (lng === null)) {
    errors.push({ field: lat === null ? "latitude" : "longitude", code: "REQUIRED", message: "Give both latitude and longitude, or neither." });
  }
  if (lat !== null && !(Number.isFinite(lat) && lat >= -90 && lat <= 90)) {
    errors.push({ field: "latitude", code: "INVALID_FORMAT", message: "Latitude is between -90 and 90." });
  }
  if (lng !== null && !(Number.isFinite(lng) && lng >= -180 && lng <= 180)) {
    errors.push({ field: "longitude", code: "INVALID_FORMAT", message: "Longitude is between -180 and 180." });
  }
  return { latitude: lat, longitude: lng };
}
