import type { DataSource, EntityManager } from "typeorm";
import { requireRole, type Actor } from "../auth/actor.js";
import { Role } from "../auth/roles.js";
import { assertNoFieldErrors, type FieldError } from "../errors.js";
import { recordEvent } from "../events/events.js";
import { CALENDAR_YEARS } from "../paging.js";
import { normalizeText } from "../text.js";
import type { CalendarOverride } from "./calendar-override.entity.js";
import { CALENDAR_OVERRIDE_CHANGED, listCalendarOverrides } from "./calendar-overrides.js";
import { isWeekday } from "./china-holidays.js";
import { isValidDay, shiftDay } from "./zoned-time.js";

/** A public holiday as the State Council announces it, e.g. 春节 2027-02-06 … 2027-02-12 (both ends inclusive). */
export type HolidayRangeInput = { name: string; start: string; end: string };

/** A make-up working day (调休上班) on a Saturday or Sunday. */
export type MakeUpDayInput = { day: string; name?: string | null };

/** A whole year's schedule: its holidays and make-up working days. */
export type CalendarYearInput = { year: number; holidays: readonly HolidayRangeInput[]; workdays: readonly MakeUpDayInput[] };

/** What saving a year did: the year's overrides afterwards, and how many days changed. */
export type CalendarYearSaved = { year: number; overrides: CalendarOverride[]; changedDays: number };

/** Stable codes of a year schedule's row errors, beside REQUIRED, TOO_LONG and INVALID_FORMAT. */
export const CALENDAR_YEAR_CODES = {
  yearOutOfRange: "OUT_OF_RANGE",
  tooMany: "TOO_MANY",
  outsideYear: "OUTSIDE_YEAR",
  endBeforeStart: "END_BEFORE_START",
  rangeTooLong: "RANGE_TOO_LONG",
  holidayOnWeekend: "HOLIDAY_ON_WEEKEND",
  workdayNotWeekend: "WORKDAY_NOT_WEEKEND",
  overlap: "OVERLAP",
  duplicate: "DUPLICATE",
} as const;

const NAME_MAX = 200;
const ROWS_MAX = 60;
const RANGE_MAX_DAYS = 15;
const { min: YEAR_MIN, max: YEAR_MAX } = CALENDAR_YEARS;

function daysOf(start: string, end: string): string[] {
  const days: string[] = [];
  for (let day = start; day <= end; day = shiftDay(day, 1)) {
    days.push(day);
  }
  return days;
}

function checkDayInYear(day: string, year: number, field: string, fields: FieldError[]): boolean {
  if (!isValidDay(day)) {
    fields.push({ field, code: "INVALID_FORMAT", message: "Enter the day as YYYY-MM-DD." });
    return false;
  }
  if (Number(day.slice(0, 4)) !== year) {
    fields.push({ field, code: CALENDAR_YEAR_CODES.outsideYear, message: `Enter a day in ${year}.` });
    return false;
  }
  return true;
}

function checkName(name: string, field: string, required: boolean, fields: FieldError[]): void {
  if (required && name === "") {
    fields.push({ field, code: "REQUIRED", message: "Name the holiday, e.g. 春节." });
  } else if (name.length > NAME_MAX) {
    fields.push({ field, code: "TOO_LONG", message: `Keep the name under ${NAME_MAX} characters.` });
  }
}

/**
 * Checks a year's schedule row by row (fields `holidays.N.start`, `workdays.N.day` …) and returns
 * the days it declares, day → override. A holiday range must contain a weekday (a Saturday or
 * Sunday alone is off anyway); a make-up working day must be a Saturday or Sunday.
 */
