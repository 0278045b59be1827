import { describe, expect, it } from "vitest";
import { WorkingCalendar } from "./working-calendar.js";
import { addWorkingTime, isWorkingInstant, nextWorkingInstant, workingMinutesBetween } from "./working-time.js";

const china = new WorkingCalendar();

describe("WorkingCalendar: working days", () => {
  it("follows the 2026 Spring Festival notice: Feb 15–23 off, Saturdays Feb 14 and Feb 28 worked", () => {
    expect(china.isWorkingDay("2026-02-13")).toBe(true); // Friday
    expect(china.isWorkingDay("2026-02-14")).toBe(true); // Saturday, make-up working day (调休)
    for (const day of ["2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-21", "2026-02-22", "2026-02-23"]) {
      expect(china.isWorkingDay(day), day).toBe(false);
    }
    expect(china.isWorkingDay("2026-02-24")).toBe(true); // Tuesday, back at work
    expect(china.isWorkingDay("2026-02-28")).toBe(true); // Saturday, make-up working day
    expect(china.isWorkingDay("2026-03-01")).toBe(false); // an ordinary Sunday
  });

  it("follows the 2026 National Day notice: Oct 1–7 off, Sunday Sep 20 and Saturday Oct 10 worked", () => {
    expect(china.isWorkingDay("2026-09-20")).toBe(true); // Sunday, make-up working day
    expect(china.isWorkingDay("2026-09-25")).toBe(false); // Mid-Autumn Festival (Friday)
    expect(china.isWorkingDay("2026-09-30")).toBe(true); // Wednesday, last working day before the holiday
    for (const day of ["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"]) {
      expect(china.isWorkingDay(day), day).toBe(false);
    }
    expect(china.isWorkingDay("2026-10-08")).toBe(true);
    expect(china.isWorkingDay("2026-10-10")).toBe(true); // Saturday, make-up working day
    expect(china.isWorkingDay("2026-10-11")).toBe(false);
  });

  it("reports where a day's status comes from, and warns for years the official data does not cover", () => {
    expect(china.coverage("2026-10-01")).toEqual({
      day: "2026-10-01",
      working: false,
      source: "official",
      maintained: true,
      note: "National Day,国庆节,3",
    });
    expect(china.coverage("2026-11-24")).toMatchObject({ working: true, source: "official", maintained: true, note: null });
    // 2027 is not in chinese-days 1.5.7: Friday 1 January falls back to the weekday rule, unmaintained.
    expect(china.coverage("2027-01-01")).toEqual({ day: "2027-01-01", working: true, source: "weekday-rule", maintained: false, note: null });
    expect(china.coverage("2027-01-02")).toMatchObject({ working: false, source: "weekday-rule", maintained: false });
  });

  it("lets admin overrides win over the official data and fill uncovered years", () => {
    const calendar = new WorkingCalendar({
      overrides: [
        { day: "2027-01-01", working: false, note: "2027 元旦" },
        { day: "2026-11-25", working: false, note: "typhoon closure" },
        { day: "2026-10-11", working: true },
      ],
    });
    expect(calendar.coverage("2027-01-01")).toEqual({ day: "2027-01-01", working: false, source: "override", maintained: true, note: "2027 元旦" });
    expect(calendar.isWorkingDay("2026-11-25")).toBe(false);
    expect(calendar.isWorkingDay("2026-10-11")).toBe(true);
    expect(calendar.withOverrides([]).isWorkingDay("2026-11-25")).toBe(true);
    expect(calendar.listOverrides().map((o) => o.day)).toEqual(["2026-10-11", "2026-11-25", "2027-01-01"]);
  });

  it("can ignore China's calendar for a 311 deployment (weekdays plus overrides)", () => {
    const us = new WorkingCalendar({ timeZone: "America/New_York", holidays: "weekdays", overrides: [{ day: "2026-11-26", working: false, note: "Thanksgiving" }] });
    expect(us.isWorkingDay("2026-10-01")).toBe(true); // not a holiday in New York
    expect(us.isWorkingDay("2026-11-26")).toBe(false);
    expect(us.coverage("2027-03-01")).toMatchObject({ source: "weekday-rule", maintained: true });
  });

  it("refuses malformed days, zones and business hours", () => {
    expect(() => china.isWorkingDay("2026-02-30")).toThrow(/YYYY-MM-DD/);
    expect(() => new WorkingCalendar({ timeZone: "Mars/Olympus_Mons" })).toThrow(/unknown time zone/);
    expect(() => new WorkingCalendar({ businessHours: [] })).toThrow(/at least one/);
    expect(() => new WorkingCalendar({ businessHours: [{ start: "8:30", end: "12:00" }] })).toThrow(/HH:MM/);
    expect(() => new WorkingCalendar({ businessHours: [{ start: "12:00", end: "08:30" }] })).toThrow(/ends before/);
    expect(() =>
      new WorkingCalendar({ businessHours: [{ start: "08:00", end: "12:00" }, { start: "11:00", end: "17:00" }] }),
    ).toThrow(/overlap/);
    expect(() => new WorkingCalendar({ overrides: [{ day: "27-01-01", working: false }] })).toThrow(/YYYY-MM-DD/);
  });

  it("has a 7.5-hour default working day (08:30–12:00, 13:30–17:30) in Asia/Shanghai", () => {
    expect(china.workingDayMinutes).toBe(450);
    expect(china.timeZone).toBe("Asia/Shanghai");
    expect(new WorkingCalendar({ businessHours: [{ start: "09:00", end: "17:00" }] }).workingDayMinutes).toBe(480);
  });
});

