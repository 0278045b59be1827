import { useQuery } from "@apollo/client/react";
import { Alert, AppLink, EmptyState, Loading, useFormat, useLanguage } from "@civicline/ui";
import { SupervisionOrderDetailDocument } from "../gql/graphql.ts";
import { useOrderErrorMessage, useOrderT } from "./messages.ts";
import { OrderActions } from "./OrderActions.tsx";
import { OrderTimeline } from "./OrderTimeline.tsx";
import { useOrdersLive } from "./useOrdersLive.ts";

/** One supervision order: its facts, the unit's answer, the timeline and (for supervisors, admins) the actions. */
export function OrderDetailPage({ orderId, canAct }: { orderId: string; canAct: boolean }) {
  const t = useOrderT();
  const format = useFormat();
  const { language } = useLanguage();
  const errorMessage = useOrderErrorMessage();
  const detail = useQuery(SupervisionOrderDetailDocument, { variables: { id: orderId }, fetchPolicy: "cache-and-network" });
  useOrdersLive();
  const order = detail.data?.supervisionOrder;
  if (detail.loading && !order) {
    return <Loading />;
  }
  if (!order) {
    return (
      <EmptyState testId="order-not-found" title={t("so.detail.notFound")}>
        {detail.error ? errorMessage(detail.error) : null} <AppLink to="orders">{t("so.detail.back")}</AppLink>
      </EmptyState>
    );
  }
  return (
    <section aria-labelledby="order-title" data-testid="order-detail">
      <p>
        <AppLink to="orders">{t("so.detail.back")}</AppLink>
      </p>
      <h1 id="order-title" tabIndex={-1}>
        {t("so.detail.title", { trackingNumber: order.trackingNumber })}
      </h1>
      {order.answerOverdue ? <Alert tone="info">{t("so.overdue")}</Alert> : null}
      <dl className="facts order-facts">
        <dt>{t("so.col.ticket")}</dt>
        <dd>
          <AppLink to={`tickets/${order.trackingNumber}`}>{t("so.detail.ticket")}</AppLink> {order.ticketTitle ?? ""}
        </dd>
        <dt>{t("so.col.unit")}</dt>
        <dd>{language === "en" ? order.unitNameEn : order.unitNameZh}</dd>
        <dt>{t("so.col.level")}</dt>
        <dd data-testid="order-detail-level">{format.enumValue("SupervisionOrderLevel", order.level)}</dd>
        <dt>{t("so.col.state")}</dt>
        <dd data-testid="order-detail-state">{format.enumValue("SupervisionOrderState", order.state)}</dd>
        <dt>{t("so.col.due")}</dt>
        <dd>{format.dateTime(order.responseDueAt)}</dd>
        <dt>{t("so.detail.reason")}</dt>
        <dd>{order.reason}</dd>
        <dt>{t("so.detail.issuedBy")}</dt>
        <dd>
          {order.auto ? t("so.detail.system") : order.issuedByName} · {format.dateTime(order.issuedAt)}
        </dd>
      </dl>
      <h2>{t("so.detail.answer")}</h2>
      {order.answerText ? (
        <dl className="facts" data-testid="order-answer">
          <dt>{t("so.detail.answer")}</dt>
          <dd>{order.answerText}</dd>
          <dt>{t("so.detail.expectedDone")}</dt>
          <dd>{order.expectedDoneAt ? format.dateTime(order.expectedDoneAt) : "—"}</dd>
          <dt>{t("so.detail.answeredBy")}</dt>
          <dd>
            {order.answeredByName} · {order.answeredAt ? format.dateTime(order.answeredAt) : ""}
          </dd>
        </dl>
      ) : (
        <p>{t("so.detail.noAnswer")}</p>
      )}
      {order.closeNote ? (
        <p>
          {t("so.detail.closeNote")}: {order.closeNote}
        </p>
      ) : null}
      {canAct ? <OrderActions order={order} onDone={() => void detail.refetch().catch(() => undefined)} /> : null}
      <h2>{t("so.detail.timeline")}</h2>
      <OrderTimeline steps={order.timeline} />
    </section>
  );
}
