import type { Actor } from "@civicline/platform";
import type { DataSource, EntityManager } from "typeorm";
import { MeasureBreakdownBy, MeasurePeriodKind, measureBreakdown, type MeasureFigure } from "../engine/measures.js";
import type { UnitFigures } from "./rank-units.js";

export type RankingUnitFigures = UnitFigures & { unitNameEn: string | null };

const ratioOf = (figure: MeasureFigure) => ({ numerator: figure.numerator, denominator: figure.denominator ?? 0 });

/**
 * Each unit's figures over Asia/Shanghai days [fromDay, toDay] from the measures engine's per-unit
 * breakdown (the unit's own tickets as lead unit, no sub-units), with the measures' own definitions:
 * on-time rate, result satisfaction, return, re-report and extension rates; tickets = dispatched.
 */
export async function unitFiguresForPeriod(db: DataSource | EntityManager, options: { actor: Actor | null; fromDay: string; toDay: string }): Promise<RankingUnitFigures[]> {
  const rows = await measureBreakdown(db, {
    actor: options.actor,
    filter: { period: { kind: MeasurePeriodKind.CUSTOM, from: options.fromDay, to: options.toDay } },
    by: MeasureBreakdownBy.UNIT,
  });
  return rows
    .filter((row) => row.key !== null)
    .map((row) => ({
      unitId: row.key!,
      unitName: row.nameZh ?? "",
      unitNameEn: row.nameEn,
      tickets: row.set.counts.dispatched,
      onTime: ratioOf(row.set.onTimeRate),
      satisfaction: ratioOf(row.set.resultSatisfactionRate),
      returned: ratioOf(row.set.returnRate),
      reReported: ratioOf(row.set.reReportRate),
      extended: ratioOf(row.set.extensionRate),
    }));
}
