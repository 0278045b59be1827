import type { Language } from "@civicline/ui";

/** Numbers per locale (12,345 in both; 十万 is not used on a dashboard). */
export function formatCount(value: number, language: Language): string {
  return new Intl.NumberFormat(language).format(value);
}

/** A share as a percentage with up to 2 decimals (98.17 %, 98.17%); "–" when there is none. */
export function formatRate(rate: number | null | undefined, language: Language): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) {
    return "–";
  }
  return new Intl.NumberFormat(language, { style: "percent", minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(rate);
}

/** A duration in days with up to 2 decimals. */
export function formatDays(days: number | null | undefined, language: Language): string {
  if (days === null || days === undefined || Number.isNaN(days)) {
    return "–";
  }
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(days);
}

/** A change against the previous period as a signed number (counts) or signed percentage points (rates). */
export function formatChange(current: number | null, previous: number | null, language: Language, kind: "count" | "rate" | "days"): string | null {
  if (current === null || previous === null || Number.isNaN(current) || Number.isNaN(previous)) {
    return null;
  }
  const delta = current - previous;
  if (kind === "rate") {
    return new Intl.NumberFormat(language, { signDisplay: "exceptZero", maximumFractionDigits: 2 }).format(delta * 100);
  }
  return new Intl.NumberFormat(language, { signDisplay: "exceptZero", maximumFractionDigits: kind === "days" ? 2 : 0 }).format(delta);
}

/** A day (YYYY-MM-DD) for axis labels: 12-06 in Chinese, Dec 6 in English. */
export function formatShortDay(day: string, language: Language): string {
  const date = new Date(`${day}T12:00:00+08:00`);
  return new Intl.DateTimeFormat(language, { timeZone: "Asia/Shanghai", month: language === "en" ? "short" : "2-digit", day: "numeric" }).format(date);
}

/** A day in full (2026年12月6日, Dec 6, 2026). */
export function formatLongDay(day: string, language: Language): string {
  const date = new Date(`${day}T12:00:00+08:00`);
  return new Intl.DateTimeFormat(language, { timeZone: "Asia/Shanghai", year: "numeric", month: language === "en" ? "short" : "long", day: "numeric" }).format(date);
}
