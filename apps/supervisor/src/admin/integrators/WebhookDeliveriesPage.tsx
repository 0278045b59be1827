import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, appHref, Button, EmptyState, Loading, TableScroll, useFormat } from "@civicline/ui";
import { useState } from "react";
import { AdminRedeliverWebhookDocument, AdminWebhookDeliveriesDocument } from "../../gql/graphql.ts";
import { useIntegratorError, useIntegratorT } from "./messages.ts";
import { ADMIN_INTEGRATORS_PATH } from "./nav.ts";
import "./admin-integrators.css";

/** Admin: one webhook's delivery log (status, latency, response excerpt) with redeliver; refreshes every few seconds. */
export function WebhookDeliveriesPage({ webhookId }: { webhookId: string }) {
  const t = useIntegratorT();
  const format = useFormat();
  const errorMessage = useIntegratorError();
  const { data, loading, error, refetch } = useQuery(AdminWebhookDeliveriesDocument, { variables: { webhookId }, fetchPolicy: "cache-and-network", pollInterval: 3_000 });
  const [redeliver] = useMutation(AdminRedeliverWebhookDocument);
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const webhook = data?.webhooks.find((item) => item.id === webhookId);
  const deliveries = data?.webhookDeliveries ?? [];
  const eventLabel = (type: string) => {
    const value = Object.entries({ TICKET_RECEIVED: "ticket.received", TICKET_DISPATCHED: "ticket.dispatched", TICKET_REPLIED: "ticket.replied", TICKET_CLOSED: "ticket.closed", TICKET_RE_REPORTED: "ticket.re_reported" }).find(
      ([, wire]) => wire === type,
    )?.[0];
    return value ? format.enumValue("WebhookEventType", value) : type === "ping" ? t("ai.event.ping") : type;
  };
  const caption = webhook ? t("ai.deliveriesOf", { url: webhook.url }) : t("ai.dl.title");
  return (
    <>
      <p>
        <a href={appHref(ADMIN_INTEGRATORS_PATH)}>{t("ai.back")}</a>
      </p>
      <h1 tabIndex={-1}>{t("ai.dl.title")}</h1>
      <p className="page-intro">{t("ai.dl.intro")}</p>
      {webhook ? (
        <p>
          <strong>{webhook.integratorName}</strong> · <code>{webhook.url}</code>
        </p>
      ) : null}
      {error && !data ? <Alert>{errorMessage(error)}</Alert> : null}
      {loading && !data ? <Loading /> : null}
      <div aria-live="polite">{notice ? <Alert tone={notice.tone === "success" ? "success" : undefined}>{notice.text}</Alert> : null}</div>
      <Button variant="secondary" onClick={() => void refetch().catch(() => undefined)}>
        {t("ai.dl.refresh")}
      </Button>
      {data && deliveries.length === 0 ? (
        <EmptyState testId="deliveries-empty" title={t("ai.dl.empty.title")}>
          {t("ai.dl.empty.body")}
        </EmptyState>
      ) : null}
      {deliveries.length > 0 ? (
        <TableScroll label={caption}>
          <table className="data-table integrator-table" data-testid="deliveries-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t("ai.dl.col.event")}</th>
                <th scope="col">{t("ai.dl.col.id")}</th>
                <th scope="col">{t("ai.dl.col.status")}</th>
                <th scope="col">{t("ai.dl.col.attempts")}</th>
                <th scope="col">{t("ai.dl.col.code")}</th>
                <th scope="col">{t("ai.dl.col.latency")}</th>
                <th scope="col">{t("ai.dl.col.response")}</th>
                <th scope="col">{t("ai.dl.col.when")}</th>
                <th scope="col">{t("ai.dl.col.next")}</th>
                <th scope="col">{t("ai.col.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((delivery) => (
                <tr key={delivery.id} data-testid="delivery-row" data-status={delivery.status} data-event-type={delivery.eventType}>
                  <td>{eventLabel(delivery.eventType)}</td>
                  <td>
                    <code>{delivery.eventId}</code>
                  </td>
                  <td data-testid="delivery-status">{format.enumValue("WebhookDeliveryStatus", delivery.status)}</td>
                  <td>{delivery.attempts}</td>
                  <td>{delivery.lastStatusCode ?? t("ai.dash")}</td>
                  <td>{delivery.lastLatencyMs === null || delivery.lastLatencyMs === undefined ? t("ai.dash") : t("ai.dl.ms", { ms: delivery.lastLatencyMs })}</td>
                  <td className="integrator-table__excerpt">{delivery.lastError ?? delivery.lastResponseExcerpt ?? t("ai.dash")}</td>
                  <td>{format.dateTime(delivery.createdAt as string)}</td>
                  <td>{delivery.status === "PENDING" ? format.dateTime(delivery.nextAttemptAt as string) : t("ai.dash")}</td>
                  <td>
                    <Button
                      variant="secondary"
                      data-testid="redeliver"
                      onClick={() =>
                        void redeliver({ variables: { deliveryId: delivery.id } })
                          .then(() => {
                            setNotice({ tone: "success", text: t("ai.dl.redelivered") });
                            return refetch();
                          })
                          .catch((caught: unknown) => setNotice({ tone: "error", text: errorMessage(caught) ?? "" }))
                      }
                    >
                      {t("ai.dl.redeliver")}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </>
  );
}
