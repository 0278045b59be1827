import type { Translate } from "@civicline/ui";
import type { ChasingMessageKey } from "./messages.ts";

/** "3 h", "2 d", "15 min": the wall-clock span between two instants, rounded down, for the board's rows. */
export function spanText(t: Translate<ChasingMessageKey>, ms: number): string {
  const minutes = Math.max(0, Math.floor(Math.abs(ms) / 60_000));
  if (minutes < 60) {
    return t("ch.duration.minutes", { n: minutes });
  }
  if (minutes < 48 * 60) {
    return t("ch.duration.hours", { n: Math.floor(minutes / 60) });
  }
  return t("ch.duration.days", { n: Math.floor(minutes / (24 * 60)) });
}

/** "5 h overdue" or "due in 40 min", from the stage's deadline and now. */
export function dueText(t: Translate<ChasingMessageKey>, dueAt: string, now: number): string {
  const ms = now - Date.parse(dueAt);
  return ms >= 0 ? t("ch.overdueBy", { time: spanText(t, ms) }) : t("ch.dueIn", { time: spanText(t, ms) });
}
