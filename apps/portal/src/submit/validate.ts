import { characterCount, errorCode, fieldErrors } from "@civicline/ui";

export const DESCRIPTION_MAX = 4000;

export type PrivacyChoice = "NONE" | "ANONYMOUS" | "CONFIDENTIAL";
export const PRIVACY_CHOICES: readonly PrivacyChoice[] = ["NONE", "ANONYMOUS", "CONFIDENTIAL"];

export type SubmitFormValues = {
  requestType: string;
  categoryId: string;
  description: string;
  districtId: string;
  townshipId: string;
  address: string;
  citizenName: string;
  phone: string;
  email: string;
  privacy: PrivacyChoice;
};

/** Every place on the form an error can be shown; `latitude` is the map, `attachments` the photos. */
export type SubmitField = keyof SubmitFormValues | "latitude" | "attachments";

export const EMPTY_FORM: SubmitFormValues = {
  requestType: "",
  categoryId: "",
  description: "",
  districtId: "",
  townshipId: "",
  address: "",
  citizenName: "",
  phone: "",
  email: "",
  privacy: "NONE",
};

/** Order of fields on the page (for the error summary and the first field to focus). */
export const FIELD_ORDER: readonly SubmitField[] = [
  "requestType",
  "categoryId",
  "description",
  "districtId",
  "townshipId",
  "address",
  "latitude",
  "attachments",
  "citizenName",
  "phone",
  "email",
  "privacy",
];

const REQUIRED: readonly (keyof SubmitFormValues)[] = ["requestType", "categoryId", "description", "districtId", "address", "citizenName", "phone"];

/** Spaces and dashes people type in phone numbers are not part of the number. */
export function normalizePhone(phone: string): string {
  return phone.replace(/[\s-]/g, "");
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The server's limit on a name (intake `LIMITS.nameMax`), counted in code points as there. */
export const NAME_MAX = 50;
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{9,11}$/;

/**
 * Whether the server will take this phone number: the rule of intake's `normalizePhone` (spaces,
 * dashes, brackets and a +86 prefix dropped; a mainland mobile or a landline with its area code).
 */
export function isAcceptedPhone(raw: string): boolean {
  let digits = raw.replace(/[\s\-()]/g, "");
  if (digits.startsWith("+86")) {
    digits = digits.slice(3);
  }
  return MOBILE.test(digits) || LANDLINE.test(digits);
}

/**
 * Client checks before sending: what the server would refuse for certain (empty fields, lengths,
 * the phone's and e-mail's shape), so that a citizen on a slow phone learns it without a round trip.
 * The server has the final say.
 */
export function validateSubmit(
  values: SubmitFormValues,
  messages: { required: string; tooLong: string; email: string; phone?: string; nameTooLong?: string },
): Partial<Record<SubmitField, string>> {
  const errors: Partial<Record<SubmitField, string>> = {};
  for (const field of REQUIRED) {
    if (values[field].trim() === "") {
      errors[field] = messages.required;
    }
  }
  if (!errors.description && characterCount(values.description) > DESCRIPTION_MAX) {
    errors.description = messages.tooLong;
  }
  if (!errors.phone && messages.phone && !isAcceptedPhone(values.phone.trim())) {
    errors.phone = messages.phone;
  }
  if (!errors.citizenName && messages.nameTooLong && [...values.citizenName.trim()].length > NAME_MAX) {
    errors.citizenName = messages.nameTooLong;
  }
  if (values.email.trim() !== "" && !EMAIL.test(values.email.trim())) {
    errors.email = messages.email;
  }
  return errors;
}

/** Server field names that the form shows under another control. */
const FIELD_ALIASES: Record<string, SubmitField> = { longitude: "latitude", citizenEmail: "email", attachmentIds: "attachments" };

/**
 * Server errors placed on fields: BAD_USER_INPUT field messages, plus the intake codes that
 * clearly belong to one field. Messages for fields the form does not have are returned apart.
 */
export function serverFieldErrors(
  error: unknown,
  codeMessage: string | undefined,
  localized: Record<string, string> = fieldErrors(error),
  messages: { photoRejected?: string } = {},
): { fields: Partial<Record<SubmitField, string>>; other: string[] } {
  const fields: Partial<Record<SubmitField, string>> = {};
  const other: string[] = [];
  for (const [raw, message] of Object.entries(localized)) {
    const field = FIELD_ALIASES[raw] ?? raw;
    if ((FIELD_ORDER as readonly string[]).includes(field)) {
      fields[field as SubmitField] ??= message;
    } else {
      other.push(message);
    }
  }
  const code = errorCode(error);
  if (code === "INTAKE/UNKNOWN_CATEGORY" && codeMessage) {
    fields.categoryId ??= codeMessage;
  }
  if (code === "INTAKE/UNKNOWN_AREA" && codeMessage) {
    fields.districtId ??= codeMessage;
  }
  if (code === "INTAKE/REQUEST_TYPE_NOT_ALLOWED" && codeMessage) {
    fields.requestType = codeMessage;
  }
  if (code === "INTAKE/ATTACHMENT_REJECTED") {
    fields.attachments = messages.photoRejected ?? codeMessage ?? "";
  }
  return { fields, other };
}
