import type { DataSource, EntityManager } from "typeorm";
import { CENTRE_UNIT_KEY, type ChasingSeverity, type ChasingStage } from "./chasing.enums.js";
import { INSERT_ALL_LATE, INSERT_LATE_OF_TICKETS } from "./classify.js";

/** Where a ticket stands on the board (null: not late). */
export type ChasingPlace = { stage: ChasingStage; severity: ChasingSeverity; unitId: string | null; alarm: boolean };

/** A ticket whose place on the board changed. */
export type ChasingMove = { ticketId: string; before: ChasingPlace | null; after: ChasingPlace | null };

type PlaceRow = { ticket_id: string; stage: ChasingStage; severity: ChasingSeverity; unit_id: string | null; alarm: boolean };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function placeOf(row: PlaceRow): ChasingPlace {
  return { stage: row.stage, severity: row.severity, unitId: row.unit_id, alarm: row.alarm };
}

function samePlace(a: ChasingPlace | null, b: ChasingPlace | null): boolean {
  return a?.stage === b?.stage && a?.severity === b?.severity && a?.unitId === b?.unitId && a?.alarm === b?.alarm;
}

/** The unit whose counters a place moves (the centre's key before dispatch). */
export function unitKeyOf(place: Pick<ChasingPlace, "unitId">): string {
  return place.unitId ?? CENTRE_UNIT_KEY;
}

/**
 * Brings the board's rows of these tickets in line with routing's timer marks, and moves the
 * per-unit counters by the difference in the same transaction. Tickets are locked (advisory, in id
 * order) so two events of one ticket reconcile one after the other. Answers the tickets whose place
 * changed; running it again changes nothing (events arrive at least once).
 */
export async function reconcileChasing(manager: EntityManager, ticketIds: readonly string[]): Promise<ChasingMove[]> {
  const ids = [...new Set(ticketIds.filter((id) => UUID.test(id)).map((id) => id.toLowerCase()))].sort();
  if (ids.length === 0) {
    return [];
  }
  await manager.query("SELECT pg_advisory_xact_lock(hashtextextended('supervision.chasing:' || id, 0)) FROM unnest($1::text[]) AS id ORDER BY id", [ids]);
  const removed = (await manager.query(
    "WITH gone AS (DELETE FROM supervision_chasing_item WHERE ticket_id = ANY($1::uuid[]) RETURNING ticket_id, stage, severity, unit_id, alarm) SELECT * FROM gone",
    [ids],
  )) as PlaceRow[];
  const inserted = (await manager.query(INSERT_LATE_OF_TICKETS, [ids])) as PlaceRow[];
  const before = new Map(removed.map((row) => [row.ticket_id, placeOf(row)]));
  const after = new Map(inserted.map((row) => [row.ticket_id, placeOf(row)]));
  const deltas = new Map<string, { stage: string; severity: string; unitKey: string; delta: number }>();
  const move = (place: ChasingPlace, delta: number) => {
    const key = `${place.stage}|${place.severity}|${unitKeyOf(place)}`;
    const entry = deltas.get(key) ?? { stage: place.stage, severity: place.severity, unitKey: unitKeyOf(place), delta: 0 };
    entry.delta += delta;
    deltas.set(key, entry);
  };
  removed.forEach((row) => move(placeOf(row), -1));
  inserted.forEach((row) => move(placeOf(row), +1));
  const changed = [...deltas.values()].filter((entry) => entry.delta !== 0);
  if (changed.length > 0) {
    await manager.query(
      `INSERT INTO supervision_chasing_count (stage, severity, unit_key, count)
       SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::int[])
       ON CONFLICT (stage, severity, unit_key) DO UPDATE SET count = supervision_chasing_count.count + EXCLUDED.count`,
      [changed.map((e) => e.stage), changed.map((e) => e.severity), changed.map((e) => e.unitKey), changed.map((e) => e.delta)],
    );
  }
  return ids
    .map((ticketId) => ({ ticketId, before: before.get(ticketId) ?? null, after: after.get(ticketId) ?? null }))
    .filter((entry) => !samePlace(entry.before, entry.after));
}

/**
 * Rebuilds the whole board and its counters from routing's marks in one transaction (after a bulk
 * load, or to repair); answers how many tickets are late.
 */
export async function rebuildChasing(dataSource: DataSource): Promise<number> {
  return dataSource.transaction(async (manager) => {
    await manager.query("LOCK TABLE supervision_chasing_item, supervision_chasing_count IN EXCLUSIVE MODE");
    await manager.query("DELETE FROM supervision_chasing_item");
    await manager.query("DELETE FROM supervision_chasing_count");
    await manager.query(INSERT_ALL_LATE);
    await manager.query(
      `INSERT INTO supervision_chasing_count (stage, severity, unit_key, count)
       SELECT stage, severity, coalesce(unit_id, '${CENTRE_UNIT_KEY}'::uuid), count(*)::int FROM supervision_chasing_item GROUP BY 1, 2, 3`,
    );
    const [row] = (await manager.query("SELECT count(*)::int AS n FROM supervision_chasing_item")) as Array<{ n: number }>;
    return row?.n ?? 0;
  });
}
