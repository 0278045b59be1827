import { CENTRE_ROLES } from "@civicline/intake";
import { ForbiddenError, Role, hasAnyRole, requireRole, type Actor } from "@civicline/platform";
import { handlerMayViewTicket } from "@civicline/routing";
import type { DataSource, EntityManager } from "typeorm";
import { isUuid } from "./leader-validation.js";

/**
 * Whether the ticket is on the leader's page: logged in one of their sessions, or in a matter
 * assigned to them. Only such tickets take their instructions.
 */
export async function isLeadersTicket(db: DataSource | EntityManager, leaderId: string, ticketId: string): Promise<boolean> {
  if (!isUuid(ticketId)) {
    return false;
  }
  const rows: unknown[] = await db.query(
    `SELECT 1 FROM supervision_leader_session_ticket st JOIN supervision_leader_session s ON s.id = st.session_id
      WHERE st.ticket_id = $1 AND s.leader_id = $2
     UNION ALL
     SELECT 1 FROM supervision_leader_matter_ticket mt JOIN supervision_leader_matter m ON m.id = mt.matter_id
      WHERE mt.ticket_id = $1 AND m.leader_id = $2
     LIMIT 1`,
    [ticketId, leaderId],
  );
  return rows.length > 0;
}

/**
 * Who may read a ticket's instructions: centre staff, and handlers of a unit taking part in the
 * ticket's current assignment (lead or assisting). FORBIDDEN for anyone else, including handlers of
 * other units.
 */
export async function assertMayReadInstructions(db: DataSource, actorInput: Actor | null, ticketId: string): Promise<Actor> {
  const actor = requireRole(actorInput, [...CENTRE_ROLES, Role.HANDLER]);
  if (hasAnyRole(actor, CENTRE_ROLES)) {
    return actor;
  }
  if (!(await handlerMayViewTicket(db, actor, ticketId))) {
    throw new ForbiddenError("This ticket is not assigned to your unit.");
  }
  return actor;
}
