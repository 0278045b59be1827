import { useLanguage } from "@civicline/ui";
import { useCallback } from "react";

/** A form's wording in the UI language: `label` is Chinese, `labelEn` English (Chinese when it has none). */
export function useQaLabel(): (item: { label: string; labelEn?: string | null }) => string {
  const { language } = useLanguage();
  return useCallback((item) => (language === "en" && item.labelEn ? item.labelEn : item.label), [language]);
}

/** Seconds as "m min s s". */
export function minutesSeconds(seconds: number): { minutes: number; seconds: number } {
  const whole = Math.max(0, Math.round(seconds));
  return { minutes: Math.floor(whole / 60), seconds: whole % 60 };
}
