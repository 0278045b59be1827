import { describe, expect, it } from "vitest";
import { toFilter } from "./filter.ts";
import { formFromQuery, ticketSearchHref } from "./url.ts";

describe("ticket search links", () => {
  it("round-trips a drill-down's filters through the address", () => {
    const href = ticketSearchHref({ categoryId: "c1", districtId: "d1", receivedFrom: "2026-11-01", receivedTo: "2026-11-30", overdue: true });
    expect(href).toBe("tickets/search?categoryId=c1&districtId=d1&receivedFrom=2026-11-01&receivedTo=2026-11-30&overdue=1");
    const form = formFromQuery(href.split("?")[1]!)!;
    expect(toFilter(form)).toEqual({
      categoryId: "c1",
      districtId: "d1",
      received: { from: "2026-11-01T00:00:00+08:00", to: "2026-11-30T23:59:59.999+08:00" },
      overdue: true,
    });
  });

  it("ignores malformed dates and unknown parameters; nothing asked is null", () => {
    expect(formFromQuery("receivedFrom=yesterday&foo=bar")).toBeNull();
    expect(formFromQuery("")).toBeNull();
    expect(ticketSearchHref({})).toBe("tickets/search");
  });
});
