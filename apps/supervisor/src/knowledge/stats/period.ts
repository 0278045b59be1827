import { addDays, monthOf, shanghaiDay, startOfShanghaiDay } from "@civicline/ui";

export type PeriodPreset = "thisMonth" | "lastMonth" | "thisYear" | "custom";
export const PERIOD_PRESETS: readonly PeriodPreset[] = ["thisMonth", "lastMonth", "thisYear", "custom"];

/** A period as Beijing calendar days, both ends included. */
export type Period = { preset: PeriodPreset; from: string; to: string };

/** The days of a preset period around `today` (Beijing); "custom" starts as this month. */
export function presetPeriod(preset: PeriodPreset, today: string = shanghaiDay()): Period {
  if (preset === "lastMonth") {
    const { first } = monthOf(today);
    const last = monthOf(addDays(first, -1));
    return { preset, from: last.first, to: last.last };
  }
  if (preset === "thisYear") {
    return { preset, from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` };
  }
  const { first, last } = monthOf(today);
  return { preset, from: first, to: last };
}

/**
 * `knowledgeStats(from, to)` arguments: from the start of the first day to the start of the day after
 * the last (half-open, Beijing midnight), so a month is counted exactly once.
 */
export function statsVariables(period: Pick<Period, "from" | "to">): { from: string; to: string } {
  return { from: startOfShanghaiDay(period.from), to: startOfShanghaiDay(addDays(period.to, 1)) };
}
