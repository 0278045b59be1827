/**
 * A year's schedule as the form edits it (holiday ranges and make-up working days), checked with
 * the server's rules and codes so that the admin sees every row's problem before saving.
 */

export type HolidayRow = { key: number; name: string; start: string; end: string };
export type WorkdayRow = { key: number; day: string; name: string };
export type YearSchedule = { holidays: HolidayRow[]; workdays: WorkdayRow[] };

/** A row's problem by field (`holidays.0.start`, `holidays.0` for the whole row, `workdays.1.day`) → stable code. */
export type ScheduleErrors = Record<string, string>;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
/** The longest holiday the server accepts, in days. */
export const RANGE_MAX_DAYS = 15;

let nextKey = 1;
/** A fresh key for a new row (React list identity). */
export function rowKey(): number {
  nextKey += 1;
  return nextKey;
}

function isRealDay(day: string): boolean {
  const match = DAY.exec(day);
  return match !== null && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);
}

function shift(day: string, by: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + by * DAY_MS).toISOString().slice(0, 10);
}

/** Saturday or Sunday. */
export function isWeekend(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

function dayProblem(day: string, year: number): string | null {
  if (!isRealDay(day)) {
    return "INVALID_FORMAT";
  }
  return Number(day.slice(0, 4)) === year ? null : "OUTSIDE_YEAR";
}

/** The same checks as the server's `planCalendarYear`, row by row, with the same codes. */
export function checkYearSchedule(year: number, schedule: YearSchedule): ScheduleErrors {
  const errors: ScheduleErrors = {};
  const taken = new Set<string>();
  schedule.holidays.forEach((holiday, index) => {
    const row = `holidays.${index}`;
    if (holiday.name.trim() === "") {
      errors[`${row}.name`] = "REQUIRED";
    }
    const startProblem = dayProblem(holiday.start, year);
    const endProblem = dayProblem(holiday.end, year);
    if (startProblem || endProblem) {
      Object.assign(errors, startProblem ? { [`${row}.start`]: startProblem } : {}, endProblem ? { [`${row}.end`]: endProblem } : {});
      return;
    }
    if (holiday.end < holiday.start) {
      errors[`${row}.end`] = "END_BEFORE_START";
      return;
    }
    const days: string[] = [];
    for (let day = holiday.start; day <= holiday.end && days.length <= RANGE_MAX_DAYS; day = shift(day, 1)) {
      days.push(day);
    }
    if (days.length > RANGE_MAX_DAYS) {
      errors[row] = "RANGE_TOO_LONG";
    } else if (days.every(isWeekend)) {
      errors[row] = "HOLIDAY_ON_WEEKEND";
    } else if (days.some((day) => taken.has(day))) {
      errors[row] = "OVERLAP";
    } else {
      days.forEach((day) => taken.add(day));
    }
  });
  const makeUp = new Set<string>();
  schedule.workdays.forEach((workday, index) => {
    const field = `workdays.${index}.day`;
    const problem = dayProblem(workday.day, year);
    if (problem) {
      errors[field] = problem;
    } else if (!isWeekend(workday.day)) {
      errors[field] = "WORKDAY_NOT_WEEKEND";
    } else if (makeUp.has(workday.day)) {
      errors[field] = "DUPLICATE";
    } else if (taken.has(workday.day)) {
      errors[field] = "OVERLAP";
    } else {
      makeUp.add(workday.day);
    }
  });
  return errors;
}

/**
 * The form's starting point from a year's overrides: consecutive days off with the same note
 * become one holiday, working days become make-up days. Saving replaces all of them, so every
 * override of the year is shown (one the rules refuse shows its error and must be fixed or removed).
 */
export function scheduleFromOverrides(overrides: ReadonlyArray<{ day: string; working: boolean; note: string | null }>): YearSchedule {
  const sorted = [...overrides].sort((a, b) => a.day.localeCompare(b.day));
  const holidays: HolidayRow[] = [];
  const workdays: WorkdayRow[] = [];
  for (const override of sorted) {
    const note = override.note ?? "";
    if (override.working) {
      workdays.push({ key: rowKey(), day: override.day, name: note });
      continue;
    }
    const last = holidays[holidays.length - 1];
    if (last && last.name === note && shift(last.end, 1) === override.day) {
      last.end = override.day;
    } else {
      holidays.push({ key: rowKey(), name: note, start: override.day, end: override.day });
    }
  }
  return { holidays, workdays };
}
