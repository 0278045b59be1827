import { normalizeText, textProblem, type FieldError } from "@civicline/platform";
import type { QaCriterionScoreValue } from "./inspection.entity.js";
import type { QaCriterionDefinition, QaCriticalErrorDefinition } from "./score-form.entity.js";

/** What an inspector gives one criterion: a score (or none: weight − deductions), ticked deductions, a comment. */
export type QaCriterionScoreRequest = { key: string; score?: number | null; deductionKeys: readonly string[]; comment?: string | null };

/** A whole score: every criterion of the form version, ticked critical errors, an overall comment. */
export type QaScoreRequest = { criteria: readonly QaCriterionScoreRequest[]; criticalErrorKeys: readonly string[]; comment?: string | null };

/** The form version's content the rule needs. */
export type QaFormContent = { criteria: readonly QaCriterionDefinition[]; criticalErrors: readonly QaCriticalErrorDefinition[] };

export type QaScoreResult = { total: number; critical: boolean; criticalErrorKeys: string[]; criteria: QaCriterionScoreValue[]; comment: string | null };

export const COMMENT_MAX = 1000;

/** Rounds to 0.01 (half away from zero). */
export function hundredths(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}

/** The points a criterion's ticked deductions leave (never below 0). */
export function pointsLeft(criterion: QaCriterionDefinition, deductionKeys: readonly string[]): number {
  const off = deductionKeys.reduce((sum, key) => sum + (criterion.deductions.find((d) => d.key === key)?.points ?? 0), 0);
  return Math.max(0, hundredths(criterion.weight - off));
}

function cleanComment(errors: FieldError[], field: string, value: string | null | undefined): string | null {
  const problem = textProblem(value ?? "", "text");
  if (problem) {
    errors.push({ field, code: "INVALID_CHARACTERS", message: `The comment ${problem}.` });
    return null;
  }
  const text = normalizeText(value ?? "");
  if ([...text].length > COMMENT_MAX) {
    errors.push({ field, code: "TOO_LONG", message: `Keep the comment under ${COMMENT_MAX} characters.` });
  }
  return text || null;
}

/**
 * The scoring rule (the UI's live total uses the same):
 * - per criterion, a given score must be within 0 … weight (OUT_OF_RANGE) and at most weight − the
 *   ticked deductions (DEDUCTIONS_EXCEED); no score given = weight − deductions (not below 0);
 * - total = 100 × Σ criterion scores / Σ weights, to 0.01;
 * - any critical error → total 0 (the criterion scores are kept as feedback).
 * Every criterion of the form must be scored once; unknown keys are field errors. Pure.
 */
export function scoreTotal(form: QaFormContent, request: QaScoreRequest): { result: QaScoreResult | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const given = new Map<string, QaCriterionScoreRequest>();
  for (const entry of request.criteria) {
    if (!form.criteria.some((criterion) => criterion.key === entry.key)) {
      errors.push({ field: `criteria.${entry.key}`, code: "UNKNOWN", message: `The form has no criterion "${entry.key}".` });
    } else if (given.has(entry.key)) {
      errors.push({ field: `criteria.${entry.key}`, code: "DUPLICATE", message: "Score each criterion once." });
    } else {
      given.set(entry.key, entry);
    }
  }
  const criteria: QaCriterionScoreValue[] = [];
  let points = 0;
  let weights = 0;
  for (const criterion of form.criteria) {
    const field = `criteria.${criterion.key}`;
    const entry = given.get(criterion.key);
    weights += criterion.weight;
    if (!entry) {
      errors.push({ field, code: "REQUIRED", message: `Score "${criterion.labelEn}".` });
      continue;
    }
    const deductionKeys = [...new Set(entry.deductionKeys)];
    const unknown = deductionKeys.filter((key) => !criterion.deductions.some((d) => d.key === key));
    if (unknown.length > 0) {
      errors.push({ field: `${field}.deductionKeys`, code: "UNKNOWN", message: `"${criterion.labelEn}" has no deduction ${unknown.map((k) => `"${k}"`).join(", ")}.` });
    }
    const left = pointsLeft(criterion, deductionKeys);
    let score = left;
    if (entry.score !== null && entry.score !== undefined) {
      if (!Number.isFinite(entry.score) || entry.score < 0 || entry.score > criterion.weight) {
        errors.push({ field: `${field}.score`, code: "OUT_OF_RANGE", message: `Give "${criterion.labelEn}" a score from 0 to ${criterion.weight}.` });
      } else if (Math.round(entry.score * 10) !== entry.score * 10) {
        errors.push({ field: `${field}.score`, code: "INVALID_FORMAT", message: "Scores have at most one decimal." });
      } else if (entry.score > left) {
        errors.push({ field: `${field}.score`, code: "DEDUCTIONS_EXCEED", message: `The deductions ticked leave at most ${left} points for "${criterion.labelEn}".` });
      } else {
        score = entry.score;
      }
    }
    const comment = cleanComment(errors, `${field}.comment`, entry.comment);
    points += score;
    criteria.push({ key: criterion.key, score, deductionKeys, comment });
  }
  const criticalErrorKeys = [...new Set(request.criticalErrorKeys)];
  const unknownCritical = criticalErrorKeys.filter((key) => !form.criticalErrors.some((c) => c.key === key));
  if (unknownCritical.length > 0) {
    errors.push({ field: "criticalErrorKeys", code: "UNKNOWN", message: `The form has no critical error ${unknownCritical.map((k) => `"${k}"`).join(", ")}.` });
  }
  const comment = cleanComment(errors, "comment", request.comment);
  if (errors.length > 0) {
    return { result: null, errors };
  }
  const critical = criticalErrorKeys.length > 0;
  const total = critical || weights === 0 ? 0 : hundredths((100 * points) / weights);
  return { result: { total, critical, criticalErrorKeys, criteria, comment }, errors };
}
