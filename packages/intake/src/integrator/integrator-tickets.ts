import { DomainError, ForbiddenError, IntegratorScope, Role, ValidationError, requireRole, requireScope, type Actor } from "@civicline/platform";
import { In, LessThan, type DataSource } from "typeorm";
import { TicketHistory } from "../ticket/ticket-history.entity.js";
import { Ticket } from "../ticket/ticket.entity.js";
import { TicketHistoryKind } from "../ticket/ticket.enums.js";
import { TRACKING_NUMBER } from "../ticket/tracking-number.js";

export type IntegratorTicket = { ticket: Ticket; timeline: TicketHistory[] };

/** An integrator with the `tickets:read` scope (staff use the centre's own queries). */
function requireReader(actor: Actor | null): Actor {
  const caller = requireRole(actor, [Role.INTEGRATOR]);
  if (caller.kind !== "integrator") {
    throw new ForbiddenError();
  }
  requireScope(caller, IntegratorScope.TICKETS_READ);
  return caller;
}

async function withTimelines(dataSource: DataSource, tickets: Ticket[]): Promise<IntegratorTicket[]> {
  const rows = tickets.length
    ? await dataSource.getRepository(TicketHistory).find({
        where: { ticketId: In(tickets.map((ticket) => ticket.id)), isPublic: true, kind: TicketHistoryKind.STATUS },
        order: { id: "ASC" },
      })
    : [];
  return tickets.map((ticket) => ({ ticket, timeline: rows.filter((row) => row.ticketId === ticket.id) }));
}

/**
 * One ticket this integrator created, by tracking number, with its public timeline (the citizen's
 * view: status steps only). Another integrator's or the centre's ticket answers the same
 * INTAKE/TICKET_NOT_FOUND as one that does not exist.
 */
export async function integratorTicket(dataSource: DataSource, input: { actor: Actor | null; trackingNumber: string }): Promise<IntegratorTicket> {
  const actor = requireReader(input.actor);
  const trackingNumber = String(input.trackingNumber ?? "").trim().toUpperCase();
  if (trackingNumber.length > 40 || !TRACKING_NUMBER.test(trackingNumber)) {
    throw new ValidationError([{ field: "trackingNumber", code: "INVALID_FORMAT", message: "A tracking number looks like ZB-20261124-00017." }]);
  }
  const ticket = await dataSource.getRepository(Ticket).findOne({ where: { trackingNumber, createdBy: actor.id } });
  if (!ticket) {
    throw new DomainError("INTAKE/TICKET_NOT_FOUND", "This ticket does not exist.");
  }
  return (await withTimelines(dataSource, [ticket]))[0]!;
}

export const INTEGRATOR_TICKETS_MAX = 100;

/**
 * The tickets this integrator created, newest first, `first` at a time; `before` (a receivedAt
 * from the previous page's last ticket) continues the list. Index: intake_ticket_created_by_idx.
 */
export async function integratorTickets(dataSource: DataSource, input: { actor: Actor | null; first?: number | null; before?: Date | null }): Promise<IntegratorTicket[]> {
  const actor = requireReader(input.actor);
  const first = input.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > INTEGRATOR_TICKETS_MAX) {
    throw new ValidationError([{ field: "first", code: "OUT_OF_RANGE", message: `Ask for 1 to ${INTEGRATOR_TICKETS_MAX} tickets at a time.` }]);
  }
  const tickets = await dataSource.getRepository(Ticket).find({
    where: { createdBy: actor.id, ...(input.before ? { receivedAt: LessThan(input.before) } : {}) },
    order: { receivedAt: "DESC" },
    take: first,
  });
  return withTimelines(dataSource, tickets);
}
