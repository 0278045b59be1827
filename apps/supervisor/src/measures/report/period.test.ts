import { describe, expect, it } from "vitest";
import { presetRange, shanghaiToday } from "./period.ts";

describe("report period presets", () => {
  it("uses the Asia/Shanghai day: 20:00 UTC on 31 December is already 1 January there", () => {
    expect(shanghaiToday(new Date("2026-12-31T20:00:00Z"))).toBe("2027-01-01");
    expect(shanghaiToday(new Date("2026-12-31T15:59:59Z"))).toBe("2026-12-31");
  });

  it("last month, this month, last quarter and this year, across year ends and February", () => {
    expect(presetRange("lastMonth", "2026-12-06")).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    expect(presetRange("lastMonth", "2027-01-15")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    expect(presetRange("lastMonth", "2028-03-02")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(presetRange("thisMonth", "2026-12-06")).toEqual({ from: "2026-12-01", to: "2026-12-06" });
    expect(presetRange("lastQuarter", "2026-12-06")).toEqual({ from: "2026-07-01", to: "2026-09-30" });
    expect(presetRange("lastQuarter", "2027-02-10")).toEqual({ from: "2026-10-01", to: "2026-12-31" });
    expect(presetRange("thisYear", "2026-12-06")).toEqual({ from: "2026-01-01", to: "2026-12-06" });
    expect(presetRange("custom", "2026-12-06")).toBeNull();
  });
});
