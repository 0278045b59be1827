import { DomainError, FULL_PHONE_ROLES, Role, ValidationError, hasAnyRole, maskPhone, requireRole, type Actor } from "@civicline/platform";
import { In, type DataSource } from "typeorm";
import { TicketHistory } from "./ticket-history.entity.js";
import { Ticket } from "./ticket.entity.js";
import { TicketStatus, Urgency } from "./ticket.enums.js";
import { isUuid, normalizePhone } from "./ticket-validation.js";
import { TRACKING_NUMBER } from "./tracking-number.js";

/** Centre staff who work the intake queues. Handlers see only their unit's tickets (routing). */
export const QUEUE_ROLES: readonly Role[] = [Role.OPERATOR, Role.DISPATCHER, Role.SUPERVISOR, Role.LEADER, Role.ADMIN];
const QUEUE_STATUSES = [TicketStatus.RECEIVED, TicketStatus.AWAITING_DISPATCH];

const notFound = () =>
  new DomainError("INTAKE/TICKET_NOT_FOUND", "No request was found with this tracking number and phone number.");

/** The phone as this actor may see it. */
export function phoneFor(actor: Actor | null, phone: string): string {
  return hasAnyRole(actor, FULL_PHONE_ROLES) ? phone : maskPhone(phone);
}

/** A citizen's lookup: the same NOT_FOUND for an unknown number and for a wrong phone number. */
export async function trackTicket(
  dataSource: DataSource,
  input: { trackingNumber: string; phone: string },
): Promise<{ ticket: Ticket; timeline: TicketHistory[] }> {
  const trackingNumber = input.trackingNumber.trim().toUpperCase();
  if (trackingNumber.length > 40 || !TRACKING_NUMBER.test(trackingNumber)) {
    throw new ValidationError([{ field: "trackingNumber", code: "INVALID_FORMAT", message: "A tracking number looks like ZB-20261124-00017." }]);
  }
  const phone = normalizePhone(input.phone ?? "");
  if (!phone) {
    throw new ValidationError([{ field: "phone", code: "INVALID_FORMAT", message: "Enter the phone number the request was filed with." }]);
  }
  const ticket = await dataSource.getRepository(Ticket).findOne({ where: { trackingNumber } });
  if (!ticket || ticket.citizenPhone !== phone) {
    throw notFound();
  }
  const timeline = await dataSource.getRepository(TicketHistory).find({
    where: { ticketId: ticket.id, isPublic: true },
    order: { at: "ASC", id: "ASC" },
  });
  return { ticket, timeline };
}

/** Tickets waiting at the centre: emergencies first, then urgent, then newest first. */
export async function listIntakeQueue(
  dataSource: DataSource,
  input: { actor: Actor | null; limit: number },
): Promise<{ total: number; items: Ticket[] }> {
  requireRole(input.actor, QUEUE_ROLES);
  const limit = Math.min(Math.max(input.limit, 1), 200);
  const query = dataSource
    .getRepository(Ticket)
    .createQueryBuilder("t")
    .where("t.status IN (:...statuses)", { statuses: QUEUE_STATUSES });
  const [items, total] = await query
    .orderBy(`CASE t.urgency WHEN '${Urgency.EMERGENCY}' THEN 0 WHEN '${Urgency.URGENT}' THEN 1 ELSE 2 END`, "ASC")
    .addOrderBy("t.received_at", "DESC")
    .take(limit)
    .getManyAndCount();
  return { total, items };
}

/** One ticket for centre staff. */
export async function getTicket(dataSource: DataSource, input: { actor: Actor | null; id: string }): Promise<Ticket> {
  requireRole(input.actor, QUEUE_ROLES);
  const ticket = isUuid(input.id) ? await dataSource.getRepository(Ticket).findOne({ where: { id: input.id } }) : null;
  if (!ticket) {
    throw new DomainError("INTAKE/TICKET_NOT_FOUND", "This ticket does not exist.");
  }
  return ticket;
}

/** Histories of several tickets in one query, oldest first. */
export async function historiesOf(dataSource: DataSource, ticketIds: readonly string[]): Promise<TicketHistory[][]> {
  const rows = await dataSource.getRepository(TicketHistory).find({
    where: { ticketId: In([...ticketIds]) },
    order: { at: "ASC", id: "ASC" },
  });
  return ticketIds.map((id) => rows.filter((row) => row.ticketId === id));
}
