import { ConflictError, DomainError, recordEvent, type Actor } from "@civicline/platform";
import type { EntityManager } from "typeorm";
import { Ticket } from "./ticket.entity.js";
import { TicketHistory } from "./ticket-history.entity.js";
import { historyActorKind, noteParams, type HistoryNoteInput } from "./history-note.js";
import { TicketHistoryKind, TicketStatus } from "./ticket.enums.js";
import { isUuid } from "./ticket-validation.js";

const S = TicketStatus;

/** Outbox event written with every status change; payload `{ ticketId, from, to }`. */
export const TICKET_STATUS_CHANGED = "intake.ticket_status_changed";
/** Outbox event written with every other versioned change; payload `{ ticketId, kind }`. */
export const TICKET_CHANGED = "intake.ticket_changed";

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

/** Statuses after which a ticket needs nothing more from the centre. */
export const FINISHED_STATUSES: readonly TicketStatus[] = [S.CLOSED, S.CLOSED_DIRECT, S.MERGED];

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isOpen(status: TicketStatus): boolean {
  return !FINISHED_STATUSES.includes(status);
}

/** Ticket columns other than the status that the lifecycle may change together with a history row. */
export type TicketChanges = Partial<Pick<Ticket, "urgency" | "directAnswer" | "answeredArticleIds">>;

/** The name written in history for an actor; the public portal has none. */
export function historyActorName(actor: Actor | null): string {
  return actor ? actor.name : "citizen (portal)";
}

const ticketNotFound = () => new DomainError("INTAKE/TICKET_NOT_FOUND", "This ticket does not exist.");

/** Appends one history row, stamped with the time of the insert (after any lock was taken). */
async function appendHistory(
  manager: EntityManager,
  row: { ticketId: string; from: TicketStatus | null; to: TicketStatus; kind: TicketHistoryKind; actor: Actor | null; reason: string | null; note?: HistoryNoteInput | null; isPublic: boolean; at?: Date },
): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(TicketHistory)
    .values({
      ticketId: row.ticketId,
      at: row.at ?? (() => "clock_timestamp()"),
      fromStatus: row.from,
      toStatus: row.to,
      kind: row.kind,
      actorId: row.actor?.id ?? null,
      actorName: historyActorName(row.actor),
      actorKind: historyActorKind(row.actor),
      reason: row.reason,
      noteCode: row.note?.code ?? null,
      noteParams: noteParams(row.note),
      isPublic: row.isPublic,
    })
    .execute();
}

/** Locks a ticket row for the rest of the transaction. */
async function lockTicket(manager: EntityManager, ticketId: string): Promise<Ticket> {
  if (!isUuid(ticketId)) {
    throw ticketNotFound();
  }
  const ticket = await manager.findOne(Ticket, { where: { id: ticketId }, lock: { mode: "pessimistic_write" } });
  if (!ticket) {
    throw ticketNotFound();
  }
  return ticket;
}

/** Updates the row if it still has `version` (bumping it), or throws CONFLICT. */
async function updateVersioned(manager: EntityManager, ticket: Ticket, version: number, set: TicketChanges & { status?: TicketStatus }): Promise<void> {
  const result = await manager
    .createQueryBuilder()
    .update(Ticket)
    .set(set)
    .where("id = :id AND version = :version", { id: ticket.id, version })
    .execute();
  if (result.affected !== 1) {
    throw new ConflictError();
  }
}

/**
 * Moves a ticket to another status if the state machine allows it, with optimistic locking
 * (`expectedVersion` must match or CONFLICT), and writes exactly one history row and one
 * `intake.ticket_status_changed` event. `changes` are written in the same update.
 */
