import { describe, expect, it } from "vitest";
import { addWorkingDays, dayOf, isWorkingDay } from "./working-days.js";

describe("Chinese working days", () => {
  it("knows National Day 2026 and its make-up working Saturday", () => {
    expect(isWorkingDay("2026-10-01")).toBe(false); // National Day
    expect(isWorkingDay("2026-10-07")).toBe(false); // still in the Golden Week
    expect(isWorkingDay("2026-10-10")).toBe(true); // Saturday, a make-up working day (调休)
    expect(isWorkingDay("2026-10-11")).toBe(false); // an ordinary Sunday
  });

  it("adds working days across a holiday", () => {
    // Wednesday 30 September 2026 + 1 working day skips the National Day holiday.
    expect(addWorkingDays("2026-09-30", 1)).toBe("2026-10-08");
    expect(addWorkingDays("2026-11-20", 5)).toBe("2026-11-27");
    expect(addWorkingDays("2026-11-21", 0)).toBe("2026-11-21");
  });

  it("takes the calendar day in Asia/Shanghai", () => {
    expect(dayOf(new Date("2026-11-24T16:30:00Z"))).toBe("2026-11-25");
  });

  it("refuses a malformed day", () => {
    expect(() => isWorkingDay("2026-1-1")).toThrow(/YYYY-MM-DD/);
  });
});
