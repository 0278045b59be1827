import { TicketHistoryKind, recordTicketEvent } from "@civicline/intake";
import { Role, assertNoFieldErrors, recordEvent, requireRole, type Actor, type FieldError } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { isLeadersTicket } from "./leader-access.js";
import { notYourTicket } from "./leader.errors.js";
import { LeaderEvent } from "./leader.events.js";
import { LeaderInstruction } from "./leader-instruction.entity.js";
import { LEADER_LIMITS, checkedText } from "./leader-validation.js";

/**
 * 领导批示: a leader adds an instruction to a ticket on their page (a session ticket or an assigned
 * matter; SUPERVISION/NOT_YOUR_TICKET otherwise). The lead unit sees it at the top of the ticket.
 * A LEADER_INSTRUCTION history row and `supervision.leader_instruction_added` (naming the units of
 * the ticket's current assignment) in the same transaction.
 */
export async function addLeaderInstruction(options: { db: DataSource; actor: Actor | null; input: { ticketId: string; text: string } }): Promise<LeaderInstruction> {
  const actor = requireRole(options.actor, [Role.LEADER]);
  const errors: FieldError[] = [];
  const text = checkedText(errors, "text", options.input.text, {
    required: true,
    min: LEADER_LIMITS.instructionMin,
    max: LEADER_LIMITS.instruction,
    label: "The instruction",
  });
  assertNoFieldErrors(errors);
  return options.db.transaction(async (manager) => {
    if (!(await isLeadersTicket(manager, actor.id, options.input.ticketId))) {
      throw notYourTicket();
    }
    const titles: Array<{ leader_title: string }> = await manager.query(
      "SELECT leader_title FROM supervision_leader_session WHERE leader_id = $1 ORDER BY starts_at DESC LIMIT 1",
      [actor.id],
    );
    const ticket = await recordTicketEvent(manager, {
      ticketId: options.input.ticketId,
      actor,
      kind: TicketHistoryKind.LEADER_INSTRUCTION,
      reason: text!,
    });
    const instruction = manager.create(LeaderInstruction, {
      ticketId: ticket.id,
      leaderId: actor.id,
      leaderName: actor.name,
      leaderTitle: titles[0]?.leader_title ?? "",
      text: text!,
    });
    await manager.save(instruction);
    const units: Array<{ lead_unit_id: string; assisting_unit_ids: string[] }> = await manager.query(
      "SELECT lead_unit_id, assisting_unit_ids FROM routing_assignment WHERE ticket_id = $1 AND current",
      [ticket.id],
    );
    const unitIds = units.flatMap((row) => [row.lead_unit_id, ...row.assisting_unit_ids]);
    await recordEvent(manager, {
      type: LeaderEvent.INSTRUCTION_ADDED,
      payload: { ticketId: ticket.id, instructionId: instruction.id, leaderId: actor.id, unitIds },
      actorId: actor.id,
    });
    return instruction;
  });
}
