import { Role, assertNoFieldErrors, hasAnyRole, requireRole, ForbiddenError, type Actor, type FieldError } from "@civicline/platform";
import type { DataSource, EntityManager } from "typeorm";
import { FIGURE_COUNTERS, type MeasureCounter } from "./drill-down.js";
import { MEASURE_CUBE, measureTable, type MeasureDimension } from "./measure-rollups.js";
import { COUNTERS, NONE, WORKING_DAY_MS, type Counter } from "./measure-sql.js";

/** Period kinds: a calendar day, ISO week (Monday–Sunday), month, quarter, year, or a custom range of days. */
export enum MeasurePeriodKind {
  DAY = "DAY",
  WEEK = "WEEK",
  MONTH = "MONTH",
  QUARTER = "QUARTER",
  YEAR = "YEAR",
  CUSTOM = "CUSTOM",
}

/** Breakdowns of the measures. */
export enum MeasureBreakdownBy {
  UNIT = "UNIT",
  CATEGORY = "CATEGORY",
  DISTRICT = "DISTRICT",
  TOWNSHIP = "TOWNSHIP",
  DAY = "DAY",
}

/** Who may read measures of every unit; handlers read their own unit's (and its sub-units'). */
export const MEASURE_READERS: readonly Role[] = [Role.SUPERVISOR, Role.LEADER, Role.ADMIN];
export const MEASURE_ROLES: readonly Role[] = [...MEASURE_READERS, Role.HANDLER];

export type MeasurePeriodInput = {
  kind: MeasurePeriodKind;
  /** Any day inside the period (DAY … YEAR), YYYY-MM-DD; default today (Asia/Shanghai). */
  anchor?: string | null;
  /** CUSTOM: first day, inclusive. */
  from?: string | null;
  /** CUSTOM: last day, inclusive. */
  to?: string | null;
};

export type MeasureFilter = {
  period: MeasurePeriodInput;
  unitId?: string | null;
  /** With unitId: also the units below it (default true). */
  includeSubUnits?: boolean | null;
  districtId?: string | null;
  townshipId?: string | null;
  /** This category and every category below it. */
  categoryId?: string | null;
  channels?: readonly string[] | null;
  requestTypes?: readonly string[] | null;
};

/** A resolved period: days are Asia/Shanghai civil days, both ends inclusive. */
export type MeasurePeriod = {
  kind: MeasurePeriodKind;
  from: string;
  to: string;
  /** Days of the period up to today (today included): the daily average's denominator. */
  days: number;
};

/** Counter sums (camelCase of the aggregate's columns); handling times in ms. */
export type MeasureCounts = Record<CamelCounter, number>;
type CamelCounter =
  | "received"
  | "direct"
  | "merged"
  | "dispatched"
  | "returned"
  | "extended"
  | "replied"
  | "handlingMs"
  | "handlingWorkMs"
  | "rereported"
  | "due"
  | "onTime"
  | "surveyAnswered"
  | "surveyReasonable"
  | "resultSatisfied"
  | "processAnswered"
  | "processSatisfied"
  | "orders";

/** A figure with what it is computed from: value = numerator / denominator (null when the denominator is 0); counts have no denominator. */
export type MeasureFigure = {
  numerator: number;
  denominator: number | null;
  value: number | null;
  /** The ticket search's `measure.counter` listing the tickets behind the numerator / the denominator. */
  numeratorCounter: MeasureCounter;
  denominatorCounter: MeasureCounter | null;
};

export type MeasureSet = {
  counts: MeasureCounts;
  volume: MeasureFigure;
  dailyAverage: MeasureFigure;
  directHandlingRate: MeasureFigure;
  onTimeRate: MeasureFigure;
  averageHandlingDays: MeasureFigure;
  averageHandlingWorkingDays: MeasureFigure;
  resultSatisfactionRate: MeasureFigure;
  processSatisfactionRate: MeasureFigure;
  returnRate: MeasureFigure;
  reReportRate: MeasureFigure;
  overdueCount: MeasureFigure;
  supervisionOrders: MeasureFigure;
  extensionRate: MeasureFigure;
};

