import type { FieldError } from "@civicline/platform";
import { Field, ID, InputType, registerEnumType } from "type-graphql";

/**
 * What a figure's numerator or denominator counts, for listing the tickets behind it: the ticket
 * search's `measure` filter keeps the tickets whose facts (supervision_measure_fact) have that
 * counter in the period and unit — exactly the tickets the figure was computed from.
 */
export enum MeasureCounter {
  RECEIVED = "RECEIVED",
  DIRECT = "DIRECT",
  MERGED = "MERGED",
  DISPATCHED = "DISPATCHED",
  RETURNED = "RETURNED",
  EXTENDED = "EXTENDED",
  REPLIED = "REPLIED",
  REREPORTED = "REREPORTED",
  DUE = "DUE",
  ON_TIME = "ON_TIME",
  OVERDUE = "OVERDUE",
  SURVEY_ANSWERED = "SURVEY_ANSWERED",
  SURVEY_REASONABLE = "SURVEY_REASONABLE",
  RESULT_SATISFIED = "RESULT_SATISFIED",
  RESULT_NOT_SATISFIED = "RESULT_NOT_SATISFIED",
  PROCESS_ANSWERED = "PROCESS_ANSWERED",
  PROCESS_SATISFIED = "PROCESS_SATISFIED",
  PROCESS_NOT_SATISFIED = "PROCESS_NOT_SATISFIED",
  ORDERS = "ORDERS",
}

registerEnumType(MeasureCounter, {
  name: "MeasureCounter",
  description: "What a measure's numerator or denominator counts (for the tickets behind a figure).",
  valuesConfig: {
    RECEIVED: { description: "Tickets received (not merged)." },
    DIRECT: { description: "Received and closed as a direct answer." },
    MERGED: { description: "Received and merged into another ticket." },
    DISPATCHED: { description: "Dispatched." },
    RETURNED: { description: "Dispatched and returned by the unit (退单)." },
    EXTENDED: { description: "Dispatched and extended (approved)." },
    REPLIED: { description: "Replied by the unit." },
    REREPORTED: { description: "Replied and later re-reported (续报)." },
    DUE: { description: "Settled under the on-time rule." },
    ON_TIME: { description: "Settled and replied by the deadline." },
    OVERDUE: { description: "Settled and not replied by the deadline." },
    SURVEY_ANSWERED: { description: "Callback answered about the reply." },
    SURVEY_REASONABLE: { description: "Callback answered, reasonable request." },
    RESULT_SATISFIED: { description: "Satisfied with the result (reasonable requests)." },
    RESULT_NOT_SATISFIED: { description: "Not satisfied with the result (reasonable requests)." },
    PROCESS_ANSWERED: { description: "Any callback answer (process question)." },
    PROCESS_SATISFIED: { description: "Satisfied with the service." },
    PROCESS_NOT_SATISFIED: { description: "Not satisfied with the service." },
    ORDERS: { description: "Supervision order issued." },
  },
});

/** The fact condition of each counter (alias f = supervision_measure_fact). */
export const COUNTER_CONDITION: Record<MeasureCounter, string> = {
  RECEIVED: "f.received > 0",
  DIRECT: "f.direct > 0",
  MERGED: "f.merged > 0",
  DISPATCHED: "f.dispatched > 0",
  RETURNED: "f.returned > 0",
  EXTENDED: "f.extended > 0",
  REPLIED: "f.replied > 0",
  REREPORTED: "f.rereported > 0",
  DUE: "f.due > 0",
  ON_TIME: "f.on_time > 0",
  OVERDUE: "f.due > f.on_time",
  SURVEY_ANSWERED: "f.survey_answered > 0",
  SURVEY_REASONABLE: "f.survey_reasonable > 0",
  RESULT_SATISFIED: "f.result_satisfied > 0",
  RESULT_NOT_SATISFIED: "f.survey_reasonable > f.result_satisfied",
  PROCESS_ANSWERED: "f.process_answered > 0",
  PROCESS_SATISFIED: "f.process_satisfied > 0",
  PROCESS_NOT_SATISFIED: "f.process_answered > f.process_satisfied",
  ORDERS: "f.orders > 0",
};

