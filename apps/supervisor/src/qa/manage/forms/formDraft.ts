import type { QmFormVersionFieldsFragment, QaScoreFormInput } from "../../../gql/graphql.ts";

export type DeductionDraft = { key: string; label: string; labelEn: string; points: string };
export type CriterionDraft = { key: string; label: string; labelEn: string; weight: string; deductions: DeductionDraft[] };
export type CriticalDraft = { key: string; label: string; labelEn: string };
export type FormDraft = { criteria: CriterionDraft[]; criticalErrors: CriticalDraft[]; note: string };

/** The editor's starting point: the version in force (or nothing for a new form). */
export function draftOf(version: QmFormVersionFieldsFragment | null | undefined): FormDraft {
  return {
    criteria: (version?.criteria ?? []).map((criterion) => ({
      key: criterion.key,
      label: criterion.label,
      labelEn: criterion.labelEn,
      weight: String(criterion.weight),
      deductions: criterion.deductions.map((deduction) => ({ key: deduction.key, label: deduction.label, labelEn: deduction.labelEn, points: String(deduction.points) })),
    })),
    criticalErrors: (version?.criticalErrors ?? []).map((error) => ({ key: error.key, label: error.label, labelEn: error.labelEn })),
    note: "",
  };
}

/** A key not yet used among `taken`: `prefix-1`, `prefix-2`, … (keys of saved items never change). */
export function freshKey(prefix: string, taken: readonly string[]): string {
  let index = 1;
  while (taken.includes(`${prefix}-${index}`)) {
    index += 1;
  }
  return `${prefix}-${index}`;
}

/** Every key in the draft (criteria, deductions, critical errors): new keys must differ from all. */
export function keysOf(draft: FormDraft): string[] {
  return [...draft.criteria.flatMap((criterion) => [criterion.key, ...criterion.deductions.map((deduction) => deduction.key)]), ...draft.criticalErrors.map((error) => error.key)];
}

/** A number typed in a field; NaN when it is not one (the server then says which field is wrong). */
function numberOf(value: string): number {
  const trimmed = value.trim();
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** Sum of the criteria's points as typed (the page shows it live). */
export function totalWeight(draft: FormDraft): number {
  return draft.criteria.reduce((sum, criterion) => sum + (Number.isFinite(numberOf(criterion.weight)) ? numberOf(criterion.weight) : 0), 0);
}

/**
 * The mutation's input; a field that is not a number is sent as -1 so that the server's coded field
 * error (and nothing stored) answers it, in the same words as every other invalid value.
 */
export function inputOf(draft: FormDraft, form: { id: string | null; name: string; nameEn: string }): QaScoreFormInput {
  const number = (value: string) => (Number.isFinite(numberOf(value)) ? numberOf(value) : -1);
  return {
    formId: form.id,
    name: form.name,
    nameEn: form.nameEn,
    criteria: draft.criteria.map((criterion) => ({
      key: criterion.key,
      label: criterion.label.trim(),
      labelEn: criterion.labelEn.trim(),
      weight: Number.isInteger(number(criterion.weight)) ? number(criterion.weight) : -1,
      deductions: criterion.deductions.map((deduction) => ({ key: deduction.key, label: deduction.label.trim(), labelEn: deduction.labelEn.trim(), points: number(deduction.points) })),
    })),
    criticalErrors: draft.criticalErrors.map((error) => ({ key: error.key, label: error.label.trim(), labelEn: error.labelEn.trim() })),
    note: draft.note.trim() || null,
  };
}
