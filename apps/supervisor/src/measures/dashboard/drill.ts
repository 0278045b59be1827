import type { SearchForm } from "../../tickets/search/filter.ts";
import { ticketSearchHref } from "../../tickets/search/url.ts";
import type { DayRange } from "./period.ts";

/** The dashboard's filters as the ticket search knows them. */
export type DashboardFilter = { unitId: string; districtId: string; categoryId: string; channel: string; requestType: string };

export const NO_FILTER: DashboardFilter = { unitId: "", districtId: "", categoryId: "", channel: "", requestType: "" };

/** The figures a headline card can open. */
export type DrillFigure =
  | "volume"
  | "dailyAverage"
  | "directHandlingRate"
  | "onTimeRate"
  | "averageHandlingDays"
  | "resultSatisfactionRate"
  | "processSatisfactionRate"
  | "returnRate"
  | "reReportRate"
  | "extensionRate"
  | "overdueCount"
  | "supervisionOrders";

function base(filter: DashboardFilter): Partial<SearchForm> {
  return {
    leadUnitId: filter.unitId,
    districtId: filter.districtId,
    categoryId: filter.categoryId,
    channel: filter.channel,
    requestType: filter.requestType,
  };
}

/**
 * The ticket search link behind a figure: the dashboard's filters plus the figure's own event and
 * flag. Volume and the direct-handling rate: received in the period (direct answers: status
 * CLOSED_DIRECT); handling time, on-time, satisfaction and re-reports: replied in the period;
 * returns and extensions: dispatched in the period; overdue, supervision orders: the flag over
 * tickets dispatched in the period.
 */
export function figureHref(figure: DrillFigure, range: DayRange, filter: DashboardFilter): string {
  const received = { receivedFrom: range.from, receivedTo: range.to };
  const dispatched = { dispatchedFrom: range.from, dispatchedTo: range.to };
  const replied = { repliedFrom: range.from, repliedTo: range.to };
  const common = base(filter);
  switch (figure) {
    case "volume":
    case "dailyAverage":
      return ticketSearchHref({ ...common, ...received });
    case "directHandlingRate":
      return ticketSearchHref({ ...common, ...received, status: "CLOSED_DIRECT" });
    case "onTimeRate":
    case "averageHandlingDays":
    case "resultSatisfactionRate":
    case "processSatisfactionRate":
      return ticketSearchHref({ ...common, ...replied });
    case "reReportRate":
      return ticketSearchHref({ ...common, ...replied, reReported: true });
    case "returnRate":
      return ticketSearchHref({ ...common, ...dispatched, returned: true });
    case "extensionRate":
      return ticketSearchHref({ ...common, ...dispatched });
    case "overdueCount":
      return ticketSearchHref({ ...common, ...dispatched, overdue: true });
    case "supervisionOrders":
      return ticketSearchHref({ ...common, ...dispatched, underSupervision: true });
  }
}

/** A bar of a breakdown: the period's received tickets of that category, district or (dispatched to that) unit. */
export function barHref(by: "category" | "district" | "unit" | "day", key: string, range: DayRange, filter: DashboardFilter): string {
  const common = base(filter);
  switch (by) {
    case "category":
      return ticketSearchHref({ ...common, categoryId: key, receivedFrom: range.from, receivedTo: range.to });
    case "district":
      return ticketSearchHref({ ...common, districtId: key, receivedFrom: range.from, receivedTo: range.to });
    case "unit":
      return ticketSearchHref({ ...common, leadUnitId: key, dispatchedFrom: range.from, dispatchedTo: range.to });
    case "day":
      return ticketSearchHref({ ...common, receivedFrom: key, receivedTo: key });
  }
}
