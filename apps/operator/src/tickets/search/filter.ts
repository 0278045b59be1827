import type { TicketSearchFilter, TicketSearchSort } from "../../gql/graphql.ts";

/** The search form as the user edits it (strings; dates as YYYY-MM-DD in China time). */
export type SearchForm = {
  box: string;
  trackingNumber: string;
  phone: string;
  status: string;
  requestType: string;
  channel: string;
  urgency: string;
  categoryId: string;
  districtId: string;
  townshipId: string;
  leadUnitId: string;
  receivedFrom: string;
  receivedTo: string;
  dispatchedFrom: string;
  dispatchedTo: string;
  repliedFrom: string;
  repliedTo: string;
  closedFrom: string;
  closedTo: string;
  overdue: boolean;
  nearDue: boolean;
  returned: boolean;
  reReported: boolean;
  underSupervision: boolean;
  sort: TicketSearchSort;
};

export const EMPTY_FORM: SearchForm = {
  box: "",
  trackingNumber: "",
  phone: "",
  status: "",
  requestType: "",
  channel: "",
  urgency: "",
  categoryId: "",
  districtId: "",
  townshipId: "",
  leadUnitId: "",
  receivedFrom: "",
  receivedTo: "",
  dispatchedFrom: "",
  dispatchedTo: "",
  repliedFrom: "",
  repliedTo: "",
  closedFrom: "",
  closedTo: "",
  overdue: false,
  nearDue: false,
  returned: false,
  reReported: false,
  underSupervision: false,
  sort: "RECEIVED_DESC" as TicketSearchSort,
};

export const RANGES = ["received", "dispatched", "replied", "closed"] as const;
export type RangeName = (typeof RANGES)[number];
export const FLAGS = ["overdue", "nearDue", "returned", "reReported", "underSupervision"] as const;

const WHOLE_TRACKING_NUMBER = /^[A-Za-z]{1,6}-\d{8}-\d{5,}$/;
/** Looks like a piece of a tracking number: letters and a dash, or a run of digits. */
const PART_OF_TRACKING_NUMBER = /^([A-Za-z]{1,6}-[\d-]*|\d{3,}(-\d*)?|\d{8}-\d+)$/;

/** The tracking number to open when the box holds a whole one, else null. */
export function wholeTrackingNumber(box: string): string | null {
  const text = box.trim();
  return WHOLE_TRACKING_NUMBER.test(text) ? text.toUpperCase() : null;
}

const startOf = (day: string) => (day ? `${day}T00:00:00+08:00` : null);
const endOf = (day: string) => (day ? `${day}T23:59:59.999+08:00` : null);
const dayOf = (iso: unknown) =>
  typeof iso === "string" && iso ? new Date(iso).toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" }) : "";

/** Date ranges whose end is before their start (checked before asking the server). */
export function invertedRanges(form: SearchForm): RangeName[] {
  return RANGES.filter((name) => {
    const from = form[`${name}From`];
    const to = form[`${name}To`];
    return from && to && to < from;
  });
}

/** The GraphQL filter of a form: only what is set. The box is a part of a tracking number or words. */
export function toFilter(form: SearchForm): TicketSearchFilter {
  const filter: TicketSearchFilter = {};
  const box = form.box.trim();
  const tracking = form.trackingNumber.trim() || (PART_OF_TRACKING_NUMBER.test(box) ? box : "");
  if (tracking) {
    filter.trackingNumber = tracking;
  }
  if (box && !(PART_OF_TRACKING_NUMBER.test(box) && !form.trackingNumber.trim())) {
    filter.text = box;
  }
  if (form.phone.trim()) {
    filter.phone = form.phone.trim();
  }
  if (form.status) {
    filter.statuses = [form.status as never];
  }
  if (form.requestType) {
    filter.requestTypes = [form.requestType as never];
  }
  if (form.channel) {
    filter.channels = [form.channel as never];
  }
  if (form.urgency) {
    filter.urgencies = [form.urgency as never];
  }
  for (const key of ["categoryId", "districtId", "townshipId", "leadUnitId"] as const) {
    if (form[key]) {
      filter[key] = form[key];
    }
  }
  for (const name of RANGES) {
    const from = startOf(form[`${name}From`]);
    const to = endOf(form[`${name}To`]);
    if (from || to) {
      filter[name] = { from, to };
    }
  }
  for (const flag of FLAGS) {
    if (form[flag]) {
      filter[flag] = true;
    }
  }
  return filter;
}

/** The form of a saved view (its filter as stored, and its order). */
export function fromFilter(json: string, sort: TicketSearchSort): SearchForm {
  let stored: Record<string, unknown> = {};
  try {
    stored = JSON.parse(json) as Record<string, unknown>;
  } catch {
    stored = {};
  }
  const first = (value: unknown) => (Array.isArray(value) && typeof value[0] === "string" ? value[0] : "");
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  const form: SearchForm = {
    ...EMPTY_FORM,
    box: text(stored.text),
    trackingNumber: text(stored.trackingNumber),
    phone: text(stored.phone),
    status: first(stored.statuses),
    requestType: first(stored.requestTypes),
    channel: first(stored.channels),
    urgency: first(stored.urgencies),
    categoryId: text(stored.categoryId),
    districtId: text(stored.districtId),
    townshipId: text(stored.townshipId),
    leadUnitId: text(stored.leadUnitId),
    sort,
  };
  for (const name of RANGES) {
    const range = (stored[name] ?? {}) as { from?: unknown; to?: unknown };
    form[`${name}From`] = dayOf(range.from);
    form[`${name}To`] = dayOf(range.to);
  }
  for (const flag of FLAGS) {
    form[flag] = stored[flag] === true;
  }
  return form;
}

/** The export's address for a filter (served by the gateway next to /graphql). */
export function exportHref(filter: TicketSearchFilter, sort: TicketSearchSort, language: string): string {
  const params = new URLSearchParams({ filter: JSON.stringify(filter), sort, lang: language === "en" ? "en" : "zh-CN" });
  return `/tickets/export.csv?${params.toString()}`;
}
