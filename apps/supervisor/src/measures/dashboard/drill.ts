import type { SearchForm } from "../../tickets/search/filter.ts";
import { ticketSearchHref } from "../../tickets/search/url.ts";
import type { DayRange } from "./period.ts";

/** The dashboard's filters. */
export type DashboardFilter = { unitId: string; districtId: string; categoryId: string; channel: string; requestType: string };

export const NO_FILTER: DashboardFilter = { unitId: "", districtId: "", categoryId: "", channel: "", requestType: "" };

/** The filters the ticket search applies itself (the unit goes with the measure: the counted event's unit). */
function searchFilters(filter: DashboardFilter): Partial<SearchForm> {
  return { districtId: filter.districtId, categoryId: filter.categoryId, channel: filter.channel, requestType: filter.requestType };
}

/**
 * The ticket search link behind a figure's numerator or denominator: the tickets the measures
 * engine counted under `counter` (MeasureFigure.numeratorCounter / denominatorCounter) in the
 * period's days and the dashboard's unit, with the dashboard's other filters — exactly the tickets
 * the number was computed from.
 */
export function figureHref(counter: string, range: DayRange, filter: DashboardFilter, includeSubUnits = true): string {
  return ticketSearchHref(searchFilters(filter), { counter, from: range.from, to: range.to, unitId: filter.unitId || null, includeSubUnits });
}

/**
 * A bar or point of a breakdown: its received tickets (category, district, day) or the tickets
 * dispatched to it (unit) in the period, with the dashboard's filters.
 */
export function barHref(by: "category" | "district" | "unit" | "day", key: string, range: DayRange, filter: DashboardFilter, includeSubUnits = true): string {
  const common = searchFilters(filter);
  const measure = (counter: string, days: DayRange, unitId: string | null, subUnits: boolean) => ({ counter, from: days.from, to: days.to, unitId, includeSubUnits: subUnits });
  switch (by) {
    case "category":
      return ticketSearchHref({ ...common, categoryId: key }, measure("RECEIVED", range, filter.unitId || null, includeSubUnits));
    case "district":
      return ticketSearchHref({ ...common, districtId: key }, measure("RECEIVED", range, filter.unitId || null, includeSubUnits));
    case "unit":
      return ticketSearchHref(common, measure("DISPATCHED", range, key, false));
    case "day":
      return ticketSearchHref(common, measure("RECEIVED", { from: key, to: key }, filter.unitId || null, includeSubUnits));
  }
}
