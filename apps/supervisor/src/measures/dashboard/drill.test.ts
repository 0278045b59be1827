import { describe, expect, it } from "vitest";
import { toFilter } from "../../tickets/search/filter.ts";
import { formFromQuery } from "../../tickets/search/url.ts";
import { barHref, figureHref, NO_FILTER } from "./drill.ts";

const NOVEMBER = { from: "2026-11-01", to: "2026-11-30" };
const filterOf = (href: string) => toFilter(formFromQuery(href.split("?")[1] ?? "")!);

describe("drill-downs from the dashboard to the ticket search", () => {
  it("a category bar opens that category's tickets received in the period, with the dashboard's filters", () => {
    const href = barHref("category", "cat-1", NOVEMBER, { ...NO_FILTER, districtId: "d-1", channel: "PHONE" });
    expect(filterOf(href)).toEqual({
      categoryId: "cat-1",
      districtId: "d-1",
      channels: ["PHONE"],
      received: { from: "2026-11-01T00:00:00+08:00", to: "2026-11-30T23:59:59.999+08:00" },
    });
  });

  it("a unit bar opens the tickets dispatched to it in the period", () => {
    expect(filterOf(barHref("unit", "u-1", NOVEMBER, NO_FILTER))).toEqual({
      leadUnitId: "u-1",
      dispatched: { from: "2026-11-01T00:00:00+08:00", to: "2026-11-30T23:59:59.999+08:00" },
    });
  });

  it("each headline figure opens its own tickets", () => {
    expect(filterOf(figureHref("directHandlingRate", NOVEMBER, NO_FILTER))).toMatchObject({ statuses: ["CLOSED_DIRECT"], received: expect.any(Object) });
    expect(filterOf(figureHref("returnRate", NOVEMBER, { ...NO_FILTER, unitId: "u-2" }))).toMatchObject({ returned: true, leadUnitId: "u-2", dispatched: expect.any(Object) });
    expect(filterOf(figureHref("reReportRate", NOVEMBER, NO_FILTER))).toMatchObject({ reReported: true, replied: expect.any(Object) });
    expect(filterOf(figureHref("overdueCount", NOVEMBER, NO_FILTER))).toMatchObject({ overdue: true });
    expect(filterOf(figureHref("supervisionOrders", NOVEMBER, NO_FILTER))).toMatchObject({ underSupervision: true });
  });
});
