import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformModule } from "../platform.module.js";
import { createTestDatabase, type TestDatabase } from "../testing/index.js";
import { recordEvent, type StoredEvent } from "./events.js";
import { OutboxProcessor } from "./outbox-processor.js";

const log = pino({ level: "silent" });
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase({ entities: platformModule.entities, migrations: platformModule.migrations });
});
afterAll(async () => {
  await db?.destroy();
});

/** Records `perTicket` events for each ticket, interleaved (t1#0, t2#0, t3#0, t1#1 …), in one transaction. */
async function recordInterleaved(eventType: string, tickets: string[], perTicket: number): Promise<void> {
  await db.dataSource.transaction(async (manager) => {
    for (let seq = 0; seq < perTicket; seq += 1) {
      for (const ticketId of tickets) {
        await recordEvent(manager, { type: eventType, payload: { ticketId, seq } });
      }
    }
  });
}

const seqsOf = (events: StoredEvent[], ticketId: string) => events.filter((event) => event.payload.ticketId === ticketId).map((event) => event.payload.seq);

describe("OutboxProcessor batches", () => {
  it("handles different tickets side by side and each ticket's events in order", async () => {
    const eventType = `test.batch_${randomUUID().slice(0, 8)}`;
    const tickets = Array.from({ length: 3 }, () => randomUUID());
    const received: StoredEvent[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const processor = new OutboxProcessor(db.dataSource, log, { pollMs: 60_000 });
    processor.register({
      name: "slow",
      eventType,
      handle: async (event) => {
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        // Later events of a ticket are quicker: handled out of order, they would finish first.
        await sleep(30 - Number(event.payload.seq) * 5);
        received.push(event);
        inFlight -= 1;
      },
    });
    await recordInterleaved(eventType, tickets, 6);
    await processor.drain();

    expect(received).toHaveLength(18);
    for (const ticketId of tickets) {
      expect(seqsOf(received, ticketId)).toEqual([0, 1, 2, 3, 4, 5]);
    }
    expect(mostInFlight).toBeGreaterThan(1);
    const [pending]: Array<{ n: number }> = await db.dataSource.query("SELECT count(*)::int AS n FROM platform_outbox WHERE type = $1 AND processed_at IS NULL", [eventType]);
    expect(pending?.n).toBe(0);
  });

  it("when a ticket's event fails, its later events wait for it; other tickets go on", async () => {
    const eventType = `test.batch_fail_${randomUUID().slice(0, 8)}`;
    const [stuck, other] = [randomUUID(), randomUUID()];
    const received: StoredEvent[] = [];
    const processor = new OutboxProcessor(db.dataSource, log, { pollMs: 60_000 });
    processor.register({
      name: "picky",
      eventType,
      handle: async (event) => {
        if (event.payload.ticketId === stuck && event.payload.seq === 1 && event.attempts === 0) {
          throw new Error("not yet");
        }
        received.push(event);
      },
    });
    await recordInterleaved(eventType, [stuck, other], 4);
    await processor.drain();
    expect(seqsOf(received, other)).toEqual([0, 1, 2, 3]);
    expect(seqsOf(received, stuck)).toEqual([0]);
    const waiting: Array<{ seq: number; attempts: number; waiting: boolean }> = await db.dataSource.query(
      `SELECT (payload->>'seq')::int AS seq, attempts, available_at > now() AS waiting FROM platform_outbox
        WHERE type = $1 AND processed_at IS NULL ORDER BY id`,
      [eventType],
    );
    expect(waiting).toEqual([
      { seq: 1, attempts: 1, waiting: true },
      { seq: 2, attempts: 0, waiting: true },
      { seq: 3, attempts: 0, waiting: true },
    ]);

    await db.dataSource.query("UPDATE platform_outbox SET available_at = now() WHERE type = $1", [eventType]);
    await processor.drain();
    expect(seqsOf(received, stuck)).toEqual([0, 1, 2, 3]);
  });

  it("runs a handler again at once when PostgreSQL rolled it back for a deadlock, without backoff", async () => {
    const eventType = `test.batch_deadlock_${randomUUID().slice(0, 8)}`;
    let calls = 0;
    const received: StoredEvent[] = [];
    const processor = new OutboxProcessor(db.dataSource, log, { pollMs: 60_000 });
    processor.register({
      name: "unlucky",
      eventType,
      handle: async (event) => {
        calls += 1;
        if (calls === 1) {
          throw Object.assign(new Error("deadlock detected"), { code: "40P01" });
        }
        received.push(event);
      },
    });
    await recordInterleaved(eventType, [randomUUID()], 1);
    await processor.drain();
    expect(calls).toBe(2);
    expect(received).toHaveLength(1);
    const rows: Array<{ attempts: number; processed: boolean }> = await db.dataSource.query("SELECT attempts, processed_at IS NOT NULL AS processed FROM platform_outbox WHERE type = $1", [eventType]);
    expect(rows).toEqual([{ attempts: 1, processed: true }]);
  });
});
