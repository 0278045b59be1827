import type { TestDatabase } from "./testing/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "./logger.js";
import { platformModule } from "./platform.module.js";
import { ScheduleRunner } from "./schedules.js";
import { createTestDatabase } from "./testing/index.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ entities: platformModule.entities, migrations: platformModule.migrations });
});
afterAll(() => db?.destroy());

describe("ScheduleRunner", () => {
  it("runs a job on one instance at a time", async () => {
    const log = createLogger({ level: "silent" });
    const first = new ScheduleRunner(db.dataSource, log);
    const second = new ScheduleRunner(db.dataSource, log);
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const job = {
      name: "test.slow",
      everyMs: 60_000,
      run: async () => {
        runs += 1;
        await gate;
      },
    };
    const a = first.runOnce(job);
    await expect.poll(() => runs).toBe(1);
    expect(await second.runOnce(job)).toBe(false);
    release();
    expect(await a).toBe(true);
    expect(await second.runOnce(job)).toBe(true);
    expect(runs).toBe(2);
  });

  it("survives a failing job and reports it did not run", async () => {
    const runner = new ScheduleRunner(db.dataSource, createLogger({ level: "silent" }));
    const ran = await runner.runOnce({ name: "test.failing", everyMs: 60_000, run: () => Promise.reject(new Error("boom")) });
    expect(ran).toBe(false);
  });
});
