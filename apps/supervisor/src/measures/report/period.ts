/** Period presets of the report form, computed on Asia/Shanghai days (UTC+8 all year). */
export type PeriodPreset = "lastMonth" | "thisMonth" | "lastQuarter" | "thisYear" | "custom";
export const PERIOD_PRESETS: readonly PeriodPreset[] = ["lastMonth", "thisMonth", "lastQuarter", "thisYear", "custom"];

const pad = (n: number) => String(n).padStart(2, "0");
const day = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
/** Days in month `m` (1–12) of year `y`. */
const monthDays = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Today in Asia/Shanghai as YYYY-MM-DD. */
export function shanghaiToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The first and last day of a preset around `today`; null for custom. */
export function presetRange(preset: PeriodPreset, today: string): { from: string; to: string } | null {
  const [y, m] = today.split("-").map(Number) as [number, number];
  switch (preset) {
    case "thisMonth":
      return { from: day(y, m, 1), to: today };
    case "lastMonth": {
      const [ly, lm] = m === 1 ? [y - 1, 12] : [y, m - 1];
      return { from: day(ly, lm, 1), to: day(ly, lm, monthDays(ly, lm)) };
    }
    case "lastQuarter": {
      const quarter = Math.floor((m - 1) / 3);
      const [qy, q] = quarter === 0 ? [y - 1, 3] : [y, quarter - 1];
      const first = q * 3 + 1;
      return { from: day(qy, first, 1), to: day(qy, first + 2, monthDays(qy, first + 2)) };
    }
    case "thisYear":
      return { from: day(y, 1, 1), to: today };
    case "custom":
      return null;
  }
}
