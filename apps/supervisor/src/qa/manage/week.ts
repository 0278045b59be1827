/** Days as YYYY-MM-DD (Asia/Shanghai calendar days; the arithmetic is on UTC dates, so no zone shifts). */
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function toDate(day: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date));
}

/** `day` plus `days` days. */
export function addDays(day: string, days: number): string {
  const date = toDate(day);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Monday of `day`'s week (weeks run Monday to Sunday, as rosters do in China). */
export function mondayOf(day: string): string {
  const weekday = (toDate(day).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** The seven days of the week starting on `monday`. */
export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

/** Whether `value` is a calendar day (YYYY-MM-DD that round-trips). */
export function isDay(value: string): boolean {
  return DAY.test(value) && toDate(value).toISOString().slice(0, 10) === value;
}

/** The month before a "YYYY-MM". */
export function previousMonth(month: string): string {
  const [year, number] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, number - 2, 1)).toISOString().slice(0, 7);
}
