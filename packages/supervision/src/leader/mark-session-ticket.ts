import { TICKET_RECEIVED, TicketHistoryKind, recordTicketEvent } from "@civicline/intake";
import { recordEvent, type EventHandler } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { leaderActor } from "./leader-accounts.js";
import { LeaderEvent } from "./leader.events.js";
import { isUuid } from "./leader-validation.js";

type SessionRow = { id: string; leader_id: string; leader_name: string; leader_title: string; seat: string };

/**
 * Marks a newly received ticket as taken by the leader when it was logged at a leader session's
 * seat during the session: the seat is that of the account that logged it (the call-taker sitting
 * with the leader logs the call on the leader's behalf). Writes the link, a LEADER_SESSION_TICKET
 * history row and `supervision.leader_ticket_marked` in one transaction. Idempotent: a ticket is
 * marked once. Returns the session's id, or null when the ticket is not a session ticket.
 */
export async function markSessionTicket(dataSource: DataSource, ticketId: string): Promise<string | null> {
  if (!isUuid(ticketId)) {
    return null;
  }
  return dataSource.transaction(async (manager) => {
    const sessions: SessionRow[] = await manager.query(
      `SELECT s.id, s.leader_id, s.leader_name, s.leader_title, s.seat
         FROM intake_ticket t
         JOIN platform_user u ON u.id = t.created_by AND u.seat IS NOT NULL
         JOIN supervision_leader_session s ON s.seat = u.seat AND s.starts_at <= t.received_at AND s.ends_at > t.received_at
        WHERE t.id = $1
        ORDER BY s.starts_at DESC
        LIMIT 1`,
      [ticketId],
    );
    const session = sessions[0];
    if (!session) {
      return null;
    }
    const inserted: unknown[] = await manager.query(
      "INSERT INTO supervision_leader_session_ticket (ticket_id, session_id) VALUES ($1, $2) ON CONFLICT (ticket_id) DO NOTHING RETURNING ticket_id",
      [ticketId, session.id],
    );
    if (inserted.length === 0) {
      return session.id;
    }
    await recordTicketEvent(manager, {
      ticketId,
      actor: leaderActor({ leaderId: session.leader_id, leaderName: session.leader_name }),
      kind: TicketHistoryKind.LEADER_SESSION_TICKET,
      reason: `${session.leader_title} · ${session.seat}`,
    });
    await recordEvent(manager, {
      type: LeaderEvent.TICKET_MARKED,
      payload: { ticketId, sessionId: session.id, leaderId: session.leader_id },
      actorId: session.leader_id,
    });
    return session.id;
  });
}

/** Reacts to intake's `intake.ticket_received` (intake knows nothing of supervision). */
export function sessionTicketHandler(dataSource: DataSource): EventHandler {
  return {
    name: "supervision.leader.mark-session-ticket",
    eventType: TICKET_RECEIVED,
    handle: async (event) => void (await markSessionTicket(dataSource, String(event.payload.ticketId ?? ""))),
  };
}
