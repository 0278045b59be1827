/** Asia/Shanghai days as YYYY-MM-DD: China keeps UTC+8 all year. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Today's Asia/Shanghai day. */
export function shanghaiToday(now: Date = new Date()): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The first and last day of the month `offset` months from `today`'s (0 = this month, -1 = last month). */
export function monthRange(today: string, offset: number): { fromDay: string; toDay: string } {
  const [year, month] = today.split("-").map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - 1 + offset, 1));
  const last = new Date(Date.UTC(year, month + offset, 0));
  return { fromDay: first.toISOString().slice(0, 10), toDay: last.toISOString().slice(0, 10) };
}

/** This month, but ending today (the rest of the month has no figures yet). */
export function thisMonthSoFar(today: string): { fromDay: string; toDay: string } {
  return { fromDay: monthRange(today, 0).fromDay, toDay: today };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether [fromDay, toDay] is a usable range (both days, the last not before the first). */
export function validRange(fromDay: string, toDay: string): boolean {
  return DAY.test(fromDay) && DAY.test(toDay) && fromDay <= toDay;
}
