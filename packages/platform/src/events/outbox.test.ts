import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { platformModule } from "../platform.module.js";
import { createTestDatabase, type TestDatabase } from "../testing/index.js";
import { recordEvent, type StoredEvent } from "./events.js";
import { OutboxProcessor } from "./outbox-processor.js";

const log = pino({ level: "silent" });
let db: TestDatabase;
const started: OutboxProcessor[] = [];

beforeAll(async () => {
  db = await createTestDatabase({ entities: platformModule.entities, migrations: platformModule.migrations });
});

afterEach(async () => {
  await Promise.all(started.splice(0).map((processor) => processor.stop()));
});

afterAll(async () => {
  await db?.destroy();
});

/** A processor with one handler for a fresh event type; `received` lists what the handler saw. */
function buildProcessor(options: { eventType?: string; fail?: (event: StoredEvent) => boolean; connectionUrl?: string } = {}) {
  const eventType = options.eventType ?? `test.happened_${randomUUID().slice(0, 8)}`;
  const received: StoredEvent[] = [];
  const processor = new OutboxProcessor(db.dataSource, log, { pollMs: 60_000, connectionUrl: options.connectionUrl });
  processor.register({
    name: "recorder",
    eventType,
    handle: async (event) => {
      if (options.fail?.(event)) {
        throw new Error(`handler refused attempt ${event.attempts}`);
      }
      received.push(event);
    },
  });
  started.push(processor);
  return { processor, eventType, received };
}

type OutboxRow = { attempts: number; last_error: string | null; processed: boolean; waiting: boolean };

async function outboxRows(type: string): Promise<OutboxRow[]> {
  return db.dataSource.query(
    `SELECT attempts, last_error, processed_at IS NOT NULL AS processed, available_at > now() AS waiting
     FROM platform_outbox WHERE type = $1 ORDER BY id`,
    [type],
  );
}

describe("recordEvent and OutboxProcessor", () => {
  it("delivers a committed event once, and only after the commit", async () => {
    const { processor, eventType, received } = buildProcessor();
    const actorId = randomUUID();
    await db.dataSource.transaction(async (manager) => {
      await recordEvent(manager, { type: eventType, payload: { ticketId: "ZB2604001" }, actorId });
      await processor.drain();
      expect(received).toEqual([]);
    });
    await processor.drain();
    await processor.drain();

    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ type: eventType, payload: { ticketId: "ZB2604001" }, actorId, attempts: 0 });
    expect(received[0]?.occurredAt).toBeInstanceOf(Date);
    expect(await outboxRows(eventType)).toEqual([{ attempts: 1, last_error: null, processed: true, waiting: false }]);
  });

  it("never delivers an event whose transaction rolled back", async () => {
    const { processor, eventType, received } = buildProcessor();
    await expect(
      db.dataSource.transaction(async (manager) => {
        await recordEvent(manager, { type: eventType, payload: { ticketId: "ZB2604002" } });
        throw new Error("validation failed after the event was recorded");
      }),
    ).rejects.toThrow("validation failed");
    await processor.drain();
    expect(received).toEqual([]);
    expect(await outboxRows(eventType)).toEqual([]);
  });

  it("refuses to record an event outside a transaction", async () => {
    const eventType = `test.loose_${randomUUID().slice(0, 8)}`;
    await expect(recordEvent(db.dataSource.manager, { type: eventType, payload: {} })).rejects.toThrow(/must run inside a transaction/);
    expect(await outboxRows(eventType)).toEqual([]);
  });

  it("retries a failing handler with backoff and records the error", async () => {
    const { processor, eventType, received } = buildProcessor({ fail: (event) => event.attempts === 0 });
    await db.dataSource.transaction((manager) => recordEvent(manager, { type: eventType, payload: { n: 1 } }));

    await processor.drain();
    expect(received).toEqual([]);
    const [failed] = await outboxRows(eventType);
    expect(failed).toEqual({ attempts: 1, last_error: "recorder: handler refused attempt 0", processed: false, waiting: true });

    await processor.drain();
    expect(received).toEqual([]);

    await db.dataSource.query("UPDATE platform_outbox SET available_at = now() WHERE type = $1", [eventType]);
    await processor.drain();
    expect(received.map((event) => event.attempts)).toEqual([1]);
    expect(await outboxRows(eventType)).toMatchObject([{ attempts: 2, processed: true }]);
  });

  it("shares the work between processors without delivering anything twice", async () => {
    const eventType = `test.busy_${randomUUID().slice(0, 8)}`;
    const deliveries = new Map<string, number>();
    const perProcessor = [0, 0];
    const processors = [0, 1].map((index) => {
      const processor = new OutboxProcessor(db.dataSource, log, { pollMs: 60_000 });
      processor.register({
        name: `worker-${index}`,
        eventType,
        handle: async (event) => {
          await sleep(2);
          deliveries.set(String(event.payload.n), (deliveries.get(String(event.payload.n)) ?? 0) + 1);
          perProcessor[index] = (perProcessor[index] ?? 0) + 1;
        },
      });
      return processor;
    });
    const total = 120;
    await db.dataSource.transaction(async (manager) => {
      for (let n = 0; n < total; n += 1) {
        await recordEvent(manager, { type: eventType, payload: { n } });
      }
    });

    await Promise.all(processors.map((processor) => processor.drain()));

    expect(deliveries.size).toBe(total);
    expect([...deliveries].filter(([, count]) => count !== 1)).toEqual([]);
    expect(perProcessor[0]).toBeGreaterThan(0);
    expect(perProcessor[1]).toBeGreaterThan(0);
    const [pending]: Array<{ n: number }> = await db.dataSource.query(
      "SELECT count(*)::int AS n FROM platform_outbox WHERE type = $1 AND processed_at IS NULL",
      [eventType],
    );
    expect(pending?.n).toBe(0);
  });

  it("wakes a started processor on NOTIFY, with no poll and no drain() after the commit", async () => {
    const { processor, eventType, received } = buildProcessor({ connectionUrl: db.url });
    await processor.start();
    // start() drains once; let that finish so only the NOTIFY can bring the next event in.
    await processor.drain();
    expect(received).toEqual([]);

    await db.dataSource.transaction((manager) => recordEvent(manager, { type: eventType, payload: { ticketId: "ZB2604003" } }));

    await vi.waitFor(() => expect(received).toHaveLength(1), { timeout: 5_000, interval: 20 });
    expect(received[0]?.payload).toEqual({ ticketId: "ZB2604003" });
  });
});
