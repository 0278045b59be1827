import type { Logger } from "pino";
import { DataSource, type EntityManager } from "typeorm";
import { chinaCalendarCovers } from "./china-holidays.js";
import { DEFAULT_TIME_ZONE } from "./working-calendar.js";
import { localDayOf } from "./zoned-time.js";

/** Whether a year's working days are maintained, and by whom. */
export type YearCoverage = {
  year: number;
  /** The chinese-days package holds the State Council's holiday notice for the year. */
  official: boolean;
  /** How many days of the year an admin has overridden. */
  overrideDays: number;
  /** Official data or admin overrides exist; false means deadlines fall back to plain Monday–Friday. */
  covered: boolean;
};

/** The years a deployment must have a calendar for now, and those it lacks. */
export type CalendarCoverage = {
  /** The civil day the check was made on, in the calendar's zone. */
  today: string;
  /** This year, and from 1 November the next one too. */
  years: YearCoverage[];
  /** The checked years with neither official data nor overrides, oldest first. */
  missingYears: number[];
};

/** From this month on (1 November), next year's calendar is checked too: the State Council usually publishes it in late autumn. */
export const NEXT_YEAR_CHECK_MONTH = 11;

/**
 * Which of this year and (from 1 November in the calendar's zone) next year have holiday data from
 * chinese-days or admin overrides. A year with neither would count every weekday as a working day.
 */
export async function calendarCoverage(options: { db: DataSource | EntityManager; now: Date; timeZone?: string }): Promise<CalendarCoverage> {
  const manager = options.db instanceof DataSource ? options.db.manager : options.db;
  const today = localDayOf(options.now.getTime(), options.timeZone ?? DEFAULT_TIME_ZONE);
  const thisYear = Number(today.slice(0, 4));
  const checked = Number(today.slice(5, 7)) >= NEXT_YEAR_CHECK_MONTH ? [thisYear, thisYear + 1] : [thisYear];
  const rows = (await manager.query(
    `SELECT extract(year FROM day)::int AS year, count(*)::int AS days
       FROM platform_calendar_override
      WHERE day BETWEEN $1::date AND $2::date
      GROUP BY 1`,
    [`${checked[0]}-01-01`, `${checked[checked.length - 1]}-12-31`],
  )) as Array<{ year: number; days: number }>;
  const years = checked.map((year): YearCoverage => {
    const official = chinaCalendarCovers(year);
    const overrideDays = rows.find((row) => row.year === year)?.days ?? 0;
    return { year, official, overrideDays, covered: official || overrideDays > 0 };
  });
  return { today, years, missingYears: years.filter((year) => !year.covered).map((year) => year.year) };
}

/**
 * Logs a warning for each year `calendarCoverage` finds missing, saying what an operator should do;
 * the gateway calls it at start. Resolves to the coverage it checked.
 */
export async function warnAboutCalendarGaps(options: { db: DataSource | EntityManager; now: Date; log: Logger }): Promise<CalendarCoverage> {
  const coverage = await calendarCoverage(options);
  for (const year of coverage.missingYears) {
    options.log.warn(
      { calendarYear: year, today: coverage.today },
      `working calendar: no holiday data for ${year} (chinese-days has none and no admin overrides exist), so deadlines in ${year} ` +
        `count every Monday–Friday as a working day. Enter the State Council's ${year} holidays and make-up working days in the ` +
        `supervisor app (Working calendar → Enter a year's schedule, admins), or upgrade chinese-days once a release covers ${year}.`,
    );
  }
  return coverage;
}
