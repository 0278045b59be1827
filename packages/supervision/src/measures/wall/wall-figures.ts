import { randomUUID } from "node:crypto";
import { satisfactionSummary } from "@civicline/callback";
import { Role, type Actor } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { CALLBACKS_WAITING_KEY } from "./wall-count.entity.js";
import type { WallboardHotIssueType, WallboardRateType, WallboardType } from "./wall.types.js";

/** The hotline's day: every wall figure of "today" is an Asia/Shanghai day. */
const ZONE = "Asia/Shanghai";

/** YYYY-MM-DD of an instant in Asia/Shanghai. */
export function shanghaiDay(at: Date): string {
  return at.toLocaleDateString("sv-SE", { timeZone: ZONE });
}

/** [start, end) of the Asia/Shanghai day and month that hold `at`. */
export function wallPeriods(at: Date): { day: string; month: string; dayStart: Date; dayEnd: Date; monthStart: Date; monthEnd: Date } {
  const day = shanghaiDay(at);
  const dayStart = new Date(`${day}T00:00:00+08:00`);
  const dayEnd = new Date(dayStart.getTime() + 86_400_000);
  const month = day.slice(0, 7);
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const next = monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, "0")}`;
  return { day, month, dayStart, dayEnd, monthStart: new Date(`${month}-01T00:00:00+08:00`), monthEnd: new Date(`${next}-01T00:00:00+08:00`) };
}

/** Today's volume figures. */
export type DayFigures = { received: number; answeredOnSpot: number; dispatched: number };

/**
 * Today's received / answered on the spot / dispatched. Interim source: the search table's indexed
 * received and dispatched times, bounded to one day; swapped for the measures aggregates (H1) when
 * they land — this is the one function to change.
 */
export async function readDayFigures(dataSource: DataSource, dayStart: Date, dayEnd: Date): Promise<DayFigures> {
  const [row] = (await dataSource.query(
    `SELECT (SELECT count(*)::int FROM supervision_ticket_search WHERE received_at >= $1 AND received_at < $2) AS received,
            (SELECT count(*)::int FROM supervision_ticket_search WHERE received_at >= $1 AND received_at < $2 AND status = 'CLOSED_DIRECT') AS answered,
            (SELECT count(*)::int FROM routing_assignment WHERE dispatched_at >= $1 AND dispatched_at < $2) AS dispatched`,
    [dayStart, dayEnd],
  )) as Array<{ received: number; answered: number; dispatched: number }>;
  return { received: row?.received ?? 0, answeredOnSpot: row?.answered ?? 0, dispatched: row?.dispatched ?? 0 };
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

/** The wall computes as the centre: callback's own reader check passes for it. */
const WALL_ACTOR: Actor = { kind: "staff", id: "00000000-0000-4000-8000-00000000a11b", name: "wallboard", roles: [Role.SUPERVISOR], unitId: null };

/** This month's satisfaction, by callback's one definition (`satisfactionSummary`, not a copy of it). */
export async function readMonthSatisfaction(dataSource: DataSource, monthStart: Date, monthEnd: Date): Promise<{ result: WallboardRateType; process: WallboardRateType }> {
  const summary = await satisfactionSummary(dataSource, { actor: WALL_ACTOR, from: monthStart, to: monthEnd });
  return {
    result: { numerator: summary.resultSatisfied, denominator: summary.reasonableAnswered, rate: summary.resultSatisfactionRate },
    process: { numerator: summary.processSatisfied, denominator: summary.processAnswered, rate: summary.processSatisfactionRate },
  };
}

/** The top hot issues now; empty until the hot-issue detector (measures/hot) is wired in. */
export type HotIssueSource = (dataSource: DataSource, now: Date) => Promise<WallboardHotIssueType[]>;
export const noHotIssues: HotIssueSource = () => Promise.resolve([]);

/** The number of wallboard payloads computed in this process (a test proves one per event, not one per viewer). */
export const wallboardPayloadStats = { computed: 0 };

/** The whole wallboard at `now`: every figure from counters, read at once. */
export async function buildWallboard(dataSource: DataSource, now: Date, hotIssues: HotIssueSource = noHotIssues): Promise<WallboardType> {
  wallboardPayloadStats.computed += 1;
  const periods = wallPeriods(now);
  const [day, late, callbacksWaiting, satisfaction, hot] = await Promise.all([
    readDayFigures(dataSource, periods.dayStart, periods.dayEnd),
    readLateNow(dataSource),
    readCallbacksWaiting(dataSource),
    readMonthSatisfaction(dataSource, periods.monthStart, periods.monthEnd),
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
