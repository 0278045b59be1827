import { NO_FILTER, type DashboardFilter } from "./drill.ts";
import { PERIOD_KINDS, periodOf, todayInChina, validRange, type PeriodKind } from "./period.ts";
import type { PeriodChoice } from "./PeriodPicker.tsx";

/** What the dashboard shows: a period, the filters, and whether a unit includes its sub-units. */
export type DashboardState = { period: PeriodChoice; filter: DashboardFilter; includeSubUnits: boolean };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FILTER_KEYS: ReadonlyArray<[keyof DashboardFilter, string]> = [
  ["unitId", "unit"],
  ["districtId", "district"],
  ["categoryId", "category"],
  ["channel", "channel"],
  ["requestType", "type"],
];

/** This month, all tickets. */
export function defaultState(now: Date = new Date()): DashboardState {
  const today = todayInChina(now);
  return { period: { kind: "month", anchor: today, custom: periodOf("month", today) }, filter: NO_FILTER, includeSubUnits: true };
}

/**
 * The state of a dashboard address (`measures?period=quarter&day=2026-10-15&district=…`), so that a
 * link can be shared and Back from a drill-down returns to the same figures. Unknown or malformed
 * parameters fall back to the default.
 */
export function stateFromQuery(search: string, now: Date = new Date()): DashboardState {
  const params = new URLSearchParams(search);
  const state = defaultState(now);
  const kind = params.get("period") as PeriodKind | null;
  if (kind && PERIOD_KINDS.includes(kind)) {
    state.period.kind = kind;
  }
  const day = params.get("day") ?? "";
  if (DAY.test(day)) {
    state.period.anchor = day;
  }
  const custom = { from: params.get("from") ?? "", to: params.get("to") ?? "" };
  if (validRange(custom)) {
    state.period.custom = custom;
  } else if (state.period.kind === "custom") {
    state.period.kind = "month";
  }
  const filter = { ...NO_FILTER };
  for (const [key, param] of FILTER_KEYS) {
    const value = params.get(param) ?? "";
    if (/^[\w-]{1,64}$/.test(value)) {
      filter[key] = value;
    }
  }
  return { ...state, filter, includeSubUnits: params.get("sub") !== "0" };
}

/** The address's query for a state (only what differs from "this month, all tickets"). */
export function stateToQuery(state: DashboardState, now: Date = new Date()): string {
  const params = new URLSearchParams();
  const { period } = state;
  if (period.kind !== "month" || period.anchor !== todayInChina(now)) {
    params.set("period", period.kind);
    if (period.kind === "custom") {
      params.set("from", period.custom.from);
      params.set("to", period.custom.to);
    } else {
      params.set("day", period.anchor);
    }
  }
  for (const [key, param] of FILTER_KEYS) {
    if (state.filter[key]) {
      params.set(param, state.filter[key]);
    }
  }
  if (state.filter.unitId && !state.includeSubUnits) {
    params.set("sub", "0");
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}
