import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/**
 * The counters of the measures (see packages/supervision/README.md, "Measures"): the columns of the
 * cube, of each ticket's facts and of the roll-ups (measure-rollups.entity.ts). Counts are integers,
 * sums of milliseconds bigints (strings in JavaScript).
 */
export abstract class MeasureCounterColumns {
  /** Tickets received that day (merged duplicates not counted). Unit: the current lead unit. */
  @Column({ type: "integer", default: 0 })
  received!: number;

  /** Of those, closed as a direct answer at intake (直办). */
  @Column({ type: "integer", default: 0 })
  direct!: number;

  /** Tickets received that day that were merged into another (not in `received`). */
  @Column({ type: "integer", default: 0 })
  merged!: number;

  /** Dispatches (assignments) made that day, to the unit. */
  @Column({ type: "integer", default: 0 })
  dispatched!: number;

  /** Of those dispatches, the ones the unit asked to return (退单), whatever the decision. */
  @Column({ type: "integer", default: 0 })
  returned!: number;

  /** Of those dispatches, the ones with an approved extension (延期). */
  @Column({ type: "integer", default: 0 })
  extended!: number;

  /** Replies the unit gave that day. */
  @Column({ type: "integer", default: 0 })
  replied!: number;

  /** Sum over those replies of (reply − dispatch) in ms. */
  @Column({ name: "handling_ms", type: "bigint", default: 0 })
  handlingMs!: string;

  /** The same in working ms (business hours of working days; the calendar of supervision_measure_calendar). */
  @Column({ name: "handling_work_ms", type: "bigint", default: 0 })
  handlingWorkMs!: string;

  /** Of those replies, the ones re-reported (续报 accepted) afterwards. */
  @Column({ type: "integer", default: 0 })
  rereported!: number;

  /** Assignments settled that day (the on-time rule's denominator). */
  @Column({ type: "integer", default: 0 })
  due!: number;

  /** Of those, replied by the (extended) deadline. */
  @Column({ name: "on_time", type: "integer", default: 0 })
  onTime!: number;

  /** Callback answers about a reply (callback's `answered`). */
  @Column({ name: "survey_answered", type: "integer", default: 0 })
  surveyAnswered!: number;

  /** Of those, about reasonable requests (the result satisfaction's denominator). */
  @Column({ name: "survey_reasonable", type: "integer", default: 0 })
  surveyReasonable!: number;

  /** Of those, satisfied with the result (three levels). */
  @Column({ name: "result_satisfied", type: "integer", default: 0 })
  resultSatisfied!: number;

  /** Every callback answer (the process satisfaction's denominator). */
  @Column({ name: "process_answered", type: "integer", default: 0 })
  processAnswered!: number;

  /** Of those, satisfied with the service (three levels). */
  @Column({ name: "process_satisfied", type: "integer", default: 0 })
  processSatisfied!: number;

  /** Supervision orders (督办单) issued that day to the unit. */
  @Column({ type: "integer", default: 0 })
  orders!: number;
}

/**
 * The measures aggregate: one row per Asia/Shanghai day × unit × category × district × township ×
 * channel × request type, with the counters every measure is computed from (see
 * packages/supervision/README.md, "Measures"). Written only by the database: the triggers of
 * migration Measures call `supervision_measure_refresh(ticket)` whenever a ticket, an assignment, a
 * return, a callback answer, a re-report or a supervision order changes, in the same transaction,
 * and add the difference (+= deltas, never read-modify-write) into the writer's stripe.
 * `rebuildMeasures` recomputes it exactly (stripe 0).
 *
 * `unit_id` is the all-zero uuid for "no unit" (a ticket not dispatched), `township_id` likewise.
 */
@Entity({ name: "supervision_measure_day" })
@Index("supervision_measure_day_unit_idx", { synchronize: false })
@Index("supervision_measure_day_category_idx", { synchronize: false })
@Index("supervision_measure_day_district_idx", { synchronize: false })
@Index("supervision_measure_day_township_idx", { synchronize: false })
export class MeasureDay extends MeasureCounterColumns {
  @PrimaryColumn({ type: "date" })
  day!: string;

  /** The unit the counted event belongs to (see README); the zero uuid for none. */
  @PrimaryColumn({ name: "unit_id", type: "uuid" })
  unitId!: string;

  @PrimaryColumn({ name: "category_id", type: "uuid" })
  categoryId!: string;

  @PrimaryColumn({ name: "district_id", type: "uuid" })
  districtId!: string;

  /** The zero uuid when the ticket has no township. */
  @PrimaryColumn({ name: "township_id", type: "uuid" })
  townshipId!: string;

  @PrimaryColumn({ type: "text" })
  channel!: string;

  @PrimaryColumn({ name: "request_type", type: "text" })
  requestType!: string;

  /**
   * The writing transaction's stripe (supervision_measure_stripe(), MEASURE_STRIPES in measure-sql.ts):
   * concurrent writers add into different rows; reads sum over the stripes. 0 from the rebuild.
   */
  @PrimaryColumn({ type: "smallint", default: 0 })
  stripe!: number;
}

/**
 * One ticket's contributions to the aggregate, by day and unit: what the ticket adds, so that a
 * change subtracts the old and adds the new, and the ticket search can list the tickets behind a
 * figure exactly. Written only by `supervision_measure_refresh` and the rebuild.
 */
@Entity({ name: "supervision_measure_fact" })
@Index("supervision_measure_fact_day_idx", { synchronize: false })
export class MeasureFact extends MeasureCounterColumns {
  @PrimaryColumn({ name: "ticket_id", type: "uuid" })
  ticketId!: string;

  @PrimaryColumn({ type: "date" })
  day!: string;

  @PrimaryColumn({ name: "unit_id", type: "uuid" })
  unitId!: string;
}

/**
 * The lock row of one ticket in the measures (taken FOR UPDATE by the refresh) and the dimension
 * values its facts were added under. Null dimensions: nothing added yet.
 */
@Entity({ name: "supervision_measure_ticket" })
export class MeasureTicket {
  @PrimaryColumn({ name: "ticket_id", type: "uuid" })
  ticketId!: string;

  @Column({ name: "category_id", type: "uuid", nullable: true })
  categoryId!: string | null;

  @Column({ name: "district_id", type: "uuid", nullable: true })
  districtId!: string | null;

  @Column({ name: "township_id", type: "uuid", nullable: true })
  townshipId!: string | null;

  @Column({ type: "text", nullable: true })
  channel!: string | null;

  @Column({ name: "request_type", type: "text", nullable: true })
  requestType!: string | null;
}

/**
 * The working calendar as the measures' SQL reads it: one row per civil day 2010–2049 (official
 * data + admin overrides, from platform's WorkingCalendar), with the working ms of every earlier day
 * summed, so that working time between two instants is a difference of two lookups. Kept current by
 * `syncMeasureCalendar` (calendar changes, rebuild).
 */
@Entity({ name: "supervision_measure_calendar" })
export class MeasureCalendarDay {
  @PrimaryColumn({ type: "date" })
  day!: string;

  @Column({ type: "boolean" })
  working!: boolean;

  /** Working ms of all days from 2010-01-01 up to (not including) this one. */
  @Column({ name: "before_ms", type: "bigint" })
  beforeMs!: string;
}

export const measureEntities = [MeasureDay, MeasureFact, MeasureTicket, MeasureCalendarDay];
