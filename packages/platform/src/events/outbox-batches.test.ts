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

describe("OutboxProcessor handling the first events of many tickets together", () => {
  it("gives a handler with handleMany each ticket's first event at once, at its place among the event's handlers, and each ticket's later events after", async () => {
    const eventType = `test.many_${randomUUID().slice(0, 8)}`;
    const tickets: string[] = Array.from({ length: 5 }, () => randomUUID());
    const log_: string[] = [];
    const together: StoredEvent[][] = [];
    const processor = new OutboxProcessor(db.dataSource, log, { pollMs: 60_000, concurrency: 2 });
    const tag = (event: StoredEvent) => `${tickets.indexOf(String(event.payload.ticketId))}#${event.payload.seq}`;
    processor.register({ name: "before", eventType, handle: async (event) => void log_.push(`before ${tag(event)}`) });
    processor.register({
      name: "many",
      eventType,
      handle: async (event) => void log_.push(`one ${tag(event)}`),
      handleMany: async (events) => {
        together.push(events);
        for (const event of events) {
          log_.push(`many ${tag(event)}`);
        }
      },
    });
    processor.register({ name: "after", eventType, handle: async (event) => void log_.push(`after ${tag(event)}`) });
    processor.register({
      name: "last",
      eventType,
      handle: async (event) => void log_.push(`last-one ${tag(event)}`),
      handleMany: async (events) => void log_.push(...events.map((event) => `last-many ${tag(event)}`)),
    });
    await recordInterleaved(eventType, tickets, 2);
    await processor.drain();

    // The five first events, in two parts handled side by side (concurrency 2); nothing one by one for them.
    expect(together.map((part) => part.length).sort()).toEqual([2, 3]);
    expect(together.flat().map(tag).sort()).toEqual(["0#0", "1#0", "2#0", "3#0", "4#0"]);
    for (let ticket = 0; ticket < 5; ticket += 1) {
      const mine = log_.filter((line) => line.endsWith(` ${ticket}#0`) || line.endsWith(` ${ticket}#1`));
      expect(mine).toEqual([
        `before ${ticket}#0`,
        `many ${ticket}#0`,
        `after ${ticket}#0`,
        `last-many ${ticket}#0`,
        `before ${ticket}#1`,
        `one ${ticket}#1`,
        `after ${ticket}#1`,
        `last-one ${ticket}#1`,
      ]);
    }
    const [pending]: Array<{ n: number }> = await db.dataSource.query("SELECT count(*)::int AS n FROM platform_outbox WHERE type = $1 AND processed_at IS NULL", [eventType]);
    expect(pending?.n).toBe(0);
  });

  it("hands the events to handle one by one when handleMany fails, without running the handlers before it again", async () => {
    const eventType = `test.many_fail_${randomUUID().slice(0, 8)}`;
    const tickets = Array.from({ length: 3 }, () => randomUUID());
    const log_: string[] = [];
    const processor = new OutboxProcessor(db.dataSource, log, { pollMs: 60_000, concurrency: 1 });
    processor.register({ name: "before", eventType, handle: async (event) => void log_.push(`before ${String(event.payload.ticketId)}`) });
    processor.register({
      name: "many",
      eventType,
      handle: async (event) => void log_.push(`one ${String(event.payload.ticketId)}`),
      handleMany: async () => {
        throw new Error("not together");
      },
    });
    await recordInterleaved(eventType, tickets, 1);
    await processor.drain();
    for (const ticketId of tickets) {
      expect(log_.filter((line) => line.endsWith(ticketId))).toEqual([`before ${ticketId}`, `one ${ticketId}`]);
    }
    const [pending]: Array<{ n: number }> = await db.dataSource.query("SELECT count(*)::int AS n FROM platform_outbox WHERE type = $1 AND processed_at IS NULL", [eventType]);
    expect(pending?.n).toBe(0);
  });

  it("with more waiting than a batch, also takes later tickets' first events for handleMany, never a ticket's event while an earlier one of it waits", async () => {
    const suffix = randomUUID().slice(0, 8);
    const [older, newer] = [`test.older_${suffix}`, `test.newer_${suffix}`];
    const olderTickets: string[] = Array.from({ length: 120 }, () => randomUUID());
    const newTickets: string[] = Array.from({ length: 3 }, () => randomUUID());
    const log_: string[] = [];
    const together: string[][] = [];
    const name = (ticketId: unknown) => (newTickets.includes(String(ticketId)) ? `n${newTickets.indexOf(String(ticketId))}` : `t${olderTickets.indexOf(String(ticketId))}`);
    const processor = new OutboxProcessor(db.dataSource, log, { pollMs: 60_000 });
    processor.register({ name: "older", eventType: older, handle: async (event) => void log_.push(`older ${name(event.payload.ticketId)}`) });
    processor.register({
      name: "newer",
      eventType: newer,
      handle: async (event) => void log_.push(`newer ${name(event.payload.ticketId)}`),
      handleMany: async (events) => {
        together.push(events.map((event) => name(event.payload.ticketId)));
        log_.push(...events.map((event) => `newer ${name(event.payload.ticketId)}`));
      },
    });
    await db.dataSource.transaction(async (manager) => {
      for (const ticketId of olderTickets) {
        await recordEvent(manager, { type: older, payload: { ticketId } });
      }
      // t0's event is in the first batch and t52's after it: neither ticket's second event may go first.
      for (const ticketId of [...newTickets, olderTickets[0]!, olderTickets[52]!]) {
        await recordEvent(manager, { type: newer, payload: { ticketId } });
      }
    });
    await processor.drain();

    // The first batch: t0…t49 (of t0…t119), and the three new tickets' first events, handled together (in parts, side by side).
    expect(together.slice(0, 3).flat().sort()).toEqual(["n0", "n1", "n2"]);
    for (const ticket of ["n0", "n1", "n2"]) {
      expect(log_.indexOf(`newer ${ticket}`)).toBeLessThan(log_.indexOf("older t50"));
    }
    for (const ticket of ["t0", "t52"]) {
      expect(log_.indexOf(`older ${ticket}`)).toBeGreaterThanOrEqual(0);
      expect(log_.indexOf(`older ${ticket}`)).toBeLessThan(log_.indexOf(`newer ${ticket}`));
    }
    expect(log_).toHaveLength(125);
    const [pending]: Array<{ n: number }> = await db.dataSource.query("SELECT count(*)::int AS n FROM platform_outbox WHERE type = ANY($1) AND processed_at IS NULL", [[older, newer]]);
    expect(pending?.n).toBe(0);
  });
});
