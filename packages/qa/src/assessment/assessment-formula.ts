import type { AssessmentPartKey } from "./assessment-weights.js";

/** One call-taker's figures for a month (counts as counted; rates derived from them). */
export type CallTakerFigures = {
  callTakerId: string;
  name: string;
  teamId: string | null;
  teamName: string | null;
  /** Scored calls of the month (by the call's start) and the sum of their scores in force. */
  inspections: number;
  scoreSum: number;
  /** Answered calls of the month and their talk time (answer → end), seconds. */
  callsHandled: number;
  talkSeconds: number;
  /** Tickets the call-taker logged in the month, and those closed as a direct answer. */
  ticketsLogged: number;
  directAnswered: number;
  /** Callback answers in the month on tickets they logged (callback's process-satisfaction definition). */
  processAnswered: number;
  processSatisfied: number;
  /** Their appeals upheld in the month. */
  appealsUpheld: number;
};

export type AssessmentWeightsValues = Record<AssessmentPartKey, number> & { targetHandleSeconds: number; minCalls: number };

export type AssessmentPart = { key: AssessmentPartKey; weight: number; score: number | null };

export type AssessedCallTaker = {
  figures: CallTakerFigures;
  qaScore: number | null;
  averageHandleSeconds: number | null;
  directRate: number | null;
  processSatisfaction: number | null;
  parts: AssessmentPart[];
  score: number | null;
  rank: number | null;
  tied: boolean;
  apartReason: "TOO_FEW_CALLS" | "NO_FIGURES" | null;
};

/** The formula, as the page and the exports show it. */
export const ASSESSMENT_FORMULA = {
  zh: "综合得分 = Σ(权重 × 分项得分) ÷ Σ权重（只计有数据的分项，保留两位小数）。分项得分：质检得分 = 当月通话的质检得分平均值（申诉改判后以改判为准）；接听量 = 100 × 本人接听量 ÷ 当月接听量最多者；处理时长 = 100 × min(1, 目标时长 ÷ 平均通话时长)；直办率 = 100 × 当场直接答复办结的工单 ÷ 本人受理的工单；过程满意率 = 100 × 本人受理工单的回访中对服务满意（三级）的答复 ÷ 全部答复（与回访统计口径一致）。",
  en: "Score = Σ(weight × part score) ÷ Σ weights over the parts with data, to 0.01. Part scores: QA = mean QA score of the month's calls (a revised score after an upheld appeal counts); calls = 100 × own answered calls ÷ the most answered by anyone that month; handle time = 100 × min(1, target ÷ average talk time); direct = 100 × tickets closed as a direct answer ÷ tickets logged; satisfaction = 100 × callback answers satisfied with the service (three levels) ÷ all answers, on the tickets they logged (callback's definition).",
} as const;

export const ASSESSMENT_TIE_RULE = {
  zh: "得分相同（精确到 0.01）时，质检得分高者在前，再按接听量多者在前；仍相同则并列（1, 2, 2, 4）。接听量低于最低接听量者单列，不参与排名。",
  en: "Equal scores (to 0.01) are ordered by the higher QA score, then more calls; still equal share the rank (1, 2, 2, 4). Call-takers with fewer calls than the minimum are listed apart, unranked.",
} as const;

function hundredths(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/**
 * Assesses and ranks call-takers by the formula above. Pure: the same figures and weights always
 * give the same ranks. Ranked ones first (best first), then the ones apart.
 */
export function assessCallTakers(figures: readonly CallTakerFigures[], weights: AssessmentWeightsValues): AssessedCallTaker[] {
  const mostCalls = Math.max(0, ...figures.map((row) => row.callsHandled));
  const assessed = figures.map((row): AssessedCallTaker => {
    const qaScore = row.inspections > 0 ? hundredths(row.scoreSum / row.inspections) : null;
    const averageHandleSeconds = row.callsHandled > 0 ? hundredths(row.talkSeconds / row.callsHandled) : null;
    const directRate = ratio(row.directAnswered, row.ticketsLogged);
    const processSatisfaction = ratio(row.processSatisfied, row.processAnswered);
    const partScores: Record<AssessmentPartKey, number | null> = {
      qaScore,
      callsHandled: mostCalls > 0 ? (100 * row.callsHandled) / mostCalls : null,
      handleTime: averageHandleSeconds === null ? null : averageHandleSeconds === 0 ? 100 : 100 * Math.min(1, weights.targetHandleSeconds / averageHandleSeconds),
      directRate: directRate === null ? null : 100 * directRate,
      processSatisfaction: processSatisfaction === null ? null : 100 * processSatisfaction,
    };
    const parts = (Object.keys(partScores) as AssessmentPartKey[]).map((key) => ({ key, weight: weights[key], score: partScores[key] === null ? null : hundredths(partScores[key]!) }));
    let weighted = 0;
    let total = 0;
    for (const part of parts) {
      if (part.score !== null && part.weight > 0) {
        weighted += part.weight * part.score;
        total += part.weight;
      }
    }
    const score = total > 0 ? hundredths(weighted / total) : null;
    const apartReason = row.callsHandled < weights.minCalls ? "TOO_FEW_CALLS" : score === null ? "NO_FIGURES" : null;
    return { figures: row, qaScore, averageHandleSeconds, directRate, processSatisfaction, parts, score, rank: null, tied: false, apartReason };
  });
  const compare = (a: AssessedCallTaker, b: AssessedCallTaker) => b.score! - a.score! || (b.qaScore ?? -1) - (a.qaScore ?? -1) || b.figures.callsHandled - a.figures.callsHandled;
  const ranked = assessed.filter((row) => row.apartReason === null);
  ranked.sort((a, b) => compare(a, b) || a.figures.name.localeCompare(b.figures.name, "zh-CN") || (a.figures.callTakerId < b.figures.callTakerId ? -1 : 1));
  ranked.forEach((row, index) => {
    const previous = ranked[index - 1];
    row.rank = previous && compare(previous, row) === 0 ? previous.rank : index + 1;
  });
  ranked.forEach((row, index) => {
    row.tied = [ranked[index - 1], ranked[index + 1]].some((other) => other?.rank === row.rank);
  });
  const apart = assessed.filter((row) => row.apartReason !== null).sort((a, b) => b.figures.callsHandled - a.figures.callsHandled || a.figures.name.localeCompare(b.figures.name, "zh-CN"));
  return [...ranked, ...apart];
}
