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

/**
 * The ticket search's address for a form: `tickets/search?<field>=<value>` with only what is set
 * (dates as YYYY-MM-DD, China time; flags as `=1`). Drill-downs (the measures dashboard, the
 * wallboard, rankings, hot issues) link here so that the list shows the tickets behind a figure.
 */
export function ticketSearchHref(form: Partial<SearchForm>): string {
  const params = new URLSearchParams();
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
