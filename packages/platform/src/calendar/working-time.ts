import type { WorkingCalendar } from "./working-calendar.js";
import { shiftDay } from "./zoned-time.js";

const MINUTE_MS = 60_000;
/** More consecutive days off than this means the calendar has no working time left at all. */
const MAX_DAYS_OFF = 400;

function noWorkingTime(calendar: WorkingCalendar, from: string): Error {
  return new Error(`calendar (${calendar.timeZone}) has no working day within ${MAX_DAYS_OFF} days after ${from}`);
}

/**
 * Visits the working intervals that end after `fromMs`, clipped to start no earlier than it, in
 * order, until `visit` returns true.
 */
function walkIntervals(calendar: WorkingCalendar, fromMs: number, visit: (start: number, end: number) => boolean): void {
  const firstDay = calendar.dayOf(fromMs);
  let day = firstDay;
  let daysOff = 0;
  for (;;) {
    const intervals = calendar.workingIntervals(day).filter(([, end]) => end > fromMs);
    daysOff = intervals.length === 0 ? daysOff + 1 : 0;
    if (daysOff > MAX_DAYS_OFF) {
      throw noWorkingTime(calendar, firstDay);
    }
    for (const [start, end] of intervals) {
      if (visit(Math.max(start, fromMs), end)) {
        return;
      }
    }
    day = shiftDay(day, 1);
  }
}

/** Whether the handling units are at work at this instant (inside business hours of a working day). */
export function isWorkingInstant(calendar: WorkingCalendar, at: Date): boolean {
  const ms = at.getTime();
  return calendar.workingIntervals(calendar.dayOf(ms)).some(([start, end]) => start <= ms && ms < end);
}

/** `at` itself when it is working time, else the start of the next business interval. */
export function nextWorkingInstant(calendar: WorkingCalendar, at: Date): Date {
  let found = 0;
  walkIntervals(calendar, at.getTime(), (start) => {
    found = start;
    return true;
  });
  return new Date(found);
}

/**
 * The earliest instant by which `minutes` of working time have passed since `at` — a deadline.
 * Time outside business hours does not count; a deadline that uses up a day's last minute is that
 * day's closing time (17:30), not the next opening. `minutes` = 0 gives `at`.
 */
export function addWorkingTime(calendar: WorkingCalendar, at: Date, minutes: number): Date {
  if (!Number.isInteger(minutes) || minutes < 0) {
    throw new Error(`working minutes must be a whole number ≥ 0: ${minutes}`);
  }
  if (minutes === 0) {
    return new Date(at.getTime());
  }
  let left = minutes * MINUTE_MS;
  let result = 0;
  walkIntervals(calendar, at.getTime(), (start, end) => {
    if (left <= end - start) {
      result = start + left;
      return true;
    }
    left -= end - start;
    return false;
  });
  return new Date(result);
}

/**
 * Whole minutes of working time in [from, to): how much of a limit has been used. 0 when `to` is
 * not after `from`. Seconds are truncated (29m59s counts as 29).
 */
export function workingMinutesBetween(calendar: WorkingCalendar, from: Date, to: Date): number {
  const fromMs = from.getTime();
  const toMs = to.getTime();
  if (toMs <= fromMs) {
    return 0;
  }
  const firstDay = calendar.dayOf(fromMs);
  const lastDay = calendar.dayOf(toMs);
  const clipped = (day: string): number => {
    let ms = 0;
    for (const [start, end] of calendar.workingIntervals(day)) {
      ms += Math.max(0, Math.min(end, toMs) - Math.max(start, fromMs));
    }
    return ms;
  };
  // The first and last days clipped to [from, to); the whole days between from the calendar's running totals.
  const total = firstDay === lastDay ? clipped(firstDay) : clipped(firstDay) + calendar.workingMsOfDays(shiftDay(firstDay, 1), lastDay) + clipped(lastDay);
  return Math.floor(total / MINUTE_MS);
}

/**
 * Working time between two instants in working days of the calendar's nominal length (fractional):
 * "average handling time in working days" alongside calendar days.
 */
export function workingDaysBetween(calendar: WorkingCalendar, from: Date, to: Date): number {
  return workingMinutesBetween(calendar, from, to) / calendar.workingDayMinutes;
}

/**
 * A day-based limit in working minutes. "N working days" is N × the working-day length (5 × 450 =
 * 2,250 minutes by default): from a working instant that is the same clock time N working days
 * later; from outside business hours it runs from the next opening, so it ends at closing time.
 */
export function workingDaysToMinutes(calendar: WorkingCalendar, days: number): number {
  if (!Number.isInteger(days) || days < 0) {
    throw new Error(`working days must be a whole number ≥ 0: ${days}`);
  }
  return days * calendar.workingDayMinutes;
}
