import { StatusBadge, UrgencyBadge, useFormat } from "@civicline/ui";
import type { CallerTicketFragment } from "../gql/graphql.ts";
import { useOperatorT } from "../messages.ts";
import { excerpt } from "../queue/QueueTable.tsx";

/** A caller's earlier tickets: number, date, category, status; newest first as the server sends them. */
export function CallerTickets({ tickets, label }: { tickets: readonly CallerTicketFragment[]; label: string }) {
  const t = useOperatorT();
  const format = useFormat();
  if (tickets.length === 0) {
    return <p className="caller-tickets__empty">{t("caller.noTickets")}</p>;
  }
  return (
    <table className="caller-tickets" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{t("queue.col.trackingNumber")}</th>
          <th scope="col">{t("caller.col.date")}</th>
          <th scope="col">{t("queue.col.category")}</th>
          <th scope="col">{t("queue.col.status")}</th>
        </tr>
      </thead>
      <tbody>
        {tickets.map((ticket) => (
          <tr key={ticket.id} data-testid="caller-ticket" title={excerpt(ticket.description, 120)}>
            <td className="mono">{ticket.trackingNumber}</td>
            <td>
              <time dateTime={ticket.receivedAt}>{format.date(ticket.receivedAt)}</time>
            </td>
            <td>
              {format.name(ticket.category)} {ticket.urgency !== "NORMAL" ? <UrgencyBadge urgency={ticket.urgency} /> : null}
            </td>
            <td>
              <StatusBadge status={ticket.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
