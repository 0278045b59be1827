import { useQuery, useSubscription } from "@apollo/client/react";
import { Alert, Button, useFormat } from "@civicline/ui";
import { useState } from "react";
import { UnitOrdersChangedDocument, UnitSupervisionOrdersDocument } from "../../gql/graphql.ts";
import { AnswerOrderForm } from "./AnswerOrderForm.tsx";
import { useUnitOrderErrorMessage, useUnitOrderT } from "./messages.ts";
import "./unit-orders.css";

const POLL_MS = 60_000;

/**
 * The unit's open supervision orders, at the top of the workbench inbox (the overdue first), each
 * with its answer form; answered ones stay listed until the supervisor closes or sends them back.
 * Renders nothing when the unit has none.
 */
export function UnitOrders() {
  const t = useUnitOrderT();
  const format = useFormat();
  const errorMessage = useUnitOrderErrorMessage();
  const orders = useQuery(UnitSupervisionOrdersDocument, { fetchPolicy: "cache-and-network", pollInterval: POLL_MS });
  useSubscription(UnitOrdersChangedDocument, { onData: () => void orders.refetch().catch(() => undefined) });
  const [answering, setAnswering] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const items = orders.data?.unitSupervisionOrders ?? [];
  if (orders.error && !orders.data) {
    return <Alert testId="unit-orders-error">{`${t("uo.loadFailed")} ${errorMessage(orders.error) ?? ""}`}</Alert>;
  }
  if (items.length === 0) {
    return sent ? <Alert tone="success">{t("uo.answer.sent")}</Alert> : null;
  }
  return (
    <section className="unit-orders" aria-labelledby="unit-orders-title" data-testid="unit-orders">
      <h2 id="unit-orders-title">
        {t("uo.title")} <span className="count-badge">{items.filter((order) => order.state === "OPEN").length}</span>
      </h2>
      <p className="hint">{t("uo.intro")}</p>
      <div aria-live="polite">{sent ? <Alert tone="success" testId="order-answer-sent">{t("uo.answer.sent")}</Alert> : null}</div>
      <ul className="unit-orders__list">
        {items.map((order) => (
          <li key={order.id} className={order.answerOverdue ? "unit-order unit-order--overdue" : "unit-order"} data-testid="unit-order" data-order-id={order.id}>
            <div className="unit-order__head">
              <strong className={`unit-order__level unit-order__level--${order.level.toLowerCase()}`}>{format.enumValue("SupervisionOrderLevel", order.level)}</strong>
              <span>{t("uo.ticket", { trackingNumber: order.trackingNumber })}</span>
              {order.ticketTitle ? <span className="hint">{order.ticketTitle}</span> : null}
              {order.state === "OPEN" ? <span className="unit-order__due">{t("uo.due", { at: format.dateTime(order.responseDueAt) })}</span> : null}
              {order.answerOverdue ? <span className="unit-order__overdue">{t("uo.overdue")}</span> : null}
            </div>
            <p>
              <span className="visually-hidden">{t("uo.reason")}: </span>
              {order.reason}
            </p>
            <p className="hint">{t("uo.issuedBy", { name: order.auto ? t("uo.system") : order.issuedByName, at: format.dateTime(order.issuedAt) })}</p>
            {order.sendBacks > 0 && order.state === "OPEN" ? <p className="unit-order__sentback">{t("uo.sentBack", { count: order.sendBacks })}</p> : null}
            {order.state === "ANSWERED" ? <p data-testid="unit-order-answered">{t("uo.answered", { at: order.answeredAt ? format.dateTime(order.answeredAt) : "" })}</p> : null}
            {order.state === "OPEN" && answering !== order.id ? (
              <Button variant="secondary" data-testid="order-answer-open" aria-label={`${t("uo.answer")} — ${t("uo.ticket", { trackingNumber: order.trackingNumber })}`} onClick={() => {
                setSent(false);
                setAnswering(order.id);
              }}>
                {t("uo.answer")}
              </Button>
            ) : null}
            {answering === order.id ? (
              <AnswerOrderForm
                orderId={order.id}
                trackingNumber={order.trackingNumber}
                onCancel={() => setAnswering(null)}
                onAnswered={() => {
                  setAnswering(null);
                  setSent(true);
                  void orders.refetch().catch(() => undefined);
                }}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