/** The counters of each figure's numerator and denominator (null: the denominator is not tickets, e.g. days). */
export const FIGURE_COUNTERS: Record<string, { numerator: MeasureCounter; denominator: MeasureCounter | null }> = {
  volume: { numerator: MeasureCounter.RECEIVED, denominator: null },
  dailyAverage: { numerator: MeasureCounter.RECEIVED, denominator: null },
  directHandlingRate: { numerator: MeasureCounter.DIRECT, denominator: MeasureCounter.RECEIVED },
  onTimeRate: { numerator: MeasureCounter.ON_TIME, denominator: MeasureCounter.DUE },
  averageHandlingDays: { numerator: MeasureCounter.REPLIED, denominator: MeasureCounter.REPLIED },
  averageHandlingWorkingDays: { numerator: MeasureCounter.REPLIED, denominator: MeasureCounter.REPLIED },
  resultSatisfactionRate: { numerator: MeasureCounter.RESULT_SATISFIED, denominator: MeasureCounter.SURVEY_REASONABLE },
  processSatisfactionRate: { numerator: MeasureCounter.PROCESS_SATISFIED, denominator: MeasureCounter.PROCESS_ANSWERED },
  returnRate: { numerator: MeasureCounter.RETURNED, denominator: MeasureCounter.DISPATCHED },
  reReportRate: { numerator: MeasureCounter.REREPORTED, denominator: MeasureCounter.REPLIED },
  overdueCount: { numerator: MeasureCounter.OVERDUE, denominator: MeasureCounter.DUE },
  supervisionOrders: { numerator: MeasureCounter.ORDERS, denominator: null },
  extensionRate: { numerator: MeasureCounter.EXTENDED, denominator: MeasureCounter.DISPATCHED },
};

/** The ticket search's `measure` filter as a client gives it. */
export type MeasureDrillDown = {
  counter: string;
  /** First day (YYYY-MM-DD, Asia/Shanghai), inclusive. */
  from: string;
  /** Last day, inclusive. */
  to: string;
  unitId?: string | null;
  includeSubUnits?: boolean | null;
};

export type CheckedMeasureDrillDown = { counter: MeasureCounter; from: string; to: string; unitId: string | null; includeSubUnits: boolean };

@InputType({ description: "The tickets behind a measure: those counted by `counter` in the days and unit (the measure's other filters are the search's own)." })
export class MeasureDrillDownInputType {
  @Field(() => MeasureCounter)
  counter!: MeasureCounter;

  @Field({ description: "First day (YYYY-MM-DD, Asia/Shanghai), inclusive." })
  from!: string;

  @Field({ description: "Last day, inclusive." })
  to!: string;

  @Field(() => ID, { nullable: true, description: "The unit the figure is for (the counted event's unit, e.g. the unit that replied)." })
  unitId?: string | null;

  @Field(() => Boolean, { nullable: true, description: "With unitId: include the units below it (default true)." })
  includeSubUnits?: boolean | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isDay = (value: unknown): value is string => typeof value === "string" && DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** Checks the `measure` filter, adding field errors (`filter.measure.*`); null when absent or wrong. */
export function checkMeasureDrillDown(input: MeasureDrillDown | null | undefined, errors: FieldError[]): CheckedMeasureDrillDown | null {
  if (!input) {
    return null;
  }
  const before = errors.length;
  if (!Object.values(MeasureCounter).includes(input.counter as MeasureCounter)) {
    errors.push({ field: "filter.measure.counter", code: "INVALID_FORMAT", message: "Choose a figure from the list." });
  }
  if (!isDay(input.from)) {
    errors.push({ field: "filter.measure.from", code: "INVALID_FORMAT", message: "Enter the day as YYYY-MM-DD." });
  }
  if (!isDay(input.to)) {
    errors.push({ field: "filter.measure.to", code: "INVALID_FORMAT", message: "Enter the day as YYYY-MM-DD." });
  } else if (isDay(input.from) && input.to < input.from) {
    errors.push({ field: "filter.measure", code: "INVALID_RANGE", message: "The last day is before the first." });
  }
  if (input.unitId && !UUID.test(input.unitId)) {
    errors.push({ field: "filter.measure.unitId", code: "INVALID_FORMAT", message: "This is not an id of the list." });
  }
  if (errors.length > before) {
    return null;
  }
  return { counter: input.counter as MeasureCounter, from: input.from, to: input.to, unitId: input.unitId?.toLowerCase() || null, includeSubUnits: input.includeSubUnits !== false };
}

/**
 * The search condition (alias s = supervision_ticket_search) for a checked drill-down: tickets with a
 * fact in the days (and unit) that has the counter.
 */
export async function measureCondition(
  db: { query(sql: string, params?: unknown[]): Promise<unknown> },
  add: (value: unknown) => string,
  measure: CheckedMeasureDrillDown,
): Promise<string> {
  const parts = [`f.day BETWEEN ${add(measure.from)}::date AND ${add(measure.to)}::date`, COUNTER_CONDITION[measure.counter]];
  if (measure.unitId) {
    let units = [measure.unitId];
    if (measure.includeSubUnits) {
      const rows = (await db.query(
        `WITH RECURSIVE tree AS (SELECT id FROM routing_unit WHERE id = $1 UNION SELECT c.id FROM routing_unit c JOIN tree ON c.parent_id = tree.id) SELECT id FROM tree`,
        [measure.unitId],
      )) as Array<{ id: string }>;
      units = rows.length ? rows.map((r) => r.id) : units;
    }
    parts.push(`f.unit_id = ANY(${add(units)}::uuid[])`);
  }
  return `s.ticket_id IN (SELECT f.ticket_id FROM supervision_measure_fact f WHERE ${parts.join(" AND ")})`;
}