export async function transitionTicket(
  manager: EntityManager,
  input: {
    ticketId: string;
    to: TicketStatus;
    expectedVersion: number;
    actor: Actor | null;
    reason?: string | null;
    /** The note as a translatable code (also keep `reason` as the plain-text record). */
    note?: HistoryNoteInput;
    isPublic?: boolean;
    changes?: TicketChanges;
  },
): Promise<Ticket> {
  const ticket = await lockTicket(manager, input.ticketId);
  if (ticket.version !== input.expectedVersion) {
    throw new ConflictError();
  }
  if (!canTransition(ticket.status, input.to)) {
    throw new DomainError("INTAKE/INVALID_TRANSITION", `A ticket that is ${ticket.status} cannot become ${input.to}.`, {
      from: ticket.status,
      to: input.to,
    });
  }
  const from = ticket.status;
  await updateVersioned(manager, ticket, input.expectedVersion, { ...input.changes, status: input.to });
  await appendHistory(manager, {
    ticketId: ticket.id,
    from,
    to: input.to,
    kind: TicketHistoryKind.STATUS,
    actor: input.actor,
    reason: input.reason ?? null,
    note: input.note ?? null,
    isPublic: input.isPublic ?? true,
  });
  await recordEvent(manager, {
    type: TICKET_STATUS_CHANGED,
    payload: { ticketId: ticket.id, from, to: input.to },
    actorId: input.actor?.id ?? null,
  });
  return { ...ticket, ...input.changes, status: input.to, version: ticket.version + 1 };
}

/**
 * Changes other columns of a ticket (never its status) with optimistic locking, and writes one
 * history row of `kind` (from = to = the current status, internal) and one `intake.ticket_changed` event.
 */
export async function changeTicket(
  manager: EntityManager,
  input: { ticketId: string; expectedVersion: number; actor: Actor | null; kind: TicketHistoryKind; changes: TicketChanges; reason: string; note?: HistoryNoteInput },
): Promise<Ticket> {
  if (input.kind === TicketHistoryKind.STATUS) {
    throw new Error("changeTicket does not change the status; use transitionTicket");
  }
  const ticket = await lockTicket(manager, input.ticketId);
  if (ticket.version !== input.expectedVersion) {
    throw new ConflictError();
  }
  await updateVersioned(manager, ticket, input.expectedVersion, input.changes);
  await appendHistory(manager, {
    ticketId: ticket.id,
    from: ticket.status,
    to: ticket.status,
    kind: input.kind,
    actor: input.actor,
    reason: input.reason,
    note: input.note ?? null,
    isPublic: false,
  });
  await recordEvent(manager, { type: TICKET_CHANGED, payload: { ticketId: ticket.id, kind: input.kind }, actorId: input.actor?.id ?? null });
  return { ...ticket, ...input.changes, version: ticket.version + 1 };
}

/**
 * Records something that happened to a ticket without changing its row (a hand-off, a link, a
 * co-reporter): one internal history row (from = to = the current status). The row is locked so the
 * entry lands in order with concurrent status changes.
 */
export async function recordTicketEvent(
  manager: EntityManager,
  input: { ticketId: string; actor: Actor | null; kind: TicketHistoryKind; reason: string; note?: HistoryNoteInput },
): Promise<Ticket> {
  if (input.kind === TicketHistoryKind.STATUS) {
    throw new Error("recordTicketEvent does not change the status; use transitionTicket");
  }
  const ticket = await lockTicket(manager, input.ticketId);
  await appendHistory(manager, {
    ticketId: ticket.id,
    from: ticket.status,
    to: ticket.status,
    kind: input.kind,
    actor: input.actor,
    reason: input.reason,
    note: input.note ?? null,
    isPublic: false,
  });
  return ticket;
}

/** Locks several tickets in id order (so two transactions never wait on each other crosswise). */
export async function lockTickets(manager: EntityManager, ids: readonly string[]): Promise<Map<string, Ticket>> {
  const sorted = [...new Set(ids)].sort();
  const found = new Map<string, Ticket>();
  for (const id of sorted) {
    found.set(id, await lockTicket(manager, id));
  }
  return found;
}
