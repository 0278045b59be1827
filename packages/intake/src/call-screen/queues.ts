import { pageInput, requireRole, type Actor, type PageRule } from "@civicline/platform";
import type { DataSource, SelectQueryBuilder } from "typeorm";
import { FINISHED_STATUSES } from "../ticket/ticket-lifecycle.js";
import { QUEUE_ROLES } from "../ticket/ticket-queries.js";
import { Ticket } from "../ticket/ticket.entity.js";
import { TicketStatus, Urgency } from "../ticket/ticket.enums.js";
import { hotlineDay } from "../ticket/tracking-number.js";
import { QueueKind } from "./call-screen.enums.js";

/** Topic published (from the outbox) whenever a ticket is received or changes status or urgency. */
export const QUEUE_COUNTS_CHANGED_TOPIC = "QUEUE_COUNTS_CHANGED";

export type QueueCounts = { waitingForDispatch: number; mineToday: number; emergencies: number; received: number };

const AT_CENTRE = [TicketStatus.RECEIVED, TicketStatus.AWAITING_DISPATCH];

/** Midnight today in the hotline's time zone (Asia/Shanghai has no daylight saving time). */
export function startOfHotlineDay(now = new Date()): Date {
  return new Date(`${hotlineDay(now)}T00:00:00+08:00`);
}

/** The SQL condition (on alias `t`) and its parameters for one queue. */
function queueCondition(kind: QueueKind, actor: Actor): { sql: string; params: Record<string, unknown> } {
  switch (kind) {
    case QueueKind.WAITING_FOR_DISPATCH:
      return { sql: "t.status = :waiting", params: { waiting: TicketStatus.AWAITING_DISPATCH } };
    case QueueKind.MINE_TODAY:
      return { sql: "t.created_by = :me AND t.received_at >= :dayStart", params: { me: actor.id, dayStart: startOfHotlineDay() } };
    case QueueKind.EMERGENCIES:
      return { sql: "t.urgency = :emergency AND t.status NOT IN (:...finished)", params: { emergency: Urgency.EMERGENCY, finished: FINISHED_STATUSES } };
    default:
      return { sql: "t.status IN (:...atCentre)", params: { atCentre: AT_CENTRE } };
  }
}

/** Emergencies first, then urgent, then newest first: the order of every queue. */
export function orderByUrgency(query: SelectQueryBuilder<Ticket>): SelectQueryBuilder<Ticket> {
  return query
    .orderBy(`CASE t.urgency WHEN '${Urgency.EMERGENCY}' THEN 0 WHEN '${Urgency.URGENT}' THEN 1 ELSE 2 END`, "ASC")
    .addOrderBy("t.received_at", "DESC")
    .addOrderBy("t.id", "ASC");
}

/** Paging of the intake queues (the first page only: no offset). */
export const QUEUE_PAGE: PageRule = { defaultLimit: 50, maxLimit: 200 };

/** The maintained counter that holds a queue's size (what `queueCounts` shows for it). */
const QUEUE_TOTAL: Record<QueueKind, keyof QueueCounts> = {
  [QueueKind.RECEIVED]: "received",
  [QueueKind.WAITING_FOR_DISPATCH]: "waitingForDispatch",
  [QueueKind.EMERGENCIES]: "emergencies",
  [QueueKind.MINE_TODAY]: "mineToday",
};

/**
 * One page of an intake queue, for centre staff. The page is read in queue order from its index and
 * stops after `limit` rows; the total is the queue's maintained counter (the same figure the queue
 * counts show), read beside it — not a count over every ticket in the queue.
 */
export async function listQueue(
  dataSource: DataSource,
  input: { actor: Actor | null; kind: QueueKind; limit?: number | null },
): Promise<{ total: number; items: Ticket[] }> {
  const actor = requireRole(input.actor, QUEUE_ROLES);
  const { limit } = pageInput({ limit: input.limit }, QUEUE_PAGE);
  const condition = queueCondition(input.kind, actor);
  const query = dataSource.getRepository(Ticket).createQueryBuilder("t").where(condition.sql, condition.params);
  const [items, counts] = await Promise.all([orderByUrgency(query).take(limit).getMany(), readQueueCounts(dataSource, [actor.id])]);
  return { total: counts.get(actor.id)![QUEUE_TOTAL[input.kind]], items };
}

