import { assertNoFieldErrors, normalizeText, recordAudit, requireRole, textProblem, type Actor, type FieldError } from "@civicline/platform";
import { DataSource, type EntityManager } from "typeorm";
import { QA_FORM_EDITORS } from "../access.js";
import { weightsVersionNotFound } from "../scoring/scoring.errors.js";
import { QaAssessmentWeights } from "./assessment-weights.entity.js";

type Db = DataSource | EntityManager;
const manager = (db: Db): EntityManager => (db instanceof DataSource ? db.manager : db);

/** The weighted parts of the monthly assessment, in the order shown. */
export const ASSESSMENT_PART_KEYS = ["qaScore", "callsHandled", "handleTime", "directRate", "processSatisfaction"] as const;
export type AssessmentPartKey = (typeof ASSESSMENT_PART_KEYS)[number];

/** What an editor sends. */
export type AssessmentWeightsRequest = Record<AssessmentPartKey, number> & { targetHandleSeconds: number; minCalls: number; note?: string | null };

/** Accepted values: weights 0–100 (one above 0), target 30–3600 s, minimum calls 0–10,000, note ≤ 200 characters. */
export const ASSESSMENT_WEIGHT_LIMITS = { weight: 100, targetMin: 30, targetMax: 3600, minCalls: 10_000, note: 200 } as const;

/** Every version, newest first. */
export async function listAssessmentWeights(db: Db): Promise<QaAssessmentWeights[]> {
  return manager(db).find(QaAssessmentWeights, { order: { version: "DESC" } });
}

/**
 * The version a month is assessed with: `version` when given (QA/WEIGHTS_VERSION_NOT_FOUND if
 * unknown), else the last saved before the month's end, else version 1 — last month keeps its
 * weights after an edit today.
 */
export async function weightsForMonth(db: Db, options: { version?: number | null; end: Date }): Promise<QaAssessmentWeights> {
  const rows = manager(db);
  if (options.version !== null && options.version !== undefined) {
    const row = Number.isInteger(options.version) ? await rows.findOne(QaAssessmentWeights, { where: { version: options.version } }) : null;
    if (!row) {
      throw weightsVersionNotFound(options.version);
    }
    return row;
  }
  const found: Array<{ version: number }> = await rows.query(`SELECT version FROM qa_assessment_weights WHERE created_at < $1 ORDER BY version DESC LIMIT 1`, [options.end]);
  const row = await rows.findOne(QaAssessmentWeights, { where: { version: found[0]?.version ?? 1 } });
  if (!row) {
    throw weightsVersionNotFound(found[0]?.version ?? 1);
  }
  return row;
}

/** Every rule a new version must meet, as field errors (all at once). */
export function validateAssessmentWeights(request: AssessmentWeightsRequest): FieldError[] {
  const errors: FieldError[] = [];
  const limits = ASSESSMENT_WEIGHT_LIMITS;
  for (const key of ASSESSMENT_PART_KEYS) {
    if (!Number.isInteger(request[key]) || request[key] < 0 || request[key] > limits.weight) {
      errors.push({ field: key, code: "OUT_OF_RANGE", message: `Give a whole number from 0 to ${limits.weight}.` });
    }
  }
  if (errors.length === 0 && ASSESSMENT_PART_KEYS.every((key) => request[key] === 0)) {
    errors.push({ field: "qaScore", code: "REQUIRED", message: "At least one weight must be above 0." });
  }
  if (!Number.isInteger(request.targetHandleSeconds) || request.targetHandleSeconds < limits.targetMin || request.targetHandleSeconds > limits.targetMax) {
    errors.push({ field: "targetHandleSeconds", code: "OUT_OF_RANGE", message: `Give a target from ${limits.targetMin} to ${limits.targetMax} seconds.` });
  }
  if (!Number.isInteger(request.minCalls) || request.minCalls < 0 || request.minCalls > limits.minCalls) {
    errors.push({ field: "minCalls", code: "OUT_OF_RANGE", message: `Give a whole number of calls from 0 to ${limits.minCalls}.` });
  }
  const problem = textProblem(request.note ?? "", "text");
  if (problem) {
    errors.push({ field: "note", code: "INVALID_CHARACTERS", message: `The note ${problem}.` });
  } else if ([...normalizeText(request.note ?? "")].length > limits.note) {
    errors.push({ field: "note", code: "TOO_LONG", message: `Keep the note under ${limits.note} characters.` });
  }
  return errors;
}

/**
 * Saves the weights as the next version (ADMIN, QA_INSPECTOR); earlier months keep theirs. One
 * transaction, audited; the table is locked so two editors get versions n and n + 1.
 */
export async function saveAssessmentWeights(dataSource: DataSource, input: { actor: Actor | null; request: AssessmentWeightsRequest; now?: Date }): Promise<QaAssessmentWeights> {
  const actor = requireRole(input.actor, QA_FORM_EDITORS);
  assertNoFieldErrors(validateAssessmentWeights(input.request));
  const { request } = input;
  return dataSource.transaction(async (em) => {
    await em.query("LOCK TABLE qa_assessment_weights IN SHARE ROW EXCLUSIVE MODE");
    const previous = await em.findOne(QaAssessmentWeights, { where: {}, order: { version: "DESC" } });
    const note = normalizeText(request.note ?? "");
    const row = em.create(QaAssessmentWeights, {
      version: (previous?.version ?? 0) + 1,
      qaScore: request.qaScore,
      callsHandled: request.callsHandled,
      handleTime: request.handleTime,
      directRate: request.directRate,
      processSatisfaction: request.processSatisfaction,
      targetHandleSeconds: request.targetHandleSeconds,
      minCalls: request.minCalls,
      note: note || null,
      createdAt: input.now ?? new Date(),
      createdByName: actor.name,
    });
    await em.insert(QaAssessmentWeights, row);
    await recordAudit(em, { actor, action: "qa_assessment_weights.save", entity: { type: "qa_assessment_weights", id: String(row.version), label: `v${row.version}` }, before: previous, after: row });
    return row;
  });
}
