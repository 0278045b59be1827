import { characterCount, errorCode, fieldErrors } from "@civicline/ui";

export const DESCRIPTION_MAX = 4000;

export type SubmitFormValues = {
  requestType: string;
  categoryId: string;
  description: string;
  districtId: string;
  townshipId: string;
  address: string;
  citizenName: string;
  phone: string;
};

export type SubmitField = keyof SubmitFormValues;

export const EMPTY_FORM: SubmitFormValues = {
  requestType: "",
  categoryId: "",
  description: "",
  districtId: "",
  townshipId: "",
  address: "",
  citizenName: "",
  phone: "",
};

/** Order of fields on the page (for the error summary). */
export const FIELD_ORDER: readonly SubmitField[] = [
  "requestType",
  "categoryId",
  "description",
  "districtId",
  "townshipId",
  "address",
  "citizenName",
  "phone",
];

const REQUIRED: readonly SubmitField[] = FIELD_ORDER.filter((f) => f !== "townshipId");

/** Spaces and dashes people type in phone numbers are not part of the number. */
export function normalizePhone(phone: string): string {
  return phone.replace(/[\s-]/g, "");
}

/** Client checks before sending: only what is certain (empty fields, length). The server has the final say. */
export function validateSubmit(
  values: SubmitFormValues,
  messages: { required: string; tooLong: string },
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
  return errors;
}

/**
 * Server errors placed on fields: BAD_USER_INPUT field messages, plus the intake codes that
 * clearly belong to one field. Messages for fields the form does not have are returned apart.
 */
export function serverFieldErrors(
  error: unknown,
  codeMessage: string | undefined,
  localized: Record<string, string> = fieldErrors(error),
): { fields: Partial<Record<SubmitField, string>>; other: string[] } {
  const fields: Partial<Record<SubmitField, string>> = {};
  const other: string[] = [];
  for (const [field, message] of Object.entries(localized)) {
    if ((FIELD_ORDER as readonly string[]).includes(field)) {
      fields[field as SubmitField] = message;
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
  return { fields, other };
}
