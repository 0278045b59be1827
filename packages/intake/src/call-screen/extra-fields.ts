import { DomainError, ValidationError, normalizeText, type FieldError } from "@civicline/platform";
import { CategoryFieldType, type CategoryFieldDefinition } from "../catalog/category-field.js";
import type { ExtraFieldValue } from "../ticket/ticket.entity.js";
import { characterProblem, length } from "../ticket/ticket-validation.js";

const DEFAULT_TEXT_MAX = 200;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

function validDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) {
    return false;
  }
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().startsWith(value);
}

function checkValue(definition: CategoryFieldDefinition, value: string, field: string): FieldError | null {
  const label = definition.labelEn;
  switch (definition.type) {
    case CategoryFieldType.NUMBER:
      return NUMBER.test(value) ? null : { field, code: "INVALID_FORMAT", message: `${label} must be a number.` };
    case CategoryFieldType.DATE:
      return validDate(value) ? null : { field, code: "INVALID_FORMAT", message: `${label} must be a date like 2026-11-24.` };
    case CategoryFieldType.SELECT:
      return definition.options?.includes(value)
        ? null
        : { field, code: "INVALID_FORMAT", message: `${label} must be one of: ${(definition.options ?? []).join(", ")}.` };
    default: {
      const max = definition.maxLength ?? DEFAULT_TEXT_MAX;
      return length(value) > max ? { field, code: "TOO_LONG", message: `${label} must be at most ${max} characters.` } : null;
    }
  }
}

/**
 * Checks the extra-field values against the category's definitions and returns them clean (NFC,
 * in definition order, blanks dropped). Throws INTAKE/MISSING_EXTRA_FIELD when a required field is
 * missing (when `enforceRequired`), else BAD_USER_INPUT for unknown keys or malformed values.
 * Every field error is named `extraFields.<key>`.
 */
export function validateExtraFields(
  definitions: readonly CategoryFieldDefinition[],
  raw: readonly ExtraFieldValue[],
  options: { enforceRequired: boolean },
): ExtraFieldValue[] {
  const invalid: FieldError[] = [];
  const given = new Map<string, string>();
  const rejected = new Set<string>();
  for (const entry of raw) {
    const field = `extraFields.${String(entry.key).slice(0, 60)}`;
    const problem = characterProblem(entry.key) ?? characterProblem(entry.value);
    if (problem) {
      invalid.push({ field, code: "INVALID_CHARACTERS", message: `This field ${problem}.` });
      rejected.add(entry.key);
      continue;
    }
    if (!definitions.some((definition) => definition.key === entry.key)) {
      invalid.push({ field, code: "UNKNOWN", message: `This category has no field "${entry.key}".` });
      continue;
    }
    if (given.has(entry.key)) {
      invalid.push({ field, code: "INVALID_FORMAT", message: `"${entry.key}" is given twice.` });
      continue;
    }
    given.set(entry.key, normalizeText(entry.value));
  }
  const missing: FieldError[] = [];
  const values: ExtraFieldValue[] = [];
  for (const definition of definitions) {
    const field = `extraFields.${definition.key}`;
    const value = given.get(definition.key) ?? "";
    if (value === "") {
      if (definition.required && options.enforceRequired && !rejected.has(definition.key)) {
        missing.push({ field, code: "REQUIRED", message: `${definition.labelEn} (${definition.labelZh}) is required for this category.` });
      }
      continue;
    }
    const error = checkValue(definition, value, field);
    if (error) {
      invalid.push(error);
    } else {
      values.push({ key: definition.key, value });
    }
  }
  if (missing.length > 0) {
    throw new DomainError(
      "INTAKE/MISSING_EXTRA_FIELD",
      missing.length === 1 ? missing[0]!.message : `${missing.length} required fields of this category are missing.`,
      { fields: [...missing, ...invalid] },
    );
  }
  if (invalid.length > 0) {
    throw new ValidationError(invalid);
  }
  return values;
}
