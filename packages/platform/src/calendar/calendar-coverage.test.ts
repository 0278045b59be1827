import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor.js";
import { Role } from "../auth/roles.js";
import { platformModule } from "../platform.module.js";
import { createTestDatabase, type TestDatabase } from "../testing/index.js";
import { calendarCoverage, warnAboutCalendarGaps } from "./calendar-coverage.js";
import { setCalendarOverride } from "./calendar-overrides.js";
import { chinaCalendarCovers } from "./china-holidays.js";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase({ entities: platformModule.entities, migrations: platformModule.migrations });
});

afterAll(async () => {
  await db?.destroy();
});

const admin: Actor = { kind: "staff", id: randomUUID(), name: "管理员", roles: [Role.ADMIN], unitId: null };
// chinese-days 1.5.7 holds 2026 and not 2027: these tests are about that gap.
const NOVEMBER_2026 = new Date("2026-11-15T10:00:00+08:00");

describe("calendar coverage", () => {
  it("knows from the package's data which years it covers", () => {
    expect(chinaCalendarCovers(2026)).toBe(true);
    expect(chinaCalendarCovers(2027)).toBe(false);
  });

  it("in March checks only the current year", async () => {
    const coverage = await calendarCoverage({ db: db.dataSource, now: new Date("2026-03-10T09:00:00+08:00") });
    expect(coverage).toEqual({ today: "2026-03-10", years: [{ year: 2026, official: true, overrideDays: 0, covered: true }], missingYears: [] });
  });

  it("from 1 November in Beijing time also checks the next year", async () => {
    // 31 October 16:30 UTC is already 1 November 00:30 in Asia/Shanghai.
    const coverage = await calendarCoverage({ db: db.dataSource, now: new Date("2026-10-31T16:30:00Z") });
    expect(coverage.today).toBe("2026-11-01");
    expect(coverage.years.map((year) => year.year)).toEqual([2026, 2027]);
    const lastOfOctober = await calendarCoverage({ db: db.dataSource, now: new Date("2026-10-31T15:30:00Z") });
    expect(lastOfOctober.years.map((year) => year.year)).toEqual([2026]);
  });

  it("in November 2026 reports 2027 missing and warns, until an admin enters 2027 overrides", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = pino({ level: "warn" }, sink);

    const before = await warnAboutCalendarGaps({ db: db.dataSource, now: NOVEMBER_2026, log });
    expect(before.years).toEqual([
      { year: 2026, official: true, overrideDays: 0, covered: true },
      { year: 2027, official: false, overrideDays: 0, covered: false },
    ]);
    expect(before.missingYears).toEqual([2027]);
    expect(lines).toHaveLength(1);
    const warning = JSON.parse(lines[0]!) as { level: number; calendarYear: number; msg: string };
    expect(warning).toMatchObject({ level: 40, calendarYear: 2027 });
    expect(warning.msg).toContain("no holiday data for 2027");
    expect(warning.msg).toContain("Enter the State Council's 2027 holidays and make-up working days");

    await db.dataSource.transaction((manager) => setCalendarOverride(manager, { day: "2027-01-01", working: false, note: "元旦", actor: admin }));
    const after = await warnAboutCalendarGaps({ db: db.dataSource, now: NOVEMBER_2026, log });
    expect(after.years[1]).toEqual({ year: 2027, official: false, overrideDays: 1, covered: true });
    expect(after.missingYears).toEqual([]);
    expect(lines).toHaveLength(1);
  });
});
