/** A rate as a person can check it: numerator / denominator. */
export type Ratio = { numerator: number; denominator: number };

/** One unit's figures for a period, as the measures give them (the unit as lead unit, without sub-units). */
export type UnitFigures = {
  unitId: string;
  unitName: string;
  /** Tickets dispatched to the unit in the period: the "too few tickets" test uses this. */
  tickets: number;
  onTime: Ratio;
  satisfaction: Ratio;
  returned: Ratio;
  reReported: Ratio;
  extended: Ratio;
};

/** The weights of one version (0–100 each) and the minimum number of tickets to be ranked. */
export type RankingWeights = {
  onTime: number;
  satisfaction: number;
  notReturned: number;
  notReReported: number;
  notExtended: number;
  minTickets: number;
};

export type RankingPartKey = "onTime" | "satisfaction" | "notReturned" | "notReReported" | "notExtended";

/** The parts of the composite score: which figure, and whether a higher rate is worse (then 1 − rate counts). */
export const RANKING_PARTS: ReadonlyArray<{ key: RankingPartKey; figure: "onTime" | "satisfaction" | "returned" | "reReported" | "extended"; inverted: boolean }> = [
  { key: "onTime", figure: "onTime", inverted: false },
  { key: "satisfaction", figure: "satisfaction", inverted: false },
  { key: "notReturned", figure: "returned", inverted: true },
  { key: "notReReported", figure: "reReported", inverted: true },
  { key: "notExtended", figure: "extended", inverted: true },
];

/** The formula as shown on the page and in the API. */
export const RANKING_FORMULA =
  "score = Σ wᵢ·sᵢ / Σ wᵢ over the parts with a denominator > 0, where s = 100 × on-time rate, 100 × result satisfaction, 100 × (1 − return rate), 100 × (1 − re-report rate), 100 × (1 − extension rate); rounded to 0.01";

/** The tie rule as shown on the page and in the API. */
export const RANKING_TIE_RULE =
  "Equal scores (to 0.01) are ordered by the higher on-time rate, then the higher result satisfaction, then more tickets; units still equal share the rank (1, 2, 2, 4).";

export type RankingPart = { key: RankingPartKey; weight: number; ratio: Ratio; score: number | null };

export type RankedUnit = { rank: number; tied: boolean; unit: UnitFigures; score: number; parts: RankingPart[] };

export type ApartReason = "TOO_FEW_TICKETS" | "NO_FIGURES";

export type ApartUnit = { unit: UnitFigures; reason: ApartReason; parts: RankingPart[] };

export type UnitRanking = { ranked: RankedUnit[]; apart: ApartUnit[] };

/** Rounds to 0.01 (half away from zero) on the integer hundredths, so equal shown scores compare equal. */
function hundredths(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}

function partsOf(unit: UnitFigures, weights: RankingWeights): RankingPart[] {
  return RANKING_PARTS.map(({ key, figure, inverted }) => {
    const ratio = unit[figure];
    const score = ratio.denominator > 0 ? 100 * (inverted ? 1 - ratio.numerator / ratio.denominator : ratio.numerator / ratio.denominator) : null;
    return { key, weight: weights[key], ratio, score };
  });
}

/** The composite score (0–100, to 0.01), or null when no weighted part has a denominator. */
export function compositeScore(parts: readonly RankingPart[]): number | null {
  let weighted = 0;
  let weights = 0;
  for (const part of parts) {
    if (part.score !== null && part.weight > 0) {
      weighted += part.weight * part.score;
      weights += part.weight;
    }
  }
  return weights > 0 ? hundredths(weighted / weights) : null;
}

/** a/b against c/d without floating point; a missing rate (denominator 0) comes last. */
function compareRates(a: Ratio, b: Ratio): number {
  if (a.denominator === 0 || b.denominator === 0) {
    return (a.denominator === 0 ? 1 : 0) - (b.denominator === 0 ? 1 : 0);
  }
  return b.numerator * a.denominator - a.numerator * b.denominator;
}

/** Negative when `a` ranks before `b` under the tie rule; 0 when they share a rank. */
function compareRanked(a: RankedUnit, b: RankedUnit): number {
  return b.score - a.score || compareRates(a.unit.onTime, b.unit.onTime) || compareRates(a.unit.satisfaction, b.unit.satisfaction) || b.unit.tickets - a.unit.tickets;
}

/**
 * Ranks units by the composite score of `weights` (see RANKING_FORMULA and RANKING_TIE_RULE). Units
 * with fewer than `minTickets` tickets, or with no weighted figure at all, are returned apart,
 * unranked. Pure: the same figures and weights always give the same ranking.
 */
export function rankUnits(units: readonly UnitFigures[], weights: RankingWeights): UnitRanking {
  const candidates: RankedUnit[] = [];
  const apart: ApartUnit[] = [];
  for (const unit of units) {
    const parts = partsOf(unit, weights);
    const score = compositeScore(parts);
    if (unit.tickets < weights.minTickets) {
      apart.push({ unit, reason: "TOO_FEW_TICKETS", parts });
    } else if (score === null) {
      apart.push({ unit, reason: "NO_FIGURES", parts });
    } else {
      candidates.push({ rank: 0, tied: false, unit, score, parts });
    }
  }
  const byName = (a: UnitFigures, b: UnitFigures) => a.unitName.localeCompare(b.unitName, "zh-CN") || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0);
  candidates.sort((a, b) => compareRanked(a, b) || byName(a.unit, b.unit));
  candidates.forEach((entry, index) => {
    const previous = candidates[index - 1];
    entry.rank = previous && compareRanked(previous, entry) === 0 ? previous.rank : index + 1;
  });
  candidates.forEach((entry, index) => {
    entry.tied = [candidates[index - 1], candidates[index + 1]].some((other) => other?.rank === entry.rank);
  });
  apart.sort((a, b) => b.unit.tickets - a.unit.tickets || byName(a.unit, b.unit));
  return { ranked: candidates, apart };
}
