import { describe, expect, it } from "vitest";
import { toFilter } from "./filter.ts";
import { formFromQuery, measureFromQuery, ticketSearchHref } from "./url.ts";

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

  it("carries the tickets behind a measure's figure", () => {
    const unit = "0b1c2d3e-0000-4000-8000-000000000001";
    const href = ticketSearchHref({ districtId: "d1" }, { counter: "DIRECT", from: "2026-12-01", to: "2026-12-06", unitId: unit, includeSubUnits: false });
    const query = href.split("?")[1]!;
    expect(measureFromQuery(query)).toEqual({ counter: "DIRECT", from: "2026-12-01", to: "2026-12-06", unitId: unit, includeSubUnits: false });
    expect(formFromQuery(query)?.districtId).toBe("d1");
    expect(measureFromQuery("measure=DIRECT&measureFrom=2026-12-01")).toBeNull();
    expect(measureFromQuery("measure=drop%20table&measureFrom=2026-12-01&measureTo=2026-12-02")).toBeNull();
  });
});
