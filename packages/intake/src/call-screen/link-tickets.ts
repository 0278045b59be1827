import { Role, ValidationError, requireRole, type Actor } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { HistoryNote } from "../ticket/history-note.js";
import { lockTickets, recordTicketEvent } from "../ticket/ticket-lifecycle.js";
import { Ticket } from "../ticket/ticket.entity.js";
import { TicketHistoryKind } from "../ticket/ticket.enums.js";
import { TicketLinkKind } from "./call-screen.enums.js";
import { TicketLink } from "./ticket-link.entity.js";

/**
 * Links two tickets as RELATED (shown on both; stored once) or RE_REPORT_OF (this ticket re-reports
 * the other). Linking twice changes nothing. MERGED_INTO is only made by mergeIntoTicket.
 */
export async function linkTickets(
  dataSource: DataSource,
  input: { actor: Actor | null; ticketId: string; otherTicketId: string; kind: TicketLinkKind },
): Promise<Ticket> {
  const actor = requireRole(input.actor, [Role.OPERATOR, Role.DISPATCHER, Role.SUPERVISOR]);
  if (input.kind === TicketLinkKind.MERGED_INTO) {
    throw new ValidationError([{ field: "kind", code: "INVALID_FORMAT", message: "Use mergeIntoTicket to merge a duplicate." }]);
  }
  if (input.ticketId === input.otherTicketId) {
    throw new ValidationError([{ field: "otherTicketId", code: "INVALID_FORMAT", message: "A ticket cannot be linked to itself." }]);
  }
  return dataSource.transaction(async (manager) => {
    const locked = await lockTickets(manager, [input.ticketId, input.otherTicketId]);
    const ticket = locked.get(input.ticketId)!;
    const other = locked.get(input.otherTicketId)!;
    const [from, to] = input.kind === TicketLinkKind.RELATED ? [ticket, other].sort((a, b) => a.id.localeCompare(b.id)) : [ticket, other];
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(TicketLink)
      .values({ ticketId: from!.id, otherTicketId: to!.id, kind: input.kind, createdBy: actor.id })
      .orIgnore()
      .execute();
    if ((result.raw as unknown[]).length === 0) {
      return ticket;
    }
    const label = input.kind === TicketLinkKind.RELATED ? "related to" : "re-report of";
    await recordTicketEvent(manager, { ticketId: ticket.id, actor, kind: TicketHistoryKind.LINKED, reason: `${label} ${other.trackingNumber}`, note: { code: input.kind === TicketLinkKind.RELATED ? HistoryNote.LINKED_RELATED : HistoryNote.LINKED_RE_REPORT, params: { number: other.trackingNumber } } });
    if (input.kind === TicketLinkKind.RELATED) {
      await recordTicketEvent(manager, { ticketId: other.id, actor, kind: TicketHistoryKind.LINKED, reason: `related to ${ticket.trackingNumber}`, note: { code: HistoryNote.LINKED_RELATED, params: { number: ticket.trackingNumber } } });
    }
    return ticket;
  });
}
