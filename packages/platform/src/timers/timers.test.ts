import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { pino } from "pino";
import type { DataSource, EntityManager } from "typeorm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createDataSource } from "../database/data-source.js";
import { platformModule } from "../platform.module.js";
import { createTestDatabase, type TestDatabase } from "../testing/index.js";
import { TimerService, type FiringTimer, type TimerHandler } from "./timer-service.js";
import { cancelTimer, findTimer, scheduleTimer, type TimerRequest } from "./timers.js";

const log = pino({ level: "silent" });
let db: TestDatabase;
const services: TimerService[] = [];
const extraSources: DataSource[] = [];

beforeAll(async () => {
  db = await createTestDatabase({ entities: platformModule.entities, migrations: platformModule.migrations });
  // What a handler's own writes look like: one row per effect, in the handler's transaction.
  await db.dataSource.query("CREATE TABLE test_effect (key text NOT NULL, note text, at timestamptz NOT NULL DEFAULT clock_timestamp())");
});

afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.stop()));
  await Promise.all(extraSources.splice(0).map((source) => source.destroy()));
});

afterAll(async () => {
  await db?.destroy();
});

const uniqueType = (name: string): string => `test.${name}_${randomUUID().slice(0, 8)}`;
const inMs = (ms: number): Date => new Date(Date.now() + ms);

async function schedule(request: TimerRequest): Promise<void> {
  await db.dataSource.transaction((manager) => scheduleTimer(manager, request));
}

async function effects(prefix: string): Promise<Array<{ key: string; note: string | null }>> {
  return db.dataSource.query("SELECT key, note FROM test_effect WHERE key LIKE $1 ORDER BY at", [`${prefix}%`]);
}

async function recordEffect(manager: EntityManager, timer: FiringTimer, note: string | null = null): Promise<void> {
  await manager.query("INSERT INTO test_effect (key, note) VALUES ($1, $2)", [timer.key, note]);
}

/** A service with handlers on its own DataSource (like a separate app instance), or on the shared one. */
async function buildService(
  handlers: TimerHandler[],
  options: { ownDataSource?: boolean; start?: boolean; retryDelayMs?: (attempts: number) => number } = {},
): Promise<TimerService> {
  let source = db.dataSource;
  if (options.ownDataSource) {
    source = createDataSource({ url: db.url, entities: platformModule.entities, migrations: [], poolSize: 3 });
    await source.initialize();
    extraSources.push(source);
  }
  const service = new TimerService(source, log, { connectionUrl: db.url, pollMs: 60_000, retryDelayMs: options.retryDelayMs });
  handlers.forEach((handler) => service.register(handler));
  services.push(service);
  if (options.start ?? true) {
    await service.start();
  }
  return service;
}

describe("scheduleTimer and cancelTimer", () => {
  it("schedule only inside a transaction, and a rolled-back schedule never exists", async () => {
    const key = `loose:${randomUUID()}`;
    await expect(scheduleTimer(db.dataSource.manager, { key, type: "t", dueAt: new Date() })).rejects.toThrow(/inside a transaction/);
    await expect(
      db.dataSource.transaction(async (manager) => {
        await scheduleTimer(manager, { key, type: "t", dueAt: new Date() });
        throw new Error("the ticket change failed");
      }),
    ).rejects.toThrow("the ticket change failed");
    expect(await findTimer(db.dataSource.manager, key)).toBeNull();
    await expect(schedule({ key, type: "t", dueAt: new Date("invalid") })).rejects.toThrow(/valid due time/);
  });

  it("re-scheduling a key replaces its due time and payload", async () => {
    const key = `ticket:${randomUUID()}:overdue`;
    await schedule({ key, type: "t", dueAt: new Date("2026-12-01T09:00:00Z"), payload: { level: 1 } });
    await schedule({ key, type: "t", dueAt: new Date("2026-12-03T09:00:00Z"), payload: { level: 2 } });
    const timer = await findTimer(db.dataSource.manager, key);
    expect(timer).toMatchObject({ key, dueAt: new Date("2026-12-03T09:00:00Z"), payload: { level: 2 }, firedAt: null, revision: 2 });
  });

  it("cancel removes a pending timer and says whether there was one", async () => {
    const key = `ticket:${randomUUID()}:warning`;
    await schedule({ key, type: "t", dueAt: inMs(60_000) });
    expect(await db.dataSource.transaction((manager) => cancelTimer(manager, key))).toBe(true);
    expect(await db.dataSource.transaction((manager) => cancelTimer(manager, key))).toBe(false);
    expect(await findTimer(db.dataSource.manager, key)).toBeNull();
  });
});

