import { useFormat, useT } from "../i18n/I18nProvider.tsx";

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
