import { cancelSignForTimer } from "../timers/deadline-timers.js";
import { TicketStatus, transitionTicket } from "@civicline/intake";
import { DomainError, type Actor } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { lockForUnit, requireUnitActor, unitsOf } from "../assignment/assignment-access.js";
import { AssignmentState } from "../assignment/assignment.enums.js";
import { Assignment } from "../assignment/assignment.entity.js";
import { RoutingErrorCode, invalidState } from "../routing.errors.js";
import { RoutingEvent, recordRoutingEvent } from "../routing.events.js";
import { Unit } from "../unit/unit.entity.js";

/** The lead unit signs for a dispatched ticket (签收): DISPATCHED → SIGNED_FOR. */
export async function signFor(dataSource: DataSource, input: { actor: Actor | null; ticketId: string; now?: Date }): Promise<Assignment> {
  const actor = requireUnitActor(input.actor);
  const now = input.now ?? new Date();
  return dataSource.transaction(async (manager) => {
    const { ticket, assignment } = await lockForUnit(manager, { actor, ticketId: input.ticketId, lead: true });
    if (assignment.signedForAt || assignment.state === AssignmentState.SIGNED_FOR) {
      throw new DomainError(RoutingErrorCode.ALREADY_SIGNED, "Your unit has already signed for this ticket.");
    }
    if (assignment.state !== AssignmentState.DISPATCHED) {
      throw invalidState(`An assignment that is ${assignment.state} cannot be signed for.`, { state: assignment.state });
    }
    const unit = await manager.findOneByOrFail(Unit, { id: assignment.leadUnitId });
    await transitionTicket(manager, { ticketId: ticket.id, to: TicketStatus.SIGNED_FOR, expectedVersion: ticket.version, actor, reason: unit.nameZh, isPublic: true });
    Object.assign(assignment, { state: AssignmentState.SIGNED_FOR, signedForAt: now, signedForByName: actor.name });
    await manager.update(Assignment, { id: assignment.id }, { state: assignment.state, signedForAt: now, signedForByName: actor.name });
    await cancelSignForTimer(manager, assignment.id);
    await recordRoutingEvent(manager, RoutingEvent.TICKET_SIGNED_FOR, { ticketId: ticket.id, assignmentId: assignment.id, unitIds: unitsOf(assignment) }, actor.id);
    return assignment;
  });
}
