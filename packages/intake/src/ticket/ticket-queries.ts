import { DomainError, ForbiddenError, FULL_PHONE_ROLES, Role, STAFF_ROLES, ValidationError, hasAnyRole, maskPhone, requireRole, type Actor, type LoaderRegistry } from "@civicline/platform";
import { In, type DataSource } from "typeorm";
import { TicketHistory } from "./ticket-history.entity.js";
import { ticketWithDetails, type TicketPart } from "./ticket-details.js";
import { Ticket } from "./ticket.entity.js";
import { TicketHistoryKind } from "./ticket.enums.js";
import { ticketIdForTrackingAccess } from "../portal/tracking-access.js";
import { isUuid } from "./ticket-validation.js";
import { TRACKING_NUMBER } from "./tracking-number.js";

/** Centre staff who work the intake queues. Handlers see only their unit's tickets (routing). */
export const QUEUE_ROLES: readonly Role[] = [Role.OPERATOR, Role.DISPATCHER, Role.SUPERVISOR, Role.LEADER, Role.ADMIN];

/** The phone as this actor may see it. */
export function phoneFor(actor: Actor | null, phone: string): string {
  return hasAnyRole(actor, FULL_PHONE_ROLES) ? phone : maskPhone(phone);
}

/**
 * A citizen's view of their request, opened with the access token `verifyTrackingCode` issued for
 * it: a token for another ticket (or an expired one) gives INTAKE/TRACKING_ACCESS_INVALID. The
 * timeline holds public status steps only: no internal entries (hand-offs, co-reporters, links).
 */
export async function trackTicket(
  dataSource: DataSource,
  input: { trackingNumber: string; accessToken: string; now?: Date },
): Promise<{ ticket: Ticket; timeline: TicketHistory[] }> {
  const trackingNumber = String(input.trackingNumber ?? "").trim().toUpperCase();
  if (trackingNumber.length > 40 || !TRACKING_NUMBER.test(trackingNumber)) {
    throw new ValidationError([{ field: "trackingNumber", code: "INVALID_FORMAT", message: "A tracking number looks like ZB-20261124-00017." }]);
  }
  const ticketId = await ticketIdForTrackingAccess(dataSource, input.accessToken, { now: input.now });
  const ticket = await dataSource.getRepository(Ticket).findOne({ where: { id: ticketId } });
  if (!ticket || ticket.trackingNumber !== trackingNumber) {
    throw new DomainError("INTAKE/TRACKING_ACCESS_INVALID", "Your access does not open this request. Ask for a code for it.");
  }
  const timeline = await dataSource.getRepository(TicketHistory).find({
    where: { ticketId: ticket.id, isPublic: true, kind: TicketHistoryKind.STATUS },
    order: { id: "ASC" },
  });
  return { ticket, timeline };
}

/** Decides whether an actor outside the centre roles may read a ticket (e.g. its handling unit). */
export type TicketReadPolicy = (dataSource: DataSource, actor: Actor, ticketId: string) => Promise<boolean>;

const readPolicies: TicketReadPolicy[] = [];

/**
 * Lets a later domain (routing: the unit a ticket is assigned to) grant read access to tickets,
 * without intake importing it. Registered once, when that domain's module is loaded.
 */
export function registerTicketReadPolicy(policy: TicketReadPolicy): void {
  if (!readPolicies.includes(policy)) {
    readPolicies.push(policy);
  }
}

/** Whether an actor may read a ticket: centre staff, or whoever a registered read policy admits. */
export async function mayReadTicket(dataSource: DataSource, actor: Actor, ticketId: string): Promise<boolean> {
  if (hasAnyRole(actor, QUEUE_ROLES)) {
    return true;
  }
  if (!isUuid(ticketId)) {
    return false;
  }
  for (const policy of readPolicies) {
    if (await policy(dataSource, actor, ticketId)) {
      return true;
    }
  }
  return false;
}

/**
 * One ticket, for those who may read it (FORBIDDEN for other staff, the same not-found for unknown ids).
 * With `details`, the ticket's parts that the request's field resolvers will read come in the same
 * statement as its row (ticketWithDetails).
 */
export async function getTicket(
  dataSource: DataSource,
  input: { actor: Actor | null; id: string; details?: { loaders: LoaderRegistry; parts: readonly TicketPart[] } },
): Promise<Ticket> {
  const actor = requireRole(input.actor, STAFF_ROLES);
  if (!(await mayReadTicket(dataSource, actor, input.id))) {
    throw new ForbiddenError();
  }
  const ticket = !isUuid(input.id)
    ? null
    : input.details
      ? await ticketWithDetails(dataSource, input.details.loaders, input.id, input.details.parts)
      : await dataSource.getRepository(Ticket).findOne({ where: { id: input.id } });
  if (!ticket) {
    throw new DomainError("INTAKE/TICKET_NOT_FOUND", "This ticket does not exist.");
  }
  return ticket;
}

/** Histories of several tickets in one query, in the order the steps happened. */
export async function historiesOf(dataSource: DataSource, ticketIds: readonly string[]): Promise<TicketHistory[][]> {
  const rows = await dataSource.getRepository(TicketHistory).find({
    where: { ticketId: In([...ticketIds]) },
    order: { id: "ASC" },
  });
  return ticketIds.map((id) => rows.filter((row) => row.ticketId === id));
}
