import { DeadlineCountdown, StatusBadge, TableScroll, UrgencyBadge, useFormat } from "@civicline/ui";
import type { KeyboardEvent } from "react";
import type { InboxAssignmentFragment } from "../gql/graphql.ts";
import { unitRole } from "./inbox.ts";
import { useWorkbenchT } from "./messages.ts";

export type InboxTableProps = {
  items: readonly InboxAssignmentFragment[];
  unitId: string | null;
  selectedId: string | null;
  onOpen: (ticketId: string) => void;
};

/** The unit's tickets, soonest deadline first: focusable rows, Enter or Space opens one. */
export function InboxTable({ items, unitId, selectedId, onOpen }: InboxTableProps) {
  const t = useWorkbenchT();
  const format = useFormat();
  const onKeyDown = (id: string) => (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onOpen(id);
    }
  };
  return (
    <TableScroll label={t("wb.inbox.caption")}>
      <table className="queue-table" data-testid="unit-inbox">
        <caption className="visually-hidden">{t("wb.inbox.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("wb.col.trackingNumber")}</th>
            <th scope="col">{t("wb.col.deadline")}</th>
            <th scope="col">{t("wb.col.subject")}</th>
            <th scope="col" className="col-secondary">
              {t("wb.col.location")}
            </th>
            <th scope="col">{t("wb.col.role")}</th>
            <th scope="col">{t("wb.col.status")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const { ticket, deadlines } = item;
            const role = unitRole(item, unitId);
            const returned = item.state === "RETURN_REQUESTED";
            const selected = ticket.id === selectedId;
            const classes = ["queue-row", `inbox-row--${deadlines.state.toLowerCase()}`, selected ? "queue-row--selected" : ""];
            return (
              <tr
                key={ticket.id}
                id={`inbox-row-${ticket.id}`}
                data-testid="inbox-row"
                data-ticket-id={ticket.id}
                data-deadline-state={deadlines.state}
                className={classes.filter(Boolean).join(" ")}
                tabIndex={0}
                aria-current={selected ? "true" : undefined}
                onClick={() => onOpen(ticket.id)}
                onKeyDown={onKeyDown(ticket.id)}
              >
                <td className="mono">
                  {ticket.trackingNumber}
                  {ticket.urgency !== "NORMAL" ? (
                    <>
                      {" "}
                      <UrgencyBadge urgency={ticket.urgency} />
                    </>
                  ) : null}
                </td>
                <td>
                  {item.reply ? (
                    <span className="badge badge--done">{t("wb.flag.replied")}</span>
                  ) : (
                    <>
                      <DeadlineCountdown dueAt={deadlines.completionDueAt} state={deadlines.state} workingMinutesLeft={deadlines.workingMinutesLeft} />
                      {deadlines.completionDueAt ? (
                        <time className="inbox-due" dateTime={deadlines.completionDueAt}>
                          {format.dateTime(deadlines.completionDueAt)}
                        </time>
                      ) : null}
                    </>
                  )}
                </td>
                <td>
                  <span className="inbox-subject">{ticket.title || format.name(ticket.category)}</span>
                  {item.followUpCount > 0 ? (
                    <span className="inbox-follow-up" data-testid="inbox-follow-up">
                      <span className="badge badge--warning">{t("wb.flag.followUp", { count: item.followUpCount })}</span>{" "}
                      {item.lastFollowUpWords ? <q>{item.lastFollowUpWords}</q> : null}
                    </span>
                  ) : null}
                  <span className="inbox-subject__meta">
                    {format.requestType(ticket.requestType)} · {format.name(ticket.category)}
                  </span>
                </td>
                <td className="col-secondary">{[ticket.district, ticket.township].flatMap((area) => (area ? [format.name(area)] : [])).join(" · ")}</td>
                <td>{role ? t(role === "lead" ? "wb.role.lead" : "wb.role.assisting") : null}</td>
                <td>
                  <span className="badge-row">
                    <StatusBadge status={ticket.status} />
                    {role === "lead" && item.state === "DISPATCHED" ? <span className="badge badge--new">{t("wb.flag.notSigned")}</span> : null}
                    {returned ? <span className="badge badge--warning">{t("wb.flag.returned")}</span> : null}
                    {item.extension ? (
                      <span className="badge badge--muted">
                        {t("wb.flag.extension", { status: t(`rt.ExtensionStatus.${item.extension.status}`) })}
                      </span>
                    ) : null}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
