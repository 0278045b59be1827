import "reflect-metadata";
import { pino } from "pino";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDataSource } from "../database/data-source.js";
import { recordEvent } from "../events/events.js";
import { platformModule } from "../platform.module.js";
import { createTestClock, createTestDatabase, type TestClock, type TestDatabase } from "../testing/index.js";
import { TimerService, type TimerHandler } from "./timer-service.js";
import { scheduleTimer } from "./timers.js";

const log = pino({ level: "silent" });
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase({ entities: platformModule.entities, migrations: platformModule.migrations });
});

afterAll(async () => {
  await db?.destroy();
});

/**
 * One "app instance": its own DataSource (pool) and TimerService, with the SLA handlers that turn a
 * due warning or overdue timer into a domain event in the firing transaction — the effect. The
 * test's clock decides what is due; the test moves it and runs passes with `drain()`.
 */
async function startApp(name: string, calls: string[], clock: TestClock): Promise<{ dataSource: DataSource; timers: TimerService; stop(): Promise<void> }> {
  const dataSource = createDataSource({ url: db.url, entities: platformModule.entities, migrations: [], poolSize: 3, applicationName: name });
  await dataSource.initialize();
  const timers = new TimerService(dataSource, log, { connectionUrl: db.url, pollMs: 60_000, instanceName: name, now: clock.now });
  const handler = (type: string): TimerHandler => ({
    type,
    handle: async (timer, manager) => {
      calls.push(`${name} ${timer.key}`);
      await recordEvent(manager, { type: `test.${type}`, payload: { key: timer.key, dueAt: timer.dueAt.toISOString() } });
    },
  });
  timers.register(handler("sla.warning"));
  timers.register(handler("sla.overdue"));
  await timers.start();
  return {
    dataSource,
    timers,
    stop: async () => {
      await timers.stop();
      await dataSource.destroy();
    },
  };
}

async function firedEvents(): Promise<Array<{ key: string; n: number }>> {
  return db.dataSource.query(
    `SELECT payload->>'key' AS key, count(*)::int AS n FROM platform_outbox
     WHERE type IN ('test.sla.warning', 'test.sla.overdue') GROUP BY 1 ORDER BY 1`,
  );
}

describe("durable timers across a restart", () => {
  it("fires each pending warning and overdue exactly once after the app comes back; late ones at once", async () => {
    const clock = createTestClock(new Date());
    const calls: string[] = [];
    const first = await startApp("first", calls, clock);
    const timers = [
      { key: "ticket:ZB-1:warning", type: "sla.warning", dueAt: clock.in(300) }, // falls due while the app is down
      { key: "ticket:ZB-1:overdue", type: "sla.overdue", dueAt: clock.in(600) }, // also while down
      { key: "ticket:ZB-2:warning", type: "sla.warning", dueAt: clock.in(2_500) }, // after the restart
      { key: "ticket:ZB-2:overdue", type: "sla.overdue", dueAt: clock.in(3_000) },
    ];
    await first.dataSource.transaction(async (manager) => {
      for (const timer of timers) {
        await scheduleTimer(manager, timer);
      }
    });
    await first.timers.drain();
    await first.stop();

    clock.advance(1_000);
    expect(calls).toEqual([]);
    expect(await firedEvents()).toEqual([]);

    const second = await startApp("second", calls, clock);
    try {
      // No drain(): starting fires what fell due while the app was down.
      await vi.waitFor(async () => expect(await firedEvents()).toHaveLength(2), { timeout: 10_000, interval: 20 });
      expect(calls.sort()).toEqual(["second ticket:ZB-1:overdue", "second ticket:ZB-1:warning"]);
      await second.timers.drain();
      expect(calls).toHaveLength(2);

      // The others on time: not a millisecond early.
      for (const timer of timers.slice(2)) {
        clock.advanceTo(new Date(timer.dueAt.getTime() - 1));
        await second.timers.drain();
        expect(calls).not.toContain(`second ${timer.key}`);
        clock.advanceTo(timer.dueAt);
        await second.timers.drain();
        expect(calls).toContain(`second ${timer.key}`);
      }
      expect(await firedEvents()).toHaveLength(4);
      const rows: Array<{ key: string; late_ms: number }> = await db.dataSource.query(
        "SELECT key, (EXTRACT(EPOCH FROM (fired_at - due_at)) * 1000)::float8 AS late_ms FROM platform_timer WHERE key LIKE 'ticket:ZB-2:%' ORDER BY key",
      );
      for (const row of rows) {
        expect(row.late_ms, row.key).toBeGreaterThanOrEqual(0);
      }
      clock.advance(60_000);
      await second.timers.drain();
      expect(await firedEvents()).toEqual(timers.map((timer) => ({ key: timer.key, n: 1 })).sort((a, b) => a.key.localeCompare(b.key)));
      expect(calls).toHaveLength(4);
    } finally {
      await second.stop();
    }
  });

  it("fires a timer once when two instances come back at the same time", async () => {
    const clock = createTestClock(new Date());
    const calls: string[] = [];
    const setup = await startApp("setup", calls, clock);
    await setup.dataSource.transaction(async (manager) => {
      for (let n = 0; n < 20; n += 1) {
        await scheduleTimer(manager, { key: `ticket:ZB-3${n}:overdue`, type: "sla.overdue", dueAt: clock.in(200) });
      }
    });
    await setup.stop();
    clock.advance(400);

    const apps = await Promise.all([startApp("left", calls, clock), startApp("right", calls, clock)]);
    try {
      // Both start firing at once; then a pass on each finds nothing left.
      await vi.waitFor(() => expect(calls).toHaveLength(20), { timeout: 10_000, interval: 20 });
      clock.advance(60_000);
      await Promise.all(apps.map((app) => app.timers.drain()));
      expect(calls).toHaveLength(20);
      expect(new Set(calls.map((call) => call.split(" ")[1])).size).toBe(20);
    } finally {
      await Promise.all(apps.map((app) => app.stop()));
    }
  });
});
