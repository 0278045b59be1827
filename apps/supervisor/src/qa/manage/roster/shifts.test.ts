import { describe, expect, it } from "vitest";
import { shiftHours, shiftInstants, shiftsOn } from "./shifts.ts";

const shift = (id: string, personId: string, startsAt: string, endsAt: string) => ({ id, seatCode: "A01", startsAt, endsAt, callTaker: { id: personId } });

describe("roster shifts", () => {
  it("reads a day shift in China time", () => {
    const times = shiftInstants("2026-12-07", "08:00", "16:00");
    expect(times).toEqual({ startsAt: "2026-12-07T00:00:00.000Z", endsAt: "2026-12-07T08:00:00.000Z" });
    expect(shiftHours(times)).toBe("08:00–16:00");
  });
  it("ends a night shift the next morning when its end is not after its start", () => {
    const times = shiftInstants("2026-12-07", "22:00", "06:00");
    expect(times).toEqual({ startsAt: "2026-12-07T14:00:00.000Z", endsAt: "2026-12-07T22:00:00.000Z" });
    expect(shiftHours(times)).toBe("22:00–06:00 (+1)");
  });
  it("ends an evening shift at 24:00 rather than the next day's 00:00", () => {
    expect(shiftHours(shiftInstants("2026-12-07", "16:00", "00:00"))).toBe("16:00–24:00");
  });
  it("puts a shift on the China day it starts, not the UTC one", () => {
    // 07:30 in Shanghai on the 8th is 23:30 UTC on the 7th
    const early = shift("s1", "p1", "2026-12-07T23:30:00.000Z", "2026-12-08T07:30:00.000Z");
    const other = shift("s2", "p2", "2026-12-08T00:00:00.000Z", "2026-12-08T08:00:00.000Z");
    expect(shiftsOn([early, other], "p1", "2026-12-08").map((found) => found.id)).toEqual(["s1"]);
    expect(shiftsOn([early, other], "p1", "2026-12-07")).toEqual([]);
  });
});
