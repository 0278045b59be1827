import { useQuery } from "@apollo/client/react";
import { useHotkeys } from "@civicline/ui";
import { useEffect, useState } from "react";
import { CallerHistoryDocument, type CallerHistoryFieldsFragment, type CallerTicketFragment } from "../gql/graphql.ts";
import { useOperatorT } from "../messages.ts";
import { normalizePhone } from "./callForm.ts";
import { CallerTickets, FOLLOW_UP_KEYS } from "./CallerTickets.tsx";

const LOOKUP_DEBOUNCE_MS = 500;
const CLOSED = new Set(["CLOSED", "CLOSED_DIRECT", "MERGED"]);

/** Looks like a full number (mobile or landline with area code) worth looking up. */
function lookupable(phone: string): boolean {
  return /^\d{7,}$/.test(normalizePhone(phone).replace("-", ""));
}

/**
 * The caller's earlier tickets: from the screen-pop when there was one, else looked up once the
 * typed number is complete.
 */
export function CallerHistoryCard({
  phone,
  fromPop,
  currentTicketId,
  onFollowUp,
  active = false,
}: {
  phone: string;
  fromPop: CallerHistoryFieldsFragment | null;
  /** The ticket this call created, left out of the caller's history. */
  currentTicketId: string | null;
  /** A follow-up (催办) on one of the caller's tickets; Alt+1 … Alt+9 while `active`. */
  onFollowUp?: (ticket: CallerTicketFragment) => void;
  active?: boolean;
}) {
  const t = useOperatorT();
  const [settled, setSettled] = useState("");
  const wanted = fromPop || !lookupable(phone) ? "" : normalizePhone(phone);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(wanted), LOOKUP_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [wanted]);
  const lookup = useQuery(CallerHistoryDocument, { variables: { phone: settled }, skip: settled === "" || wanted === "" });
  const history = fromPop ?? (wanted && settled === wanted ? lookup.data?.callerHistory : undefined);
  const listed = history ? history.tickets.filter((ticket) => ticket.id !== currentTicketId) : [];
  useHotkeys(
    FOLLOW_UP_KEYS.map((combo, index) => ({ combo, handler: () => listed[index] && onFollowUp?.(listed[index]) })),
    active && Boolean(onFollowUp) && listed.length > 0,
  );
  if (!history) {
    return null;
  }
  const current = history.tickets.find((ticket) => ticket.id === currentTicketId);
  const tickets = current ? history.tickets.filter((ticket) => ticket !== current) : history.tickets;
  const openCount = current && !CLOSED.has(current.status) ? Math.max(0, history.openCount - 1) : history.openCount;
  return (
    <section className="call-side card" aria-labelledby="caller-history-title" data-testid="caller-history">
      <h2 id="caller-history-title">{t("caller.title", { number: history.phone })}</h2>
      <p>
        <strong>{t(openCount === 1 ? "pop.openCount.one" : "pop.openCount", { count: openCount })}</strong> ·{" "}
        {t(tickets.length === 1 ? "pop.ticketCount.one" : "pop.ticketCount", { count: tickets.length })}
      </p>
      <CallerTickets tickets={tickets} label={t("caller.title", { number: history.phone })} onFollowUp={onFollowUp} />
    </section>
  );
}
