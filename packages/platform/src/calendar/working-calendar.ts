import { chinaDayRule, isWeekday } from "./china-holidays.js";
import { assertDay, assertTimeZone, instantAt, localDayOf } from "./zoned-time.js";

/** One stretch of business hours on a working day, wall-clock "HH:MM" in the calendar's zone. */
export type BusinessInterval = { start: string; end: string };

/**
 * Which days are working days before admin overrides: `china` follows the State Council calendar
 * from chinese-days (public holidays off, make-up weekend days on); `weekdays` is Monday–Friday,
 * for a 311 deployment whose holidays admins enter as overrides.
 */
export type HolidayRule = "china" | "weekdays";

/** An admin's decision about one day; it wins over the holiday rule. */
export type DayOverride = { day: string; working: boolean; note?: string | null };

/** How a calendar is built. Every field has a default suited to a Chinese city government. */
export type WorkingCalendarOptions = {
  /** IANA zone name; default Asia/Shanghai. */
  timeZone?: string;
  /** The same intervals apply to every working day; default 08:30–12:00 and 13:30–17:30. */
  businessHours?: readonly BusinessInterval[];
  /** Default `china`. */
  holidays?: HolidayRule;
  overrides?: Iterable<DayOverride>;
};

/**
 * Where a day's status comes from, so the UI can warn "calendar not maintained for this date":
 * `maintained` is false only when China's official data does not cover the year and no admin
 * override exists for the day.
 */
export type DayCoverage = {
  day: string;
  working: boolean;
  source: "override" | "official" | "weekday-rule";
  maintained: boolean;
  /** The override's note, or the holiday's name from the official data. */
  note: string | null;
};

/**
 * Office hours of Chinese government offices (the Shandong winter schedule, 7.5 hours): a ticket's
 * working-time limit only runs while the handling units are at work.
 */
export const DEFAULT_BUSINESS_HOURS: readonly BusinessInterval[] = [
  { start: "08:30", end: "12:00" },
  { start: "13:30", end: "17:30" },
];

/** The zone of a Chinese deployment (all of China keeps Beijing time, with no daylight saving). */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;
const CACHE_LIMIT = 20_000;
/** The longest span of days the running totals cover (about 55 years); longer spans are summed day by day. */
const MAX_TOTALS_DAYS = 20_000;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a civil day YYYY-MM-DD. */
function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

function dayOfNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function clockMinutes(clock: string): number {
  if (!CLOCK.test(clock)) {
    throw new Error(`business hours must be written HH:MM (00:00–24:00): ${clock}`);
  }
  const [hours, minutes] = clock.split(":");
  return Number(hours) * 60 + Number(minutes);
}

function parseBusinessHours(hours: readonly BusinessInterval[]): Array<[number, number]> {
  if (hours.length === 0) {
    throw new Error("business hours need at least one interval");
  }
  const parsed = hours.map((interval): [number, number] => [clockMinutes(interval.start), clockMinutes(interval.end)]);
  parsed.forEach(([start, end], index) => {
    if (end <= start) {
      throw new Error(`business interval ${hours[index]?.start}–${hours[index]?.end} ends before it starts`);
    }
    const previous = parsed[index - 1];
    if (previous && start < previous[1]) {
      throw new Error("business intervals must be in order and must not overlap");
    }
  });
  return parsed;
}

/**
 * A working-time calendar: time zone, business hours, working days (official data + overrides).
 * Pure once built: no I/O, so deadlines can be computed anywhere (see `loadWorkingCalendar` for
 * the one built from the database). Days' intervals are cached as absolute instants.
 */
export class WorkingCalendar {
  readonly timeZone: string;
  readonly businessHours: readonly BusinessInterval[];
  readonly holidays: HolidayRule;
  /** Nominal length of a working day in minutes (450 with the default hours). */
  readonly workingDayMinutes: number;
  private readonly minutes: Array<[number, number]>;
  private readonly overrides: ReadonlyMap<string, DayOverride>;
  private readonly intervalCache = new Map<string, ReadonlyArray<readonly [number, number]>>();
  /** Running totals of working milliseconds: `sums[i]` is the total of the `i` days from day number `firstDay` on. */
  private runningTotals: { firstDay: number; sums: number[] } | null = null;

