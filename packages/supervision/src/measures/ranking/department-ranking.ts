import { assertNoFieldErrors, requireRole, type Actor, type FieldError } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { isDay } from "../hot/hot-window.js";
import { RANKING_READERS } from "./ranking.errors.js";
import type { RankingWeightsVersion } from "./ranking-weights.entity.js";
import { weightsForPeriod } from "./ranking-weights.js";
import { rankUnits, type ApartUnit, type RankedUnit } from "./rank-units.js";
import { unitFiguresForPeriod, type RankingUnitFigures } from "./unit-figures.js";

const DAY_MS = 86_400_000;
/** A ranking covers at most a year (366 days). */
export const MAX_RANKING_DAYS = 366;

export type DepartmentRanking = {
  fromDay: string;
  toDay: string;
  weights: RankingWeightsVersion;
  ranked: Array<RankedUnit & { unit: RankingUnitFigures }>;
  apart: Array<ApartUnit & { unit: RankingUnitFigures }>;
};

/** The instant after the Asia/Shanghai day `day` ends. */
export function endOfShanghaiDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00+08:00`) + DAY_MS);
}

/**
 * The department ranking of Asia/Shanghai days [fromDay, toDay]: every unit with figures in the
 * period, scored with `weightsVersion` or, without one, the version in force at the period's end —
 * so last month's ranking reads the same after the weights change. SUPERVISOR, LEADER, ADMIN.
 */
export async function departmentRanking(
  db: DataSource,
  options: { actor: Actor | null; fromDay: string; toDay: string; weightsVersion?: number | null },
): Promise<DepartmentRanking> {
  requireRole(options.actor, RANKING_READERS);
  const errors: FieldError[] = [];
  for (const field of ["fromDay", "toDay"] as const) {
    if (!isDay(options[field])) {
      errors.push({ field, code: "INVALID_FORMAT", message: "Give the day as YYYY-MM-DD." });
    }
  }
  if (errors.length === 0) {
    const days = (Date.parse(options.toDay) - Date.parse(options.fromDay)) / DAY_MS + 1;
    if (days < 1) {
      errors.push({ field: "toDay", code: "OUT_OF_RANGE", message: "The last day must not be before the first." });
    } else if (days > MAX_RANKING_DAYS) {
      errors.push({ field: "toDay", code: "OUT_OF_RANGE", message: `A ranking covers at most ${MAX_RANKING_DAYS} days.` });
    }
  }
  assertNoFieldErrors(errors);
  const weights = await weightsForPeriod(db, { version: options.weightsVersion, end: endOfShanghaiDay(options.toDay) });
  const units = await unitFiguresForPeriod(db, { actor: options.actor, fromDay: options.fromDay, toDay: options.toDay });
  const ranking = rankUnits(units, weights);
  return {
    fromDay: options.fromDay,
    toDay: options.toDay,
    weights,
    ranked: ranking.ranked as DepartmentRanking["ranked"],
    apart: ranking.apart as DepartmentRanking["apart"],
  };
}
