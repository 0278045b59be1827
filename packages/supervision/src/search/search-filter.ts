import { ValidationError, type FieldError } from "@civicline/platform";
import { checkMeasureDrillDown, type CheckedMeasureDrillDown, type MeasureDrillDown } from "../measures/engine/drill-down.js";

/** The longest text criterion (code points): longer input is refused, never cut. */
export const MAX_SEARCH_TEXT = 200;
/** At most this many terms, and this many bigrams per Han run, go into the tsquery. */
const MAX_TERMS = 12;
const MAX_GRAMS_PER_TERM = 16;
/** Page size bounds of the ticket search (the export walks pages of EXPORT_PAGE). */
export const SEARCH_PAGE = { defaultLimit: 20, maxLimit: 100 };
export const EXPORT_PAGE = 500;

export type SearchSort = "RECEIVED_DESC" | "RECEIVED_ASC" | "DUE_ASC";
export type DateRange = { from?: Date | string | null; to?: Date | string | null };

/** What a client may ask for (GraphQL input, saved view JSON, export query string): all optional. */
export type TicketSearchFilterInput = {
  trackingNumber?: string | null;
  phone?: string | null;
  text?: string | null;
  statuses?: readonly string[] | null;
  requestTypes?: readonly string[] | null;
  channels?: readonly string[] | null;
  urgencies?: readonly string[] | null;
  categoryId?: string | null;
  districtId?: string | null;
  townshipId?: string | null;
  leadUnitId?: string | null;
  received?: DateRange | null;
  dispatched?: DateRange | null;
  replied?: DateRange | null;
  closed?: DateRange | null;
  overdue?: boolean | null;
  nearDue?: boolean | null;
  returned?: boolean | null;
  reReported?: boolean | null;
  underSupervision?: boolean | null;
  /** The tickets behind a measure (measures/engine/drill-down.ts). */
  measure?: MeasureDrillDown | null;
};

export type TrackingCriterion = { kind: "exact" | "partial"; value: string };
export type PhoneCriterion = { kind: "exact" | "partial"; value: string };
export type Range = { from: Date | null; to: Date | null };

/** A checked filter: every value well-formed, ready for SQL. */
export type CheckedFilter = {
  tracking: TrackingCriterion | null;
  phone: PhoneCriterion | null;
  tsquery: string | null;
  statuses: string[];
  requestTypes: string[];
  channels: string[];
  urgencies: string[];
  categoryId: string | null;
  districtId: string | null;
  townshipId: string | null;
  leadUnitId: string | null;
  received: Range | null;
  dispatched: Range | null;
  replied: Range | null;
  closed: Range | null;
  overdue: boolean;
  nearDue: boolean;
  returned: boolean;
  reReported: boolean;
  underSupervision: boolean;
  measure: CheckedMeasureDrillDown | null;
};

/** Sort keys as the search prints them (UTC, microseconds), or infinity for "no deadline". */
const CURSOR_KEY = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z|infinity)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FULL_TRACKING_NUMBER = /^[A-Z]{1,6}-\d{8}-\d{5,}$/;
const HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";
const TOKEN = new RegExp(`[${HAN}]+|[a-z0-9]+`, "gu");
const IS_HAN = new RegExp(`^[${HAN}]`, "u");

/** A tsquery lexeme literal (our lexemes are Han characters, letters and digits only). */
const lexeme = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Whether the text is a whole tracking number (the search box then opens the ticket). */
export function isWholeTrackingNumber(text: string): boolean {
  return FULL_TRACKING_NUMBER.test(text.trim().toUpperCase());
}

/**
 * The tsquery for what a user typed, tokenised exactly as `supervision_search_vector` tokenises
 * tickets: a Han run is the phrase of its bigrams (a lone character: any bigram starting with it),
 * a word itself (the last one also as a prefix while it is being typed). Terms are AND-ed. Null
 * when nothing searchable is left (only punctuation).
 */
export function textQuery(raw: string): string | null {
  const normalized = raw.normalize("NFKC").toLowerCase();
  const runs = [...normalized.matchAll(TOKEN)].slice(0, MAX_TERMS);
  if (runs.length === 0) {
    return null;
  }
  const typing = !/\s$/.test(raw);
  return runs
    .map((match, index) => {
      const run = match[0];
      if (IS_HAN.test(run)) {
        const chars = [...run];
        if (chars.length === 1) {
          return `${lexeme(run)}:*`;
        }
        const grams = chars.slice(0, -1).map((char, i) => char + chars[i + 1]).slice(0, MAX_GRAMS_PER_TERM);
        return grams.length === 1 ? lexeme(grams[0]!) : `(${grams.map(lexeme).join(" <-> ")})`;
      }
      const word = run.slice(0, 100);
      const last = index === runs.length - 1 && typing && [...word].length >= 2;
      return last ? `${lexeme(word)}:*` : lexeme(word);
    })
    .join(" & ");
}

function toDate(value: Date | string | null | undefined, field: string, errors: FieldError[]): Date | null {
  if (value === null || value === undefined || value === "") {
    return null;
  }
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    errors.push({ field, code: "INVALID_FORMAT", message: "Give a date and time like 2026-12-01T00:00:00+08:00." });
    return null;
  }
  return date;
}

function checkRange(range: DateRange | null | undefined, field: string, errors: FieldError[]): Range | null {
  if (!range) {
    return null;
  }
  const from = toDate(range.from, `${field}.from`, errors);
  const to = toDate(range.to, `${field}.to`, errors);
  if (from && to && to.getTime() < from.getTime()) {
    errors.push({ field, code: "INVALID_RANGE", message: "The end of the date range is before its start." });
  }
  return from || to ? { from, to } : null;
}

