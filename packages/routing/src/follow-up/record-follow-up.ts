import { HistoryNote, TicketHistoryKind, isOpen, recordTicketEvent } from "@civicline/intake";
import { DomainError, Role, assertNoFieldErrors, requireRole, type Actor, type FieldError } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { unitsOf } from "../assignment/assignment-access.js";
import { Assignment } from "../assignment/assignment.entity.js";
import { TEXT_LIMITS, optionalText, requiredText } from "../routing.errors.js";
import { RoutingEvent, recordRoutingEvent } from "../routing.events.js";
import { FollowUp } from "./follow-up.entity.js";

/** Who records a follow-up call: the call-takers. */
export const FOLLOW_UP_ROLES = [Role.OPERATOR];

/**
 * A citizen calls again about an open ticket (催办): one follow-up row with the caller's words, one
 * ticket history entry (FOLLOW_UP, internal), the current assignment's maintained count and latest
 * words (its unit's inbox lists it first), and one `routing.ticket_followed_up` event for the live
 * inbox — in one transaction. A finished ticket is refused (ROUTING/TICKET_FINISHED): a new call is
 * a new request, or a re-report.
 */
export async function recordFollowUp(
  dataSource: DataSource,
  input: { actor: Actor | null; ticketId: string; words: string; callId?: string | null; now?: Date },
): Promise<{ followUp: FollowUp; assignment: Assignment | null }> {
  const actor = requireRole(input.actor, FOLLOW_UP_ROLES);
  const errors: FieldError[] = [];
  const words = requiredText(errors, "words", input.words, { min: 2, max: TEXT_LIMITS.note, label: "The caller's words" });
  const callId = optionalText(errors, "callId", input.callId, { max: 100, label: "Call id", kind: "line" });
  assertNoFieldErrors(errors);
  const at = input.now ?? new Date();
  return dataSource.transaction(async (manager) => {
    const ticket = await recordTicketEvent(manager, {
      ticketId: input.ticketId,
      actor,
      kind: TicketHistoryKind.FOLLOW_UP,
      reason: `催办 / follow-up: ${words}`,
      note: { code: HistoryNote.FOLLOW_UP, params: { words } },
    });
    if (!isOpen(ticket.status)) {
      throw new DomainError("ROUTING/TICKET_FINISHED", `${ticket.trackingNumber} is finished; log a new request or propose a re-report instead.`, {
        status: ticket.status,
      });
    }
    const assignment = await manager.findOne(Assignment, { where: { ticketId: ticket.id, current: true }, lock: { mode: "pessimistic_write" } });
    const followUp = await manager.save(
      manager.create(FollowUp, {
        ticketId: ticket.id,
        assignmentId: assignment?.id ?? null,
        unitId: assignment?.leadUnitId ?? null,
        words,
        callId,
        recordedById: actor.id,
        recordedByName: actor.name,
        at,
      }),
    );
    if (assignment) {
      await manager
        .createQueryBuilder()
        .update(Assignment)
        .set({ followUpCount: () => "follow_up_count + 1", lastFollowUpAt: at, lastFollowUpWords: words })
        .where("id = :id", { id: assignment.id })
        .execute();
    }
    await recordRoutingEvent(
      manager,
      RoutingEvent.TICKET_FOLLOWED_UP,
      { ticketId: ticket.id, followUpId: followUp.id, assignmentId: assignment?.id ?? null, unitIds: assignment ? unitsOf(assignment) : [] },
      actor.id,
    );
    const updated = assignment ? await manager.findOneByOrFail(Assignment, { id: assignment.id }) : null;
    return { followUp, assignment: updated };
  });
}

/** Follow-up calls per lead unit in [from, to) — an indexed count (routing_follow_up_at_unit_idx), for the measures. */
export async function followUpCountsByUnit(
  dataSource: DataSource,
  input: { actor: Actor | null; from: Date; to: Date },
): Promise<{ unitId: string; count: number }[]> {
  requireRole(input.actor, [Role.SUPERVISOR, Role.LEADER, Role.ADMIN]);
  const rows: { unit_id: string; count: string }[] = await dataSource.query(
    `SELECT unit_id, count(*) AS count FROM routing_follow_up WHERE unit_id IS NOT NULL AND at >= $1 AND at < $2 GROUP BY unit_id ORDER BY count(*) DESC, unit_id`,
    [input.from, input.to],
  );
  return rows.map((row) => ({ unitId: row.unit_id, count: Number(row.count) }));
}

/** Follow-up calls on one ticket (all its dispatches): an indexed count (routing_follow_up_ticket_idx). */
export async function followUpCountOfTicket(dataSource: DataSource, ticketId: string): Promise<number> {
  return dataSource.getRepository(FollowUp).countBy({ ticketId });
}
