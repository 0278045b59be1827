/** A period kind of the dashboard's picker. */
export type PeriodKind = "day" | "week" | "month" | "quarter" | "year" | "custom";
export const PERIOD_KINDS: readonly PeriodKind[] = ["day", "week", "month", "quarter", "year", "custom"];

/** A period as whole Asia/Shanghai days, both ends included (YYYY-MM-DD). */
export type DayRange = { from: string; to: string };

const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Today in Asia/Shanghai (the hotline's day), whatever the browser's zone. */
export function todayInChina(now: Date = new Date()): string {
  return now.toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });
}

const toUtc = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  return fromUtc(toUtc(day) + days * DAY_MS);
}

/** Days in a range, both ends included. */
export function daysIn(range: DayRange): number {
  return Math.round((toUtc(range.to) - toUtc(range.from)) / DAY_MS) + 1;
}

function monthStart(year: number, month0: number): string {
  return fromUtc(Date.UTC(year, month0, 1));
}

/** The period of a kind that holds `anchor` (weeks start on Monday). Custom: the range given. */
export function periodOf(kind: PeriodKind, anchor: string, custom?: DayRange): DayRange {
  const year = Number(anchor.slice(0, 4));
  const month0 = Number(anchor.slice(5, 7)) - 1;
  switch (kind) {
    case "day":
      return { from: anchor, to: anchor };
    case "week": {
      const weekday = (new Date(toUtc(anchor)).getUTCDay() + 6) % 7;
      const from = addDays(anchor, -weekday);
      return { from, to: addDays(from, 6) };
    }
    case "month":
      return { from: monthStart(year, month0), to: addDays(monthStart(year, month0 + 1), -1) };
    case "quarter": {
      const first = month0 - (month0 % 3);
      return { from: monthStart(year, first), to: addDays(monthStart(year, first + 3), -1) };
    }
    case "year":
      return { from: `${year}-01-01`, to: `${year}-12-31` };
    case "custom":
      return custom ?? { from: anchor, to: anchor };
  }
}

/**
 * The period just before, of the same kind (the month before a month, the year before a year);
 * a day, week or custom range: the same number of days right before it.
 */
export function previousPeriod(kind: PeriodKind, range: DayRange): DayRange {
  if (kind === "month" || kind === "quarter" || kind === "year") {
    return periodOf(kind, addDays(range.from, -1));
  }
  const length = daysIn(range);
  return { from: addDays(range.from, -length), to: addDays(range.from, -1) };
}

/** A custom range that can be asked for: two days, in order, at most 366 days. */
export function validRange(range: DayRange): boolean {
  return DAY.test(range.from) && DAY.test(range.to) && range.from <= range.to && daysIn(range) <= 366;
}

/** [from 00:00, day after `to` 00:00) in China time, as ISO instants (what the API takes). */
export function instantsOf(range: DayRange): { from: string; to: string } {
  return { from: `${range.from}T00:00:00+08:00`, to: `${addDays(range.to, 1)}T00:00:00+08:00` };
}