  constructor(options: WorkingCalendarOptions = {}) {
    this.timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
    assertTimeZone(this.timeZone);
    this.businessHours = [...(options.businessHours ?? DEFAULT_BUSINESS_HOURS)];
    this.minutes = parseBusinessHours(this.businessHours);
    this.workingDayMinutes = this.minutes.reduce((sum, [start, end]) => sum + end - start, 0);
    this.holidays = options.holidays ?? "china";
    const overrides = new Map<string, DayOverride>();
    for (const override of options.overrides ?? []) {
      assertDay(override.day);
      overrides.set(override.day, { ...override });
    }
    this.overrides = overrides;
  }

  /** A copy of this calendar with other overrides (same zone, hours and holiday rule). */
  withOverrides(overrides: Iterable<DayOverride>): WorkingCalendar {
    return new WorkingCalendar({ timeZone: this.timeZone, businessHours: this.businessHours, holidays: this.holidays, overrides });
  }

  /** The admin overrides this calendar was built with, by day. */
  listOverrides(): DayOverride[] {
    return [...this.overrides.values()].sort((a, b) => a.day.localeCompare(b.day));
  }

  /** Whether a civil day (YYYY-MM-DD) is a working day: override, else official data, else Mon–Fri. */
  isWorkingDay(day: string): boolean {
    return this.coverage(day).working;
  }

  /** Where the status of a day comes from, and whether anyone maintains it. */
  coverage(day: string): DayCoverage {
    assertDay(day);
    const override = this.overrides.get(day);
    if (override) {
      return { day, working: override.working, source: "override", maintained: true, note: override.note ?? null };
    }
    if (this.holidays === "weekdays") {
      return { day, working: isWeekday(day), source: "weekday-rule", maintained: true, note: null };
    }
    const rule = chinaDayRule(day);
    return rule.covered
      ? { day, working: rule.working, source: "official", maintained: true, note: rule.name }
      : { day, working: rule.working, source: "weekday-rule", maintained: false, note: null };
  }

  /** The civil day an instant falls on in this calendar's zone. */
  dayOf(at: Date | number): string {
    return localDayOf(typeof at === "number" ? at : at.getTime(), this.timeZone);
  }

  /**
   * Working milliseconds of the whole days from `firstDay` up to (not including) `endDay`: the
   * difference of two running totals, kept per calendar and extended as needed, so a span of years
   * (minutes left on a ticket long overdue) costs two look-ups instead of a walk over every day.
   */
  workingMsOfDays(firstDay: string, endDay: string): number {
    const from = dayNumber(firstDay);
    const to = dayNumber(endDay);
    if (to <= from) {
      return 0;
    }
    if (to - from > MAX_TOTALS_DAYS) {
      let total = 0;
      for (let day = from; day < to; day++) {
        total += this.dayMs(day);
      }
      return total;
    }
    let totals = this.runningTotals;
    if (!totals || from < totals.firstDay || to >= totals.firstDay + totals.sums.length) {
      // (Re)build over the span asked for, joined with the one covered so far while the whole fits.
      let start = from;
      let end = to;
      if (totals) {
        const joinedStart = Math.min(from, totals.firstDay);
        const joinedEnd = Math.max(to, totals.firstDay + totals.sums.length - 1);
        if (joinedEnd - joinedStart <= MAX_TOTALS_DAYS) {
          start = joinedStart;
          end = joinedEnd;
        }
      }
      const sums = [0];
      for (let day = start; day < end; day++) {
        sums.push(sums[sums.length - 1]! + this.dayMs(day));
      }
      totals = { firstDay: start, sums };
      this.runningTotals = totals;
    }
    return totals.sums[to - totals.firstDay]! - totals.sums[from - totals.firstDay]!;
  }

  private dayMs(day: number): number {
    return this.workingIntervals(dayOfNumber(day)).reduce((sum, [start, end]) => sum + end - start, 0);
  }

  /** The working intervals of a day as [start, end) epoch milliseconds; empty on a day off. */
  workingIntervals(day: string): ReadonlyArray<readonly [number, number]> {
    let intervals = this.intervalCache.get(day);
    if (!intervals) {
      intervals = this.isWorkingDay(day)
        ? this.minutes.map(([start, end]) => [instantAt(day, start, this.timeZone), instantAt(day, end, this.timeZone)] as const)
        : [];
      if (this.intervalCache.size >= CACHE_LIMIT) {
        this.intervalCache.clear();
      }
      this.intervalCache.set(day, intervals);
    }
    return intervals;
  }
}
