import { StatusBadge, TableScroll, UrgencyBadge, useFormat } from "@civicline/ui";
import type { KeyboardEvent } from "react";
import type { QueueTicketFragment } from "../gql/graphql.ts";
import { useOperatorT } from "../messages.ts";

const EXCERPT_CHARS = 60;

/** The start of a description, cut on a character boundary (CJK- and emoji-safe). */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const chars = Array.from(text.replace(/\s+/g, " ").trim());
  return chars.length > max ? `${chars.slice(0, max).join("")}…` : chars.join("");
}

export type QueueTableProps = {
  tickets: readonly QueueTicketFragment[];
  selectedId: string | null;
  highlighted: ReadonlySet<string>;
  onOpen: (id: string) => void;
};

/** Queue rows: focusable, Enter or Space opens the ticket, click too; emergencies stand out in red. */
export function QueueTable({ tickets, selectedId, highlighted, onOpen }: QueueTableProps) {
  const t = useOperatorT();
  const format = useFormat();
  const onKeyDown = (id: string) => (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onOpen(id);
    }
  };
  return (
    <TableScroll label={t("queue.caption")}>
      <table className="queue-table" data-testid="queue">
        <caption className="visually-hidden">{t("queue.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("queue.col.trackingNumber")}</th>
            <th scope="col">{t("queue.col.receivedAt")}</th>
            <th scope="col">{t("queue.col.requestType")}</th>
            <th scope="col">{t("queue.col.category")}</th>
            <th scope="col">{t("queue.col.location")}</th>
            <th scope="col" className="col-secondary">{t("queue.col.description")}</th>
            <th scope="col">{t("queue.col.status")}</th>
            <th scope="col">{t("queue.col.urgency")}</th>
          </tr>
        </thead>
        <tbody>
          {tickets.map((ticket) => {
            const isNew = highlighted.has(ticket.id);
            const isEmergency = ticket.urgency === "EMERGENCY";
            const classes = [
              "queue-row",
              isEmergency ? "queue-row--emergency" : "",
              isNew ? "queue-row--new" : "",
              ticket.id === selectedId ? "queue-row--selected" : "",
            ];
            return (
              <tr
                key={ticket.id}
                id={`queue-row-${ticket.id}`}
                data-testid="queue-row"
                data-ticket-id={ticket.id}
                className={classes.filter(Boolean).join(" ")}
                tabIndex={0}
                aria-current={ticket.id === selectedId ? "true" : undefined}
                onClick={() => onOpen(ticket.id)}
                onKeyDown={onKeyDown(ticket.id)}
              >
                <td className="mono">
                  {isEmergency ? (
                    <span className="emergency-flag" role="img" aria-label={t("queue.emergencyRow")}>
                      ⚠
                    </span>
                  ) : null}
                  {ticket.trackingNumber}
                  {isNew ? <span className="new-flag">{t("queue.new")}</span> : null}
                </td>
                <td>
                  <time dateTime={ticket.receivedAt}>{format.dateTime(ticket.receivedAt)}</time>
                </td>
                <td>{format.requestType(ticket.requestType)}</td>
                <td>{format.name(ticket.category)}</td>
                <td>{[ticket.district, ticket.township].filter((a) => a !== null).map(format.name).join(" · ")}</td>
                <td className="queue-table__description col-secondary">{excerpt(ticket.description)}</td>
                <td>
                  <StatusBadge status={ticket.status} />
                </td>
                <td>
                  <UrgencyBadge urgency={ticket.urgency} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
