import { ConflictError, DomainError, Role, recordEvent, requireRole, type Actor } from "@civicline/platform";
import type { DataSource, EntityManager } from "typeorm";
import { HistoryNote } from "../ticket/history-note.js";
import { canTransition, isOpen, lockTickets, recordTicketEvent, transitionTicket } from "../ticket/ticket-lifecycle.js";
import type { Ticket } from "../ticket/ticket.entity.js";
import { TicketHistoryKind, TicketStatus } from "../ticket/ticket.enums.js";
import { TicketLinkKind } from "./call-screen.enums.js";
import { CoReporter } from "./co-reporter.entity.js";
import { TicketLink } from "./ticket-link.entity.js";

/** Outbox event: a ticket was merged into another; payload `{ ticketId, intoTicketId }`. */
export const TICKET_MERGED = "intake.ticket_merged";

const cannotMerge = (message: string) => new DomainError("INTAKE/CANNOT_MERGE", message);

/** Adds the merged ticket's caller, and the callers merged into it earlier, as co-reporters of the target. */
async function carryOverReporters(manager: EntityManager, source: Ticket, target: Ticket): Promise<number> {
  const earlier = await manager.find(CoReporter, { where: { ticketId: source.id } });
  const reporters = [
    { name: source.citizenName, phone: source.citizenPhone, privacy: source.privacy, sourceTicketId: source.id },
    ...earlier.map((reporter) => ({ name: reporter.name, phone: reporter.phone, privacy: reporter.privacy, sourceTicketId: reporter.sourceTicketId })),
  ].filter((reporter) => reporter.phone !== target.citizenPhone);
  if (reporters.length === 0) {
    return 0;
  }
  const result = await manager
    .createQueryBuilder()
    .insert()
    .into(CoReporter)
    .values(reporters.map((reporter) => ({ ...reporter, ticketId: target.id })))
    .orIgnore()
    .execute();
  return (result.raw as unknown[]).length;
}

/**
 * Merges a duplicate (并单): the ticket becomes MERGED with a MERGED_INTO link to the target, and
 * its caller becomes a co-reporter of the target, to be told the result. The target must be open;
 * the merged ticket must still be at the centre (received or awaiting dispatch).
 */
export async function mergeIntoTicket(
  dataSource: DataSource,
  input: { actor: Actor | null; ticketId: string; version: number; intoTicketId: string },
): Promise<Ticket> {
  const actor = requireRole(input.actor, [Role.OPERATOR, Role.DISPATCHER]);
  if (input.ticketId === input.intoTicketId) {
    throw cannotMerge("A ticket cannot be merged into itself.");
  }
  return dataSource.transaction(async (manager) => {
    const locked = await lockTickets(manager, [input.ticketId, input.intoTicketId]);
    const source = locked.get(input.ticketId)!;
    const target = locked.get(input.intoTicketId)!;
    if (source.version !== input.version) {
      throw new ConflictError();
    }
    if (!canTransition(source.status, TicketStatus.MERGED)) {
      throw cannotMerge(`${source.trackingNumber} is ${source.status} and can no longer be merged.`);
    }
    if (!isOpen(target.status)) {
      throw cannotMerge(`${target.trackingNumber} is ${target.status}; merge into an open ticket.`);
    }
    const merged = await transitionTicket(manager, {
      ticketId: source.id,
      to: TicketStatus.MERGED,
      expectedVersion: input.version,
      actor,
      reason: `merged into ${target.trackingNumber}`,
      note: { code: HistoryNote.MERGED_INTO, params: { number: target.trackingNumber } },
    });
    await manager.insert(TicketLink, { ticketId: source.id, otherTicketId: target.id, kind: TicketLinkKind.MERGED_INTO, createdBy: actor.id });
    const added = await carryOverReporters(manager, source, target);
    await recordTicketEvent(manager, {
      ticketId: target.id,
      actor,
      kind: TicketHistoryKind.CO_REPORTER_ADDED,
      reason: `${source.trackingNumber} merged in; ${added} co-reporter(s) added`,
      note: { code: HistoryNote.MERGED_IN, params: { number: source.trackingNumber, count: added } },
    });
    await recordEvent(manager, { type: TICKET_MERGED, payload: { ticketId: source.id, intoTicketId: target.id }, actorId: actor.id });
    return merged;
  });
}