export function planCalendarYear(input: CalendarYearInput): { days: Map<string, { working: boolean; note: string }>; fields: FieldError[] } {
  const fields: FieldError[] = [];
  const days = new Map<string, { working: boolean; note: string }>();
  const { year } = input;
  if (!Number.isInteger(year) || year < YEAR_MIN || year > YEAR_MAX) {
    fields.push({ field: "year", code: CALENDAR_YEAR_CODES.yearOutOfRange, message: `Choose a year from ${YEAR_MIN} to ${YEAR_MAX}.` });
    return { days, fields };
  }
  for (const [list, rows] of [["holidays", input.holidays], ["workdays", input.workdays]] as const) {
    if (rows.length > ROWS_MAX) {
      fields.push({ field: list, code: CALENDAR_YEAR_CODES.tooMany, message: `Enter at most ${ROWS_MAX} rows.` });
    }
  }
  if (fields.length > 0) {
    return { days, fields };
  }
  input.holidays.forEach((holiday, index) => {
    const row = `holidays.${index}`;
    const name = normalizeText(holiday.name);
    checkName(name, `${row}.name`, true, fields);
    const startOk = checkDayInYear(holiday.start, year, `${row}.start`, fields);
    const endOk = checkDayInYear(holiday.end, year, `${row}.end`, fields);
    if (!startOk || !endOk) {
      return;
    }
    if (holiday.end < holiday.start) {
      fields.push({ field: `${row}.end`, code: CALENDAR_YEAR_CODES.endBeforeStart, message: "The last day comes before the first." });
      return;
    }
    const range = daysOf(holiday.start, holiday.end);
    if (range.length > RANGE_MAX_DAYS) {
      fields.push({ field: row, code: CALENDAR_YEAR_CODES.rangeTooLong, message: `A holiday lasts at most ${RANGE_MAX_DAYS} days; check the dates.` });
      return;
    }
    if (!range.some(isWeekday)) {
      fields.push({ field: row, code: CALENDAR_YEAR_CODES.holidayOnWeekend, message: "A holiday must include a weekday: Saturdays and Sundays are days off already." });
      return;
    }
    if (range.some((day) => days.has(day))) {
      fields.push({ field: row, code: CALENDAR_YEAR_CODES.overlap, message: "This holiday overlaps another one." });
      return;
    }
    range.forEach((day) => days.set(day, { working: false, note: name }));
  });
  const makeUpDays = new Set<string>();
  input.workdays.forEach((workday, index) => {
    const row = `workdays.${index}`;
    const name = normalizeText(workday.name ?? "");
    checkName(name, `${row}.name`, false, fields);
    if (!checkDayInYear(workday.day, year, `${row}.day`, fields)) {
      return;
    }
    if (isWeekday(workday.day)) {
      fields.push({ field: `${row}.day`, code: CALENDAR_YEAR_CODES.workdayNotWeekend, message: "A make-up working day must be a Saturday or Sunday; weekdays are working days already." });
    } else if (makeUpDays.has(workday.day)) {
      fields.push({ field: `${row}.day`, code: CALENDAR_YEAR_CODES.duplicate, message: "This day is listed twice." });
    } else if (days.has(workday.day)) {
      fields.push({ field: `${row}.day`, code: CALENDAR_YEAR_CODES.overlap, message: "This day is inside a holiday." });
    } else {
      makeUpDays.add(workday.day);
      days.set(workday.day, { working: true, note: name });
    }
  });
  return { days, fields };
}

/**
 * Admin: sets a whole year's holidays and make-up working days in one transaction (all or
 * nothing). The year's overrides are replaced: afterwards they are exactly the days of the
 * schedule, so a day left out goes back to the official data or the weekday rule. Each day whose
 * status changes records `platform.calendar_override_changed`, so deadlines are recomputed.
 */
export async function setCalendarYear(options: { db: DataSource | EntityManager; actor: Actor | null | undefined; input: CalendarYearInput }): Promise<CalendarYearSaved> {
  const actor = requireRole(options.actor, [Role.ADMIN]);
  const { days, fields } = planCalendarYear(options.input);
  assertNoFieldErrors(fields);
  const { year } = options.input;
  const range = { from: `${year}-01-01`, to: `${year}-12-31` };
  return options.db.transaction(async (manager) => {
    // Two admins saving the same year at once would otherwise interleave their replacements.
    await manager.query("SELECT pg_advisory_xact_lock(hashtext('platform.calendar_year'), $1)", [year]);
    const before = new Map((await listCalendarOverrides(manager, range)).map((override) => [override.day, override]));
    let changedDays = 0;
    const gone = [...before.keys()].filter((day) => !days.has(day));
    if (gone.length > 0) {
      await manager.query("DELETE FROM platform_calendar_override WHERE day = ANY($1::date[])", [gone]);
    }
    for (const day of gone) {
      changedDays += 1;
      await recordEvent(manager, { type: CALENDAR_OVERRIDE_CHANGED, payload: { day, working: null }, actorId: actor.id });
    }
    for (const [day, wanted] of days) {
      const old = before.get(day);
      if (old && old.working === wanted.working && old.note === wanted.note) {
        continue;
      }
      await manager.query(
        `INSERT INTO platform_calendar_override (day, working, note, updated_by, updated_at) VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (day) DO UPDATE SET working = EXCLUDED.working, note = EXCLUDED.note, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [day, wanted.working, wanted.note, actor.id],
      );
      if (old?.working !== wanted.working) {
        changedDays += 1;
        await recordEvent(manager, { type: CALENDAR_OVERRIDE_CHANGED, payload: { day, working: wanted.working }, actorId: actor.id });
      }
    }
    return { year, overrides: await listCalendarOverrides(manager, range), changedDays };
  });
}
