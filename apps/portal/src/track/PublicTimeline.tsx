import { useFormat, useLanguage } from "@civicline/ui";
import type { TrackTicketQuery } from "../gql/graphql.ts";
import { usePortalT } from "../messages.ts";

type Ticket = TrackTicketQuery["trackTicket"];
type Entry = { key: string; at: string; title: string; note?: string };

/**
 * The citizen's timeline, oldest first: the status steps and the progress notes the office marked
 * public (公开，诉求人可见), each note under the name of the unit that wrote it.
 */
export function PublicTimeline({ ticket }: { ticket: Pick<Ticket, "timeline" | "publicNotes"> }) {
  const t = usePortalT();
  const format = useFormat();
  const { language } = useLanguage();
  const entries: Entry[] = [
    ...ticket.timeline.map((step, index) => ({ key: `step-${index}`, at: step.at, title: format.status(step.status) })),
    ...ticket.publicNotes.map((note, index) => ({
      key: `note-${index}`,
      at: note.at,
      title: t("track.note.by", { unit: language === "en" ? note.unitNameEn || note.unitNameZh : note.unitNameZh }),
      note: note.text,
    })),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  if (entries.length === 0) {
    return <p className="timeline-empty">{t("track.reply.noneBody")}</p>;
  }
  return (
    <ol className="timeline" data-testid="timeline" aria-label={t("track.progress")}>
      {entries.map((entry) => (
        <li key={entry.key} className={entry.note ? "timeline__item timeline__item--note" : "timeline__item"} data-testid={entry.note ? "public-note" : undefined}>
          <span className="timeline__status">{entry.title}</span>
          <time className="timeline__time" dateTime={entry.at}>
            {format.dateTime(entry.at)}
          </time>
          {entry.note ? <p className="timeline__note pre-wrap">{entry.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
