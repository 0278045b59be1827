/** The length of a hot-issue window: one day, or seven days ending with the chosen day. */
export enum HotWindow {
  DAY = "DAY",
  WEEK = "WEEK",
}

const DAY_MS = 86_400_000;
/** China keeps no daylight saving: an Asia/Shanghai day starts at 16:00 UTC the day before. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function windowDays(window: HotWindow): number {
  return window === HotWindow.DAY ? 1 : 7;
}

/** The Asia/Shanghai day of an instant, as YYYY-MM-DD. */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether `day` is a real calendar day written YYYY-MM-DD. */
export function isDay(day: unknown): day is string {
  return typeof day === "string" && ISO_DAY.test(day) && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
}

export type HotSpan = { windowStart: Date; windowEnd: Date; baselineStart: Date; weekStarts: Date[] };

/**
 * The window of `days` days ending with Asia/Shanghai day `lastDay` (inclusive), and the 8 weeks
 * before it: baselineStart … windowStart, week i starting at weekStarts[i] (oldest first).
 */
export function hotSpan(lastDay: string, days: number, baselineWeeks: number): HotSpan {
  const windowEnd = new Date(Date.parse(`${lastDay}T00:00:00Z`) + DAY_MS - SHANGHAI_OFFSET_MS);
  const windowStart = new Date(windowEnd.getTime() - days * DAY_MS);
  const baselineStart = new Date(windowStart.getTime() - baselineWeeks * 7 * DAY_MS);
  const weekStarts = Array.from({ length: baselineWeeks }, (_, index) => new Date(baselineStart.getTime() + index * 7 * DAY_MS));
  return { windowStart, windowEnd, baselineStart, weekStarts };
}
