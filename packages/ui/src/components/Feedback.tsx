import type { ReactNode } from "react";
import { useFormat, useT } from "../i18n/I18nProvider.tsx";

export type EmptyStateProps = {
  title: ReactNode;
  /** What the user can do next, in a sentence. */
  children?: ReactNode;
  action?: ReactNode;
  testId?: string;
};

/** Says that there is nothing here and what to do about it. */
export function EmptyState({ title, children, action, testId }: EmptyStateProps) {
  return (
    <div className="empty-state" data-testid={testId}>
      <p className="empty-state__title">{title}</p>
      {children ? <p className="empty-state__body">{children}</p> : null}
      {action ? <div className="empty-state__action">{action}</div> : null}
    </div>
  );
}

export type AlertProps = { tone?: "error" | "info" | "success"; children: ReactNode; testId?: string };

/** Errors are announced assertively (role=alert); other tones politely (role=status). */
export function Alert({ tone = "error", children, testId }: AlertProps) {
  return (
    <div className={`alert alert--${tone}`} role={tone === "error" ? "alert" : "status"} data-testid={testId}>
      {children}
    </div>
  );
}

export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <p className="loading" role="status">
      {label ?? t("common.loading")}
    </p>
  );
}

const STATUS_TONES: Record<string, string> = {
  RECEIVED: "new",
  AWAITING_DISPATCH: "new",
  DISPATCHED: "active",
  SIGNED_FOR: "active",
  IN_PROGRESS: "active",
  REPLIED: "waiting",
  CLOSED_DIRECT: "done",
  CLOSED: "done",
  MERGED: "muted",
};

/** A ticket status as a coloured label; the text carries the meaning, colour only helps. */
export function StatusBadge({ status }: { status: string }) {
  const format = useFormat();
  return (
    <span className={`badge badge--${STATUS_TONES[status] ?? "muted"}`} data-status={status}>
      {format.status(status)}
    </span>
  );
}

const URGENCY_TONES: Record<string, string> = { NORMAL: "muted", URGENT: "warning", EMERGENCY: "danger" };

export function UrgencyBadge({ urgency }: { urgency: string }) {
  const format = useFormat();
  return (
    <span className={`badge badge--${URGENCY_TONES[urgency] ?? "muted"}`} data-urgency={urgency}>
      {format.urgency(urgency)}
    </span>
  );
}

export type TimelineItem = {
  id: string;
  at: string;
  status: string;
  /** The history kind; other than STATUS it is shown instead of the (unchanged) status. */
  kind?: string | null;
  /** Who did it (staff views only). */
  actor?: string | null;
  note?: string | null;
};

/** Status history, oldest first, each step with its time in Beijing time. */
export function Timeline({ items, label }: { items: readonly TimelineItem[]; label?: string }) {
  const t = useT();
  const format = useFormat();
  if (items.length === 0) {
    return <p className="timeline-empty">{t("timeline.empty")}</p>;
  }
  const sorted = [...items].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return (
    <ol className="timeline" data-testid="timeline" aria-label={label ?? t("timeline.label")}>
      {sorted.map((item) => (
        <li key={item.id} className="timeline__item">
          <span className="timeline__status">
            {item.kind && item.kind !== "STATUS" ? format.enumValue("TicketHistoryKind", item.kind) : format.status(item.status)}
          </span>
          <time className="timeline__time" dateTime={item.at}>
            {format.dateTime(item.at)}
          </time>
          {item.actor ? <span className="timeline__actor">{item.actor}</span> : null}
          {item.note ? <p className="timeline__note">{item.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
