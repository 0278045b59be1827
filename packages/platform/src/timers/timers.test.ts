import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { pino } from "pino";
import type { DataSource, EntityManager } from "typeorm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createDataSource } from "../database/data-source.js";
import { platformModule } from "../platform.module.js";
import { createTestClock, createTestDatabase, type TestClock, type TestDatabase } from "../testing/index.js";
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

/**
 * A service with handlers on its own DataSource (like a separate app instance), or on the shared one;
 * with `clock`, that clock decides what is due and the test runs each pass with `drain()`.
 */
async function buildService(
  handlers: TimerHandler[],
  options: { ownDataSource?: boolean; start?: boolean; retryDelayMs?: (attempts: number) => number; clock?: TestClock } = {},
): Promise<TimerService> {
  let source = db.dataSource;
  if (options.ownDataSource) {
    source = createDataSource({ url: db.url, entities: platformModule.entities, migrations: [], poolSize: 3 });
    await source.initialize();
    extraSources.push(source);
  }
  const service = new TimerService(source, log, { connectionUrl: db.url, pollMs: 60_000, retryDelayMs: options.retryDelayMs, now: options.clock?.now });
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
  it("fires a timer at its due time, not before, and plans its wake-up for it when NOTIFY tells it", async () => {
    const clock = createTestClock(new Date());
    const type = uniqueType("due");
    const fired: FiringTimer[] = [];
    const service = await buildService([{ type, handle: async (timer, manager) => { fired.push(timer); await recordEffect(manager, timer); } }], { clock });
    // Started with nothing pending, it plans its next check a poll (60 s) away.
    await vi.waitFor(() => expect(service.nextWakeAt).toEqual(clock.in(60_000)), { timeout: 10_000, interval: 20 });
    const key = `${type}:a`;
    const dueAt = clock.in(500);
    await schedule({ key, type, dueAt, payload: { ticketId: "ZB-20261124-00017" } });

    // The NOTIFY re-plans it for the due time.
    await vi.waitFor(() => expect(service.nextWakeAt!.getTime()).toBeLessThan(clock.in(1_000).getTime()), { timeout: 10_000, interval: 20 });
    expect(service.nextWakeAt!.getTime()).toBeGreaterThanOrEqual(dueAt.getTime());
    clock.advanceTo(new Date(dueAt.getTime() - 1));
    await service.drain();
    expect(fired).toEqual([]);

    clock.advanceTo(dueAt);
    await service.drain();
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ key, type, payload: { ticketId: "ZB-20261124-00017" }, dueAt, attempts: 0 });
    // The handler ran inside the transaction that marked the timer fired, at the clock's time.
    expect((await findTimer(db.dataSource.manager, key))?.firedAt).toEqual(dueAt);
    expect(await effects(type)).toEqual([{ key, note: null }]);
    clock.advance(60_000);
    await service.drain();
    expect(fired).toHaveLength(1);
  });

  it("fires by itself on the system clock once NOTIFY tells it (no drain; the poll is a minute away), never before the due time", async () => {
    const type = uniqueType("live");
    const fired: FiringTimer[] = [];
    const service = await buildService([{ type, handle: async (timer) => { fired.push(timer); } }]);
    // Its start pass is over (a wake-up is planned) before the timer exists: only the NOTIFY can tell it.
    await vi.waitFor(() => expect(service.nextWakeAt).toBeInstanceOf(Date), { timeout: 10_000, interval: 20 });
    const key = `${type}:a`;
    const dueAt = inMs(200);
    await schedule({ key, type, dueAt });

    // No drain() here: only the NOTIFY (the poll is 60 s) and the wake-up it plans can fire it.
    await vi.waitFor(async () => expect((await findTimer(db.dataSource.manager, key))?.firedAt).toBeInstanceOf(Date), { timeout: 20_000, interval: 20 });
    expect(fired.map((timer) => timer.key)).toEqual([key]);
    // Due and fired times are on the database's clock, which decided it was due: never early, however busy the machine.
    const [row] = (await db.dataSource.query("SELECT fired_at >= due_at AS on_time FROM platform_timer WHERE key = $1", [key])) as Array<{ on_time: boolean }>;
    expect(row?.on_time).toBe(true);
  });

  it("fires a re-scheduled timer once, at the new time, and again only if re-armed after firing", async () => {
    const clock = createTestClock(new Date());
    const type = uniqueType("resched");
    const fired: FiringTimer[] = [];
    const service = await buildService([{ type, handle: async (timer) => { fired.push(timer); } }], { clock });
    const key = `${type}:extended`;
    await schedule({ key, type, dueAt: clock.in(400), payload: { v: 1 } });
    const extendedTo = clock.in(1_200);
    await schedule({ key, type, dueAt: extendedTo, payload: { v: 2 } }); // an extension moved it

    clock.advance(800); // past the old due time
    await service.drain();
    expect(fired).toEqual([]);
    clock.advanceTo(extendedTo);
    await service.drain();
    expect(fired.map((timer) => timer.payload)).toEqual([{ v: 2 }]);
    clock.advance(10_000);
    await service.drain();
    expect(fired).toHaveLength(1);

    await schedule({ key, type, dueAt: clock.in(100), payload: { v: 3 } }); // re-dispatched: a new deadline
    clock.advance(100);
    await service.drain();
    expect(fired).toHaveLength(2);
    clock.advance(10_000);
    await service.drain();
    expect(fired.map((timer) => timer.payload.v)).toEqual([2, 3]);
  });

  it("never fires a cancelled timer", async () => {
    const clock = createTestClock(new Date());
    const type = uniqueType("cancel");
    const fired: FiringTimer[] = [];
    const service = await buildService([{ type, handle: async (timer) => { fired.push(timer); } }], { clock });
    await schedule({ key: `${type}:replied`, type, dueAt: clock.in(300) });
    await schedule({ key: `${type}:other`, type, dueAt: clock.in(400) });
    await db.dataSource.transaction((manager) => cancelTimer(manager, `${type}:replied`));

    clock.advance(400);
    await service.drain();
    expect(fired).toHaveLength(1);
    clock.advance(10_000);
    await service.drain();
    expect(fired.map((timer) => timer.key)).toEqual([`${type}:other`]);
  });

  it("lets a handler re-arm its own key (escalation levels) without the firing marking it done", async () => {
    const clock = createTestClock(new Date());
    const type = uniqueType("escalate");
    const service = await buildService(
      [
        {
          type,
          handle: async (timer, manager) => {
            const level = Number(timer.payload.level);
            await recordEffect(manager, timer, `level ${level}`);
            if (level < 3) {
              await scheduleTimer(manager, { key: timer.key, type, dueAt: clock.in(50), payload: { level: level + 1 } });
            }
          },
        },
      ],
      { clock },
    );
    await schedule({ key: `${type}:ticket`, type, dueAt: clock.in(50), payload: { level: 1 } });

    const notes = async (): Promise<Array<string | null>> => (await effects(type)).map((effect) => effect.note);
    for (const level of [1, 2, 3]) {
      await service.drain();
      expect(await notes()).toHaveLength(level - 1); // the next level is not due yet
      clock.advance(50);
      await service.drain();
      expect(await notes()).toHaveLength(level);
    }
    clock.advance(10_000);
    await service.drain();
    expect(await notes()).toEqual(["level 1", "level 2", "level 3"]);
    expect(await findTimer(db.dataSource.manager, `${type}:ticket`)).toMatchObject({ payload: { level: 3 }, revision: 3 });
  });

  it("fires each timer on one instance when several run", async () => {
    const clock = createTestClock(new Date());
    const type = uniqueType("shared");
    const calls = new Map<string, string[]>();
    // Each instance's first handler call waits until all three hold a timer at once: claims must skip locked rows.
    const instances = ["a", "b", "c"];
    const entered = new Set<string>();
    let allIn: () => void = () => undefined;
    const allInside = new Promise<void>((resolve) => {
      allIn = resolve;
    });
    const handler = (instance: string): TimerHandler => ({
      type,
      handle: async (timer, manager) => {
        calls.set(timer.key, [...(calls.get(timer.key) ?? []), instance]);
        if (!entered.has(instance)) {
          entered.add(instance);
          if (entered.size === instances.length) {
            allIn();
          }
          await allInside;
        }
        await recordEffect(manager, timer, instance);
      },
    });
    const group = await Promise.all(instances.map((instance) => buildService([handler(instance)], { ownDataSource: true, clock })));
    const total = 40;
    const dueAt = clock.in(400);
    await db.dataSource.transaction(async (manager) => {
      for (let n = 0; n < total; n += 1) {
        await scheduleTimer(manager, { key: `${type}:${n}`, type, dueAt });
      }
    });

    clock.advanceTo(dueAt);
    await Promise.all(group.map((service) => service.drain()));
    expect(await effects(type)).toHaveLength(total);
    expect(entered.size).toBe(instances.length);
    clock.advance(10_000);
    await Promise.all(group.map((service) => service.drain()));
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
