/**
 * Civil days and wall-clock times in an IANA time zone, with nothing but `Intl`: the calendar engine
 * needs "08:30 on 2026-10-08 in Asia/Shanghai" as an instant, correct across daylight-saving changes.
 */

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, found);
  }
  return found;
}

/** Throws unless `timeZone` is an IANA zone name this runtime knows (e.g. Asia/Shanghai, America/New_York). */
export function assertTimeZone(timeZone: string): void {
  try {
    formatter(timeZone);
  } catch {
    throw new Error(`unknown time zone: ${timeZone}`);
  }
}

/** Whether `day` is a real calendar day written YYYY-MM-DD. */
export function isValidDay(day: string): boolean {
  const match = DAY_PATTERN.exec(day);
  if (!match) {
    return false;
  }
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === day;
}

/** Throws unless `day` is a real calendar day written YYYY-MM-DD. */
export function assertDay(day: string): void {
  if (!isValidDay(day)) {
    throw new Error(`not a YYYY-MM-DD day: ${day}`);
  }
}

/** The day `by` days after (or before) `day`. */
export function shiftDay(day: string, by: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + by * DAY_MS).toISOString().slice(0, 10);
}

/** Day of the week of a civil day: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** The offset by `Intl` (a formatToParts call: microseconds each, so its results are kept by the hour). */
function exactZoneOffsetMs(timeZone: string, instantMs: number): number {
  const whole = Math.floor(instantMs / 1000) * 1000;
  const parts = formatter(timeZone).formatToParts(new Date(whole));
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return asUtc - whole;
}

const HOUR_MS = 3_600_000;
const OFFSET_CACHE_LIMIT = 50_000;
/** Per zone: the offset at the start of each UTC hour asked about so far. */
const hourOffsets = new Map<string, Map<number, number>>();

function offsetAtHour(timeZone: string, hour: number): number {
  let hours = hourOffsets.get(timeZone);
  if (!hours) {
    hours = new Map();
    hourOffsets.set(timeZone, hours);
  }
  let offset = hours.get(hour);
  if (offset === undefined) {
    offset = exactZoneOffsetMs(timeZone, hour * HOUR_MS);
    if (hours.size >= OFFSET_CACHE_LIMIT) {
      hours.clear();
    }
    hours.set(hour, offset);
  }
  return offset;
}

/**
 * How far local time in `timeZone` is ahead of UTC at an instant, in milliseconds. Zones change
 * their offset at most once in an hour: when the offsets at the start of the instant's UTC hour and
 * of the next are equal, that is the offset all hour long (both kept in memory, so deadlines over a
 * page of tickets cost no `Intl` call per row); an hour with a change is asked of `Intl` itself.
 */
export function zoneOffsetMs(timeZone: string, instantMs: number): number {
  const hour = Math.floor(instantMs / HOUR_MS);
  const offset = offsetAtHour(timeZone, hour);
  return offset === offsetAtHour(timeZone, hour + 1) ? offset : exactZoneOffsetMs(timeZone, instantMs);
}

/** The civil day (YYYY-MM-DD) an instant falls on in `timeZone`. */
export function localDayOf(instantMs: number, timeZone: string): string {
  return new Date(instantMs + zoneOffsetMs(timeZone, instantMs)).toISOString().slice(0, 10);
}

/**
 * The instant at which the wall clock in `timeZone` shows `minuteOfDay` (0…1440) on `day`.
 * A time skipped by a spring-forward change maps to the same distance after the change; a time
 * repeated by a fall-back change maps to its first occurrence (Temporal's "compatible" choice).
 */
export function instantAt(day: string, minuteOfDay: number, timeZone: string): number {
  const local = Date.parse(`${day}T00:00:00Z`) + minuteOfDay * 60_000;
  const before = zoneOffsetMs(timeZone, local - DAY_MS);
  const after = zoneOffsetMs(timeZone, local + DAY_MS);
  const valid = [...new Set([before, after])]
    .map((offset) => local - offset)
    .filter((candidate) => candidate + zoneOffsetMs(timeZone, candidate) === local);
  if (valid.length === 0) {
    return local - before;
  }
  return Math.min(...valid);
}
