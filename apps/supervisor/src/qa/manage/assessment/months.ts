import { previousMonth } from "../week.ts";

/** The last `count` months up to `today`'s, newest first ("2026-12", "2026-11", …). */
export function recentMonths(today: string, count = 13): string[] {
  const months = [today.slice(0, 7)];
  while (months.length < count) {
    months.push(previousMonth(months[months.length - 1]!));
  }
  return months;
}
