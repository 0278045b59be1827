import { describe, expect, it } from "vitest";
import { dayOf, formatP, hotIssueSearchHref, lastDayBefore } from "./hot-format.ts";

describe("a hot issue's drill-down", () => {
  it("opens the ticket search on its category, district and the window's China days", () => {
    const issue = { categoryId: "c1", districtId: "d1", windowStart: "2026-11-13T16:00:00.000Z", windowEnd: "2026-11-20T16:00:00.000Z" };
    expect(dayOf(issue.windowStart)).toBe("2026-11-14");
    expect(lastDayBefore(issue.windowEnd)).toBe("2026-11-20");
    expect(hotIssueSearchHref(issue)).toBe("tickets/search?categoryId=c1&districtId=d1&receivedFrom=2026-11-14&receivedTo=2026-11-20");
    expect(hotIssueSearchHref({ ...issue, townshipId: "t1" })).toBe("tickets/search?categoryId=c1&districtId=d1&townshipId=t1&receivedFrom=2026-11-14&receivedTo=2026-11-20");
  });

  it("writes small p-values in scientific notation", () => {
    expect(formatP(0.00001025)).toBe("1.0e-5");
    expect(formatP(0.0123)).toBe("0.0123");
  });
});