describe("WorkingCalendar: time zones with daylight saving (America/New_York, 311)", () => {
  const nyc = new WorkingCalendar({ timeZone: "America/New_York", holidays: "weekdays", businessHours: [{ start: "08:00", end: "17:00" }] });

  it("keeps business hours on the wall clock across the spring-forward weekend (8 March 2026)", () => {
    // Friday 16:00 EST (UTC−5) + 2 working hours: 1 h on Friday, then Monday 08:00 EDT (UTC−4) + 1 h.
    const friday = new Date("2026-03-06T16:00:00-05:00");
    expect(addWorkingTime(nyc, friday, 120).toISOString()).toBe("2026-03-09T13:00:00.000Z"); // 09:00 EDT
    expect(workingMinutesBetween(nyc, friday, new Date("2026-03-09T09:00:00-04:00"))).toBe(120);
    expect(nextWorkingInstant(nyc, new Date("2026-03-07T12:00:00-05:00")).toISOString()).toBe("2026-03-09T12:00:00.000Z"); // 08:00 EDT
  });

  it("and across the fall-back weekend (1 November 2026)", () => {
    const friday = new Date("2026-10-30T16:30:00-04:00");
    expect(addWorkingTime(nyc, friday, 60).toISOString()).toBe("2026-11-02T13:30:00.000Z"); // Monday 08:30 EST
    expect(isWorkingInstant(nyc, new Date("2026-11-02T08:00:00-05:00"))).toBe(true);
    expect(isWorkingInstant(nyc, new Date("2026-11-02T07:59:00-05:00"))).toBe(false);
  });

  it("counts the real length of a 23-hour and a 25-hour day", () => {
    const roundTheClock = new WorkingCalendar({
      timeZone: "America/New_York",
      holidays: "weekdays",
      businessHours: [{ start: "00:00", end: "24:00" }],
      overrides: [
        { day: "2026-03-08", working: true },
        { day: "2026-11-01", working: true },
      ],
    });
    expect(workingMinutesBetween(roundTheClock, new Date("2026-03-08T00:00:00-05:00"), new Date("2026-03-09T00:00:00-04:00"))).toBe(23 * 60);
    expect(workingMinutesBetween(roundTheClock, new Date("2026-11-01T00:00:00-04:00"), new Date("2026-11-02T00:00:00-05:00"))).toBe(25 * 60);
  });
});
