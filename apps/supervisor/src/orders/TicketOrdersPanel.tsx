import { useQuery } from "@apollo/client/react";
import { Alert, AppLink, useFormat } from "@civicline/ui";
import type { TicketPagePanelProps } from "@civicline/ui";
import { TicketSupervisionOrdersDocument } from "../gql/graphql.ts";
import { useOrderErrorMessage, useOrderT } from "./messages.ts";
import { OrderIssueForm } from "./OrderIssueForm.tsx";
import { useOrdersLive } from "./useOrdersLive.ts";
import "./orders.css";

const READERS = ["SUPERVISOR", "ADMIN", "LEADER", "DISPATCHER"];
const ISSUERS = ["SUPERVISOR", "ADMIN"];

/** The ticket page's panel: the ticket's supervision orders (level, state, due) and, for supervisors, the form to issue one. */
export function TicketOrdersPanel({ ticketId, roles, onChanged }: TicketPagePanelProps) {
  const t = useOrderT();
  const format = useFormat();
  const errorMessage = useOrderErrorMessage();
  const orders = useQuery(TicketSupervisionOrdersDocument, { variables: { ticketId }, fetchPolicy: "cache-and-network", skip: !roles.some((role) => READERS.includes(role)) });
  useOrdersLive();
  if (!roles.some((role) => READERS.includes(role))) {
    return null;
  }
  const items = orders.data?.ticketSupervisionOrders ?? [];
  return (
    <section className="panel ticket-orders" aria-labelledby="ticket-orders-title" data-testid="ticket-orders-panel">
      <h2 id="ticket-orders-title">{t("so.panel.title")}</h2>
      {orders.error ? <Alert>{`${t("so.panel.loadFailed")} ${errorMessage(orders.error) ?? ""}`}</Alert> : null}
      {orders.data && items.length === 0 ? <p data-testid="ticket-orders-empty">{t("so.panel.empty")}</p> : null}
      {items.length > 0 ? (
        <ul className="ticket-orders__list">
          {items.map((order) => (
            <li key={order.id} data-testid="ticket-order">
              <AppLink to={`orders/${order.id}`}>
                {format.enumValue("SupervisionOrderLevel", order.level)} · {format.enumValue("SupervisionOrderState", order.state)}
              </AppLink>{" "}
              <span className="hint">
                {format.dateTime(order.issuedAt)} · {t("so.col.due")} {format.dateTime(order.responseDueAt)}
              </span>
              {order.answerOverdue ? <span className="order-overdue"> {t("so.overdue")}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {roles.some((role) => ISSUERS.includes(role)) ? (
        <OrderIssueForm
          ticketId={ticketId}
          onIssued={() => {
            void orders.refetch().catch(() => undefined);
            onChanged();
          }}
        />
      ) : null}
    </section>
  );
}