export type MeasuresResult = {
  period: MeasurePeriod;
  previousPeriod: MeasurePeriod;
  current: MeasureSet;
  previous: MeasureSet;
  /** The filter as applied (a handler's unit filled in). */
  filter: MeasureFilter;
};

export type MeasureBreakdownRow = {
  /** Unit, category, district or township id, or the day (YYYY-MM-DD); null: tickets with none (no township). */
  key: string | null;
  nameZh: string | null;
  nameEn: string | null;
  set: MeasureSet;
};

export type MeasureDb = DataSource | EntityManager;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_CUSTOM_DAYS = 3 * 366 + 1;

const toCamel = (c: Counter) => c.replace(/_([a-z])/g, (_, x: string) => x.toUpperCase()) as CamelCounter;

// ---- days (pure: UTC arithmetic on civil days) ----

const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const shiftDay = (day: string, n: number) => fromMs(dayMs(day) + n * 86_400_000);
export const daysBetween = (from: string, to: string) => Math.round((dayMs(to) - dayMs(from)) / 86_400_000) + 1;
const isValidDay = (day: string) => DAY.test(day) && fromMs(dayMs(day)) === day;

/** Today's civil day in Asia/Shanghai (UTC+8 all year). */
export function shanghaiDay(now: Date): string {
  return fromMs(now.getTime() + 8 * 3_600_000);
}

