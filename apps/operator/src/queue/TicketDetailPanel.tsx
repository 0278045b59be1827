import { useQuery } from "@apollo/client/react";
import { Alert, Button, HistoryTimeline, Loading, StatusBadge, TicketPageLink, UrgencyBadge, useErrorMessage, useFormat } from "@civicline/ui";
import { useEffect, useRef } from "react";
import { TicketDetailDocument } from "../gql/graphql.ts";
import { useOperatorT } from "../messages.ts";
import { TicketExtras } from "./TicketExtras.tsx";

/** Everything about one ticket plus its history. Escape or the close button closes it. */
export function TicketDetailPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useOperatorT();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const { data, loading, error } = useQuery(TicketDetailDocument, { variables: { id }, fetchPolicy: "cache-and-network" });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const ticket = data?.ticket;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        onClose();
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [onClose]);

  const hasTicket = Boolean(ticket);
  useEffect(() => {
    if (hasTicket) {
      headingRef.current?.focus();
    }
  }, [id, hasTicket]);

  return (
    <aside className="detail-panel card" role="dialog" aria-modal="false" aria-labelledby="ticket-detail-title" data-testid="ticket-detail">
      <div className="detail-panel__header">
        <h2 id="ticket-detail-title" ref={headingRef} tabIndex={-1}>
          {t("detail.title", { number: ticket?.trackingNumber ?? "" })}
        </h2>
        <Button variant="ghost" onClick={onClose} aria-label={t("detail.close")} data-testid="ticket-detail-close">
          ✕
        </Button>
      </div>
      {loading && !ticket ? <Loading /> : null}
      {error && !ticket ? <Alert>{`${t("detail.loadFailed")} ${errorMessage(error) ?? ""}`}</Alert> : null}
      {ticket ? <TicketPageLink trackingNumber={ticket.trackingNumber} /> : null}
      {ticket?.urgency === "EMERGENCY" ? (
        <p className="emergency-alert" role="alert">
          <strong>{t("detail.emergency")}</strong>
        </p>
      ) : null}
      {ticket ? (
        <>
          <dl className="details">
            <dt>{t("detail.status")}</dt>
            <dd>
              <StatusBadge status={ticket.status} />
            </dd>
            <dt>{t("detail.urgency")}</dt>
            <dd>
              <UrgencyBadge urgency={ticket.urgency} />
            </dd>
            <dt>{t("detail.requestType")}</dt>
            <dd>{format.requestType(ticket.requestType)}</dd>
            <dt>{t("detail.category")}</dt>
            <dd>{format.name(ticket.category)}</dd>
            <dt>{t("detail.channel")}</dt>
            <dd>{format.channel(ticket.channel)}</dd>
            <dt>{t("detail.receivedAt")}</dt>
            <dd>
              <time dateTime={ticket.receivedAt}>{format.dateTime(ticket.receivedAt)}</time>
            </dd>
            <dt>{t("detail.district")}</dt>
            <dd>{format.name(ticket.district)}</dd>
            <dt>{t("detail.township")}</dt>
            <dd>{ticket.township ? format.name(ticket.township) : t("detail.noTownship")}</dd>
            <dt>{t("detail.address")}</dt>
            <dd>{ticket.address}</dd>
            <dt>{t("detail.citizen")}</dt>
            <dd>{ticket.citizenName}</dd>
            <dt>{t("detail.phone")}</dt>
            <dd className="mono" data-testid="ticket-phone">
              {ticket.citizenPhone}
            </dd>
            <dt>{t("detail.privacy")}</dt>
            <dd data-testid="ticket-privacy">{t(`privacy.${ticket.privacy}`)}</dd>
          </dl>
          <h3>{t("detail.description")}</h3>
          <p className="detail-panel__description">{ticket.description}</p>
          <TicketExtras ticket={ticket} />
          <h3>{t("detail.history")}</h3>
          <HistoryTimeline label={t("detail.history")} entries={ticket.history} />
        </>
      ) : null}
    </aside>
  );
}
