import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WorkingCalendar } from "./working-calendar.js";
import { addWorkingDays } from "./working-days.js";
import { addWorkingTime, isWorkingInstant, nextWorkingInstant, workingDaysBetween, workingMinutesBetween } from "./working-time.js";

/** Default calendar: Asia/Shanghai, 08:30–12:00 and 13:30–17:30, China's official working days. */
const china = new WorkingCalendar();
const iso = (date: Date): string => date.toISOString();

describe("working time in Asia/Shanghai, by hand", () => {
  it("gives a ticket created at 16:30 on the last working day before National Day its deadlines", () => {
    // Wednesday 30 September 2026 16:30; 1–7 October are the holiday; Saturday 10 October is worked.
    const created = new Date("2026-09-30T16:30:00+08:00");
    // Dispatch within 4 working hours: 16:30–17:30 (1 h), then Thursday 8 Oct 08:30–11:30 (3 h).
    const dispatchBy = addWorkingTime(china, created, 4 * 60);
    expect(iso(dispatchBy)).toBe(iso(new Date("2026-10-08T11:30:00+08:00")));
    // Complaint completed within 5 working days = 5 × 7.5 h: Oct 8, 9, 10 (Sat, 调休), 12, 13 → Tue 13 Oct 16:30.
    const completeBy = addWorkingDays(china, created, 5);
    expect(iso(completeBy)).toBe(iso(new Date("2026-10-13T16:30:00+08:00")));
    expect(workingMinutesBetween(china, created, dispatchBy)).toBe(240);
    expect(workingMinutesBetween(china, created, completeBy)).toBe(5 * 450);
    expect(workingDaysBetween(china, created, completeBy)).toBe(5);
  });

  it("runs across the 2026 Spring Festival and its make-up Saturdays", () => {
    // Saturday 14 Feb (调休) 16:00 + 4 h: 1.5 h that day, then Tuesday 24 Feb 08:30 + 2.5 h.
    expect(iso(addWorkingTime(china, new Date("2026-02-14T16:00:00+08:00"), 240))).toBe(iso(new Date("2026-02-24T11:00:00+08:00")));
    // Fri 13 Feb 09:00 → Tue 24 Feb 09:00: 7 h on Friday, 7.5 h on Saturday 14th, 0.5 h on the 24th.
    expect(workingMinutesBetween(china, new Date("2026-02-13T09:00:00+08:00"), new Date("2026-02-24T09:00:00+08:00"))).toBe(420 + 450 + 30);
    // Fri 27 Feb 10:00 + 5 working days: Sat 28 Feb (调休), Mon 2, Tue 3, Wed 4, Thu 5 March.
    expect(iso(addWorkingDays(china, new Date("2026-02-27T10:00:00+08:00"), 5))).toBe(iso(new Date("2026-03-05T10:00:00+08:00")));
    // On New Year's Eve of the lunar calendar (16 Feb) nobody works: the clock starts on the 24th.
    expect(iso(nextWorkingInstant(china, new Date("2026-02-16T10:00:00+08:00")))).toBe(iso(new Date("2026-02-24T08:30:00+08:00")));
  });

  it("runs across midnight", () => {
    // Tuesday 24 Nov 17:00 + 1 h: 30 min before closing, 30 min after Wednesday's opening.
    expect(iso(addWorkingTime(china, new Date("2026-11-24T17:00:00+08:00"), 60))).toBe(iso(new Date("2026-11-25T09:00:00+08:00")));
    // 00:30 in Shanghai is still the previous UTC day: the local day must be used.
    expect(iso(addWorkingTime(china, new Date("2026-11-25T00:30:00+08:00"), 1))).toBe(iso(new Date("2026-11-25T08:31:00+08:00")));
    expect(workingMinutesBetween(china, new Date("2026-11-24T17:00:00+08:00"), new Date("2026-11-25T09:00:00+08:00"))).toBe(60);
    expect(workingMinutesBetween(china, new Date("2026-11-24T23:00:00+08:00"), new Date("2026-11-25T08:00:00+08:00"))).toBe(0);
  });

  it("runs across the lunch break", () => {
    expect(iso(addWorkingTime(china, new Date("2026-11-24T11:30:00+08:00"), 60))).toBe(iso(new Date("2026-11-24T14:00:00+08:00")));
    expect(isWorkingInstant(china, new Date("2026-11-24T12:30:00+08:00"))).toBe(false);
    expect(iso(nextWorkingInstant(china, new Date("2026-11-24T12:30:00+08:00")))).toBe(iso(new Date("2026-11-24T13:30:00+08:00")));
    expect(workingMinutesBetween(china, new Date("2026-11-24T11:00:00+08:00"), new Date("2026-11-24T14:00:00+08:00"))).toBe(90);
  });

  it("runs across the year end, and an admin override for 2027 moves the deadline", () => {
    const lateOnNewYearsEve = new Date("2026-12-31T16:30:00+08:00");
    // 2027 is not covered by the official data: Friday 1 January counts as a weekday.
    expect(iso(addWorkingTime(china, lateOnNewYearsEve, 120))).toBe(iso(new Date("2027-01-01T09:30:00+08:00")));
    const with2027 = china.withOverrides([{ day: "2027-01-01", working: false, note: "2027 元旦" }]);
    // With 1 January declared off: 1 h on the 31st, then Monday 4 January 08:30 + 1 h.
    expect(iso(addWorkingTime(with2027, lateOnNewYearsEve, 120))).toBe(iso(new Date("2027-01-04T09:30:00+08:00")));
    expect(workingMinutesBetween(with2027, lateOnNewYearsEve, new Date("2027-01-04T09:30:00+08:00"))).toBe(120);
  });

  it("ends a deadline that uses up the day at closing time, and counts 0 for no time", () => {
    const opening = new Date("2026-11-24T08:30:00+08:00");
    expect(iso(addWorkingTime(china, opening, 450))).toBe(iso(new Date("2026-11-24T17:30:00+08:00")));
    expect(iso(addWorkingTime(china, new Date("2026-11-24T20:00:00+08:00"), 0))).toBe(iso(new Date("2026-11-24T20:00:00+08:00")));
    // Received in the evening: 5 working days run from Wednesday's opening to Tuesday's closing.
    expect(iso(addWorkingDays(china, new Date("2026-11-24T20:00:00+08:00"), 5))).toBe(iso(new Date("2026-12-01T17:30:00+08:00")));
    expect(workingMinutesBetween(china, new Date("2026-11-25T10:00:00+08:00"), new Date("2026-11-24T10:00:00+08:00"))).toBe(0);
    expect(workingMinutesBetween(china, opening, new Date("2026-11-24T08:45:59+08:00"))).toBe(15);
    expect(() => addWorkingTime(china, opening, 1.5)).toThrow(/whole number/);
    expect(() => addWorkingTime(china, opening, -1)).toThrow(/whole number/);
  });

  it("keeps the day-based helper for civil days working", () => {
    expect(addWorkingDays("2026-09-30", 1)).toBe("2026-10-08");
  });

  it("refuses a calendar with no working time at all", () => {
    const allOff = new WorkingCalendar({
      holidays: "weekdays",
      overrides: Array.from({ length: 800 }, (_, i) => ({ day: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10), working: false })),
    });
    expect(() => addWorkingTime(allOff, new Date("2026-01-01T00:00:00+08:00"), 1)).toThrow(/no working day/);
  });
});

