import { useQuery } from "@apollo/client/react";
import { useEffect, useState } from "react";
import { CallerHistoryDocument, type CallerHistoryFieldsFragment } from "../gql/graphql.ts";
import { useOperatorT } from "../messages.ts";
import { normalizePhone } from "./callForm.ts";
import { CallerTickets } from "./CallerTickets.tsx";

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
}: {
  phone: string;
  fromPop: CallerHistoryFieldsFragment | null;
  /** The ticket this call created, left out of the caller's history. */
  currentTicketId: string | null;
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
      <CallerTickets tickets={tickets} label={t("caller.title", { number: history.phone })} />
    </section>
  );
}
