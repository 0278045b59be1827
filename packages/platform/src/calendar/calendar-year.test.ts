import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor.js";
import { Role } from "../auth/roles.js";
import { DomainError } from "../errors.js";
import { platformModule } from "../platform.module.js";
import { createTestDatabase, type TestDatabase } from "../testing/index.js";
import { CALENDAR_OVERRIDE_CHANGED, listCalendarOverrides, loadWorkingCalendar, setCalendarOverride } from "./calendar-overrides.js";
import { planCalendarYear, setCalendarYear, type CalendarYearInput } from "./calendar-year.js";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase({ entities: platformModule.entities, migrations: platformModule.migrations });
});

afterAll(async () => {
  await db?.destroy();
});

const admin: Actor = { kind: "staff", id: randomUUID(), name: "管理员", roles: [Role.ADMIN], unitId: null };

/** A plausible 2027 schedule (2027-02-06 is a Saturday, 2027-02-14 a Sunday). */
const spring2027: CalendarYearInput = {
  year: 2027,
  holidays: [
    { name: "元旦", start: "2027-01-01", end: "2027-01-03" },
    { name: " 春节 ", start: "2027-02-06", end: "2027-02-12" },
  ],
  workdays: [{ day: "2027-02-14", name: "春节调休" }],
};

async function fieldsOf(promise: Promise<unknown>): Promise<unknown> {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).details.fields;
}

describe("a year's schedule", () => {
  it("refuses a weekday as a make-up day and a weekend-only holiday, row by row", () => {
    const { fields } = planCalendarYear({
      year: 2027,
      holidays: [
        { name: "周六", start: "2027-02-06", end: "2027-02-06" },
        { name: "", start: "2027-05-01", end: "2027-04-30" },
        { name: "跨年", start: "2026-12-31", end: "2027-01-01" },
        { name: "太长", start: "2027-07-01", end: "2027-08-01" },
        { name: "春节", start: "2027-02-08", end: "2027-02-12" },
        { name: "重叠", start: "2027-02-12", end: "2027-02-15" },
      ],
      workdays: [{ day: "2027-02-10" }, { day: "2027-02-30" }, { day: "2027-02-13" }, { day: "2027-02-13" }, { day: "2027-02-09" }],
    });
    expect(fields.map((field) => [field.field, field.code])).toEqual([
      ["holidays.0", "HOLIDAY_ON_WEEKEND"],
      ["holidays.1.name", "REQUIRED"],
      ["holidays.1.end", "END_BEFORE_START"],
      ["holidays.2.start", "OUTSIDE_YEAR"],
      ["holidays.3", "RANGE_TOO_LONG"],
      ["holidays.5", "OVERLAP"],
      ["workdays.0.day", "WORKDAY_NOT_WEEKEND"],
      ["workdays.1.day", "INVALID_FORMAT"],
      ["workdays.3.day", "DUPLICATE"],
      ["workdays.4.day", "WORKDAY_NOT_WEEKEND"],
    ]);
    expect(fields[6]!.message).toBe("A make-up working day must be a Saturday or Sunday; weekdays are working days already.");
  });

  it("only admins save a year, and a refused schedule saves nothing", async () => {
    const supervisor: Actor = { ...admin, id: randomUUID(), roles: [Role.SUPERVISOR] };
    const refused = await setCalendarYear({ db: db.dataSource, actor: supervisor, input: spring2027 }).catch((caught: unknown) => caught);
    expect((refused as DomainError).code).toBe("FORBIDDEN");
    const bad = { ...spring2027, workdays: [...spring2027.workdays, { day: "2027-02-15", name: "周一" }] };
    expect(await fieldsOf(setCalendarYear({ db: db.dataSource, actor: admin, input: bad }))).toEqual([
      { field: "workdays.1.day", code: "WORKDAY_NOT_WEEKEND", message: "A make-up working day must be a Saturday or Sunday; weekdays are working days already." },
    ]);
    expect(await listCalendarOverrides(db.dataSource.manager, { from: "2027-01-01", to: "2027-12-31" })).toEqual([]);
  });

  it("saves holidays and make-up days as the year's overrides, replacing the earlier ones, with an event per changed day", async () => {
    await db.dataSource.transaction((manager) => setCalendarOverride(manager, { day: "2027-08-03", working: false, note: "台风", actor: admin }));
    const saved = await setCalendarYear({ db: db.dataSource, actor: admin, input: spring2027 });
    expect(saved.year).toBe(2027);
    expect(saved.overrides.map((o) => `${o.day} ${o.working ? "work" : "off"} ${o.note}`)).toEqual([
      "2027-01-01 off 元旦",
      "2027-01-02 off 元旦",
      "2027-01-03 off 元旦",
      ...["06", "07", "08", "09", "10", "11", "12"].map((day) => `2027-02-${day} off 春节`),
      "2027-02-14 work 春节调休",
    ]);
    // 11 days set, the typhoon day (left out of the schedule) removed.
    expect(saved.changedDays).toBe(12);
    const calendar = await loadWorkingCalendar(db.dataSource);
    expect(calendar.isWorkingDay("2027-02-08")).toBe(false);
    expect(calendar.isWorkingDay("2027-02-14")).toBe(true);
    expect(calendar.coverage("2027-08-03")).toMatchObject({ working: true, source: "weekday-rule" });

    const again = await setCalendarYear({
      db: db.dataSource,
      actor: admin,
      input: { ...spring2027, holidays: [spring2027.holidays[1]!], workdays: [...spring2027.workdays, { day: "2027-02-20" }] },
    });
    expect(again.overrides.map((o) => o.day)).toEqual(["06", "07", "08", "09", "10", "11", "12", "14", "20"].map((day) => `2027-02-${day}`));
    expect(again.changedDays).toBe(4);
    const events: Array<{ payload: { day: string; working: boolean | null } }> = await db.dataSource.query(
      "SELECT payload FROM platform_outbox WHERE type = $1 AND payload->>'day' LIKE '2027-01-%' ORDER BY id",
      [CALENDAR_OVERRIDE_CHANGED],
    );
    expect(events.map((event) => event.payload)).toEqual([
      ...["01", "02", "03"].map((day) => ({ day: `2027-01-${day}`, working: false })),
      ...["01", "02", "03"].map((day) => ({ day: `2027-01-${day}`, working: null })),
    ]);
  });
});
