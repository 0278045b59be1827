import { Ticket, TicketStatus, Urgency } from "@civicline/intake";
import { loadWorkingCalendar, pageInput, requireRole, type Actor, type PageRule } from "@civicline/platform";
import { In, type DataSource } from "typeorm";
import { AssignmentState, ReturnStatus } from "../assignment/assignment.enums.js";
import { Assignment } from "../assignment/assignment.entity.js";
import { ReturnRequest } from "../assignment/return-request.entity.js";
import { loadCatalogue, limitsFor, proposalFor, type Proposal } from "../catalogue.js";
import { addLimit } from "../deadlines.js";
import { DISPATCH_ROLES } from "./dispatch-ticket.js";

/** Paging of the dispatch queue (the first page only: no offset). */
export const DISPATCH_QUEUE_PAGE: PageRule = { defaultLimit: 200, maxLimit: 500 };

export type DispatchQueueEntry = { ticket: Ticket; proposal: Proposal; pendingReturn: ReturnRequest | null; dispatchDueAt: Date };

/** Queue order: emergencies, then urgent, then the rest — the very expression `intake_ticket_waiting_idx` is built on. */
const URGENCY_RANK = `CASE t.urgency WHEN '${Urgency.EMERGENCY}' THEN 0 WHEN '${Urgency.URGENT}' THEN 1 ELSE 2 END`;

/**
 * The dispatcher's queue, read from intake's tickets (no polling, no copy): tickets received or
 * sent to dispatch that no unit is handling — new ones and returned ones with their pending
 * return — each with the catalogue's proposal and its dispatch deadline. Emergencies first, then
 * urgent, then the oldest.
 *
 * The page is read in queue order from `intake_ticket_waiting_idx` (partial on the waiting
 * statuses, on the urgency rank and the receipt time), so it stops after `limit` rows whatever the
 * table's size; the pending returns come in one statement beside the catalogue (from memory while it is
 * unchanged) and the calendar, and each row costs one pass over the rules (text folded once) and one deadline.
 */
export async function dispatchQueue(dataSource: DataSource, input: { actor: Actor | null; limit?: number | null }): Promise<DispatchQueueEntry[]> {
  requireRole(input.actor, DISPATCH_ROLES);
  const { limit } = pageInput({ limit: input.limit }, DISPATCH_QUEUE_PAGE);
  const rows = await dataSource
    .getRepository(Ticket)
    .createQueryBuilder("t")
    .leftJoin(Assignment, "a", "a.ticket_id = t.id AND a.current")
    .where("t.status IN (:...waiting)", { waiting: [TicketStatus.RECEIVED, TicketStatus.AWAITING_DISPATCH] })
    .andWhere("(a.id IS NULL OR a.state NOT IN (:...handled))", { handled: [AssignmentState.DISPATCHED, AssignmentState.SIGNED_FOR] })
    .orderBy(URGENCY_RANK, "ASC")
    .addOrderBy("t.received_at", "ASC")
    .addOrderBy("t.id", "ASC")
    .limit(limit)
    .getMany();
  if (rows.length === 0) {
    return [];
  }
  const ids = rows.map((ticket) => ticket.id);
  // Side by side (three pool connections): the page's pending returns, the catalogue's stamp, the calendar's overrides.
  const [returns, catalogue, calendar] = await Promise.all([
    dataSource.getRepository(ReturnRequest).find({ where: { ticketId: In(ids), status: ReturnStatus.PENDING } }),
    loadCatalogue(dataSource.manager),
    loadWorkingCalendar(dataSource),
  ]);
  const pending = new Map(returns.map((request) => [request.ticketId, request] as const));
  return rows.map((ticket) => {
    const pendingReturn = pending.get(ticket.id) ?? null;
    const { limits } = limitsFor(catalogue, ticket);
    return {
      ticket,
      proposal: proposalFor(catalogue, ticket, { returnedByUnitId: pendingReturn?.unitId }),
      pendingReturn,
      dispatchDueAt: addLimit(calendar, ticket.receivedAt, limits.dispatchMinutes, limits.aroundTheClock),
    };
  });
}
