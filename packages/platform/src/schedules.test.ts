import type { DataSource } from "typeorm";
import type { TestDatabase } from "./testing/index.js";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createDataSource } from "./database/data-source.js";
import { createLogger } from "./logger.js";
import type { ScheduledJob } from "./module.js";
import { platformModule } from "./platform.module.js";
import { nextCheckDelay, periodStart, ScheduleRunner } from "./schedules.js";
import { createTestDatabase } from "./testing/index.js";

const MINUTE = 60_000;
/** A period start (a whole minute since the epoch). */
const T0 = Date.UTC(2031, 0, 6, 8, 0, 0);
const log = createLogger({ level: "silent" });

let db: TestDatabase;
/** A second instance's own pool on the same database. */
let other: DataSource;

beforeAll(async () => {
  db = await createTestDatabase({ entities: platformModule.entities, migrations: platformModule.migrations });
  other = createDataSource({ url: db.url, entities: platformModule.entities, migrations: platformModule.migrations, poolSize: 3 });
  await other.initialize();
});
afterAll(async () => {
  await other?.destroy();
  await db?.destroy();
});
afterEach(() => {
  vi.useRealTimers();
});

type Counted = ScheduledJob & { runs: number };

function countedJob(name: string, run: () => Promise<void> = () => Promise.resolve()): Counted {
  const job: Counted = {
    name,
    everyMs: MINUTE,
    runs: 0,
    run: async () => {
      job.runs += 1;
      await run();
    },
  };
  return job;
}

async function runsOf(job: string): Promise<Array<{ period: number; status: string; claimedBy: string; error: string | null }>> {
  const rows: Array<{ period_start: Date; status: string; claimed_by: string; error: string | null }> = await db.dataSource.query(
    "SELECT period_start, status, claimed_by, error FROM platform_schedule_run WHERE job = $1 ORDER BY period_start",
    [job],
  );
  return rows.map((row) => ({ period: row.period_start.getTime() - T0, status: row.status, claimedBy: row.claimed_by, error: row.error }));
}

/** Moves fake time to `target` one second at a time, letting the runners' checks finish their real I/O at each step. */
async function advanceTo(target: number, runners: ScheduleRunner[]): Promise<void> {
  while (Date.now() < target) {
    await vi.advanceTimersByTimeAsync(Math.min(1000, target - Date.now()));
    await Promise.all(runners.map((runner) => runner.idle()));
  }
}