/** The first day of month number `index` (year × 12 + month − 1). */
function monthDay(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

/** The period of a kind that contains `anchor`, and the one before it (same kind; CUSTOM: the same number of days just before). */
export function resolvePeriod(input: MeasurePeriodInput, today: string): { period: MeasurePeriod; previous: MeasurePeriod } {
  const anchor = input.anchor ?? today;
  const make = (from: string, to: string): MeasurePeriod => {
    const lastCounted = to < today ? to : today;
    return { kind: input.kind, from, to, days: lastCounted < from ? 0 : daysBetween(from, lastCounted) };
  };
  const monthly = (per: number) => {
    const [y, m] = anchor.split("-").map(Number) as [number, number];
    const start = Math.floor((y * 12 + m - 1) / per) * per;
    return {
      period: make(monthDay(start), shiftDay(monthDay(start + per), -1)),
      previous: make(monthDay(start - per), shiftDay(monthDay(start), -1)),
    };
  };
  switch (input.kind) {
    case MeasurePeriodKind.DAY:
      return { period: make(anchor, anchor), previous: make(shiftDay(anchor, -1), shiftDay(anchor, -1)) };
    case MeasurePeriodKind.WEEK: {
      const weekday = (new Date(dayMs(anchor)).getUTCDay() + 6) % 7; // Monday 0
      const start = shiftDay(anchor, -weekday);
      return { period: make(start, shiftDay(start, 6)), previous: make(shiftDay(start, -7), shiftDay(start, -1)) };
    }
    case MeasurePeriodKind.MONTH:
      return monthly(1);
    case MeasurePeriodKind.QUARTER:
      return monthly(3);
    case MeasurePeriodKind.YEAR:
      return monthly(12);
    case MeasurePeriodKind.CUSTOM: {
      const from = input.from!;
      const to = input.to!;
      const length = daysBetween(from, to);
      return { period: make(from, to), previous: make(shiftDay(from, -length), shiftDay(from, -1)) };
    }
  }
}

function checkFilter(filter: MeasureFilter): void {
  const errors: FieldError[] = [];
  const period = filter.period;
  if (!Object.values(MeasurePeriodKind).includes(period.kind)) {
    errors.push({ field: "period.kind", code: "INVALID_FORMAT", message: "Choose day, week, month, quarter, year or a custom range." });
  }
  for (const field of ["anchor", "from", "to"] as const) {
    const value = period[field];
    if (value !== null && value !== undefined && !isValidDay(value)) {
      errors.push({ field: `period.${field}`, code: "INVALID_FORMAT", message: "Enter the day as YYYY-MM-DD." });
    }
  }
  if (period.kind === MeasurePeriodKind.CUSTOM) {
    if (!period.from) {
      errors.push({ field: "period.from", code: "REQUIRED", message: "Give the first day of the range." });
    }
    if (!period.to) {
      errors.push({ field: "period.to", code: "REQUIRED", message: "Give the last day of the range." });
    }
    if (period.from && period.to && isValidDay(period.from) && isValidDay(period.to)) {
      if (period.to < period.from) {
        errors.push({ field: "period.to", code: "BEFORE_START", message: "The last day must not be before the first." });
      } else if (daysBetween(period.from, period.to) > MAX_CUSTOM_DAYS) {
        errors.push({ field: "period.to", code: "OUT_OF_RANGE", message: "Ask for at most three years at a time." });
      }
    }
  }
  for (const field of ["unitId", "districtId", "townshipId", "categoryId"] as const) {
    const value = filter[field];
    if (value && !UUID.test(value)) {
      errors.push({ field, code: "INVALID_FORMAT", message: "Choose from the list." });
    }
  }
  assertNoFieldErrors(errors);
}

/** The filter a caller may use: centre readers anything; a handler only their own unit (not the units below it). */
export function scopeFilter(actor: Actor | null | undefined, filter: MeasureFilter): MeasureFilter {
  const who = requireRole(actor, MEASURE_ROLES);
  checkFilter(filter);
  if (hasAnyRole(who, MEASURE_READERS)) {
    return filter;
  }
  if (!who.unitId || (filter.unitId && filter.unitId !== who.unitId)) {
    throw new ForbiddenError();
  }
  return { ...filter, unitId: who.unitId, includeSubUnits: false };
}

// ---- SQL ----

export type Where = { sql: string; params: unknown[] };

async function subtree(db: MeasureDb, table: "routing_unit" | "intake_category", id: string): Promise<string[]> {
  const rows = (await db.query(
    `WITH RECURSIVE tree AS (SELECT id FROM ${table} WHERE id = $1 UNION SELECT c.id FROM ${table} c JOIN tree ON c.parent_id = tree.id)
     SELECT id FROM tree`,
    [id],
  )) as Array<{ id: string }>;
  return rows.length ? rows.map((r) => r.id) : [id];
}

/** The WHERE clause of a filter over supervision_measure_day or a roll-up that has the filter's columns (alias g), without the period. */
export async function filterWhere(db: MeasureDb, filter: MeasureFilter, firstParam = 1): Promise<Where> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(`$${firstParam + params.length - 1}`));
  };
  if (filter.unitId) {
    const units = filter.includeSubUnits === false ? [filter.unitId] : await subtree(db, "routing_unit", filter.unitId);
    add((p) => `g.unit_id = ANY(${p}::uuid[])`, units);
  }
  if (filter.categoryId) {
    add((p) => `g.category_id = ANY(${p}::uuid[])`, await subtree(db, "intake_category", filter.categoryId));
  }
  if (filter.districtId) {
    add((p) => `g.district_id = ${p}::uuid`, filter.districtId);
  }
  if (filter.townshipId) {
    add((p) => `g.township_id = ${p}::uuid`, filter.townshipId);
  }
  if (filter.channels?.length) {
    add((p) => `g.channel = ANY(${p}::text[])`, filter.channels);
  }
  if (filter.requestTypes?.length) {
    add((p) => `g.request_type = ANY(${p}::text[])`, filter.requestTypes);
  }
  return { sql: conditions.length ? ` AND ${conditions.join(" AND ")}` : "", params };
}

/** The cube's dimensions a filter restricts (to choose the roll-up that can answer it). */
export function filteredDimensions(filter: MeasureFilter): MeasureDimension[] {
  const dimensions: MeasureDimension[] = [];
  if (filter.unitId) {
    dimensions.push("unit_id");
  }
  if (filter.categoryId) {
    dimensions.push("category_id");
  }
  if (filter.districtId) {
    dimensions.push("district_id");
  }
  if (filter.townshipId) {
    dimensions.push("township_id");
  }
  if (filter.channels?.length) {
    dimensions.push("channel");
  }
  if (filter.requestTypes?.length) {
    dimensions.push("request_type");
  }
  return dimensions;
}

