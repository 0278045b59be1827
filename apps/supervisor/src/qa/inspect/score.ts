/** A score form's criterion as the inspection screen needs it (from the form version the call is scored with). */
export type FormCriterion = {
  key: string;
  label: string;
  /** Its points at most (its range is 0 … weight); the weights of a form add up to its total. */
  weight: number;
  deductions: readonly { key: string; label: string; points: number }[];
};

/** A critical error of the form: any one of them sets the total to 0. */
export type FormCriticalError = { key: string; label: string };

/** What the inspector has entered so far; a criterion's points left blank are computed from its deductions. */
export type ScoreDraft = {
  points: Record<string, string>;
  deductions: Record<string, readonly string[]>;
  comments: Record<string, string>;
  critical: readonly string[];
  comment: string;
};

export type PointsProblem = "OUT_OF_RANGE" | "DEDUCTIONS_EXCEED";

export function emptyDraft(): ScoreDraft {
  return { points: {}, deductions: {}, comments: {}, critical: [], comment: "" };
}

/** The weight less the ticked deductions, not below 0: the most a criterion can get, and its points when left blank. */
export function pointsCap(criterion: FormCriterion, draft: ScoreDraft): number {
  const ticked = draft.deductions[criterion.key] ?? [];
  const deducted = criterion.deductions.filter((deduction) => ticked.includes(deduction.key)).reduce((sum, deduction) => sum + deduction.points, 0);
  return Math.max(0, Math.round((criterion.weight - deducted) * 10) / 10);
}

/** The typed points, null when left blank (the server then takes the cap). */
export function typedPoints(draft: ScoreDraft, key: string): string | null {
  const text = (draft.points[key] ?? "").trim();
  return text === "" ? null : text;
}

/** Why the typed points of a criterion are refused (the server's field codes), or null. */
export function pointsProblem(criterion: FormCriterion, draft: ScoreDraft): PointsProblem | null {
  const text = typedPoints(draft, criterion.key);
  if (text === null) {
    return null;
  }
  if (!/^\d+(\.\d)?$/.test(text) || Number(text) > criterion.weight) {
    return "OUT_OF_RANGE";
  }
  return Number(text) > pointsCap(criterion, draft) ? "DEDUCTIONS_EXCEED" : null;
}

/** A criterion's points as they will count: the typed ones, or the cap when left blank; null when refused. */
export function effectivePoints(criterion: FormCriterion, draft: ScoreDraft): number | null {
  if (pointsProblem(criterion, draft)) {
    return null;
  }
  const text = typedPoints(draft, criterion.key);
  return text === null ? pointsCap(criterion, draft) : Number(text);
}

/**
 * The live total, the server's rule: 100 × Σ criterion points ÷ Σ weights, rounded to 0.01; 0 with
 * any critical error; null while some typed points are refused.
 */
export function liveTotal(criteria: readonly FormCriterion[], draft: ScoreDraft): number | null {
  if (draft.critical.length > 0) {
    return 0;
  }
  let points = 0;
  let weights = 0;
  for (const criterion of criteria) {
    const value = effectivePoints(criterion, draft);
    if (value === null) {
      return null;
    }
    points += value;
    weights += criterion.weight;
  }
  return weights > 0 ? Math.round(((100 * points) / weights) * 100) / 100 : 0;
}

/** Ticks or unticks a deduction of a criterion. */
export function toggleDeduction(draft: ScoreDraft, criterionKey: string, deductionKey: string, on: boolean): ScoreDraft {
  const current = draft.deductions[criterionKey] ?? [];
  return {
    ...draft,
    deductions: { ...draft.deductions, [criterionKey]: on ? [...current.filter((key) => key !== deductionKey), deductionKey] : current.filter((key) => key !== deductionKey) },
  };
}

/** The draft as `QaCriterionScoreInput`s + critical error keys + comment (scoreQaCall's and decideQaAppeal's rescore). */
export function draftInput(criteria: readonly FormCriterion[], draft: ScoreDraft) {
  return {
    criteria: criteria.map((criterion) => {
      const typed = typedPoints(draft, criterion.key);
      const comment = (draft.comments[criterion.key] ?? "").trim();
      return { key: criterion.key, score: typed === null ? null : Number(typed), deductionKeys: [...(draft.deductions[criterion.key] ?? [])], comment: comment || null };
    }),
    criticalErrorKeys: [...draft.critical],
    comment: draft.comment.trim() || null,
  };
}

/** A total as shown: up to two decimals, no trailing zeros. */
export function formatTotal(total: number): string {
  return String(Math.round(total * 100) / 100);
}
