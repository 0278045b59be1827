import { DISPLAY_TIME_ZONE } from "../i18n/format.ts";

const dayFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: DISPLAY_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar day (YYYY-MM-DD) in Beijing time: policy dates in the contract are such days. */
export function shanghaiDay(at: Date = new Date()): string {
  return dayFormat.format(at);
}

/** Whether `value` is a real calendar day written YYYY-MM-DD. */
export function isIsoDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Midnight at the start of a Beijing calendar day, as an ISO timestamp. */
export function startOfShanghaiDay(day: string): string {
  return new Date(`${day}T00:00:00+08:00`).toISOString();
}

/** `day` plus `days` calendar days (YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** First and last day (inclusive) of the month containing `day`. */
export function monthOf(day: string): { first: string; last: string } {
  const first = `${day.slice(0, 7)}-01`;
  const next = new Date(`${first}T00:00:00Z`);
  next.setUTCMonth(next.getUTCMonth() + 1);
  return { first, last: addDays(next.toISOString().slice(0, 10), -1) };
}

/** Whether an article's dates put it in force on `today` (ignores its status). */
export function forceState(
  article: { inForce: boolean; effectiveFrom: string; expiresOn: string | null; status?: string },
  today: string = shanghaiDay(),
): "inForce" | "notYet" | "lapsed" | null {
  if (article.inForce) {
    return "inForce";
  }
  if (article.status === "EXPIRED" || (article.expiresOn !== null && article.expiresOn < today)) {
    return "lapsed";
  }
  if (article.effectiveFrom > today && (article.status === undefined || article.status === "PUBLISHED")) {
    return "notYet";
  }
  return null;
}
