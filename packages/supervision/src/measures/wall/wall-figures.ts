import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import { CALLBACKS_WAITING_KEY } from "./wall-count.entity.js";
import type { WallboardHotIssueType, WallboardRateType, WallboardType } from "./wall.types.js";

/** The hotline's day: every wall figure of "today" is an Asia/Shanghai day. */
const ZONE = "Asia/Shanghai";

/** YYYY-MM-DD of an instant in Asia/Shanghai. */
export function shanghaiDay(at: Date): string {
  return at.toLocaleDateString("sv-SE", { timeZone: ZONE });
}

/** The Asia/Shanghai day and month that hold `at`: the month's first and last day (YYYY-MM-DD). */
export function wallPeriods(at: Date): { day: string; month: string; monthFirst: string; monthLast: string } {
  const day = shanghaiDay(at);
  const month = day.slice(0, 7);
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { day, month, monthFirst: `${month}-01`, monthLast: `${month}-${String(last).padStart(2, "0")}` };
}

/** Today's volume figures. */
export type DayFigures = { received: number; answeredOnSpot: number; dispatched: number };

/**
 * Today's received / answered on the spot / dispatched: the measures aggregate's counters for the
 * day (supervision_measure_day, kept by triggers in the writers' transactions; its primary key
 * starts with the day), summed over its few cells — the same numbers the dashboard shows for today.
 */
export async function readDayFigures(dataSource: DataSource, day: string): Promise<DayFigures> {
  const [row] = (await dataSource.query(
    `SELECT coalesce(sum(received), 0)::int AS received, coalesce(sum(direct), 0)::int AS direct, coalesce(sum(dispatched), 0)::int AS dispatched
       FROM supervision_measure_day WHERE day = $1::date`,
    [day],
  )) as Array<{ received: number; direct: number; dispatched: number }>;
  return { received: row?.received ?? 0, answeredOnSpot: row?.direct ?? 0, dispatched: row?.dispatched ?? 0 };
}

/** Near due and overdue now, every stage and unit: the chasing board's counters (a few rows). */
export async function readLateNow(dataSource: DataSource): Promise<{ overdueNow: number; nearDueNow: number }> {
  const [row] = (await dataSource.query(
    `SELECT coalesce(sum(count) FILTER (WHERE severity = 'OVERDUE'), 0)::int AS overdue,
            coalesce(sum(count) FILTER (WHERE severity = 'NEAR_DUE'), 0)::int AS near_due
       FROM supervision_chasing_count`,
  )) as Array<{ overdue: number; near_due: number }>;
  return { overdueNow: row?.overdue ?? 0, nearDueNow: row?.near_due ?? 0 };
}

/** Open callback tasks: the trigger-maintained counter (one row). */
export async function readCallbacksWaiting(dataSource: DataSource): Promise<number> {
  const [row] = (await dataSource.query("SELECT count FROM supervision_wall_count WHERE key = $1", [CALLBACKS_WAITING_KEY])) as Array<{ count: number }>;
  return row?.count ?? 0;
}

/**
 * This month's satisfaction from the measures aggregate: its survey counters are callback's own
 * definitions (SATISFACTION_SQL, shared with `satisfactionSummary`), summed over the month's days.
 */
export async function readMonthSatisfaction(dataSource: DataSource, monthStart: string, monthEnd: string): Promise<{ result: WallboardRateType; process: WallboardRateType }> {
  const [row] = (await dataSource.query(
    `SELECT coalesce(sum(result_satisfied), 0)::int AS result_satisfied, coalesce(sum(survey_reasonable), 0)::int AS reasonable,
            coalesce(sum(process_satisfied), 0)::int AS process_satisfied, coalesce(sum(process_answered), 0)::int AS process_answered
       FROM supervision_measure_day WHERE day >= $1::date AND day <= $2::date`,
    [monthStart, monthEnd],
  )) as Array<{ result_satisfied: number; reasonable: number; process_satisfied: number; process_answered: number }>;
  const rate = (numerator: number, denominator: number): WallboardRateType => ({ numerator, denominator, rate: denominator > 0 ? numerator / denominator : null });
  return { result: rate(row?.result_satisfied ?? 0, row?.reasonable ?? 0), process: rate(row?.process_satisfied ?? 0, row?.process_answered ?? 0) };
}

/** The top hot issues now (measures/hot's detector: `wallboardHotIssues`). */
export type HotIssueSource = (dataSource: DataSource, now: Date) => Promise<WallboardHotIssueType[]>;
export const noHotIssues: HotIssueSource = () => Promise.resolve([]);

/**
 * A hot-issue source read at most once per `maxAgeMs` (its statistic reads nine weeks of the
 * aggregate; a 7-day window moves little between two tickets), so a burst of events does not run
 * it once per event. A failed read is not kept.
 */
export function cachedHotIssues(source: HotIssueSource, maxAgeMs = 60_000): HotIssueSource {
  let kept: { at: number; value: Promise<WallboardHotIssueType[]> } | null = null;
  return (dataSource, now) => {
    if (!kept || now.getTime() - kept.at >= maxAgeMs || now.getTime() < kept.at) {
      const value = source(dataSource, now);
      const entry = { at: now.getTime(), value };
      kept = entry;
      value.catch(() => {
        if (kept === entry) {
          kept = null;
        }
      });
    }
    return kept.value;
  };
}

/** The number of wallboard payloads computed in this process (a test proves one per event, not one per viewer). */
export const wallboardPayloadStats = { computed: 0 };

/** The whole wallboard at `now`: every figure from counters, read at once. */
export async function buildWallboard({ dataSource, now, hotIssues = noHotIssues }: { dataSource: DataSource; now: Date; hotIssues?: HotIssueSource }): Promise<WallboardType> {
  wallboardPayloadStats.computed += 1;
  const periods = wallPeriods(now);
  const [day, late, callbacksWaiting, satisfaction, hot] = await Promise.all([
    readDayFigures(dataSource, periods.day),
    readLateNow(dataSource),
    readCallbacksWaiting(dataSource),
    readMonthSatisfaction(dataSource, periods.monthFirst, periods.monthLast),
    hotIssues(dataSource, now),
  ]);
  return {
    id: randomUUID(),
    computedAt: now,
    day: periods.day,
    month: periods.month,
    ...day,
    ...late,
    callbacksWaiting,
    resultSatisfaction: satisfaction.result,
    processSatisfaction: satisfaction.process,
    hotIssues: hot.slice(0, 5),
  };
}
