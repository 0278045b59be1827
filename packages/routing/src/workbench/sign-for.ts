import { cancelSignForTimer } from "../timers/deadline-timers.js";
import { TicketStatus, transitionTicket } from "@civicline/intake";
import { DomainError, type Actor } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { lockForUnit, requireUnitActor, unitsOf } from "../assignment/assignment-access.js";
import { AssignmentAction, assignmentAllows, transitionAssignment } from "../assignment/assignment-lifecycle.js";
import { AssignmentState } from "../assignment/assignment.enums.js";
import { Assignment } from "../assignment/assignment.entity.js";
import { RoutingErrorCode, invalidState } from "../routing.errors.js";
import { RoutingEvent } from "../routing.events.js";
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
    if (!assignmentAllows(assignment.state, AssignmentAction.SIGN_FOR)) {
      throw invalidState(`An assignment that is ${assignment.state} cannot be signed for.`, { state: assignment.state });
    }
    const unit = await manager.findOneByOrFail(Unit, { id: assignment.leadUnitId });
    await transitionTicket(manager, { ticketId: ticket.id, to: TicketStatus.SIGNED_FOR, expectedVersion: ticket.version, actor, reason: unit.nameZh, isPublic: true });
    await transitionAssignment(manager, {
      assignment,
      to: AssignmentState.SIGNED_FOR,
      action: AssignmentAction.SIGN_FOR,
      actor,
      changes: { signedForAt: now, signedForByName: actor.name },
      event: { type: RoutingEvent.TICKET_SIGNED_FOR, payload: { ticketId: ticket.id, assignmentId: assignment.id, unitIds: unitsOf(assignment) } },
    });
    await cancelSignForTimer(manager, assignment.id);
    return assignment;
  });
}
