import { Ticket } from "@civicline/intake";
import type { EntityManager } from "typeorm";
import { isUuid, orderNotFound, ticketNotFound } from "./order.errors.js";
import { SupervisionOrder } from "./order.entity.js";

/** Locks a ticket row (every order use case locks the ticket first, then the order). */
export async function lockTicket(manager: EntityManager, ticketId: string): Promise<Ticket> {
  const ticket = isUuid(ticketId) ? await manager.findOne(Ticket, { where: { id: ticketId }, lock: { mode: "pessimistic_write" } }) : null;
  if (!ticket) {
    throw ticketNotFound();
  }
  return ticket;
}

/** Locks an order and its ticket (ticket first); SUPERVISION/ORDER_NOT_FOUND when there is none. */
export async function lockOrder(manager: EntityManager, orderId: string): Promise<{ ticket: Ticket; order: SupervisionOrder }> {
  const found = isUuid(orderId) ? await manager.findOne(SupervisionOrder, { where: { id: orderId } }) : null;
  if (!found) {
    throw orderNotFound();
  }
  const ticket = await lockTicket(manager, found.ticketId);
  const order = await manager.findOne(SupervisionOrder, { where: { id: orderId }, lock: { mode: "pessimistic_write" } });
  if (!order) {
    throw orderNotFound();
  }
  return { ticket, order };
}

/** The levels of the ticket's other open orders. */
export async function openLevelsOf(manager: EntityManager, ticketId: string, exceptOrderId: string | null): Promise<string[]> {
  const rows: Array<{ level: string }> = await manager.query(
    "SELECT level FROM supervision_order WHERE ticket_id = $1 AND state <> 'CLOSED' AND ($2::uuid IS NULL OR id <> $2::uuid)",
    [ticketId, exceptOrderId],
  );
  return rows.map((row) => row.level);
}
