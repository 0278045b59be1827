import { StatusBadge, Timeline, useFormat } from "@civicline/ui";
import type { TrackTicketQuery } from "../gql/graphql.ts";
import { usePortalT } from "../messages.ts";

export type PublicTicket = TrackTicketQuery["trackTicket"];

/** What a citizen may see about their request: status, topic, place, time and the public timeline. */
export function TrackResult({ ticket }: { ticket: PublicTicket }) {
  const t = usePortalT();
  const format = useFormat();
  const location = [ticket.district, ticket.township].filter((a) => a !== null).map(format.name).join(" · ");
  return (
    <section className="card" aria-labelledby="track-result-title" data-testid="track-result">
      <h2 id="track-result-title" tabIndex={-1}>
        {t("track.resultTitle", { number: ticket.trackingNumber })}
      </h2>
      <dl className="details">
        <dt>{t("track.status")}</dt>
        <dd>
          <StatusBadge status={ticket.status} />
        </dd>
        <dt>{t("track.requestType")}</dt>
        <dd>{format.requestType(ticket.requestType)}</dd>
        <dt>{t("track.category")}</dt>
        <dd>{format.name(ticket.category)}</dd>
        <dt>{t("track.location")}</dt>
        <dd>{location}</dd>
        <dt>{t("track.receivedAt")}</dt>
        <dd>
          <time dateTime={ticket.receivedAt}>{format.dateTime(ticket.receivedAt)}</time>
        </dd>
      </dl>
      <h3>{t("track.progress")}</h3>
      <Timeline
        label={t("track.progress")}
        items={ticket.timeline.map((entry, index) => ({ id: `${index}-${entry.at}`, at: entry.at, status: entry.status }))}
      />
    </section>
  );
}
