import { describe, expect, it } from "vitest";
import { toFilter } from "../../tickets/search/filter.ts";
import { formFromQuery, measureFromQuery } from "../../tickets/search/url.ts";
import { barHref, figureHref, NO_FILTER } from "./drill.ts";

const NOVEMBER = { from: "2026-11-01", to: "2026-11-30" };
const UNIT = "0b1c2d3e-0000-4000-8000-000000000001";
/** What the search page asks the API for when opened at this link. */
const searchOf = (href: string) => {
  const query = href.split("?")[1] ?? "";
  const form = formFromQuery(query);
  return { ...(form ? toFilter(form) : {}), measure: measureFromQuery(query) };
};

describe("drill-downs from the dashboard to the ticket search", () => {
  it("a category bar opens that category's tickets received in the period, with the dashboard's filters", () => {
    expect(searchOf(barHref("category", "cat-1", NOVEMBER, { ...NO_FILTER, districtId: "d-1", channel: "PHONE" }))).toEqual({
      categoryId: "cat-1",
      districtId: "d-1",
      channels: ["PHONE"],
      measure: { counter: "RECEIVED", from: "2026-11-01", to: "2026-11-30", unitId: null, includeSubUnits: null },
    });
  });

  it("a unit bar opens the tickets dispatched to that unit alone in the period", () => {
    expect(searchOf(barHref("unit", UNIT, NOVEMBER, NO_FILTER))).toEqual({
      measure: { counter: "DISPATCHED", from: "2026-11-01", to: "2026-11-30", unitId: UNIT, includeSubUnits: false },
    });
  });

  it("a day of the trend opens that day's received tickets", () => {
    expect(searchOf(barHref("day", "2026-11-11", NOVEMBER, NO_FILTER)).measure).toEqual({ counter: "RECEIVED", from: "2026-11-11", to: "2026-11-11", unitId: null, includeSubUnits: null });
  });

  it("a figure's number opens the tickets its counter counted, in the dashboard's unit (with sub-units as chosen)", () => {
    expect(searchOf(figureHref("ON_TIME", NOVEMBER, { ...NO_FILTER, unitId: UNIT, requestType: "COMPLAINT" }, false))).toEqual({
      requestTypes: ["COMPLAINT"],
      measure: { counter: "ON_TIME", from: "2026-11-01", to: "2026-11-30", unitId: UNIT, includeSubUnits: false },
    });
  });
});
