import { AppLink, TableScroll, UrgencyBadge, useFormat, useLanguage } from "@civicline/ui";
import type { ReactNode } from "react";
import type { ChasingItemFieldsFragment } from "../gql/graphql.ts";
import { dueText } from "./lateness.ts";
import { useChasingT } from "./messages.ts";

/** The late tickets of one stage: red rows overdue, yellow near due, oldest deadline first; each opens its ticket page. */
export function ChasingTable({
  items,
  caption,
  now,
  renderActions,
  flash,
}: {
  items: readonly ChasingItemFieldsFragment[];
  caption: string;
  now: number;
  /** Row actions (e.g. issue a supervision order); none when absent. */
  renderActions?: (item: ChasingItemFieldsFragment) => ReactNode;
  /** Tickets that just moved on the board (highlighted once). */
  flash?: ReadonlySet<string>;
}) {
  const t = useChasingT();
  const format = useFormat();
  const { language } = useLanguage();
  return (
    <TableScroll label={caption} testId="chasing-table">
      <table className="data-table chasing-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("ch.col.trackingNumber")}</th>
            <th scope="col">{t("ch.col.severity")}</th>
            <th scope="col">{t("ch.col.dueAt")}</th>
            <th scope="col">{t("ch.col.unit")}</th>
            <th scope="col">{t("ch.col.category")}</th>
            <th scope="col">{t("ch.col.summary")}</th>
            <th scope="col">{t("ch.col.urgency")}</th>
            {renderActions ? <th scope="col">{t("ch.col.actions")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr
              key={item.ticketId}
              className={`chasing-row chasing-row--${item.severity === "OVERDUE" ? "red" : "yellow"}${flash?.has(item.ticketId) ? " chasing-row--flash" : ""}`}
              data-testid={`chasing-row-${item.trackingNumber}`}
              data-severity={item.severity}
            >
              <th scope="row">
                <AppLink to={`tickets/${encodeURIComponent(item.trackingNumber)}`} className="chasing-link">
                  {item.trackingNumber}
                </AppLink>
              </th>
              <td>
                <span className={`chasing-severity chasing-severity--${item.severity === "OVERDUE" ? "red" : "yellow"}`}>{format.enumValue("ChasingSeverity", item.severity)}</span>
              </td>
              <td>
                <time dateTime={item.dueAt}>{format.dateTime(item.dueAt)}</time>
                <div className="chasing-due">{dueText(t, item.dueAt, now)}</div>
              </td>
              <td>{item.unitId ? (language === "en" ? item.unitNameEn : item.unitNameZh) : t("ch.units.centre")}</td>
              <td>{language === "en" ? item.categoryNameEn : item.categoryNameZh}</td>
              <td className="chasing-summary">{item.summary}</td>
              <td>
                <UrgencyBadge urgency={item.urgency} />
              </td>
              {renderActions ? <td>{renderActions(item)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
