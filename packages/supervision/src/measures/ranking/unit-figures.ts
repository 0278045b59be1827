import type { DataSource, EntityManager } from "typeorm";
import type { UnitFigures } from "./rank-units.js";

export type RankingUnitFigures = UnitFigures & { unitNameEn: string | null };

/**
 * Each unit's figures over Asia/Shanghai days [fromDay, toDay], summed from the measures aggregate
 * (supervision_measure_day, the unit's own tickets as lead unit, no sub-units), with the measures'
 * definitions: on time = on_time / due; result satisfaction = result_satisfied / survey_reasonable;
 * return rate = returned / dispatched; re-report rate = rereported / replied; extension rate =
 * extended / dispatched; tickets = dispatched. Units with no dispatch, reply or callback in the period are left out.
 */
export async function unitFiguresForPeriod(db: DataSource | EntityManager, period: { fromDay: string; toDay: string }): Promise<RankingUnitFigures[]> {
  const rows: Array<Record<string, string | number | null>> = await db.query(
    `SELECT u.id AS "unitId", u.name_zh AS "unitName", u.name_en AS "unitNameEn",
            s.dispatched, s.due, s.on_time, s.survey_reasonable, s.result_satisfied, s.returned, s.replied, s.rereported, s.extended
       FROM (SELECT unit_id, sum(dispatched)::int AS dispatched, sum(due)::int AS due, sum(on_time)::int AS on_time,
                    sum(survey_reasonable)::int AS survey_reasonable, sum(result_satisfied)::int AS result_satisfied,
                    sum(returned)::int AS returned, sum(replied)::int AS replied, sum(rereported)::int AS rereported, sum(extended)::int AS extended
               FROM supervision_measure_day
              WHERE day BETWEEN $1::date AND $2::date AND unit_id <> '00000000-0000-0000-0000-000000000000'
              GROUP BY unit_id) s
       JOIN routing_unit u ON u.id = s.unit_id
      WHERE s.dispatched + s.due + s.replied + s.survey_reasonable > 0`,
    [period.fromDay, period.toDay],
  );
  const n = (value: string | number | null | undefined) => Number(value ?? 0);
  return rows.map((row) => ({
    unitId: String(row.unitId),
    unitName: String(row.unitName),
    unitNameEn: row.unitNameEn === null ? null : String(row.unitNameEn),
    tickets: n(row.dispatched),
    onTime: { numerator: n(row.on_time), denominator: n(row.due) },
    satisfaction: { numerator: n(row.result_satisfied), denominator: n(row.survey_reasonable) },
    returned: { numerator: n(row.returned), denominator: n(row.dispatched) },
    reReported: { numerator: n(row.rereported), denominator: n(row.replied) },
    extended: { numerator: n(row.extended), denominator: n(row.dispatched) },
  }));
}
