import { useFormat, useLanguage } from "@civicline/ui";
import type { TicketDetailQuery } from "../gql/graphql.ts";
import { isChecklistKey } from "../call/emergency.ts";
import { useOperatorT } from "../messages.ts";

type Ticket = TicketDetailQuery["ticket"];

/** Where a stored file is downloaded. */
export function attachmentHref(attachment: { id: string; url: string }): string {
  return attachment.url || `/files/${encodeURIComponent(attachment.id)}`;
}

/** The intake details of a ticket: extra fields, files, links, co-reporters, hand-offs, the direct answer. */
export function TicketExtras({ ticket }: { ticket: Ticket }) {
  const t = useOperatorT();
  const format = useFormat();
  const { language } = useLanguage();
  const fieldLabel = (key: string) => {
    const field = ticket.category.fields.find((f) => f.key === key);
    return field ? (language === "en" ? field.labelEn || field.labelZh : field.labelZh) : key;
  };
  const checklist = (key: string) => (isChecklistKey(key) ? t(`emergency.check.${key}`) : key);
  return (
    <>
      {ticket.extraFields.length > 0 ? (
        <>
          <h3>{t("detail.extraFields")}</h3>
          <dl className="details" data-testid="ticket-extra-fields">
            {ticket.extraFields.map((entry) => (
              <div key={entry.key} className="details__pair">
                <dt>{fieldLabel(entry.key)}</dt>
                <dd>{entry.value}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
      {ticket.emergencyHandoffs.length > 0 ? (
        <>
          <h3>{t("detail.handoffs")}</h3>
          <ul className="plain-list detail-list" data-testid="ticket-handoffs">
            {ticket.emergencyHandoffs.map((handoff) => (
              <li key={`${handoff.service}-${handoff.handedOffAt}`}>
                <strong>{t(`emergency.service.${handoff.service}`)}</strong> · {t("detail.reference", { reference: handoff.reference })} ·{" "}
                <time dateTime={handoff.handedOffAt}>{format.dateTime(handoff.handedOffAt)}</time> · {handoff.handedOffBy}
                {handoff.checklist.length > 0 ? <p className="detail-list__note">{handoff.checklist.map(checklist).join("；")}</p> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {ticket.directAnswer !== null || ticket.answeredArticleIds.length > 0 ? (
        <>
          <h3>{t("detail.directAnswer")}</h3>
          {ticket.directAnswer ? <p className="detail-panel__description">{ticket.directAnswer}</p> : null}
          {ticket.answeredArticleIds.length > 0 ? (
            <p data-testid="ticket-articles">{t("detail.articles", { ids: ticket.answeredArticleIds.join(", ") })}</p>
          ) : null}
        </>
      ) : null}
      {ticket.attachments.length > 0 ? (
        <>
          <h3>{t("detail.attachments")}</h3>
          <ul className="plain-list detail-list" data-testid="ticket-attachments">
            {ticket.attachments.map((attachment) => (
              <li key={attachment.id}>
                <a href={attachmentHref(attachment)} target="_blank" rel="noreferrer">
                  {attachment.filename}
                </a>{" "}
                <span className="detail-list__meta">({Math.max(1, Math.round(attachment.size / 1024))} kB)</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {ticket.links.length > 0 ? (
        <>
          <h3>{t("detail.links")}</h3>
          <ul className="plain-list detail-list" data-testid="ticket-links">
            {ticket.links.map((link) => (
              <li key={`${link.kind}-${link.ticket.id}`}>
                {t(`detail.link.${link.kind}`)} <span className="mono">{link.ticket.trackingNumber}</span> ({format.status(link.ticket.status)})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {ticket.coReporters.length > 0 ? (
        <>
          <h3>{t("detail.coReporters", { count: ticket.coReporters.length })}</h3>
          <ul className="plain-list detail-list" data-testid="ticket-co-reporters">
            {ticket.coReporters.map((reporter, index) => (
              <li key={`${reporter.addedAt}-${index}`}>
                {reporter.name} · <span className="mono">{reporter.phone}</span> ·{" "}
                <time dateTime={reporter.addedAt}>{format.dateTime(reporter.addedAt)}</time>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
