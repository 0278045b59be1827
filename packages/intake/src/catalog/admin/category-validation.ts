import type { FieldError } from "@civicline/platform";
import { RequestType } from "../../ticket/ticket.enums.js";
import { CategoryFieldType, type CategoryFieldDefinition } from "../category-field.js";

export const CATEGORY_LIMITS = {
  code: 60,
  name: 40,
  template: 500,
  fields: 20,
  fieldKey: 40,
  fieldLabel: 40,
  options: 50,
  option: 40,
  textMaxLength: 2000,
} as const;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/u;
const CODE = /^[A-Z][A-Z0-9_]*(\.[A-Z][A-Z0-9_]*)*$/;
const FIELD_KEY = /^[a-z][a-z0-9_]*$/;

const length = (value: string): number => [...value].length;

/** A required one-line text: trimmed, 1..max characters, no control characters. */
export function lineText(errors: FieldError[], field: string, value: string | null | undefined, max: number, label: string): string {
  const text = (value ?? "").trim();
  if (text.length === 0) {
    errors.push({ field, code: "REQUIRED", message: `${label} is required.` });
  } else if (CONTROL.test(text)) {
    errors.push({ field, code: "INVALID_CHARACTERS", message: `${label} may not contain control characters or line breaks.` });
  } else if (length(text) > max) {
    errors.push({ field, code: "TOO_LONG", message: `${label} has at most ${max} characters.` });
  }
  return text;
}

/** A category code such as URBAN.NOISE: capitals, digits and _, parts joined by dots. */
export function categoryCode(errors: FieldError[], value: string | null | undefined): string {
  const code = (value ?? "").trim().toUpperCase();
  if (code.length === 0) {
    errors.push({ field: "code", code: "REQUIRED", message: "The code is required (e.g. URBAN.NOISE)." });
  } else if (length(code) > CATEGORY_LIMITS.code || !CODE.test(code)) {
    errors.push({
      field: "code",
      code: "INVALID_FORMAT",
      message: `Use Latin capitals, digits and _ in parts joined by dots, starting with a letter (e.g. URBAN.NOISE), at most ${CATEGORY_LIMITS.code} characters.`,
    });
  }
  return code;
}

/** An optional template sentence (line breaks allowed); empty becomes null. */
export function templateText(errors: FieldError[], field: string, value: string | null | undefined): string | null {
  const text = (value ?? "").trim();
  if (text.length === 0) {
    return null;
  }
  if (CONTROL_BUT_NEWLINE.test(text)) {
    errors.push({ field, code: "INVALID_CHARACTERS", message: "A template may not contain control characters." });
  } else if (length(text) > CATEGORY_LIMITS.template) {
    errors.push({ field, code: "TOO_LONG", message: `A template has at most ${CATEGORY_LIMITS.template} characters.` });
  }
  return text;
}

/** The extra fields as an admin sends them. */
export type CategoryFieldRequest = {
  key: string;
  labelZh: string;
  labelEn: string;
  type: CategoryFieldType;
  required?: boolean | null;
  options?: readonly string[] | null;
  maxLength?: number | null;
};

/**
 * Checks every extra field: a unique lower-case key, both labels, a known type, options for (and
 * only for) SELECT fields — a SELECT field without options is OPTIONS_REQUIRED — and maxLength only
 * for TEXT fields.
 */
