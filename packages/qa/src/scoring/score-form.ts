import { assertNoFieldErrors, normalizeText, recordAudit, requireRole, textProblem, type Actor, type FieldError } from "@civicline/platform";
import { DataSource, type EntityManager } from "typeorm";
import { QA_FORM_EDITORS } from "../access.js";
import { formNotFound, isUuid } from "./scoring.errors.js";
import { QaScoreForm, QaScoreFormVersion, type QaCriterionDefinition, type QaCriticalErrorDefinition } from "./score-form.entity.js";

type Db = DataSource | EntityManager;
const manager = (db: Db): EntityManager => (db instanceof DataSource ? db.manager : db);

/** What an editor sends: the form's names and its full content (saved as the next version). */
export type QaScoreFormRequest = {
  formId?: string | null;
  name: string;
  nameEn: string;
  criteria: QaCriterionDefinition[];
  criticalErrors: QaCriticalErrorDefinition[];
  note?: string | null;
};

export const FORM_LIMITS = { criteria: 30, deductions: 20, criticalErrors: 20, weight: 100, label: 60, note: 200 } as const;
const KEY = /^[a-z][a-z0-9_]{0,39}$/;

function label(errors: FieldError[], field: string, value: string): string {
  const problem = textProblem(value ?? "", "text");
  const text = normalizeText(value ?? "");
  if (problem) {
    errors.push({ field, code: "INVALID_CHARACTERS", message: `The label ${problem}.` });
  } else if (!text) {
    errors.push({ field, code: "REQUIRED", message: "Give a label." });
  } else if ([...text].length > FORM_LIMITS.label) {
    errors.push({ field, code: "TOO_LONG", message: `Keep labels under ${FORM_LIMITS.label} characters.` });
  }
  return text;
}

function key(errors: FieldError[], field: string, value: string, seen: Set<string>): string {
  if (!KEY.test(value ?? "")) {
    errors.push({ field, code: "INVALID_FORMAT", message: "Keys are lower-case letters, digits and _ (starting with a letter, up to 40)." });
  } else if (seen.has(value)) {
    errors.push({ field, code: "DUPLICATE", message: `The key "${value}" is used twice.` });
  }
  seen.add(value);
  return value;
}

/** Every rule a form version must meet, as field errors (all at once), and the cleaned content. */
export function validateScoreForm(request: QaScoreFormRequest): { errors: FieldError[]; form: Omit<QaScoreFormRequest, "formId"> } {
  const errors: FieldError[] = [];
  const name = label(errors, "name", request.name);
  const nameEn = label(errors, "nameEn", request.nameEn);
  if (request.criteria.length === 0) {
    errors.push({ field: "criteria", code: "REQUIRED", message: "A form needs at least one criterion." });
  } else if (request.criteria.length > FORM_LIMITS.criteria) {
    errors.push({ field: "criteria", code: "TOO_LONG", message: `A form has at most ${FORM_LIMITS.criteria} criteria.` });
  }
  const criterionKeys = new Set<string>();
  const criteria = request.criteria.map((criterion, index) => {
    const at = `criteria.${index}`;
    const deductionKeys = new Set<string>();
    if (!Number.isInteger(criterion.weight) || criterion.weight < 1 || criterion.weight > FORM_LIMITS.weight) {
      errors.push({ field: `${at}.weight`, code: "OUT_OF_RANGE", message: `Give a weight from 1 to ${FORM_LIMITS.weight} points.` });
    }
    if (criterion.deductions.length > FORM_LIMITS.deductions) {
      errors.push({ field: `${at}.deductions`, code: "TOO_LONG", message: `A criterion has at most ${FORM_LIMITS.deductions} deductions.` });
    }
    return {
      key: key(errors, `${at}.key`, criterion.key, criterionKeys),
      label: label(errors, `${at}.label`, criterion.label),
      labelEn: label(errors, `${at}.labelEn`, criterion.labelEn),
      weight: criterion.weight,
      deductions: criterion.deductions.map((deduction, d) => {
        const dat = `${at}.deductions.${d}`;
        if (!Number.isFinite(deduction.points) || deduction.points <= 0 || deduction.points > criterion.weight || Math.round(deduction.points * 10) !== deduction.points * 10) {
          errors.push({ field: `${dat}.points`, code: "OUT_OF_RANGE", message: `A deduction takes off more than 0 and at most the criterion's ${criterion.weight} points (one decimal).` });
        }
        return { key: key(errors, `${dat}.key`, deduction.key, deductionKeys), label: label(errors, `${dat}.label`, deduction.label), labelEn: label(errors, `${dat}.labelEn`, deduction.labelEn), points: deduction.points };
      }),
    };
  });
  if (request.criticalErrors.length > FORM_LIMITS.criticalErrors) {
    errors.push({ field: "criticalErrors", code: "TOO_LONG", message: `A form has at most ${FORM_LIMITS.criticalErrors} critical errors.` });
  }
  const criticalKeys = new Set<string>();
  const criticalErrors = request.criticalErrors.map((critical, index) => ({
    key: key(errors, `criticalErrors.${index}.key`, critical.key, criticalKeys),
    label: label(errors, `criticalErrors.${index}.label`, critical.label),
    labelEn: label(errors, `criticalErrors.${index}.labelEn`, critical.labelEn),
  }));
  const noteProblem = textProblem(request.note ?? "", "text");
  const note = normalizeText(request.note ?? "");
  if (noteProblem) {
    errors.push({ field: "note", code: "INVALID_CHARACTERS", message: `The note ${noteProblem}.` });
  } else if ([...note].length > FORM_LIMITS.note) {
    errors.push({ field: "note", code: "TOO_LONG", message: `Keep the note under ${FORM_LIMITS.note} characters.` });
  }
  return { errors, form: { name, nameEn, criteria, criticalErrors, note: note || null } };
}