describe("working time: properties", () => {
  const instants = fc.date({ min: new Date("2025-06-01T00:00:00Z"), max: new Date("2027-06-30T00:00:00Z"), noInvalidDate: true });
  const minutes = fc.integer({ min: 0, max: 30 * 450 });
  const calendars = [
    ["Asia/Shanghai, China's calendar", china],
    [
      "America/New_York, weekdays, one long interval",
      new WorkingCalendar({ timeZone: "America/New_York", holidays: "weekdays", businessHours: [{ start: "07:00", end: "19:00" }] }),
    ],
  ] as const;

  for (const [name, calendar] of calendars) {
    it(`adding working time then measuring it gives the same amount back (${name})`, () => {
      fc.assert(
        fc.property(instants, minutes, (start, amount) => {
          expect(workingMinutesBetween(calendar, start, addWorkingTime(calendar, start, amount))).toBe(amount);
        }),
        { numRuns: 300 },
      );
    });

    it(`adding in two steps equals adding at once, and deadlines fall in working time (${name})`, () => {
      fc.assert(
        fc.property(instants, minutes, minutes, (start, first, second) => {
          const once = addWorkingTime(calendar, start, first + second);
          expect(addWorkingTime(calendar, addWorkingTime(calendar, start, first), second).getTime()).toBe(once.getTime());
          if (first + second > 0) {
            // A deadline is never outside business hours, except exactly at a closing time.
            const justBefore = new Date(once.getTime() - 1);
            expect(isWorkingInstant(calendar, justBefore)).toBe(true);
          }
        }),
        { numRuns: 200 },
      );
    });
  }
});