function checkId(value: string | null | undefined, field: string, errors: FieldError[]): string | null {
  if (value === null || value === undefined || value === "") {
    return null;
  }
  if (!UUID.test(value)) {
    errors.push({ field, code: "INVALID_FORMAT", message: "This is not an id of the list." });
    return null;
  }
  return value.toLowerCase();
}

/** Enum values as stored (dispatched), also given by their GraphQL names (DISPATCHED) as the export's JSON and saved views carry them. */
function checkValues(values: readonly string[] | null | undefined, allowed: readonly string[], field: string, errors: FieldError[]): string[] {
  const list = [...new Set((values ?? []).map((value) => (typeof value === "string" && allowed.includes(value.toLowerCase()) ? value.toLowerCase() : value)))];
  if (list.some((value) => !allowed.includes(value))) {
    errors.push({ field, code: "INVALID_FORMAT", message: "Choose values from the list." });
    return [];
  }
  return list;
}

export type AllowedValues = { statuses: readonly string[]; requestTypes: readonly string[]; channels: readonly string[]; urgencies: readonly string[] };

/**
 * Checks a filter all at once: BAD_USER_INPUT listing every offending field (`filter.text` TOO_LONG
 * beyond MAX_SEARCH_TEXT characters, a date range ending before it starts INVALID_RANGE, …).
 */
export function checkFilter(input: TicketSearchFilterInput | null | undefined, allowed: AllowedValues): CheckedFilter {
  const filter = input ?? {};
  const errors: FieldError[] = [];
  let tracking: TrackingCriterion | null = null;
  const rawTracking = (filter.trackingNumber ?? "").trim().toUpperCase();
  if (rawTracking) {
    if ([...rawTracking].length > 40) {
      errors.push({ field: "filter.trackingNumber", code: "TOO_LONG", message: "A tracking number has at most 40 characters." });
    } else if (!/^[A-Z0-9-]+$/.test(rawTracking)) {
      errors.push({ field: "filter.trackingNumber", code: "INVALID_FORMAT", message: "A tracking number has letters, digits and dashes, like ZB-20261124-00017." });
    } else if (FULL_TRACKING_NUMBER.test(rawTracking)) {
      tracking = { kind: "exact", value: rawTracking };
    } else if (rawTracking.length < 3) {
      errors.push({ field: "filter.trackingNumber", code: "TOO_SHORT", message: "Type at least 3 characters of the tracking number." });
    } else {
      tracking = { kind: "partial", value: rawTracking };
    }
  }
  let phone: PhoneCriterion | null = null;
  const rawPhone = (filter.phone ?? "").trim();
  if (rawPhone) {
    const digits = rawPhone.replace(/[\s()+-]/g, "");
    if (digits.length > 20) {
      errors.push({ field: "filter.phone", code: "TOO_LONG", message: "A phone number has at most 20 digits." });
    } else if (!/^\d+$/.test(digits)) {
      errors.push({ field: "filter.phone", code: "INVALID_FORMAT", message: "A phone number has digits only." });
    } else if (digits.length < 4) {
      errors.push({ field: "filter.phone", code: "TOO_SHORT", message: "Type at least 4 digits of the phone number." });
    } else {
      phone = { kind: digits.length >= 11 ? "exact" : "partial", value: digits };
    }
  }
  let tsquery: string | null = null;
  const rawText = filter.text ?? "";
  if ([...rawText].length > MAX_SEARCH_TEXT) {
    errors.push({ field: "filter.text", code: "TOO_LONG", message: `Search for at most ${MAX_SEARCH_TEXT} characters.` });
  } else if (rawText.trim()) {
    tsquery = textQuery(rawText);
    if (!tsquery) {
      errors.push({ field: "filter.text", code: "INVALID_FORMAT", message: "Search for words or Chinese characters, not only punctuation." });
    }
  }
  const checked: CheckedFilter = {
    tracking,
    phone,
    tsquery,
    statuses: checkValues(filter.statuses, allowed.statuses, "filter.statuses", errors),
    requestTypes: checkValues(filter.requestTypes, allowed.requestTypes, "filter.requestTypes", errors),
    channels: checkValues(filter.channels, allowed.channels, "filter.channels", errors),
    urgencies: checkValues(filter.urgencies, allowed.urgencies, "filter.urgencies", errors),
    categoryId: checkId(filter.categoryId, "filter.categoryId", errors),
    districtId: checkId(filter.districtId, "filter.districtId", errors),
    townshipId: checkId(filter.townshipId, "filter.townshipId", errors),
    leadUnitId: checkId(filter.leadUnitId, "filter.leadUnitId", errors),
    received: checkRange(filter.received, "filter.received", errors),
    dispatched: checkRange(filter.dispatched, "filter.dispatched", errors),
    replied: checkRange(filter.replied, "filter.replied", errors),
    closed: checkRange(filter.closed, "filter.closed", errors),
    overdue: filter.overdue === true,
    nearDue: filter.nearDue === true,
    returned: filter.returned === true,
    reReported: filter.reReported === true,
    underSupervision: filter.underSupervision === true,
    measure: checkMeasureDrillDown(filter.measure, errors),
  };
  if (errors.length > 0) {
    throw new ValidationError(errors);
  }
  return checked;
}

/** A page position: the sort key (as PostgreSQL prints it) and the ticket id of the last row seen. */
export type Cursor = { key: string; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id]), "utf8").toString("base64url");
}

export function decodeCursor(value: string | null | undefined): Cursor | null {
  if (!value) {
    return null;
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === "string" && typeof parsed[1] === "string" && UUID.test(parsed[1]) && CURSOR_KEY.test(parsed[0])) {
      return { key: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through
  }
  throw new ValidationError([{ field: "after", code: "INVALID_FORMAT", message: "This page position is not valid; start again from the first page." }]);
}
