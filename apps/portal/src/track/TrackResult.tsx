import { AttachmentThumbnails, Button, EmptyState, StatusBadge, useFormat, useLanguage } from "@civicline/ui";
import type { Ref } from "react";
import type { RatingFieldsFragment, TrackTicketQuery } from "../gql/graphql.ts";
import { usePortalT, type PortalMessageKey } from "../messages.ts";
import { RequestUpdates } from "../updates/RequestUpdates.tsx";
import { PublicTimeline } from "./PublicTimeline.tsx";
import { RatingForm } from "./RatingForm.tsx";
import { StatusSteps } from "./StatusSteps.tsx";
import { useTrackedFiles, type TrackedFileFetcher } from "./useTrackedFiles.ts";

export type PublicTicket = TrackTicketQuery["trackTicket"];

/** The rating already given (online or on the phone). */
function RatingView({ rating }: { rating: RatingFieldsFragment }) {
  const t = usePortalT();
  const format = useFormat();
  return (
    <section className="rating-given" aria-labelledby="rating-given-title" data-testid="rating-given">
      <h3 id="rating-given-title">{t("rating.given")}</h3>
      <dl className="details">
        <dt>{t("rating.resolution")}</dt>
        <dd>{t(`rating.resolution.${rating.resolution}` as PortalMessageKey)}</dd>
        <dt>{t("rating.result")}</dt>
        <dd>{t(`rating.${rating.resultSatisfaction}` as PortalMessageKey)}</dd>
        <dt>{t("rating.process")}</dt>
        <dd>{t(`rating.${rating.processSatisfaction}` as PortalMessageKey)}</dd>
        {rating.comment ? (
          <>
            <dt>{t("rating.comment")}</dt>
            <dd className="pre-wrap">{rating.comment}</dd>
          </>
        ) : null}
      </dl>
      <p className="form__note">{t(`rating.channel.${rating.channel}` as PortalMessageKey, { time: format.dateTime(rating.ratedAt) })}</p>
    </section>
  );
}

export type TrackResultProps = {
  ticket: PublicTicket;
  accessToken: string;
  /** After an online rating was sent: the rating the server stored, to show at once. */
  onRated: (rating: RatingFieldsFragment | null) => void;
  justRated?: boolean;
  headingRef?: Ref<HTMLHeadingElement>;
  /** Reloads the request (new steps, a reply) with the same access. */
  onRefresh?: () => void;
  refreshing?: boolean;
  /** Reads the reply's files with the access token (tests pass their own). */
  fileFetcher?: TrackedFileFetcher;
};

/**
 * What a citizen may see about their request: the steps it has gone through, topic, place, their
 * own words, the office's public reply, and the rating (a form while it may be rated).
 */
export function TrackResult({ ticket, accessToken, onRated, justRated, headingRef, onRefresh, refreshing = false, fileFetcher }: TrackResultProps) {
  const t = usePortalT();
  const format = useFormat();
  const { language } = useLanguage();
  const location = [ticket.district, ticket.township].filter((a) => a !== null).map(format.name).join(" · ");
  const reply = ticket.reply;
  const replyFiles = useTrackedFiles(reply?.attachments ?? [], accessToken, fileFetcher);
  return (
    <section className="card" aria-labelledby="track-result-title" data-testid="track-result">
      <h2 id="track-result-title" ref={headingRef} tabIndex={-1}>
        {t("track.resultTitle", { number: ticket.trackingNumber })}
      </h2>
      {onRefresh ? (
        <div className="button-row">
          <Button variant="secondary" onClick={onRefresh} busy={refreshing} data-testid="track-refresh">
            {refreshing ? t("track.refreshing") : t("track.refresh")}
          </Button>
        </div>
      ) : null}
      <StatusSteps status={ticket.status} />
      {ticket.status === "MERGED" ? <p className="form__note">{t("track.merged")}</p> : null}
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
        <dt>{t("track.address")}</dt>
        <dd>{ticket.address}</dd>
        <dt>{t("track.receivedAt")}</dt>
        <dd>
          <time dateTime={ticket.receivedAt}>{format.dateTime(ticket.receivedAt)}</time>
        </dd>
      </dl>
      <h3>{t("track.description")}</h3>
      <p className="pre-wrap">{ticket.description}</p>

      <section className="reply" aria-labelledby="track-reply-title" data-testid="track-reply">
        <h3 id="track-reply-title">{t("track.reply")}</h3>
        {reply ? (
          <>
            <p className="reply__by">
              {t("track.reply.by", {
                unit: language === "en" ? reply.unitNameEn || reply.unitNameZh : reply.unitNameZh,
                time: format.dateTime(reply.repliedAt),
              })}
            </p>
            <p className="pre-wrap reply__text">{reply.text}</p>
            <AttachmentThumbnails files={replyFiles} label={t("track.reply.photos")} />
          </>
        ) : (
          <EmptyState title={t("track.reply.none")}>{t("track.reply.noneBody")}</EmptyState>
        )}
      </section>

      {justRated ? (
        <p role="status" className="alert alert--success" data-testid="rating-thanks">
          {t("rating.thanks")}
        </p>
      ) : null}
      {ticket.rating ? <RatingView rating={ticket.rating} /> : ticket.canRate ? <RatingForm accessToken={accessToken} onRated={onRated} /> : null}

      <RequestUpdates trackingNumber={ticket.trackingNumber} status={ticket.status} accessToken={accessToken} />

      <h3 className="track-history">{t("track.history")}</h3>
      <PublicTimeline ticket={ticket} />
    </section>
  );
}
