import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WorkingCalendar } from "./working-calendar.js";
import { workingMinutesBetween } from "./working-time.js";
import { shiftDay, zoneOffsetMs } from "./zoned-time.js";

/** The definition, day by day: every working interval of every day from `from`'s to `to`'s, clipped to [from, to). */
function minutesDayByDay(calendar: WorkingCalendar, from: Date, to: Date): number {
  if (to.getTime() <= from.getTime()) {
    return 0;
  }
  let total = 0;
  const lastDay = calendar.dayOf(to);
  for (let day = calendar.dayOf(from); day <= lastDay; day = shiftDay(day, 1)) {
    for (const [start, end] of calendar.workingIntervals(day)) {
      total += Math.max(0, Math.min(end, to.getTime()) - Math.max(start, from.getTime()));
    }
  }
  return Math.floor(total / 60_000);
}

/** The offset as Intl gives it for the instant's whole second (what zoneOffsetMs keeps by the hour). */
function intlOffset(timeZone: string, ms: number): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(new Date(whole));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second")) - whole;
}

describe("working minutes over long spans (running totals)", () => {
  const calendars = [
    new WorkingCalendar(),
    new WorkingCalendar({ overrides: [{ day: "2026-10-10", working: false }, { day: "2025-03-01", working: true }] }),
    new WorkingCalendar({ timeZone: "America/New_York", holidays: "weekdays", businessHours: [{ start: "09:00", end: "17:00" }] }),
    new WorkingCalendar({ timeZone: "Europe/London", holidays: "weekdays", businessHours: [{ start: "00:30", end: "02:30" }, { start: "22:00", end: "24:00" }] }),
  ];
  const instants = fc.date({ min: new Date("2019-01-01T00:00:00Z"), max: new Date("2028-12-31T00:00:00Z"), noInvalidDate: true });

  it("equals the day-by-day sum, for spans of minutes to years, in either order of asking", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: calendars.length - 1 }), instants, instants, (which, a, b) => {
        const calendar = calendars[which]!;
        expect(workingMinutesBetween(calendar, a, b)).toBe(minutesDayByDay(calendar, a, b));
        expect(workingMinutesBetween(calendar, b, a)).toBe(minutesDayByDay(calendar, b, a));
      }),
      { numRuns: 300 },
    );
  });

  it("counts a ticket overdue by years exactly (the working days of 2020–2025 at 7.5 h)", () => {
    const calendar = new WorkingCalendar();
    const from = new Date("2020-01-01T00:00:00+08:00");
    const to = new Date("2026-01-01T00:00:00+08:00");
    let days = 0;
    for (let day = "2020-01-01"; day < "2026-01-01"; day = shiftDay(day, 1)) {
      days += calendar.isWorkingDay(day) ? 1 : 0;
    }
    expect(workingMinutesBetween(calendar, from, to)).toBe(days * 450);
  });
});

describe("zone offsets kept by the hour", () => {
  it("equal Intl's at every instant, also on either side of daylight-saving changes", () => {
    const changes = ["2026-03-08T07:00:00Z", "2026-11-01T06:00:00Z", "2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z", "2026-04-05T02:30:00Z", "1991-09-14T15:00:00Z"];
    for (const zone of ["Asia/Shanghai", "America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kolkata"]) {
      for (const change of changes) {
        const at = Date.parse(change);
        for (const delta of [-3_600_001, -1_800_000, -1000, -1, 0, 1, 999, 1000, 1_800_000, 3_599_999, 3_600_000]) {
          expect(zoneOffsetMs(zone, at + delta)).toBe(intlOffset(zone, at + delta));
        }
      }
    }
    fc.assert(
      fc.property(fc.constantFrom("Asia/Shanghai", "America/New_York", "Australia/Lord_Howe"), fc.date({ min: new Date("1985-01-01T00:00:00Z"), max: new Date("2035-01-01T00:00:00Z"), noInvalidDate: true }), (zone, date) => {
        expect(zoneOffsetMs(zone, date.getTime())).toBe(intlOffset(zone, date.getTime()));
      }),
      { numRuns: 500 },
    );
  });
});
