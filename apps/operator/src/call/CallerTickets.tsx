import { Button, Kbd, StatusBadge, UrgencyBadge, useFormat } from "@civicline/ui";
import type { CallerTicketFragment } from "../gql/graphql.ts";
import { useOperatorT } from "../messages.ts";
import { excerpt } from "../queue/QueueTable.tsx";

/** Alt+1 … Alt+9: the caller's nth ticket, in one key (a follow-up on it). */
export const FOLLOW_UP_KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9"].map((digit) => `alt+${digit}`);

/**
 * A caller's earlier tickets: number, date, category, status; newest first as the server sends them.
 * With `onFollowUp`, each open one offers a follow-up (催办), the first nine by Alt+1 … Alt+9.
 */
export function CallerTickets({
  tickets,
  label,
  onFollowUp,
}: {
  tickets: readonly CallerTicketFragment[];
  label: string;
  onFollowUp?: (ticket: CallerTicketFragment) => void;
}) {
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
          {onFollowUp ? <th scope="col">{t("followUp.button")}</th> : null}
        </tr>
      </thead>
      <tbody>
        {tickets.map((ticket, index) => (
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
            {onFollowUp ? (
              <td>
                <Button
                  variant="secondary"
                  onClick={() => onFollowUp(ticket)}
                  aria-label={t("followUp.buttonLabel", { number: ticket.trackingNumber })}
                  aria-keyshortcuts={index < FOLLOW_UP_KEYS.length ? FOLLOW_UP_KEYS[index]?.replace("alt", "Alt") : undefined}
                  data-testid="caller-ticket-follow-up"
                >
                  {t("followUp.button")} {index < FOLLOW_UP_KEYS.length ? <Kbd combo={FOLLOW_UP_KEYS[index] ?? ""} /> : null}
                </Button>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
