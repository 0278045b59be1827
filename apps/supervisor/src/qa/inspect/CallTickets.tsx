import { AppLink } from "@civicline/ui";
import { useQaInspectT } from "./messages.ts";

/**
 * The ticket(s) logged during the call (tickets carry the call's id): each opens the ticket page,
 * which shows it as logged — type, category chosen, text, direct answer, the articles used and its history.
 */
export function CallTickets({ trackingNumbers }: { trackingNumbers: readonly string[] }) {
  const t = useQaInspectT();
  return (
    <section className="qa-panel" aria-labelledby="qa-tickets-title" data-testid="qa-call-tickets">
      <h2 id="qa-tickets-title">{t("qi.ticket.title")}</h2>
      {trackingNumbers.length === 0 ? (
        <p className="qa-muted" data-testid="qa-no-ticket">
          {t("qi.ticket.none")}
        </p>
      ) : (
        <>
          <ul className="qa-plain-list">
            {trackingNumbers.map((number) => (
              <li key={number} data-testid="qa-call-ticket">
                <AppLink to={`tickets/${number}`} target="_blank" rel="noopener">
                  {t("qi.ticket.open", { trackingNumber: number })}
                </AppLink>
              </li>
            ))}
          </ul>
          <p className="qa-muted">{t("qi.ticket.pageHint")}</p>
        </>
      )}
    </section>
  );
}
