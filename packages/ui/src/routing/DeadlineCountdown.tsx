import { useEffect, useState } from "react";
import { useFormat } from "../i18n/I18nProvider.tsx";
import { describeDeadline, type DeadlineInput } from "./deadline.ts";
import { useRoutingT } from "./i18n.ts";

const TICK_MS = 30_000;

/** The current time, refreshed every 30 seconds (or the fixed `now` given, for tests and snapshots). */
export function useNow(fixed?: Date): Date {
  const [now, setNow] = useState(() => fixed ?? new Date());
  useEffect(() => {
    if (fixed) {
      return;
    }
    const timer = window.setInterval(() => setNow(new Date()), TICK_MS);
    return () => window.clearInterval(timer);
  }, [fixed]);
  return fixed ?? now;
}

export type DeadlineCountdownProps = DeadlineInput & {
  /** Fixes the clock (tests); otherwise the text follows the time. */
  now?: Date;
  testId?: string;
};

const ICONS = { "on-time": null, none: null, "near-due": "⏰", overdue: "⚠" } as const;

/**
 * Time left to a deadline ("2 h 15 min left (working time)") or how late it is ("Overdue by 1 day").
 * Near-due and overdue show as a warning or danger badge; the words carry the state, colour only helps.
 * Hovering shows the deadline itself.
 */
export function DeadlineCountdown({ now: fixed, testId, ...deadline }: DeadlineCountdownProps) {
  const t = useRoutingT();
  const format = useFormat();
  const now = useNow(fixed);
  const { text, tone } = describeDeadline(deadline, t, now);
  const icon = ICONS[tone];
  return (
    <span
      className={`deadline deadline--${tone}`}
      data-state={deadline.state}
      data-testid={testId}
      title={deadline.dueAt ? t("rt.deadline.dueAt", { at: format.dateTime(deadline.dueAt) }) : undefined}
    >
      {icon ? (
        <span className="deadline__icon" aria-hidden="true">
          {icon}
        </span>
      ) : null}
      {text}
    </span>
  );
}
