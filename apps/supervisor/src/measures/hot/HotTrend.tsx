import { useFormat } from "@civicline/ui";
import type { HotIssueItem } from "./hot-format.ts";
import { useHotT } from "./messages.ts";
import "./hot.css";

/**
 * The 8 weekly counts and the window's as small bars (decorative), with the same numbers as text
 * for screen readers (the text is the accessible name).
 */
export function HotTrend({ trend }: { trend: HotIssueItem["trend"] }) {
  const t = useHotT();
  const format = useFormat();
  const max = Math.max(1, ...trend.map((point) => point.count));
  const weeks = trend.filter((point) => !point.current).map((point) => point.count);
  const current = trend.find((point) => point.current)?.count ?? 0;
  const label = t("hot.trend.label", { weeks: weeks.join(", "), current });
  return (
    <span className="hot-trend" role="img" aria-label={label} data-testid="hot-trend">
      {trend.map((point) => (
        <span
          key={String(point.start)}
          className={point.current ? "hot-trend__bar hot-trend__bar--current" : "hot-trend__bar"}
          style={{ height: `${Math.max(2, Math.round((point.count / max) * 28))}px` }}
          title={`${point.current ? t("hot.trend.window") : t("hot.trend.week", { date: format.date(point.start as string) })}: ${point.count}`}
        />
      ))}
    </span>
  );
}
