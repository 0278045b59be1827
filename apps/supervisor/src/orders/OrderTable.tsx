import { AppLink, TableScroll, useFormat, useLanguage } from "@civicline/ui";
import type { SupervisionOrderFieldsFragment } from "../gql/graphql.ts";
import { useOrderT } from "./messages.ts";

/** The orders list: ticket, unit, level, state, issued, answer due (past due marked), escalations, and a link to the detail. */
export function OrderTable({ items }: { items: readonly SupervisionOrderFieldsFragment[] }) {
  const t = useOrderT();
  const format = useFormat();
  const { language } = useLanguage();
  return (
    <TableScroll label={t("so.caption")}>
      <table className="data-table order-table" data-testid="order-table">
        <caption className="visually-hidden">{t("so.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("so.col.ticket")}</th>
            <th scope="col">{t("so.col.unit")}</th>
            <th scope="col">{t("so.col.level")}</th>
            <th scope="col">{t("so.col.state")}</th>
            <th scope="col">{t("so.col.issued")}</th>
            <th scope="col">{t("so.col.due")}</th>
            <th scope="col">{t("so.col.escalations")}</th>
            <th scope="col">{t("so.col.open")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((order) => (
            <tr key={order.id} data-testid="order-row" data-order-id={order.id} className={order.answerOverdue ? "order-row order-row--overdue" : "order-row"}>
              <td>
                <AppLink to={`tickets/${order.trackingNumber}`}>{order.trackingNumber}</AppLink>
                {order.ticketTitle ? <div className="order-table__title">{order.ticketTitle}</div> : null}
              </td>
              <td>{language === "en" ? order.unitNameEn : order.unitNameZh}</td>
              <td>
                <span className={`order-level order-level--${order.level.toLowerCase()}`} data-testid="order-level-badge">
                  {format.enumValue("SupervisionOrderLevel", order.level)}
                </span>
                {order.auto ? <span className="order-auto"> ({t("so.auto")})</span> : null}
              </td>
              <td data-testid="order-state">{format.enumValue("SupervisionOrderState", order.state)}</td>
              <td>{format.dateTime(order.issuedAt)}</td>
              <td>
                {order.state === "CLOSED" ? "—" : format.dateTime(order.responseDueAt)}
                {order.answerOverdue ? <span className="order-overdue"> {t("so.overdue")}</span> : null}
              </td>
              <td>{order.escalations}</td>
              <td>
                <AppLink to={`orders/${order.id}`} aria-label={t("so.open", { trackingNumber: order.trackingNumber })} data-testid="order-open">
                  {t("so.col.open")}
                </AppLink>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
