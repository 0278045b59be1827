import chineseDays from "chinese-days";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar day (YYYY-MM-DD) of an instant in a time zone (Asia/Shanghai by default). */
export function dayOf(at: Date, timeZone = "Asia/Shanghai"): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

function shiftDay(day: string, by: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + by);
  return date.toISOString().slice(0, 10);
}

/**
 * Whether a day is a working day in China: weekdays that are not public holidays, plus the
 * make-up working days (调休) that fall on a weekend, from the maintained chinese-days data.
 */
export function isWorkingDay(day: string): boolean {
  if (!DAY.test(day)) {
    throw new Error(`not a YYYY-MM-DD day: ${day}`);
  }
  return chineseDays.isWorkday(day);
}

/** The day `n` working days after `day` (n ≥ 0; n = 0 gives `day` itself even when it is not a working day). */
export function addWorkingDays(day: string, n: number): string {
  let current = day;
  let left = n;
  while (left > 0) {
    current = shiftDay(current, 1);
    if (isWorkingDay(current)) {
      left -= 1;
    }
  }
  return current;
}
