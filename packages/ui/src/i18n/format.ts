import type { Language } from "./languages.ts";

/** The hotline's clock: every time is shown in China Standard Time, wherever the browser is. */
export const DISPLAY_TIME_ZONE = "Asia/Shanghai";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: Language, withTime: boolean): Intl.DateTimeFormat {
  const key = `${language}|${withTime}`;
  let fmt = formatters.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(language, {
      timeZone: DISPLAY_TIME_ZONE,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      ...(withTime ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } : {}),
    });
    formatters.set(key, fmt);
  }
  return fmt;
}

/** Formats an ISO timestamp in Asia/Shanghai; an unparsable value is returned unchanged. */
export function formatDateTime(iso: string, language: Language, withTime = true): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return formatter(language, withTime).format(date);
}

/** Something with a Chinese name and an optional English one (categories, areas). */
export type Named = { nameZh: string; nameEn?: string | null };

/** The name in the UI language; English falls back to the Chinese name when none is set. */
export function localizedName(item: Named, language: Language): string {
  if (language === "en" && item.nameEn) {
    return item.nameEn;
  }
  return item.nameZh;
}