describe("TimerService", () => {
  it("fires a timer at its due time, not before, woken by NOTIFY and its own wake-up", async () => {
    const type = uniqueType("due");
    const fired: FiringTimer[] = [];
    await buildService([{ type, handle: async (timer, manager) => { fired.push(timer); await recordEffect(manager, timer); } }]);
    const key = `${type}:a`;
    const dueAt = inMs(500);
    await schedule({ key, type, dueAt, payload: { ticketId: "ZB-20261124-00017" } });

    await sleep(250);
    expect(fired).toEqual([]);
    await vi.waitFor(() => expect(fired).toHaveLength(1), { timeout: 5_000, interval: 20 });
    expect(fired[0]).toMatchObject({ key, type, payload: { ticketId: "ZB-20261124-00017" }, dueAt, attempts: 0 });
    // The handler runs inside the transaction that marks the timer fired: wait for its commit.
    const stored = await vi.waitFor(
      async () => {
        const timer = await findTimer(db.dataSource.manager, key);
        expect(timer?.firedAt).toBeInstanceOf(Date);
        return timer!;
      },
      { timeout: 5_000, interval: 20 },
    );
    expect(stored.firedAt!.getTime()).toBeGreaterThanOrEqual(dueAt.getTime());
    expect(await effects(type)).toEqual([{ key, note: null }]);
  });

  it("fires a re-scheduled timer once, at the new time, and again only if re-armed after firing", async () => {
    const type = uniqueType("resched");
    const fired: FiringTimer[] = [];
    await buildService([{ type, handle: async (timer) => { fired.push(timer); } }]);
    const key = `${type}:extended`;
    await schedule({ key, type, dueAt: inMs(400), payload: { v: 1 } });
    await schedule({ key, type, dueAt: inMs(1_200), payload: { v: 2 } }); // an extension moved it

    await sleep(800);
    expect(fired).toEqual([]);
    await vi.waitFor(() => expect(fired).toHaveLength(1), { timeout: 5_000, interval: 20 });
    expect(fired[0]?.payload).toEqual({ v: 2 });

    await schedule({ key, type, dueAt: inMs(100), payload: { v: 3 } }); // re-dispatched: a new deadline
    await vi.waitFor(() => expect(fired).toHaveLength(2), { timeout: 5_000, interval: 20 });
    await sleep(300);
    expect(fired.map((timer) => timer.payload.v)).toEqual([2, 3]);
  });

  it("never fires a cancelled timer", async () => {
    const type = uniqueType("cancel");
    const fired: FiringTimer[] = [];
    await buildService([{ type, handle: async (timer) => { fired.push(timer); } }]);
    await schedule({ key: `${type}:replied`, type, dueAt: inMs(300) });
    await schedule({ key: `${type}:other`, type, dueAt: inMs(400) });
    await db.dataSource.transaction((manager) => cancelTimer(manager, `${type}:replied`));

    await vi.waitFor(() => expect(fired).toHaveLength(1), { timeout: 5_000, interval: 20 });
    await sleep(400);
    expect(fired.map((timer) => timer.key)).toEqual([`${type}:other`]);
  });

  it("lets a handler re-arm its own key (escalation levels) without the firing marking it done", async () => {
    const type = uniqueType("escalate");
    await buildService([
      {
        type,
        handle: async (timer, manager) => {
          const level = Number(timer.payload.level);
          await recordEffect(manager, timer, `level ${level}`);
          if (level < 3) {
            await scheduleTimer(manager, { key: timer.key, type, dueAt: inMs(50), payload: { level: level + 1 } });
          }
        },
      },
    ]);
    await schedule({ key: `${type}:ticket`, type, dueAt: inMs(50), payload: { level: 1 } });

    await vi.waitFor(async () => expect(await effects(type)).toHaveLength(3), { timeout: 5_000, interval: 20 });
    await sleep(300);
    expect((await effects(type)).map((effect) => effect.note)).toEqual(["level 1", "level 2", "level 3"]);
    expect(await findTimer(db.dataSource.manager, `${type}:ticket`)).toMatchObject({ payload: { level: 3 }, revision: 3 });
  });

  it("fires each timer on one instance when several run", async () => {
    const type = uniqueType("shared");
    const calls = new Map<string, string[]>();
    const handler = (instance: string): TimerHandler => ({
      type,
      handle: async (timer, manager) => {
        calls.set(timer.key, [...(calls.get(timer.key) ?? []), instance]);
        await sleep(5);
        await recordEffect(manager, timer, instance);
      },
    });
    await Promise.all(["a", "b", "c"].map((instance) => buildService([handler(instance)], { ownDataSource: true })));
    const total = 40;
    const dueAt = inMs(400);
    await db.dataSource.transaction(async (manager) => {
      for (let n = 0; n < total; n += 1) {
        await scheduleTimer(manager, { key: `${type}:${n}`, type, dueAt });
      }
    });

    await vi.waitFor(async () => expect(await effects(type)).toHaveLength(total), { timeout: 10_000, interval: 50 });
    await sleep(300);
    expect(calls.size).toBe(total);
    expect([...calls].filter(([, instances]) => instances.length !== 1)).toEqual([]);
    expect(new Set((await effects(type)).map((effect) => effect.key)).size).toBe(total);
  });

  it("retries a handler that throws; the failed attempts' writes are rolled back", async () => {
    const type = uniqueType("flaky");
    const attempts: number[] = [];
    await buildService(
      [
        {
          type,
          handle: async (timer, manager) => {
            attempts.push(timer.attempts);
            await recordEffect(manager, timer, `attempt ${timer.attempts}`);
            if (timer.attempts < 2) {
              throw new Error(`unit directory unavailable (attempt ${timer.attempts})`);
            }
          },
        },
      ],
      { retryDelayMs: () => 150 },
    );
    const key = `${type}:x`;
    await schedule({ key, type, dueAt: inMs(50) });

    await vi.waitFor(async () => expect((await findTimer(db.dataSource.manager, key))?.firedAt).toBeInstanceOf(Date), { timeout: 5_000, interval: 20 });
    expect(attempts).toEqual([0, 1, 2]);
    expect(await effects(type)).toEqual([{ key, note: "attempt 2" }]);
    expect(await findTimer(db.dataSource.manager, key)).toMatchObject({ attempts: 2, lastError: `${type}: unit directory unavailable (attempt 1)` });
  });

  it("tries a failing timer once per drain, even with no retry delay", async () => {
    const type = uniqueType("spin");
    let calls = 0;
    const handle = async (): Promise<void> => {
      calls += 1;
      throw new Error("still down");
    };
    const service = await buildService([{ type, handle }], { start: false, retryDelayMs: () => 0 });
    await schedule({ key: `${type}:x`, type, dueAt: new Date(Date.now() - 1000) });
    expect(await service.drain()).toBe(1);
    expect(await service.drain()).toBe(1);
    expect(calls).toBe(2);
    expect(await findTimer(db.dataSource.manager, `${type}:x`)).toMatchObject({ attempts: 2, firedAt: null, lastError: `${type}: still down` });
  });

  it("leaves the timer pending when the handler's transaction is lost (connection dies mid-handler)", async () => {
    const type = uniqueType("crash");
    let crash = true;
    const service = await buildService(
      [
        {
          type,
          handle: async (timer, manager) => {
            await recordEffect(manager, timer, "before the crash");
            if (crash) {
              crash = false;
              await manager.query("SELECT pg_terminate_backend(pg_backend_pid())");
            }
          },
        },
      ],
      { start: false },
    );
    const key = `${type}:x`;
    await schedule({ key, type, dueAt: new Date(Date.now() - 1000) });

    await expect(service.drain()).rejects.toThrow();
    expect(await effects(type)).toEqual([]);
    expect(await findTimer(db.dataSource.manager, key)).toMatchObject({ firedAt: null, attempts: 0 });

    expect(await service.drain()).toBe(1);
    expect(await effects(type)).toEqual([{ key, note: "before the crash" }]);
    expect((await findTimer(db.dataSource.manager, key))?.firedAt).toBeInstanceOf(Date);
  });

  it("leaves timers of types it has no handler for to instances that do", async () => {
    const type = uniqueType("unknown");
    const service = await buildService([{ type: uniqueType("other"), handle: async () => undefined }], { start: false });
    await schedule({ key: `${type}:x`, type, dueAt: new Date(Date.now() - 1000) });
    expect(await service.drain()).toBe(0);
    expect(await findTimer(db.dataSource.manager, `${type}:x`)).toMatchObject({ firedAt: null, attempts: 0 });
    expect(() => service.register({ type, handle: async () => undefined })).not.toThrow();
    expect(() => service.register({ type, handle: async () => undefined })).toThrow(/already registered/);
  });
});
