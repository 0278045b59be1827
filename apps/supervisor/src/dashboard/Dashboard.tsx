import {
  Alert,
  AppLink,
  EmptyState,
  Loading,
  StatusBadge,
  TableScroll,
  UrgencyBadge,
  useErrorMessage,
  useFormat,
  useLiveQueue,
} from "@civicline/ui";
import { TicketQueueDocument, TicketReceivedDocument } from "../gql/graphql.ts";
import { MEASURES_PATH, mayReadMeasures } from "../measures/dashboard/nav.ts";
import { useSupervisorT } from "../messages.ts";

export const RECENT_LIMIT = 10;
/** Tickets leave the queue without an event (dispatch), so the figures are also refreshed. */
const POLL_MS = 60_000;

/** Live queue figures and the latest tickets; the hotline's figures are on the measures dashboard. */
export function Dashboard({ roles }: { roles: readonly string[] }) {
  const t = useSupervisorT();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const queue = useLiveQueue(
    { queue: TicketQueueDocument, received: TicketReceivedDocument },
    { limit: RECENT_LIMIT, pollMs: POLL_MS },
  );
  const items = queue.items ?? [];

  return (
    <>
      <h1>{t("overview.title")}</h1>
      <p className="visually-hidden" aria-live="polite">
        {queue.announcedTrackingNumber ? t("overview.announceNew", { number: queue.announcedTrackingNumber }) : ""}
      </p>
      {queue.liveInterrupted ? <Alert tone="info">{t("overview.liveLost")}</Alert> : null}
      {queue.error && !queue.items ? <Alert>{`${t("overview.loadFailed")} ${errorMessage(queue.error) ?? ""}`}</Alert> : null}

      <div className="stats">
        <section className="stat card" aria-labelledby="stat-waiting">
          <h2 id="stat-waiting" className="stat__label">
            {t("overview.waiting")}
          </h2>
          <p className="stat__value" data-testid="queue-total">
            {queue.total ?? "–"}
          </p>
          <p className="stat__hint">{t("overview.waitingHint")}</p>
        </section>
      </div>

      <section className="dashboard-section" aria-labelledby="recent-title">
        <h2 id="recent-title">{t("overview.recent")}</h2>
        {queue.loading && !queue.items ? <Loading /> : null}
        {queue.items && items.length === 0 ? (
          <EmptyState testId="recent-empty" title={t("overview.recentEmpty.title")}>
            {t("overview.recentEmpty.body")}
          </EmptyState>
        ) : null}
        {items.length > 0 ? (
          <TableScroll label={t("overview.recent")}>
            <table className="data-table" data-testid="recent-tickets">
              <thead>
                <tr>
                  <th scope="col">{t("col.trackingNumber")}</th>
                  <th scope="col">{t("col.receivedAt")}</th>
                  <th scope="col">{t("col.requestType")}</th>
                  <th scope="col">{t("col.category")}</th>
                  <th scope="col">{t("col.district")}</th>
                  <th scope="col">{t("col.status")}</th>
                  <th scope="col">{t("col.urgency")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((ticket) => (
                  <tr key={ticket.id} data-testid="recent-row" className={queue.highlighted.has(ticket.id) ? "row--new" : undefined}>
                    <td className="mono">
                      <AppLink to={`tickets/${ticket.trackingNumber}`}>{ticket.trackingNumber}</AppLink>
                    </td>
                    <td>
                      <time dateTime={ticket.receivedAt}>{format.dateTime(ticket.receivedAt)}</time>
                    </td>
                    <td>{format.requestType(ticket.requestType)}</td>
                    <td>{format.name(ticket.category)}</td>
                    <td>{format.name(ticket.district)}</td>
                    <td>
                      <StatusBadge status={ticket.status} />
                    </td>
                    <td>
                      <UrgencyBadge urgency={ticket.urgency} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
      </section>

      <section className="dashboard-section" aria-labelledby="analytics-title">
        <h2 id="analytics-title">{t("analytics.title")}</h2>
        <p data-testid="analytics-link">
          {mayReadMeasures(roles) ? <AppLink to={MEASURES_PATH}>{t("analytics.open")}</AppLink> : t("analytics.elsewhere")}
        </p>
      </section>
    </>
  );
}