export function categoryFields(errors: FieldError[], raw: readonly CategoryFieldRequest[]): CategoryFieldDefinition[] {
  if (raw.length > CATEGORY_LIMITS.fields) {
    errors.push({ field: "fields", code: "TOO_MANY", message: `A category has at most ${CATEGORY_LIMITS.fields} extra fields.` });
    return [];
  }
  const keys = new Set<string>();
  return raw.map((input, index) => {
    const at = `fields[${index}]`;
    const key = (input.key ?? "").trim();
    if (key.length === 0) {
      errors.push({ field: `${at}.key`, code: "REQUIRED", message: "Each extra field needs a key (e.g. estate_name)." });
    } else if (length(key) > CATEGORY_LIMITS.fieldKey || !FIELD_KEY.test(key)) {
      errors.push({ field: `${at}.key`, code: "INVALID_FORMAT", message: `A key uses lower-case Latin letters, digits and _, starting with a letter, at most ${CATEGORY_LIMITS.fieldKey} characters.` });
    } else if (keys.has(key)) {
      errors.push({ field: `${at}.key`, code: "DUPLICATE", message: "Two extra fields have the same key." });
    }
    keys.add(key);
    const labelZh = lineText(errors, `${at}.labelZh`, input.labelZh, CATEGORY_LIMITS.fieldLabel, "The Chinese label");
    const labelEn = lineText(errors, `${at}.labelEn`, input.labelEn, CATEGORY_LIMITS.fieldLabel, "The English label");
    const type = input.type;
    if (!Object.values(CategoryFieldType).includes(type)) {
      errors.push({ field: `${at}.type`, code: "INVALID_FORMAT", message: "Choose a field type from the list." });
    }
    const definition: CategoryFieldDefinition = { key, labelZh, labelEn, type, required: !!input.required };
    const rawOptions = input.options ?? [];
    if (type === CategoryFieldType.SELECT) {
      const options: string[] = [];
      rawOptions.forEach((value, optionIndex) => {
        const option = value.trim();
        if (option.length === 0) {
          return;
        }
        if (CONTROL.test(option) || length(option) > CATEGORY_LIMITS.option) {
          errors.push({ field: `${at}.options[${optionIndex}]`, code: "INVALID_FORMAT", message: `An option is one line of at most ${CATEGORY_LIMITS.option} characters.` });
        } else if (options.includes(option)) {
          errors.push({ field: `${at}.options[${optionIndex}]`, code: "DUPLICATE", message: "Two options are the same." });
        } else {
          options.push(option);
        }
      });
      if (options.length === 0 && !errors.some((error) => error.field.startsWith(`${at}.options[`))) {
        errors.push({ field: `${at}.options`, code: "OPTIONS_REQUIRED", message: "A choice field needs at least one option." });
      } else if (options.length > CATEGORY_LIMITS.options) {
        errors.push({ field: `${at}.options`, code: "TOO_MANY", message: `A choice field has at most ${CATEGORY_LIMITS.options} options.` });
      }
      definition.options = options;
    } else if (rawOptions.some((option) => option.trim().length > 0)) {
      errors.push({ field: `${at}.options`, code: "OPTIONS_NOT_ALLOWED", message: "Only a choice field has options." });
    }
    if (input.maxLength !== null && input.maxLength !== undefined) {
      if (type !== CategoryFieldType.TEXT) {
        errors.push({ field: `${at}.maxLength`, code: "NOT_ALLOWED", message: "Only a text field has a maximum length." });
      } else if (!Number.isInteger(input.maxLength) || input.maxLength < 1 || input.maxLength > CATEGORY_LIMITS.textMaxLength) {
        errors.push({ field: `${at}.maxLength`, code: "OUT_OF_RANGE", message: `A maximum length is a whole number from 1 to ${CATEGORY_LIMITS.textMaxLength}.` });
      } else {
        definition.maxLength = input.maxLength;
      }
    }
    return definition;
  });
}

/** The allowed request types, without duplicates, in the enum's order; empty means every type. */
export function requestTypes(errors: FieldError[], raw: readonly string[] | null | undefined): RequestType[] {
  const known = Object.values(RequestType);
  const given = raw ?? [];
  if (given.some((value) => !(known as string[]).includes(value))) {
    errors.push({ field: "requestTypes", code: "INVALID_FORMAT", message: "Choose request types from the list." });
  }
  return known.filter((value) => given.includes(value));
}
