import chineseDays from "chinese-days";
import { WorkingCalendar } from "./working-calendar.js";
import { addWorkingTime, workingDaysToMinutes } from "./working-time.js";
import { shiftDay } from "./zoned-time.js";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar day (YYYY-MM-DD) of an instant in a time zone (Asia/Shanghai by default). */
export function dayOf(at: Date, timeZone = "Asia/Shanghai"): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
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
export function addWorkingDays(day: string, n: number): string;
/**
 * A day-based limit ("complaints: completed within 5 working days"): `days` × the working-day length
 * of working time after `at` (see `workingDaysToMinutes`), so 16:30 on a working day + 5 working
 * days is 16:30 on the fifth working day after it.
 */
export function addWorkingDays(calendar: WorkingCalendar, at: Date, days: number): Date;
export function addWorkingDays(first: string | WorkingCalendar, second: number | Date, third?: number): string | Date {
  if (first instanceof WorkingCalendar) {
    if (!(second instanceof Date) || third === undefined) {
      throw new Error("addWorkingDays(calendar, at, days) needs an instant and a number of days");
    }
    return addWorkingTime(first, second, workingDaysToMinutes(first, third));
  }
  if (typeof second !== "number") {
    throw new Error("addWorkingDays(day, n) needs a number of days");
  }
  let current = first;
  let left = second;
  while (left > 0) {
    current = shiftDay(current, 1);
    if (isWorkingDay(current)) {
      left -= 1;
    }
  }
  return current;
}
