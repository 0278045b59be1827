import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCall, buildCatalog, intakeTestDatabase, operator, secondOperator } from "../__tests__/factories.js";
import { FINISHED_STATUSES } from "../ticket/ticket-lifecycle.js";
import { TicketStatus, Urgency } from "../ticket/ticket.enums.js";
import { hotlineDay } from "../ticket/tracking-number.js";
import { countQueues, countQueuesForEvent, mineKey, pruneQueueCounts, queueCountsStats, readQueueCounts } from "./queues.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await intakeTestDatabase();
});
afterAll(() => db?.destroy());

const STATUSES = Object.values(TicketStatus);
const URGENCIES = Object.values(Urgency);
const CREATORS = [operator.id, secondOperator.id, null];

/** A small seeded PRNG, so that a failure can be replayed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The counts by key, computed in JavaScript from the tickets themselves (independently of the SQL function and triggers). */
async function countedFromTickets(): Promise<Map<string, number>> {
  const rows = (await db.dataSource.query("SELECT status, urgency, created_by, received_at FROM intake_ticket")) as Array<{ status: TicketStatus; urgency: Urgency; created_by: string | null; received_at: Date }>;
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const row of rows) {
    if (row.status === TicketStatus.RECEIVED || row.status === TicketStatus.AWAITING_DISPATCH) {add("received");}
    if (row.status === TicketStatus.AWAITING_DISPATCH) {add("waiting");}
    if (row.urgency === Urgency.EMERGENCY && !FINISHED_STATUSES.includes(row.status)) {add("emergencies");}
    if (row.created_by) {add(mineKey(row.created_by, hotlineDay(row.received_at)));}
  }
  return counts;
}

async function counters(): Promise<Map<string, number>> {
  const rows = (await db.dataSource.query("SELECT key, sum(count)::int AS count FROM intake_queue_count GROUP BY key HAVING sum(count) <> 0")) as Array<{ key: string; count: number }>;
  return new Map(rows.map((row) => [row.key, row.count]));
}

/** The queue counts as `count(*)` over the tickets gives them (the query the counters replaced). */
async function countStar(userId: string, now: Date) {
  const dayStart = new Date(`${hotlineDay(now)}T00:00:00+08:00`);
  const dayEnd = new Date(dayStart.getTime() + 24 * 3600_000);
  const [row] = (await db.dataSource.query(
    `SELECT count(*) FILTER (WHERE status = ANY($1))::int AS received, count(*) FILTER (WHERE status = $2)::int AS "waitingForDispatch",
            count(*) FILTER (WHERE created_by = $3 AND received_at >= $4 AND received_at < $5)::int AS "mineToday",
            count(*) FILTER (WHERE urgency = $6 AND NOT status = ANY($7))::int AS emergencies
       FROM intake_ticket`,
    [[TicketStatus.RECEIVED, TicketStatus.AWAITING_DISPATCH], TicketStatus.AWAITING_DISPATCH, userId, dayStart, dayEnd, Urgency.EMERGENCY, FINISHED_STATUSES],
  )) as Array<Record<string, number>>;
  return row;
}

