import { AppLink, useFormat } from "@civicline/ui";
import type { QiLoggedTicketFieldsFragment } from "../../gql/graphql.ts";
import { useQaInspectT } from "./messages.ts";

/**
 * The ticket(s) logged during the call (tickets carry the call's id), as logged: the category chosen,
 * request type, status, description and address, the direct answer and the knowledge articles used —
 * what the inspector checks the call against while scoring. Each also opens the full ticket page.
 */
export function CallTickets({ tickets }: { tickets: readonly QiLoggedTicketFieldsFragment[] }) {
  const t = useQaInspectT();
  return (
    <section className="qa-panel qa-logged" aria-labelledby="qa-tickets-title" data-testid="qa-call-tickets">
      <h2 id="qa-tickets-title">{t("qi.ticket.title")}</h2>
      {tickets.length === 0 ? (
        <p className="qa-muted" data-testid="qa-no-ticket">
          {t("qi.ticket.none")}
        </p>
      ) : (
        tickets.map((ticket) => <LoggedTicket key={ticket.ticketId} ticket={ticket} />)
      )}
    </section>
  );
}

function LoggedTicket({ ticket }: { ticket: QiLoggedTicketFieldsFragment }) {
  const t = useQaInspectT();
  const format = useFormat();
  return (
    <article className="qa-logged__ticket" data-testid="qa-call-ticket" aria-label={ticket.trackingNumber}>
      <p className="qa-logged__head">
        <AppLink to={`tickets/${ticket.trackingNumber}`} target="_blank" rel="noopener" className="mono">
          {t("qi.ticket.open", { trackingNumber: ticket.trackingNumber })}
        </AppLink>{" "}
        <span className="qa-muted">{format.dateTime(ticket.receivedAt)}</span>
      </p>
      <dl className="details qa-logged__facts">
        <dt>{t("qi.ticket.category")}</dt>
        <dd data-testid="qa-ticket-category">{format.name({ nameZh: ticket.categoryName, nameEn: ticket.categoryNameEn })}</dd>
        <dt>{t("qi.ticket.type")}</dt>
        <dd data-testid="qa-ticket-type">{format.requestType(ticket.requestType)}</dd>
        <dt>{t("qi.ticket.status")}</dt>
        <dd data-testid="qa-ticket-status">{format.status(ticket.status)}</dd>
        <dt>{t("qi.ticket.address")}</dt>
        <dd data-testid="qa-ticket-address">{ticket.address || "—"}</dd>
        <dt>{t("qi.ticket.description")}</dt>
        <dd className="qa-pre" data-testid="qa-ticket-description">
          {ticket.description}
        </dd>
        {ticket.directAnswer ? (
          <>
            <dt>{t("qi.ticket.directAnswer")}</dt>
            <dd className="qa-pre" data-testid="qa-ticket-direct-answer">
              {ticket.directAnswer}
            </dd>
          </>
        ) : null}
        <dt>{t("qi.ticket.articles")}</dt>
        <dd data-testid="qa-ticket-articles">
          {ticket.articles.length === 0 ? (
            <span className="qa-muted">{t("qi.ticket.noArticles")}</span>
          ) : (
            <ul className="qa-plain-list">
              {ticket.articles.map((article) => (
                <li key={article.id} data-testid="qa-ticket-article">
                  {article.title ?? <span className="qa-muted">{t("qi.ticket.articleGone")}</span>}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </article>
  );
}
