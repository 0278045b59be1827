import { ConflictError, DomainError, type Actor } from "@civicline/platform";
import type { EntityManager } from "typeorm";
import { Ticket } from "./ticket.entity.js";
import { TicketHistory } from "./ticket-history.entity.js";
import { TicketStatus } from "./ticket.enums.js";

const S = TicketStatus;

/** Every allowed status change. Nothing else in civicline assigns `ticket.status`. */
export const TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  [S.RECEIVED]: [S.AWAITING_DISPATCH, S.CLOSED_DIRECT, S.DISPATCHED, S.MERGED],
  [S.AWAITING_DISPATCH]: [S.DISPATCHED, S.CLOSED_DIRECT, S.MERGED],
  [S.CLOSED_DIRECT]: [],
  [S.DISPATCHED]: [S.SIGNED_FOR, S.AWAITING_DISPATCH, S.DISPATCHED],
  [S.SIGNED_FOR]: [S.IN_PROGRESS, S.REPLIED, S.AWAITING_DISPATCH],
  [S.IN_PROGRESS]: [S.REPLIED],
  [S.REPLIED]: [S.CLOSED, S.DISPATCHED],
  [S.CLOSED]: [S.DISPATCHED],
  [S.MERGED]: [],
};

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The name written in history for an actor; the public portal has none. */
export function historyActorName(actor: Actor | null): string {
  return actor ? actor.name : "citizen (portal)";
}

/** Writes the first history row of a newly inserted ticket (null → its initial status). */
export async function recordTicketOpened(
  manager: EntityManager,
  ticket: Ticket,
  actor: Actor | null,
): Promise<void> {
  await manager.insert(TicketHistory, {
    ticketId: ticket.id,
    at: ticket.receivedAt,
    fromStatus: null,
    toStatus: ticket.status,
    actorId: actor?.id ?? null,
    actorName: historyActorName(actor),
    reason: null,
    isPublic: true,
  });
}

/**
 * Moves a ticket to another status if the state machine allows it, with optimistic locking
 * (`expectedVersion` must match or CONFLICT), and writes exactly one history row.
 */
export async function transitionTicket(
  manager: EntityManager,
  input: { ticketId: string; to: TicketStatus; expectedVersion: number; actor: Actor | null; reason?: string; isPublic?: boolean },
): Promise<Ticket> {
  const ticket = await manager.findOne(Ticket, { where: { id: input.ticketId }, lock: { mode: "pessimistic_write" } });
  if (!ticket) {
    throw new DomainError("INTAKE/TICKET_NOT_FOUND", "This ticket does not exist.");
  }
  if (ticket.version !== input.expectedVersion) {
    throw new ConflictError();
  }
  if (!canTransition(ticket.status, input.to)) {
    throw new DomainError(
      "INTAKE/INVALID_TRANSITION",
      `A ticket that is ${ticket.status} cannot become ${input.to}.`,
      { from: ticket.status, to: input.to },
    );
  }
  const from = ticket.status;
  const result = await manager
    .createQueryBuilder()
    .update(Ticket)
    .set({ status: input.to })
    .where("id = :id AND version = :version", { id: ticket.id, version: input.expectedVersion })
    .execute();
  if (result.affected !== 1) {
    throw new ConflictError();
  }
  await manager.insert(TicketHistory, {
    ticketId: ticket.id,
    fromStatus: from,
    toStatus: input.to,
    actorId: input.actor?.id ?? null,
    actorName: historyActorName(input.actor),
    reason: input.reason ?? null,
    isPublic: input.isPublic ?? true,
  });
  return { ...ticket, status: input.to, version: ticket.version + 1 };
}