/** Every form, the default first, then by name. */
export async function listScoreForms(db: Db): Promise<QaScoreForm[]> {
  return manager(db).find(QaScoreForm, { order: { isDefault: "DESC", name: "ASC" } });
}

/** A form's versions, newest first. */
export async function formVersions(db: Db, formId: string): Promise<QaScoreFormVersion[]> {
  return manager(db).find(QaScoreFormVersion, { where: { formId }, order: { version: "DESC" } });
}

/** A form version by id (QA/FORM_NOT_FOUND). */
export async function formVersionById(db: Db, id: string): Promise<QaScoreFormVersion> {
  const row = isUuid(id) ? await manager(db).findOne(QaScoreFormVersion, { where: { id } }) : null;
  if (!row) {
    throw formNotFound();
  }
  return row;
}

/** The newest version of a form, or of the default form without an id (QA/FORM_NOT_FOUND). */
export async function currentFormVersion(db: Db, formId?: string | null): Promise<QaScoreFormVersion> {
  if (formId && !isUuid(formId)) {
    throw formNotFound();
  }
  const rows: Array<{ id: string }> = await manager(db).query(
    `SELECT v.id FROM qa_score_form_version v JOIN qa_score_form f ON f.id = v.form_id
      WHERE ($1::uuid IS NULL AND f.is_default) OR f.id = $1::uuid
      ORDER BY v.version DESC LIMIT 1`,
    [formId ?? null],
  );
  if (!rows[0]) {
    throw formNotFound();
  }
  return formVersionById(db, rows[0].id);
}

/**
 * Saves a form's content as its next version (a new form when `formId` is absent). Inspections
 * already scored keep the version they were scored with. One transaction, audited; the form row is
 * locked so that two editors saving at once get versions n and n + 1. ADMIN, QA_INSPECTOR.
 */
export async function saveScoreForm(dataSource: DataSource, input: { actor: Actor | null; request: QaScoreFormRequest; now?: Date }): Promise<QaScoreFormVersion> {
  const actor = requireRole(input.actor, QA_FORM_EDITORS);
  const { errors, form } = validateScoreForm(input.request);
  assertNoFieldErrors(errors);
  const formId = input.request.formId ?? null;
  if (formId !== null && !isUuid(formId)) {
    throw formNotFound();
  }
  return dataSource.transaction(async (em) => {
    let row: QaScoreForm | null;
    if (formId) {
      row = await em.findOne(QaScoreForm, { where: { id: formId }, lock: { mode: "pessimistic_write" } });
      if (!row) {
        throw formNotFound();
      }
      await em.update(QaScoreForm, { id: formId }, { name: form.name, nameEn: form.nameEn });
    } else {
      row = await em.save(QaScoreForm, em.create(QaScoreForm, { name: form.name, nameEn: form.nameEn, isDefault: false }));
    }
    const previous = await em.findOne(QaScoreFormVersion, { where: { formId: row.id }, order: { version: "DESC" } });
    const version = em.create(QaScoreFormVersion, {
      formId: row.id,
      version: (previous?.version ?? 0) + 1,
      criteria: form.criteria,
      criticalErrors: form.criticalErrors,
      totalWeight: form.criteria.reduce((sum, criterion) => sum + criterion.weight, 0),
      note: form.note ?? null,
      createdAt: input.now ?? new Date(),
      createdByName: actor.name,
    });
    await em.save(QaScoreFormVersion, version);
    await recordAudit(em, {
      actor,
      action: "qa_score_form.save",
      entity: { type: "qa_score_form", id: row.id, label: `${form.name} v${version.version}` },
      before: previous ? { version: previous.version, criteria: previous.criteria, criticalErrors: previous.criticalErrors } : null,
      after: { version: version.version, name: form.name, nameEn: form.nameEn, criteria: version.criteria, criticalErrors: version.criticalErrors, note: version.note },
    });
    return version;
  });
}
