import type { DataSource, EntityManager } from "typeorm";
import { syncMeasureCalendar } from "./measure-calendar.js";
import { pauseRollups, rebuildRollupsIn, withSecondaryIndexesRebuilt } from "./measure-rollups.js";
import { COUNTERS, DIMENSIONS, dimensionsSql, factsSql, installSql } from "./measure-sql.js";

export type RebuildResult = { tickets: number; facts: number; cells: number; ms: number };

/**
 * Recomputes the measures exactly from the raw tables, inside the caller's transaction: re-installs
 * the functions (the current definitions), syncs the calendar, then rewrites the facts of every
 * ticket and the day aggregate set-based. The tables are locked EXCLUSIVE first, so ticket changes
 * made meanwhile wait (their triggers need the lock row) and run on the rebuilt state afterwards.
 */
export async function rebuildMeasuresIn(manager: EntityManager): Promise<RebuildResult> {
  const started = Date.now();
  for (const statement of installSql()) {
    await manager.query(statement);
  }
  await manager.query(`LOCK TABLE supervision_measure_ticket, supervision_measure_fact, supervision_measure_day IN EXCLUSIVE MODE`);
  await pauseRollups(manager);
  await syncMeasureCalendar(manager);
  await manager.query(`TRUNCATE supervision_measure_fact, supervision_measure_ticket, supervision_measure_day`);
  const counters = COUNTERS.join(", ");
  const dims = DIMENSIONS.join(", ");
  // Millions of rows: sorts in memory, rows in primary-key order, secondary indexes built once at the end.
  await manager.query(`SET LOCAL work_mem = '256MB'`);
  await manager.query(`SET LOCAL maintenance_work_mem = '512MB'`);
  await withSecondaryIndexesRebuilt(manager, ["supervision_measure_fact", "supervision_measure_day"], async () => {
    await manager.query(`INSERT INTO supervision_measure_ticket (ticket_id, ${dims}) ${dimensionsSql("IS NOT NULL")} ORDER BY 1`);
    await manager.query(`INSERT INTO supervision_measure_fact (ticket_id, day, unit_id, ${counters}) SELECT * FROM (${factsSql("IS NOT NULL")}) f ORDER BY 1, 2, 3`);
    await manager.query(
      `INSERT INTO supervision_measure_day (day, unit_id, ${dims}, ${counters})
       SELECT f.day, f.unit_id, ${DIMENSIONS.map((d) => `m.${d}`).join(", ")}, ${COUNTERS.map((c) => `sum(f.${c})`).join(", ")}
         FROM supervision_measure_fact f JOIN supervision_measure_ticket m ON m.ticket_id = f.ticket_id
        GROUP BY f.day, f.unit_id, ${DIMENSIONS.map((d) => `m.${d}`).join(", ")}
        ORDER BY f.day, f.unit_id, ${DIMENSIONS.map((d) => `m.${d}`).join(", ")}`,
    );
  });
  await rebuildRollupsIn(manager);
  const [counts] = (await manager.query(
    `SELECT (SELECT count(*) FROM supervision_measure_ticket)::int AS tickets, (SELECT count(*) FROM supervision_measure_fact)::int AS facts,
            (SELECT count(*) FROM supervision_measure_day)::int AS cells`,
  )) as Array<{ tickets: number; facts: number; cells: number }>;
  return { ...counts!, ms: Date.now() - started };
}

/**
 * `rebuildMeasures`: the exact rebuild in its own transaction, on any DataSource whose database has
 * the civicline migrations applied (the gateway's, a test's, the benchmark's own database).
 * `node apps/gateway/dist/cli.js rebuild-measures` calls it.
 */
export function rebuildMeasures(dataSource: DataSource): Promise<RebuildResult> {
  return dataSource.transaction((manager) => rebuildMeasuresIn(manager));
}

/**
 * After a calendar change: sync the calendar table and recompute the tickets whose handling time
 * (dispatch → reply) spans a day whose status changed. Other tickets' working times do not move.
 */
export async function refreshMeasureCalendar(manager: EntityManager): Promise<number> {
  const { firstChanged, lastChanged } = await syncMeasureCalendar(manager);
  if (!firstChanged || !lastChanged) {
    return 0;
  }
  const rows = (await manager.query(
    `SELECT count(*)::int AS n FROM (
       SELECT supervision_measure_refresh(x.ticket_id) FROM (
         SELECT DISTINCT a.ticket_id FROM routing_assignment a
          WHERE a.replied_at IS NOT NULL AND a.replied_at >= ($1::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
            AND a.dispatched_at < ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
          ORDER BY a.ticket_id) x) r`,
    [firstChanged, lastChanged],
  )) as Array<{ n: number }>;
  return rows[0]?.n ?? 0;
}