/** The counter key of the tickets `userId` logged on hotline day `day` (as `intake_queue_keys` writes it). */
export function mineKey(userId: string, day: string): string {
  return `mine:${userId}:${day}`;
}

const CENTRE_KEYS = ["received", "waiting", "emergencies"] as const;

/**
 * The counts of several viewers from the maintained counters (`intake_queue_count`, kept by triggers
 * in the transaction that changes a ticket): one statement reading the centre's three counters and
 * each viewer's own of today, whatever the number of viewers.
 */
export async function readQueueCounts(dataSource: DataSource, userIds: readonly string[], now = new Date()): Promise<Map<string, QueueCounts>> {
  const day = hotlineDay(now);
  const ids = [...new Set(userIds)];
  const rows = (await dataSource.query("SELECT key, sum(count)::int AS count FROM intake_queue_count WHERE key = ANY($1::text[]) GROUP BY key", [
    [...CENTRE_KEYS, ...ids.map((id) => mineKey(id, day))],
  ])) as Array<{ key: string; count: number }>;
  const byKey = new Map(rows.map((row) => [row.key, Number(row.count)]));
  return new Map(
    ids.map((id) => [
      id,
      {
        received: byKey.get("received") ?? 0,
        waitingForDispatch: byKey.get("waiting") ?? 0,
        emergencies: byKey.get("emergencies") ?? 0,
        mineToday: byKey.get(mineKey(id, day)) ?? 0,
      },
    ]),
  );
}

/** How many tickets each queue holds for this viewer: a few counter rows, no count over the tickets. */
export async function countQueues(dataSource: DataSource, actorInput: Actor | null): Promise<QueueCounts> {
  const actor = requireRole(actorInput, QUEUE_ROLES);
  return (await readQueueCounts(dataSource, [actor.id])).get(actor.id)!;
}

/** Viewers waiting for one event's counts on this instance, read together once the current tick ends. */
type CountsBatch = { ids: Set<string>; sealed: boolean; counts: Promise<Map<string, QueueCounts>> };
const batches = new WeakMap<object, CountsBatch>();

/** The number of counter reads for pushed counts in this process (a test proves one per event, not one per viewer). */
export const queueCountsStats = { reads: 0 };

/**
 * The counts pushed for one event (`queueCountsChanged`): every viewer on this instance handed the
 * same event joins one read of the counters (they all ask within the tick the event arrives in), so
 * an event costs one statement per instance, not one per console.
 */
export async function countQueuesForEvent(dataSource: DataSource, event: object, actorInput: Actor | null): Promise<QueueCounts> {
  const actor = requireRole(actorInput, QUEUE_ROLES);
  let batch = batches.get(event);
  if (!batch || (batch.sealed && !batch.ids.has(actor.id))) {
    const ids = new Set<string>();
    const fresh: CountsBatch = {
      ids,
      sealed: false,
      counts: new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        fresh.sealed = true;
        queueCountsStats.reads += 1;
        return readQueueCounts(dataSource, [...ids]);
      }),
    };
    batches.set(event, fresh);
    batch = fresh;
  }
  batch.ids.add(actor.id);
  return (await batch.counts).get(actor.id)!;
}

/**
 * Drops the mine-today counters of days before yesterday (nobody reads them again; each day adds a
 * few rows per call-taker). Run by a periodic job (intake module `schedules`).
 */
export async function pruneQueueCounts(dataSource: DataSource, now = new Date()): Promise<number> {
  const yesterday = hotlineDay(new Date(now.getTime() - 24 * 3600_000));
  const [, removed] = (await dataSource.query("DELETE FROM intake_queue_count WHERE key LIKE 'mine:%' AND right(key, 10) < $1", [yesterday])) as [unknown, number];
  return removed;
}
