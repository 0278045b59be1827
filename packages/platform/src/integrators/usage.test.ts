import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../auth/auth.service.js";
import { platformModule } from "../platform.module.js";
import { createTestDatabase, type TestDatabase } from "../testing/index.js";
import { IntegratorUsage } from "./usage.js";

const log = pino({ level: "silent" });
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase({ entities: platformModule.entities, migrations: platformModule.migrations });
});

afterAll(async () => {
  await db?.destroy();
});

async function keyId(): Promise<string> {
  const name = `usage ${randomUUID()}`;
  await db.dataSource.transaction((manager) => createApiKey(manager, { name }));
  const [row] = (await db.dataSource.query("SELECT id FROM platform_api_key WHERE name = $1", [name])) as Array<{ id: string }>;
  return row!.id;
}

describe("per-key request counting", () => {
  it("allows the limit per minute, then answers with the seconds to the next minute", async () => {
    const id = await keyId();
    let now = Date.UTC(2026, 11, 6, 3, 0, 10);
    const usage = new IntegratorUsage(db.dataSource, log, { now: () => now });
    for (let n = 0; n < 5; n += 1) {
      expect(usage.hit(id, 5)).toEqual({ allowed: true });
    }
    expect(usage.hit(id, 5)).toEqual({ allowed: false, retryAfterSeconds: 50 });
    now += 50_000;
    expect(usage.hit(id, 5)).toEqual({ allowed: true });
  });

  it("keeps counting the requests a flush is adding while it runs", async () => {
    const id = await keyId();
    const now = Date.now();
    const usage = new IntegratorUsage(db.dataSource, log, { now: () => now });
    for (let n = 0; n < 3; n += 1) {
      expect(usage.hit(id, 3).allowed).toBe(true);
    }
    const flushing = usage.flush();
    expect(usage.hit(id, 3).allowed).toBe(false);
    await flushing;
    expect(usage.hit(id, 3).allowed).toBe(false);
  });

  it("shares counts between two gateway instances through PostgreSQL, one write per flush, and records the last use", async () => {
    const id = await keyId();
    const now = Date.now();
    const first = new IntegratorUsage(db.dataSource, log, { now: () => now });
    const second = new IntegratorUsage(db.dataSource, log, { now: () => now });
    for (let n = 0; n < 6; n += 1) {
      expect(first.hit(id, 10).allowed).toBe(true);
    }
    for (let n = 0; n < 3; n += 1) {
      expect(second.hit(id, 10).allowed).toBe(true);
    }
    await Promise.all([first.flush(), second.flush()]);
    const [row] = (await db.dataSource.query("SELECT count, last_used_at FROM platform_api_key_usage WHERE key_id = $1", [id])) as Array<{ count: number; last_used_at: Date }>;
    expect(row!.count).toBe(9);
    expect(new Date(row!.last_used_at).getTime()).toBe(now);
    // Each learns the other's counts at its next flush: one request left in the minute, for whoever comes first.
    await Promise.all([first.flush(), second.flush()]);
    expect(second.hit(id, 10).allowed).toBe(true);
    await second.flush();
    await first.flush();
    expect(first.hit(id, 10).allowed).toBe(false);
    expect(second.hit(id, 10).allowed).toBe(false);
  });
});
