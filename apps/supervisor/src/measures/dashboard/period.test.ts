import { describe, expect, it } from "vitest";
import { daysIn, instantsOf, periodOf, previousPeriod, todayInChina, validRange } from "./period.ts";

describe("dashboard periods (Asia/Shanghai days)", () => {
  it("finds the week, month, quarter and year of a day", () => {
    expect(periodOf("day", "2026-12-06")).toEqual({ from: "2026-12-06", to: "2026-12-06" });
    // 2026-12-06 is a Sunday: its week starts on Monday 11-30.
    expect(periodOf("week", "2026-12-06")).toEqual({ from: "2026-11-30", to: "2026-12-06" });
    expect(periodOf("month", "2024-02-10")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(periodOf("quarter", "2026-11-15")).toEqual({ from: "2026-10-01", to: "2026-12-31" });
    expect(periodOf("year", "2026-11-15")).toEqual({ from: "2026-01-01", to: "2026-12-31" });
  });

  it("the previous period is the one of the same kind before it", () => {
    expect(previousPeriod("month", { from: "2026-03-01", to: "2026-03-31" })).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(previousPeriod("quarter", { from: "2026-01-01", to: "2026-03-31" })).toEqual({ from: "2025-10-01", to: "2025-12-31" });
    expect(previousPeriod("week", { from: "2026-11-30", to: "2026-12-06" })).toEqual({ from: "2026-11-23", to: "2026-11-29" });
    expect(previousPeriod("custom", { from: "2026-11-10", to: "2026-11-19" })).toEqual({ from: "2026-10-31", to: "2026-11-09" });
  });

  it("counts days, checks custom ranges and gives China-time instants", () => {
    expect(daysIn({ from: "2026-01-01", to: "2026-12-31" })).toBe(365);
    expect(validRange({ from: "2026-02-01", to: "2026-01-01" })).toBe(false);
    expect(validRange({ from: "2025-01-01", to: "2026-06-01" })).toBe(false);
    expect(instantsOf({ from: "2026-12-31", to: "2026-12-31" })).toEqual({ from: "2026-12-31T00:00:00+08:00", to: "2027-01-01T00:00:00+08:00" });
    // 2026-12-06 20:00 UTC is already 12-07 in China.
    expect(todayInChina(new Date("2026-12-06T20:00:00Z"))).toBe("2026-12-07");
  });
});
