import { createTestDatabase, type TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../app.js";
import { allEntities, allMigrations } from "../modules.js";
import type { GraphQLResponse } from "./harness.js";

// chinese-days 1.5.7 covers 2026 and not 2027; the gateway starts with its clock in November 2026.
const NOVEMBER_2026 = new Date("2026-11-20T09:00:00+08:00");

let db: TestDatabase;
let app: RunningApp;
const logLines: Array<{ level: number; msg: string; calendarYear?: number }> = [];

async function gql<T>(query: string, variables?: Record<string, unknown>, cookie?: string): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${app.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

async function login(username: string): Promise<string> {
  const response = await fetch(`${app.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `mutation { login(input: { username: "${username}", password: "civicline-demo" }) { token } }` }),
  });
  return response.headers.get("set-cookie")!.split(";")[0]!;
}

beforeAll(async () => {
  db = await createTestDatabase({ entities: allEntities, migrations: allMigrations });
  app = await startApp(
    { databaseUrl: db.url, port: 0, seedDemoOnEmpty: true, logLevel: "warn", nodeEnv: "test" },
    { now: () => NOVEMBER_2026, logDestination: { write: (line: string) => void logLines.push(JSON.parse(line) as (typeof logLines)[number]) } },
  );
});

afterAll(async () => {
  await app?.stop();
  await db?.destroy();
});

const COVERAGE = "{ calendarCoverage { today missingYears years { year official overrideDays covered } } }";
const SET_YEAR = `mutation($input: SetCalendarYearInput!) { setCalendarYear(input: $input) { year changedDays overrides { day working note } } }`;

describe("the working calendar past 2026", () => {
  it("warns at start that 2027 has no holiday data, saying what to do", () => {
    const warnings = logLines.filter((line) => line.calendarYear === 2027);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.level).toBe(40);
    expect(warnings[0]!.msg).toContain("no holiday data for 2027");
    expect(warnings[0]!.msg).toContain("supervisor app (Working calendar → Enter a year's schedule");
    expect(logLines.some((line) => line.calendarYear === 2026)).toBe(false);
  });

  it("tells admins and supervisors that 2027 is missing, until an admin saves its schedule", async () => {
    const [admin, supervisor, operator] = [await login("admin"), await login("supervisor"), await login("operator")];
    expect((await gql(COVERAGE, undefined, operator)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const before = await gql<{ calendarCoverage: { today: string; missingYears: number[]; years: unknown[] } }>(COVERAGE, undefined, supervisor);
    expect(before.data?.calendarCoverage).toEqual({
      today: "2026-11-20",
      missingYears: [2027],
      years: [
        { year: 2026, official: true, overrideDays: 0, covered: true },
        { year: 2027, official: false, overrideDays: 0, covered: false },
      ],
    });

    const schedule = { year: 2027, holidays: [{ name: "春节", start: "2027-02-06", end: "2027-02-12" }], workdays: [{ day: "2027-02-08", name: "周一" }] };
    expect((await gql(SET_YEAR, { input: schedule }, supervisor)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const refused = await gql(SET_YEAR, { input: schedule }, admin);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: [{ field: "workdays.0.day", code: "WORKDAY_NOT_WEEKEND", message: "A make-up working day must be a Saturday or Sunday; weekdays are working days already." }],
    });
    const saturday = await gql(SET_YEAR, { input: { ...schedule, holidays: [{ name: "周六", start: "2027-02-06", end: "2027-02-06" }], workdays: [] } }, admin);
    expect(saturday.errors?.[0]?.extensions?.fields).toEqual([
      { field: "holidays.0", code: "HOLIDAY_ON_WEEKEND", message: "A holiday must include a weekday: Saturdays and Sundays are days off already." },
    ]);

    const saved = await gql<{ setCalendarYear: { year: number; changedDays: number; overrides: Array<{ day: string; working: boolean }> } }>(
      SET_YEAR,
      { input: { ...schedule, workdays: [{ day: "2027-02-14", name: "春节调休" }] } },
      admin,
    );
    expect(saved.errors).toBeUndefined();
    expect(saved.data?.setCalendarYear.changedDays).toBe(8);
    expect(saved.data?.setCalendarYear.overrides.at(-1)).toEqual({ day: "2027-02-14", working: true, note: "春节调休" });
    const after = await gql<{ calendarCoverage: { missingYears: number[] } }>(COVERAGE, undefined, admin);
    expect(after.data?.calendarCoverage.missingYears).toEqual([]);
  });
});
