import { describe, expect, it } from "vitest";
import { addDays, isDay, mondayOf, previousMonth, weekDays } from "./week.ts";

describe("QA weeks", () => {
  it("starts a week on Monday, whatever the day given", () => {
    expect(mondayOf("2026-12-06")).toBe("2026-11-30"); // a Sunday
    expect(mondayOf("2026-11-30")).toBe("2026-11-30");
    expect(mondayOf("2026-12-02")).toBe("2026-11-30");
  });
  it("lists the seven days across a month and a year end", () => {
    expect(weekDays("2026-12-28")).toEqual(["2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02", "2027-01-03"]);
    expect(addDays("2027-03-01", -1)).toBe("2027-02-28");
  });
  it("accepts only real calendar days", () => {
    expect(isDay("2026-02-29")).toBe(false);
    expect(isDay("2028-02-29")).toBe(true);
    expect(isDay("2026-1-05")).toBe(false);
  });
  it("goes back a month across a year", () => {
    expect(previousMonth("2027-01")).toBe("2026-12");
    expect(previousMonth("2026-12")).toBe("2026-11");
  });
});