describe("queue counts as maintained counters", () => {
  it("equal count(*) over the tickets after random inserts, updates and deletes, single and bulk, from concurrent connections", async () => {
    const catalog = await buildCatalog(db);
    await buildCall(db, catalog);
    await buildCall(db, catalog, { urgency: Urgency.EMERGENCY }, secondOperator);
    const random = prng(20261206);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
    const now = Date.now();
    const statements: Array<() => Promise<unknown>> = [];
    for (let i = 0; i < 120; i++) {
      const choice = random();
      const status = pick(STATUSES);
      const urgency = pick(URGENCIES);
      const creator = pick(CREATORS);
      // Around midnight in China, so that "today" and "yesterday" both occur.
      const receivedAt = new Date(now - Math.floor(random() * 3 * 24 * 3600_000));
      const limit = 1 + Math.floor(random() * 5);
      if (choice < 0.35) {
        // Copies of existing tickets with another state: a bulk INSERT … SELECT of `limit` rows.
        statements.push(() =>
          db.dataSource.query(
            `INSERT INTO intake_ticket
             SELECT (jsonb_populate_record(t, jsonb_build_object('id', gen_random_uuid(), 'tracking_number', 'RND-' || md5(random()::text), 'client_request_id', NULL,
                     'status', $1::text, 'urgency', $2::text, 'created_by', $3::uuid, 'received_at', $4::timestamptz))).*
               FROM intake_ticket t WHERE t.id IN (SELECT id FROM intake_ticket ORDER BY random() LIMIT $5)`,
            [status, urgency, creator, receivedAt, limit],
          ),
        );
      } else if (choice < 0.8) {
        const column = pick(["status", "urgency", "created_by", "received_at", "description"] as const);
        const value = { status, urgency, created_by: creator, received_at: receivedAt, description: `changed ${i}` }[column];
        statements.push(() =>
          db.dataSource.query(`UPDATE intake_ticket SET ${column} = $1 WHERE id IN (SELECT id FROM intake_ticket ORDER BY md5(id::text || $2) LIMIT $3)`, [value, String(i), limit]),
        );
      } else {
        statements.push(() =>
          db.dataSource.query(
            `DELETE FROM intake_ticket WHERE tracking_number LIKE 'RND-%' AND id IN (SELECT id FROM intake_ticket WHERE tracking_number LIKE 'RND-%' ORDER BY md5(id::text || $1) LIMIT $2)`,
            [String(i), limit],
          ),
        );
      }
    }
    // Four connections at a time (different stripes, overlapping keys); each statement commits alone.
    for (let start = 0; start < statements.length; start += 4) {
      await Promise.all(statements.slice(start, start + 4).map((run) => run()));
    }
    // A transaction that changes a ticket and rolls back leaves the counters as they were.
    const before = await counters();
    await db.dataSource
      .transaction(async (manager) => {
        await manager.query("UPDATE intake_ticket SET status = 'awaiting_dispatch', urgency = 'emergency'");
        throw new Error("rolled back on purpose");
      })
      .catch(() => undefined);
    expect(await counters()).toEqual(before);

    const expected = await countedFromTickets();
    expect(expected.get("received")).toBeGreaterThan(0);
    expect(await counters()).toEqual(expected);
    for (const actor of [operator, secondOperator]) {
      expect(await countQueues(db.dataSource, actor)).toEqual(await countStar(actor.id, new Date()));
    }
  });

  it("one read of the counters serves every viewer of one event, each with their own mine-today", async () => {
    const event = {};
    const before = queueCountsStats.reads;
    const viewers = [operator, secondOperator, operator, secondOperator, operator];
    const pushed = await Promise.all(viewers.map((viewer) => countQueuesForEvent(db.dataSource, event, viewer)));
    expect(queueCountsStats.reads - before).toBe(1);
    const direct = await readQueueCounts(db.dataSource, [operator.id, secondOperator.id]);
    expect(pushed).toEqual(viewers.map((viewer) => direct.get(viewer.id)));
    // The next event reads afresh.
    await countQueuesForEvent(db.dataSource, {}, operator);
    expect(queueCountsStats.reads - before).toBe(2);
  });

  it("drops the mine-today counters of days before yesterday and keeps the rest", async () => {
    const now = new Date("2026-12-06T04:00:00Z");
    const keys = [mineKey(operator.id, "2026-12-04"), mineKey(operator.id, "2026-12-05"), mineKey(operator.id, "2026-12-06")];
    for (const key of keys) {
      await db.dataSource.query("INSERT INTO intake_queue_count (key, stripe, count) VALUES ($1, 15, 2) ON CONFLICT (key, stripe) DO NOTHING", [key]);
    }
    await pruneQueueCounts(db.dataSource, now);
    const left = (await db.dataSource.query("SELECT DISTINCT key FROM intake_queue_count WHERE key = ANY($1) ORDER BY key", [keys])) as Array<{ key: string }>;
    expect(left.map((row) => row.key)).toEqual(keys.slice(1));
    expect((await db.dataSource.query("SELECT count(*)::int AS n FROM intake_queue_count WHERE key = 'received'"))[0].n).toBeGreaterThan(0);
  });
});
