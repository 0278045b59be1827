import { useLanguage } from "@civicline/ui";

/** Scores to two decimals, rates as percentages, durations as minutes and seconds, in the UI language. */
export function useQaNumbers() {
  const { language } = useLanguage();
  const locale = language === "en" ? "en-US" : "zh-CN";
  const score = (value: number | null | undefined) => (value === null || value === undefined ? "—" : value.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
  const rate = (value: number | null | undefined) => (value === null || value === undefined ? "—" : value.toLocaleString(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }));
  const change = (value: number | null | undefined) => (value === null || value === undefined ? "—" : `${value > 0 ? "+" : value < 0 ? "−" : "±"}${score(Math.abs(value))}`);
  const duration = (seconds: number | null | undefined) => {
    if (seconds === null || seconds === undefined) {
      return "—";
    }
    const whole = Math.round(seconds);
    const minutes = Math.floor(whole / 60);
    const rest = whole % 60;
    return language === "en" ? `${minutes} min ${rest} s` : `${minutes} 分 ${rest} 秒`;
  };
  return { score, rate, change, duration };
}
