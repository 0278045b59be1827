import { addDays } from "../week.ts";
import { shanghaiDay, shanghaiInstant, shanghaiTime } from "../shanghai.ts";

export type ShiftLike = { id: string; seatCode: string; startsAt: string; endsAt: string; callTaker: { id: string } };

/** A person's shifts that start on `day` (Asia/Shanghai), earliest first. */
export function shiftsOn<T extends ShiftLike>(shifts: readonly T[], personId: string, day: string): T[] {
  return shifts.filter((shift) => shift.callTaker.id === personId && shanghaiDay(shift.startsAt) === day).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** "08:00–16:00"; an evening shift to midnight ends at "24:00"; "(+1)" when it ends the next morning. */
export function shiftHours(shift: Pick<ShiftLike, "startsAt" | "endsAt">): string {
  const start = shanghaiTime(shift.startsAt);
  const end = shanghaiTime(shift.endsAt);
  const nextDay = shanghaiDay(shift.endsAt) !== shanghaiDay(shift.startsAt);
  if (nextDay && end === "00:00") {
    return `${start}–24:00`;
  }
  return `${start}–${end}${nextDay ? " (+1)" : ""}`;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isTime(value: string): boolean {
  return TIME.test(value);
}

/**
 * The instants of a shift entered as a day and two wall times: an end at or before the start
 * ends the next day (a night shift 22:00–06:00).
 */
export function shiftInstants(day: string, start: string, end: string): { startsAt: string; endsAt: string } {
  const endDay = end <= start ? addDays(day, 1) : day;
  return { startsAt: shanghaiInstant(day, start), endsAt: shanghaiInstant(endDay, end) };
}