export const SUMS_SQL = COUNTERS.map((c) => `coalesce(sum(g.${c}), 0)::float8 AS ${c}`).join(", ");

function countsOf(row: Record<string, unknown> | undefined): MeasureCounts {
  const counts = {} as MeasureCounts;
  for (const c of COUNTERS) {
    counts[toCamel(c)] = Number(row?.[c] ?? 0);
  }
  return counts;
}

const ratio = (numerator: number, denominator: number) => ({ numerator, denominator, value: denominator > 0 ? numerator / denominator : null });
const count = (n: number) => ({ numerator: n, denominator: null, value: n });

/** Every figure from the counters (see README "Measures" for the definitions). */
export function figuresOf(counts: MeasureCounts, days: number): MeasureSet {
  const figures: Record<Exclude<keyof MeasureSet, "counts">, Omit<MeasureFigure, "numeratorCounter" | "denominatorCounter">> = {
    volume: count(counts.received),
    dailyAverage: ratio(counts.received, days),
    directHandlingRate: ratio(counts.direct, counts.received),
    onTimeRate: ratio(counts.onTime, counts.due),
    averageHandlingDays: ratio(counts.handlingMs / 86_400_000, counts.replied),
    averageHandlingWorkingDays: ratio(counts.handlingWorkMs / WORKING_DAY_MS, counts.replied),
    resultSatisfactionRate: ratio(counts.resultSatisfied, counts.surveyReasonable),
    processSatisfactionRate: ratio(counts.processSatisfied, counts.processAnswered),
    returnRate: ratio(counts.returned, counts.dispatched),
    reReportRate: ratio(counts.rereported, counts.replied),
    overdueCount: count(counts.due - counts.onTime),
    supervisionOrders: count(counts.orders),
    extensionRate: ratio(counts.extended, counts.dispatched),
  };
  const set = { counts } as MeasureSet;
  for (const [key, figure] of Object.entries(figures) as Array<[Exclude<keyof MeasureSet, "counts">, (typeof figures)["volume"]]>) {
    const counters = FIGURE_COUNTERS[key]!;
    set[key] = { ...figure, numeratorCounter: counters.numerator, denominatorCounter: counters.denominator };
  }
  return set;
}

/** The statement summing the aggregate over a period and filter (EXPLAINed in the plans test). */
export function sumStatement(where: Where, period: { from: string; to: string }, table: string = MEASURE_CUBE): { sql: string; params: unknown[] } {
  const n = where.params.length;
  return {
    sql: `SELECT ${SUMS_SQL} FROM ${table} g WHERE g.day BETWEEN $${n + 1}::date AND $${n + 2}::date${where.sql}`,
    params: [...where.params, period.from, period.to],
  };
}

async function sumPeriod(db: MeasureDb, where: Where, period: MeasurePeriod, table: string): Promise<MeasureSet> {
  const statement = sumStatement(where, period, table);
  const [row] = (await db.query(statement.sql, statement.params)) as Array<Record<string, unknown>>;
  return figuresOf(countsOf(row), period.days);
}

/**
 * The measures of a period and of the one before it, for the filter. Reads only the maintained
 * aggregate (an index range per filter), never the ticket tables.
 */
export async function measures(db: MeasureDb, input: { actor: Actor | null | undefined; filter: MeasureFilter; now?: Date }): Promise<MeasuresResult> {
  const filter = scopeFilter(input.actor, input.filter);
  const { period, previous } = resolvePeriod(filter.period, shanghaiDay(input.now ?? new Date()));
  const where = await filterWhere(db, filter);
  const table = measureTable(filteredDimensions(filter));
  const [current, before] = [await sumPeriod(db, where, period, table), await sumPeriod(db, where, previous, table)];
  return { period, previousPeriod: previous, current, previous: before, filter };
}

