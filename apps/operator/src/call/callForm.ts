import { characterCount, errorCode, type RequestType, type Urgency } from "@civicline/ui";
import type { CallerHistoryFieldsFragment, LogCallInput, Privacy } from "../gql/graphql.ts";
import type { CategoryField } from "./categories.ts";

export const DESCRIPTION_MAX = 4000;
export const ANSWER_MAX = 4000;

export type CallValues = {
  requestType: RequestType | "";
  categoryId: string;
  districtId: string;
  townshipId: string;
  address: string;
  description: string;
  urgency: Urgency;
  citizenName: string;
  phone: string;
  privacy: Privacy;
  /** Extra field values by key. */
  extra: Readonly<Record<string, string>>;
  /** What the call-taker told the caller (for "answer directly"). */
  answer: string;
};

/** Where a call came from: the screen-pop (number, call id, the caller's history) or nothing (a new call). */
export type CallStart = {
  key: string;
  phone: string;
  callId: string | null;
  history: CallerHistoryFieldsFragment | null;
  /** The caller asks about this ticket of theirs (a follow-up): its panel opens with the call. */
  followUpTicketId?: string | null;
};

export function emptyCall(start: Pick<CallStart, "phone">): CallValues {
  return {
    requestType: "",
    categoryId: "",
    districtId: "",
    townshipId: "",
    address: "",
    description: "",
    urgency: "NORMAL",
    citizenName: "",
    phone: start.phone,
    privacy: "NONE",
    extra: {},
    answer: "",
  };
}

/** Whistle-blowing reports are confidential unless the call-taker chose otherwise. */
export function defaultPrivacy(requestType: RequestType | ""): Privacy {
  return requestType === "REPORT" ? "CONFIDENTIAL" : "NONE";
}

/** Error keys: the input's field names, `extraFields.<key>`, `answer`, `attachmentIds`. */
export type CallErrors = Record<string, string>;

/** The control each error key points at (ids used by the error summary and the e2e tests). */
export function controlId(errorKey: string): string {
  if (errorKey.startsWith("extraFields.")) {
    return `call-extra-${errorKey.slice("extraFields.".length)}`;
  }
  if (errorKey === "categoryId") {
    return "call-category";
  }
  if (errorKey === "attachmentIds") {
    return "call-attachments";
  }
  return `call-${errorKey}`;
}

/** Order of the controls on the page, for the error summary. */
export const FIELD_ORDER = ["requestType", "categoryId", "districtId", "townshipId", "address", "description"] as const;
export const CALLER_ORDER = ["urgency", "citizenName", "phone", "privacy", "attachmentIds", "answer"] as const;

const REQUIRED = ["requestType", "categoryId", "districtId", "address", "description", "citizenName", "phone"] as const;

export type ValidationMessages = {
  required: string;
  tooLong: (max: number) => string;
  notANumber: string;
};

/** Client checks before sending (empty required fields, lengths, numbers). The server has the final say. */
export function validateCall(values: CallValues, fields: readonly CategoryField[], messages: ValidationMessages): CallErrors {
  const errors: CallErrors = {};
  for (const key of REQUIRED) {
    if (values[key].trim() === "") {
      errors[key] = messages.required;
    }
  }
  if (!errors.description && characterCount(values.description) > DESCRIPTION_MAX) {
    errors.description = messages.tooLong(DESCRIPTION_MAX);
  }
  for (const field of fields) {
    const value = (values.extra[field.key] ?? "").trim();
    const key = `extraFields.${field.key}`;
    if (value === "") {
      if (field.required) {
        errors[key] = messages.required;
      }
      continue;
    }
    if (field.type === "NUMBER" && !/^-?\d+(\.\d+)?$/.test(value)) {
      errors[key] = messages.notANumber;
    } else if (field.maxLength !== null && characterCount(value) > field.maxLength) {
      errors[key] = messages.tooLong(field.maxLength);
    }
  }
  return errors;
}

/** Spaces and dashes typed in phone numbers are not part of the number (landline dash kept). */
export function normalizePhone(phone: string): string {
  const trimmed = phone.replace(/\s+/g, "");
  return /^0\d{2,3}-\d{7,8}$/.test(trimmed) ? trimmed : trimmed.replace(/-/g, "");
}

/** The logCall input for the form; only the category's own extra fields, non-empty, are sent. */
export function buildLogCallInput(
  values: CallValues,
  context: { callId: string | null; fields: readonly CategoryField[]; attachmentIds: readonly string[]; clientRequestId: string },
): LogCallInput {
  return {
    callId: context.callId,
    channel: "PHONE",
    requestType: values.requestType as RequestType,
    categoryId: values.categoryId,
    description: values.description.trim(),
    districtId: values.districtId,
    townshipId: values.townshipId || null,
    address: values.address.trim(),
    urgency: values.urgency,
    citizenName: values.citizenName.trim(),
    phone: normalizePhone(values.phone),
    privacy: values.privacy,
    extraFields: context.fields
      .map((field) => ({ key: field.key, value: (values.extra[field.key] ?? "").trim() }))
      .filter((entry) => entry.value !== ""),
    attachmentIds: [...context.attachmentIds],
    clientRequestId: context.clientRequestId,
  };
}

/** Error codes whose `extensions.fields` name form fields. */
export const FIELD_ERROR_CODES = ["INTAKE/MISSING_EXTRA_FIELD", "INTAKE/ATTACHMENT_REJECTED", "INTAKE/REQUEST_TYPE_NOT_ALLOWED"] as const;

/**
 * Server errors placed on fields: `extensions.fields` (already localised, keyed by input path,
 * an `input.` prefix dropped) plus the intake codes that clearly belong to one field.
 */
export function serverCallErrors(error: unknown, localized: Record<string, string>, codeMessage: string | undefined): CallErrors {
  const errors: CallErrors = {};
  for (const [field, message] of Object.entries(localized)) {
    errors[field.replace(/^input\./, "")] = message;
  }
  const code = errorCode(error);
  if (code === "INTAKE/UNKNOWN_CATEGORY" && codeMessage) {
    errors.categoryId ??= codeMessage;
  }
  if (code === "INTAKE/UNKNOWN_AREA" && codeMessage) {
    errors.districtId ??= codeMessage;
  }
  if (code === "INTAKE/REQUEST_TYPE_NOT_ALLOWED" && codeMessage) {
    errors.requestType = codeMessage;
  }
  return errors;
}

/** A v4 UUID; `crypto.randomUUID` only exists on secure origins, so fall back to getRandomValues. */
export function newClientRequestId(): string {
  if (typeof crypto.randomUUID === "function") {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
