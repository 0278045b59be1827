import { AttachmentThumbnails, formatWorkingDays, useFormat } from "@civicline/ui";
import type { ReactNode } from "react";
import type { AssignmentDetailFragment } from "../gql/graphql.ts";
import { useWorkbenchT } from "./messages.ts";

type Entry = { key: string; at: string | null; title: string; who: string; body?: ReactNode; tag?: ReactNode; attachments?: ReactNode };

/**
 * Everything units did on the ticket, oldest first: progress notes (internal or public), assisting
 * units' input (or that it is awaited), returns, the extension request and the reply.
 */
export function ProgressTimeline({ assignment }: { assignment: AssignmentDetailFragment }) {
  const t = useWorkbenchT();
  const format = useFormat();
  const unitName = (unit: { nameZh: string; nameEn?: string | null } | null | undefined) => (unit ? format.name(unit) : "");
  const entries: Entry[] = [
    ...assignment.notes.map((note) => ({
      key: `note-${note.id}`,
      at: note.at,
      title: t("wb.event.note"),
      who: [note.author, unitName(note.unit)].filter(Boolean).join(" · "),
      body: note.text,
      tag: <span className={note.visibility === "PUBLIC" ? "badge badge--new" : "badge badge--muted"}>{t(`rt.NoteVisibility.${note.visibility}`)}</span>,
    })),
    ...assignment.assists.map((assist) => ({
      key: `assist-${assist.unit.id}`,
      at: assist.at,
      title: assist.text ? t("wb.event.assist") : t("wb.event.assistWaiting"),
      who: unitName(assist.unit),
      body: assist.text ?? undefined,
    })),
    ...assignment.returns.map((entry) => ({
      key: `return-${entry.id}`,
      at: entry.at,
      title: t("wb.event.return", { reason: t(`rt.ReturnReason.${entry.reason}`) }),
      who: unitName(entry.unit),
      body: [entry.text, entry.decisionNote].filter(Boolean).join(" — "),
      tag: <span className="badge badge--warning">{t(`rt.ReturnStatus.${entry.status}`)}</span>,
    })),
    ...(assignment.extension
      ? [
          {
            key: `extension-${assignment.extension.id}`,
            at: assignment.extension.requestedAt,
            title: t("wb.event.extension", { days: formatWorkingDays(assignment.extension.workingDays, t) }),
            who: unitName(assignment.leadUnit),
            body: assignment.extension.reason,
            tag: <span className="badge badge--muted">{t(`rt.ExtensionStatus.${assignment.extension.status}`)}</span>,
          },
        ]
      : []),
    ...(assignment.reply
      ? [
          {
            key: "reply",
            at: assignment.reply.at,
            title: t("wb.event.reply", { outcome: t(`rt.ReplyOutcome.${assignment.reply.outcome}`) }),
            who: [assignment.reply.author, unitName(assignment.reply.unit)].filter(Boolean).join(" · "),
            body: assignment.reply.text,
            attachments: (
              <AttachmentThumbnails
                label={t("wb.reply.attachments")}
                files={assignment.reply.attachments.map((file) => ({ id: file.id, filename: file.filename, contentType: file.contentType, src: file.url || `/files/${file.id}` }))}
              />
            ),
          },
        ]
      : []),
  ];
  // Awaited input (no time yet) goes last.
  const sorted = entries.sort((a, b) => (a.at ? Date.parse(a.at) : Number.POSITIVE_INFINITY) - (b.at ? Date.parse(b.at) : Number.POSITIVE_INFINITY));
  if (sorted.length === 0) {
    return <p className="timeline-empty">{t("wb.event.empty")}</p>;
  }
  return (
    <ol className="timeline" data-testid="progress-timeline" aria-label={t("wb.detail.progress")}>
      {sorted.map((entry) => (
        <li key={entry.key} className="timeline__item" data-testid="progress-entry">
          <span className="timeline__status">{entry.title}</span>
          {entry.tag}
          {entry.at ? (
            <time className="timeline__time" dateTime={entry.at}>
              {format.dateTime(entry.at)}
            </time>
          ) : null}
          {entry.who ? <span className="timeline__actor">{entry.who}</span> : null}
          {entry.body ? <p className="timeline__note">{entry.body}</p> : null}
          {entry.attachments}
        </li>
      ))}
    </ol>
  );
}
