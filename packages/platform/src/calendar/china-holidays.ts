import chineseDays from "chinese-days";
import { weekdayOf } from "./zoned-time.js";

const coveredYears = new Map<number, boolean>();

/**
 * Whether the chinese-days package holds the State Council's holiday notice for a year. A covered
 * year always lists some public holidays; a year without any (2027 at version 1.5.7) is not
 * maintained yet, and the package would silently treat it as plain weekdays and weekends.
 */
export function chinaCalendarCovers(year: number): boolean {
  let covered = coveredYears.get(year);
  if (covered === undefined) {
    covered = chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    coveredYears.set(year, covered);
  }
  return covered;
}

/** Monday to Friday: the rule for a day no official or admin-entered calendar speaks about. */
export function isWeekday(day: string): boolean {
  const weekday = weekdayOf(day);
  return weekday !== 0 && weekday !== 6;
}

/**
 * A day by China's official calendar: public holidays are off, make-up working days (调休) on a
 * Saturday or Sunday are on. `covered` is false when the package has no data for the year, and
 * the answer is then the plain weekday rule.
 */
export function chinaDayRule(day: string): { working: boolean; covered: boolean; name: string | null } {
  if (!chinaCalendarCovers(Number(day.slice(0, 4)))) {
    return { working: isWeekday(day), covered: false, name: null };
  }
  const detail = chineseDays.getDayDetail(day);
  // Holidays and make-up days are named "National Day,国庆节,3"; ordinary days by their weekday.
  const name = detail.name.includes(",") ? detail.name : null;
  return { working: detail.work, covered: true, name };
}