describe("ScheduleRunner", () => {
  it("runs a job once per period in total on two instances started out of phase, with skewed clocks", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: T0 + 23_000 });
    const job = countedJob("test.two-instances");
    const a = new ScheduleRunner(db.dataSource, log, { instanceName: "a" });
    // Instance b starts 9 s later and its clock runs 7 s ahead of a's.
    const b = new ScheduleRunner(other, log, { instanceName: "b", now: () => Date.now() + 7_000 });
    a.start([job]);
    await advanceTo(T0 + 32_000, [a]);
    b.start([job]);
    await advanceTo(T0 + 5 * MINUTE + 30_000, [a, b]);
    await Promise.all([a.stop(), b.stop()]);

    // Periods T0 … T0+5 min: six, each run once (every instance checked each one at least four times).
    expect(job.runs).toBe(6);
    const runs = await runsOf(job.name);
    expect(runs.map((run) => [run.period, run.status])).toEqual([0, 1, 2, 3, 4, 5].map((k) => [k * MINUTE, "succeeded"]));
  });

  it("does not retry a failed period, on any instance, and runs the next period", async () => {
    let clock = T0 + 5_000;
    let fail = true;
    const job = countedJob("test.flaky", () => (fail ? Promise.reject(new Error("boom")) : Promise.resolve()));
    const a = new ScheduleRunner(db.dataSource, log, { instanceName: "a", now: () => clock });
    const b = new ScheduleRunner(other, log, { instanceName: "b", now: () => clock });

    expect(await a.runDue(job)).toBe("failed");
    clock += 20_000;
    expect(await b.runDue(job)).toBe("taken");
    expect(await a.runDue(job)).toBe("taken");
    fail = false;
    clock += 40_000;
    expect(await b.runDue(job)).toBe("ran");

    expect(job.runs).toBe(2);
    expect(await runsOf(job.name)).toEqual([
      { period: 0, status: "failed", claimedBy: "a", error: "boom" },
      { period: MINUTE, status: "succeeded", claimedBy: "b", error: null },
    ]);
  });

  it("does not re-run a period after a restart in the middle of it", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: T0 + 1_000 });
    const job = countedJob("test.restart");
    const before = new ScheduleRunner(db.dataSource, log, { instanceName: "before" });
    before.start([job]);
    await advanceTo(T0 + 17_000, [before]);
    expect(job.runs).toBe(1);
    await before.stop();

    const after = new ScheduleRunner(other, log, { instanceName: "after" });
    after.start([job]);
    // It checks about every 15 s: twice more in the same period, then at the next period's start.
    await advanceTo(T0 + 59_000, [after]);
    expect(job.runs).toBe(1);
    await advanceTo(T0 + 61_000, [after]);
    await after.stop();
    expect(job.runs).toBe(2);
    expect((await runsOf(job.name)).map((run) => [run.period, run.claimedBy])).toEqual([
      [0, "before"],
      [MINUTE, "after"],
    ]);
  });

  it("never overlaps two runs of a job: the next period waits for a run that outlasts its own", async () => {
    let clock = T0 + 50_000;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started!: () => void;
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const job = countedJob("test.slow", () => {
      started();
      return gate;
    });
    const a = new ScheduleRunner(db.dataSource, log, { instanceName: "a", now: () => clock });
    const b = new ScheduleRunner(other, log, { instanceName: "b", now: () => clock });

    const slow = a.runDue(job);
    await running;
    clock += 20_000;
    expect(await b.runDue(job)).toBe("busy");
    expect(await a.runDue(job)).toBe("busy");
    expect((await runsOf(job.name)).map((run) => run.status)).toEqual(["running"]);
    release();
    expect(await slow).toBe("ran");
    expect(await b.runDue(job)).toBe("ran");
    expect(job.runs).toBe(2);
  });

  it("marks a run whose instance died as abandoned, without running that period again", async () => {
    let clock = T0 + 30_000;
    const job = countedJob("test.crashed");
    await db.dataSource.query(
      "INSERT INTO platform_schedule_run (job, period_start, claimed_by, status, started_at) VALUES ($1, $2, 'dead', 'running', $2)",
      [job.name, new Date(T0)],
    );
    const runner = new ScheduleRunner(db.dataSource, log, { instanceName: "a", now: () => clock });

    expect(await runner.runDue(job)).toBe("taken");
    expect(job.runs).toBe(0);
    clock += MINUTE;
    expect(await runner.runDue(job)).toBe("ran");
    expect((await runsOf(job.name)).map((run) => [run.period, run.status])).toEqual([
      [0, "abandoned"],
      [MINUTE, "succeeded"],
    ]);
  });

  it("deletes a job's runs older than seven days when it claims a period", async () => {
    const job = countedJob("test.prune");
    const day = 24 * 60 * MINUTE;
    for (const ago of [8 * day, 6 * day]) {
      await db.dataSource.query(
        "INSERT INTO platform_schedule_run (job, period_start, claimed_by, status, started_at) VALUES ($1, $2, 'old', 'succeeded', $2)",
        [job.name, new Date(T0 - ago)],
      );
    }
    const runner = new ScheduleRunner(db.dataSource, log, { now: () => T0 });
    expect(await runner.runDue(job)).toBe("ran");
    expect((await runsOf(job.name)).map((run) => run.period)).toEqual([-6 * day, 0]);
  });

  it("reports a database it cannot reach and checks again next time", async () => {
    const gone = createDataSource({ url: db.url, entities: platformModule.entities, migrations: platformModule.migrations, poolSize: 1 });
    await gone.initialize();
    await gone.destroy();
    const runner = new ScheduleRunner(gone, log, { now: () => T0 });
    const job = countedJob("test.unreachable");
    expect(await runner.runDue(job)).toBe("error");
    expect(job.runs).toBe(0);
  });

  it("refuses a job without a usable interval or registered twice", () => {
    const runner = new ScheduleRunner(db.dataSource, log);
    expect(() => runner.start([{ name: "test.zero", everyMs: 0, run: () => Promise.resolve() }])).toThrow(/everyMs/);
    expect(() => runner.start([countedJob("test.twice"), countedJob("test.twice")])).toThrow(/twice/);
  });
});

describe("periods and checks", () => {
  it("align periods to the epoch and check at the next period's start at the latest", () => {
    expect(periodStart(T0 + 59_999, MINUTE)).toBe(T0);
    expect(periodStart(T0 + MINUTE, MINUTE)).toBe(T0 + MINUTE);
    expect(nextCheckDelay(T0 + 1_000, MINUTE, 15_000)).toBe(15_000);
    expect(nextCheckDelay(T0 + 50_000, MINUTE, 15_000)).toBe(10_000);
  });
});
