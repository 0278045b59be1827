import { EMPTY_FORM, FLAGS, RANGES, type SearchForm } from "./filter.ts";

/** The search form's text fields a link may set (`?categoryId=…&receivedFrom=2026-11-01`). */
const TEXT_KEYS = [
  "box",
  "trackingNumber",
  "status",
  "requestType",
  "channel",
  "urgency",
  "categoryId",
  "districtId",
  "townshipId",
  "leadUnitId",
  ...RANGES.flatMap((name) => [`${name}From`, `${name}To`] as const),
] as const satisfies ReadonlyArray<keyof SearchForm>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const COUNTER = /^[A-Z_]{3,40}$/;
const ID = /^[0-9a-f-]{36}$/i;

/**
 * The tickets behind a measure's figure (the search's `measure` filter: those counted by `counter`
 * in the days, and unit): `?measure=DIRECT&measureFrom=…&measureTo=…&measureUnit=…&measureSubUnits=0`.
 */
export type MeasureLink = { counter: string; from: string; to: string; unitId?: string | null; includeSubUnits?: boolean | null };

/**
 * The ticket search's address for a form: `tickets/search?<field>=<value>` with only what is set
 * (dates as YYYY-MM-DD, China time; flags as `=1`). Drill-downs (the measures dashboard, the
 * wallboard, rankings, hot issues) link here so that the list shows the tickets behind a figure.
 */
export function ticketSearchHref(form: Partial<SearchForm>, measure?: MeasureLink | null): string {
  const params = new URLSearchParams();
  if (measure) {
    params.set("measure", measure.counter);
    params.set("measureFrom", measure.from);
    params.set("measureTo", measure.to);
    if (measure.unitId) {
      params.set("measureUnit", measure.unitId);
      if (measure.includeSubUnits === false) {
        params.set("measureSubUnits", "0");
      }
    }
  }
  for (const key of TEXT_KEYS) {
    const value = form[key];
    if (typeof value === "string" && value) {
      params.set(key, value);
    }
  }
  for (const flag of FLAGS) {
    if (form[flag]) {
      params.set(flag, "1");
    }
  }
  const query = params.toString();
  return query ? `tickets/search?${query}` : "tickets/search";
}

/** The form a link asks for (unknown or malformed parameters ignored); null when it asks for nothing. */
export function formFromQuery(search: string): SearchForm | null {
  const params = new URLSearchParams(search);
  const form: SearchForm = { ...EMPTY_FORM };
  let any = false;
  for (const key of TEXT_KEYS) {
    const value = params.get(key)?.trim();
    if (!value || (key.endsWith("From") || key.endsWith("To") ? !DAY.test(value) : value.length > 200)) {
      continue;
    }
    form[key] = value;
    any = true;
  }
  for (const flag of FLAGS) {
    if (params.get(flag) === "1") {
      form[flag] = true;
      any = true;
    }
  }
  return any ? form : null;
}

/** The measure a link asks for; null when none or malformed. */
export function measureFromQuery(search: string): MeasureLink | null {
  const params = new URLSearchParams(search);
  const counter = params.get("measure") ?? "";
  const from = params.get("measureFrom") ?? "";
  const to = params.get("measureTo") ?? "";
  const unitId = params.get("measureUnit") ?? "";
  if (!COUNTER.test(counter) || !DAY.test(from) || !DAY.test(to) || (unitId && !ID.test(unitId))) {
    return null;
  }
  return { counter, from, to, unitId: unitId || null, includeSubUnits: unitId ? params.get("measureSubUnits") !== "0" : null };
}
