import type { Translate } from "../i18n/I18nProvider.tsx";
import type { RoutingMessageKey } from "./messages.ts";

/** Mirror of the schema's DeadlineState. */
export type DeadlineState = "ON_TIME" | "NEAR_DUE" | "OVERDUE";

export type DeadlineInput = {
  /** The deadline instant (ISO), when there is one. */
  dueAt: string | null | undefined;
  /** The server's judgement; it knows the working calendar, so it decides the tone. */
  state: DeadlineState | string;
  /** Working minutes left as the server computed them (negative when overdue). */
  workingMinutesLeft?: number | null;
};

export type DeadlineDescription = { text: string; tone: "on-time" | "near-due" | "overdue" | "none" };

type T = Translate<RoutingMessageKey>;

const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;

function days(n: number, t: T): string {
  return t(n === 1 ? "rt.duration.days.one" : "rt.duration.days.other", { days: n });
}

/** "2 h 15 min", "45 min", "3 h" — working time has no days here: their length depends on office hours. */
export function formatMinutes(total: number, t: T): string {
  const minutes = Math.max(0, Math.floor(total));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) {
    return t("rt.duration.minutes", { minutes: rest });
  }
  const h = t("rt.duration.hours", { hours });
  return rest === 0 ? h : `${h} ${t("rt.duration.minutes", { minutes: rest })}`;
}

/** Calendar time: whole days (and hours, unless `daysOnly`) from one day up, else hours and minutes. */
export function formatCalendarSpan(ms: number, t: T, daysOnly = false): string {
  const minutes = Math.max(0, Math.floor(ms / MINUTE_MS));
  if (minutes < DAY_MINUTES) {
    return formatMinutes(minutes, t);
  }
  const whole = Math.floor(minutes / DAY_MINUTES);
  const hours = Math.floor((minutes % DAY_MINUTES) / 60);
  return daysOnly || hours === 0 ? days(whole, t) : `${days(whole, t)} ${t("rt.duration.hours", { hours })}`;
}

/**
 * The words for a deadline. Time left is the server's working time when given (it alone knows the
 * calendar), else calendar time to `dueAt`; overdue is counted in calendar time since `dueAt`, the way
 * people say "overdue by 2 days".
 */
export function describeDeadline({ dueAt, state, workingMinutesLeft }: DeadlineInput, t: T, now: Date): DeadlineDescription {
  const due = dueAt ? Date.parse(dueAt) : Number.NaN;
  const hasDue = !Number.isNaN(due);
  if (state === "OVERDUE") {
    const late = hasDue ? now.getTime() - due : 0;
    if (late >= MINUTE_MS) {
      return { tone: "overdue", text: t("rt.deadline.overdueBy", { duration: formatCalendarSpan(late, t, late >= DAY_MINUTES * MINUTE_MS) }) };
    }
    return { tone: "overdue", text: t("rt.deadline.overdue") };
  }
  let left: string;
  if (typeof workingMinutesLeft === "number") {
    left = t("rt.deadline.left.working", { duration: formatMinutes(workingMinutesLeft, t) });
  } else if (hasDue) {
    left = t("rt.deadline.left.calendar", { duration: formatCalendarSpan(due - now.getTime(), t) });
  } else {
    return { tone: "none", text: t("rt.deadline.none") };
  }
  if (state === "NEAR_DUE") {
    return { tone: "near-due", text: t("rt.deadline.nearDue", { text: left }) };
  }
  return { tone: "on-time", text: left };
}

/** "3 working days" / "3 个工作日". */
export function formatWorkingDays(days: number, t: T): string {
  return t(days === 1 ? "rt.workingDays.one" : "rt.workingDays.other", { days });
}