/**
 * The measures of a period broken down by unit (each unit that has any counted event; tickets not
 * dispatched are in the totals only), category (the children of the filtered category, or the top
 * level, each with its subtree), district, township (null: tickets without one) or day (every day of
 * the period, zeros included). Rows are in name / day order.
 */
export async function measureBreakdown(
  db: MeasureDb,
  input: { actor: Actor | null | undefined; filter: MeasureFilter; by: MeasureBreakdownBy; now?: Date },
): Promise<MeasureBreakdownRow[]> {
  const filter = scopeFilter(input.actor, input.filter);
  const { period } = resolvePeriod(filter.period, shanghaiDay(input.now ?? new Date()));
  const where = await filterWhere(db, filter);
  const filtered = filteredDimensions(filter);
  const n = where.params.length;
  const params = [...where.params, period.from, period.to];
  const range = `g.day BETWEEN $${n + 1}::date AND $${n + 2}::date${where.sql}`;
  let rows: Array<Record<string, unknown> & { key: string | null; name_zh: string | null; name_en: string | null }>;
  switch (input.by) {
    case MeasureBreakdownBy.UNIT:
      rows = (await db.query(
        `SELECT s.*, u.name_zh, u.name_en FROM (
           SELECT g.unit_id::text AS key, ${SUMS_SQL} FROM ${measureTable(filtered, "unit_id")} g WHERE ${range} AND g.unit_id <> '${NONE}' GROUP BY g.unit_id) s
         LEFT JOIN routing_unit u ON u.id::text = s.key ORDER BY u.name_zh, s.key`,
        params,
      )) as typeof rows;
      break;
    case MeasureBreakdownBy.CATEGORY: {
      const root = filter.categoryId ?? null;
      rows = (await db.query(
        `WITH RECURSIVE tree AS (
           SELECT c.id, c.id AS top FROM intake_category c WHERE ${root ? `c.parent_id = $${n + 3}::uuid` : "c.parent_id IS NULL"}
           ${root ? `UNION SELECT c.id, c.id FROM intake_category c WHERE c.id = $${n + 3}::uuid` : ""}
           UNION SELECT c.id, tree.top FROM intake_category c JOIN tree ON c.parent_id = tree.id)
         SELECT s.*, c.name_zh, c.name_en FROM (
           SELECT tree.top::text AS key, ${SUMS_SQL} FROM ${measureTable(filtered, "category_id")} g JOIN tree ON tree.id = g.category_id WHERE ${range} GROUP BY tree.top) s
         JOIN intake_category c ON c.id::text = s.key ORDER BY c.sort_order, c.name_zh`,
        root ? [...params, root] : params,
      )) as typeof rows;
      break;
    }
    case MeasureBreakdownBy.DISTRICT:
    case MeasureBreakdownBy.TOWNSHIP: {
      const column = input.by === MeasureBreakdownBy.DISTRICT ? "district_id" : "township_id";
      rows = (await db.query(
        `SELECT s.*, a.name_zh, a.name_en FROM (
           SELECT nullif(g.${column}, '${NONE}')::text AS key, ${SUMS_SQL} FROM ${measureTable(filtered, column)} g WHERE ${range} GROUP BY g.${column}) s
         LEFT JOIN intake_area a ON a.id::text = s.key ORDER BY a.code NULLS LAST`,
        params,
      )) as typeof rows;
      break;
    }
    case MeasureBreakdownBy.DAY: {
      const byDay = (await db.query(`SELECT g.day::text AS key, ${SUMS_SQL} FROM ${measureTable(filtered, "day")} g WHERE ${range} GROUP BY g.day`, params)) as typeof rows;
      const found = new Map(byDay.map((r) => [r.key, r]));
      const days: MeasureBreakdownRow[] = [];
      for (let day = period.from; day <= period.to; day = shiftDay(day, 1)) {
        days.push({ key: day, nameZh: day, nameEn: day, set: figuresOf(countsOf(found.get(day)), 1) });
      }
      return days;
    }
  }
  return rows.map((r) => ({ key: r.key, nameZh: r.name_zh, nameEn: r.name_en, set: figuresOf(countsOf(r), period.days) }));
}
