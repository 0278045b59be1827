import { describe, expect, it } from "vitest";
import { monthRange, shanghaiToday, thisMonthSoFar, validRange } from "./period.ts";

describe("ranking periods (Asia/Shanghai days)", () => {
  it("takes today's day in China, not in UTC", () => {
    expect(shanghaiToday(new Date("2026-11-30T16:30:00Z"))).toBe("2026-12-01");
    expect(shanghaiToday(new Date("2026-11-30T15:59:59Z"))).toBe("2026-11-30");
  });

  it("gives last month, this month so far, across a year and in February", () => {
    expect(monthRange("2026-12-06", -1)).toEqual({ fromDay: "2026-11-01", toDay: "2026-11-30" });
    expect(monthRange("2027-01-15", -1)).toEqual({ fromDay: "2026-12-01", toDay: "2026-12-31" });
    expect(monthRange("2028-03-31", -1)).toEqual({ fromDay: "2028-02-01", toDay: "2028-02-29" });
    expect(thisMonthSoFar("2026-12-06")).toEqual({ fromDay: "2026-12-01", toDay: "2026-12-06" });
  });

  it("accepts only ranges whose last day is not before the first", () => {
    expect(validRange("2026-11-01", "2026-11-30")).toBe(true);
    expect(validRange("2026-11-30", "2026-11-30")).toBe(true);
    expect(validRange("2026-11-30", "2026-11-01")).toBe(false);
    expect(validRange("", "2026-11-01")).toBe(false);
  });
});
