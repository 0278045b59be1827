import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor.js";
import { Role } from "../auth/roles.js";
import { DomainError } from "../errors.js";
import { platformModule } from "../platform.module.js";
import { createTestDatabase, type TestDatabase } from "../testing/index.js";
import {
  CALENDAR_OVERRIDE_CHANGED,
  listCalendarOverrides,
  loadWorkingCalendar,
  removeCalendarOverride,
  setCalendarOverride,
} from "./calendar-overrides.js";
import { addWorkingTime } from "./working-time.js";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase({ entities: platformModule.entities, migrations: platformModule.migrations });
});

afterAll(async () => {
  await db?.destroy();
});

const staff = (roles: Role[]): Actor => ({ kind: "staff", id: randomUUID(), name: "测试", roles, unitId: null });
const admin = staff([Role.ADMIN]);

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
  return "no error";
}

describe("calendar overrides", () => {
  it("only admins set or remove them", async () => {
    const set = (actor: Actor | null) =>
      db.dataSource.transaction((manager) => setCalendarOverride(manager, { day: "2027-02-10", working: false, actor }));
    expect(await codeOf(set(null))).toBe("UNAUTHENTICATED");
    expect(await codeOf(set(staff([Role.DISPATCHER, Role.SUPERVISOR])))).toBe("FORBIDDEN");
    expect(
      await codeOf(db.dataSource.transaction((manager) => removeCalendarOverride(manager, { day: "2027-02-10", actor: staff([Role.OPERATOR]) }))),
    ).toBe("FORBIDDEN");
    expect(await listCalendarOverrides(db.dataSource.manager, { from: "2027-02-10", to: "2027-02-10" })).toEqual([]);
  });

  it("rejects a malformed day and an over-long note, field by field", async () => {
    const error = await db.dataSource
      .transaction((manager) => setCalendarOverride(manager, { day: "2027-02-30", working: false, note: "假".repeat(201), actor: admin }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).details.fields).toEqual([
      { field: "day", code: "INVALID_FORMAT", message: "Enter the day as YYYY-MM-DD." },
      { field: "note", code: "TOO_LONG", message: "Keep the note under 200 characters." },
    ]);
  });

  it("a 2027 day declared non-working moves a deadline across the year end", async () => {
    const lateOnNewYearsEve = new Date("2026-12-31T16:30:00+08:00");
    const before = await loadWorkingCalendar(db.dataSource);
    expect(before.coverage("2027-01-01")).toMatchObject({ working: true, maintained: false });
    expect(addWorkingTime(before, lateOnNewYearsEve, 120).toISOString()).toBe(new Date("2027-01-01T09:30:00+08:00").toISOString());

    const saved = await db.dataSource.transaction((manager) =>
      setCalendarOverride(manager, { day: "2027-01-01", working: false, note: "  2027 元旦 ", actor: admin }),
    );
    expect(saved).toMatchObject({ day: "2027-01-01", working: false, note: "2027 元旦", updatedBy: admin.id });
    expect(saved.updatedAt).toBeInstanceOf(Date);

    const after = await loadWorkingCalendar(db.dataSource);
    expect(after.coverage("2027-01-01")).toEqual({ day: "2027-01-01", working: false, source: "override", maintained: true, note: "2027 元旦" });
    expect(addWorkingTime(after, lateOnNewYearsEve, 120).toISOString()).toBe(new Date("2027-01-04T09:30:00+08:00").toISOString());
  });

  it("replaces an earlier override of the same day and records an event for each change", async () => {
    const other = staff([Role.ADMIN]);
    await db.dataSource.transaction((manager) => setCalendarOverride(manager, { day: "2027-02-06", working: true, note: "调休", actor: admin }));
    await db.dataSource.transaction((manager) => setCalendarOverride(manager, { day: "2027-02-06", working: false, actor: other }));

    const [stored] = await listCalendarOverrides(db.dataSource.manager, { from: "2027-02-06", to: "2027-02-06" });
    expect(stored).toMatchObject({ day: "2027-02-06", working: false, note: "", updatedBy: other.id });
    const events: Array<{ payload: Record<string, unknown>; actor_id: string }> = await db.dataSource.query(
      "SELECT payload, actor_id FROM platform_outbox WHERE type = $1 AND payload->>'day' = '2027-02-06' ORDER BY id",
      [CALENDAR_OVERRIDE_CHANGED],
    );
    expect(events).toEqual([
      { payload: { day: "2027-02-06", working: true }, actor_id: admin.id },
      { payload: { day: "2027-02-06", working: false }, actor_id: other.id },
    ]);
  });

  it("removing an override brings the official data back", async () => {
    await db.dataSource.transaction((manager) => setCalendarOverride(manager, { day: "2026-10-10", working: false, note: "closed", actor: admin }));
    expect((await loadWorkingCalendar(db.dataSource)).isWorkingDay("2026-10-10")).toBe(false);

    expect(await db.dataSource.transaction((manager) => removeCalendarOverride(manager, { day: "2026-10-10", actor: admin }))).toBe(true);
    expect(await db.dataSource.transaction((manager) => removeCalendarOverride(manager, { day: "2026-10-10", actor: admin }))).toBe(false);
    const calendar = await loadWorkingCalendar(db.dataSource);
    expect(calendar.coverage("2026-10-10")).toMatchObject({ working: true, source: "official" });
  });

  it("loads with the deployment's zone and hours, and lists overrides by range", async () => {
    await db.dataSource.transaction((manager) => setCalendarOverride(manager, { day: "2027-11-25", working: false, note: "Thanksgiving", actor: admin }));
    const calendar = await db.dataSource.transaction((manager) =>
      loadWorkingCalendar(manager, { timeZone: "America/New_York", holidays: "weekdays", businessHours: [{ start: "08:00", end: "17:00" }] }),
    );
    expect(calendar.timeZone).toBe("America/New_York");
    expect(calendar.workingDayMinutes).toBe(540);
    expect(calendar.isWorkingDay("2027-11-25")).toBe(false);
    expect((await listCalendarOverrides(db.dataSource.manager, { from: "2027-11-01" })).map((o) => o.day)).toEqual(["2027-11-25"]);
    expect((await listCalendarOverrides(db.dataSource.manager, { to: "2027-01-31" })).map((o) => o.day)).toEqual(["2027-01-01"]);
  });
});
