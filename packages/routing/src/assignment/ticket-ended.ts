import { TICKET_STATUS_CHANGED, TicketStatus } from "@civicline/intake";
import type { EventHandler } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { RoutingEvent } from "../routing.events.js";
import { cancelDeadlineTimers } from "../timers/deadline-timers.js";
import { unitsOf } from "./assignment-access.js";
import { AssignmentAction, assignmentAllows, transitionAssignment } from "./assignment-lifecycle.js";
import { AssignmentState, ReturnStatus } from "./assignment.enums.js";
import { Assignment } from "./assignment.entity.js";
import { ReturnRequest } from "./return-request.entity.js";

/** Statuses in which intake ends a ticket that may still have an open assignment (a returned one, merged as a duplicate). */
const ENDING: readonly string[] = [TicketStatus.MERGED, TicketStatus.CLOSED_DIRECT];

/**
 * When intake ends a ticket whose latest assignment is still open (a returned ticket waiting in
 * the dispatch queue is merged into another, or answered directly after all), the assignment ends
 * too: its pending return is settled, its timers are cancelled, so no warning fires for it.
 * Idempotent.
 */
export async function endAssignmentOfEndedTicket(dataSource: DataSource, ticketId: string): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    const assignment = await manager.findOne(Assignment, { where: { ticketId, current: true }, lock: { mode: "pessimistic_write" } });
    if (!assignment || !assignmentAllows(assignment.state, AssignmentAction.END_WITH_TICKET)) {
      return false;
    }
    await transitionAssignment(manager, {
      assignment,
      to: AssignmentState.RETURNED,
      action: AssignmentAction.END_WITH_TICKET,
      actor: null,
      event: { type: RoutingEvent.RETURN_DECIDED, payload: { ticketId, assignmentId: assignment.id, accepted: true, unitIds: unitsOf(assignment) } },
    });
    await manager.update(
      ReturnRequest,
      { assignmentId: assignment.id, status: ReturnStatus.PENDING },
      { status: ReturnStatus.ACCEPTED, decidedAt: new Date(), decidedByName: "system", decisionNote: "工单已由受理中心办结或合并 / the ticket was closed or merged at the centre" },
    );
    await cancelDeadlineTimers(manager, assignment.id);
    return true;
  });
}

export function ticketEndedHandler(dataSource: DataSource): EventHandler {
  return {
    name: "routing.end-assignment-of-ended-ticket",
    eventType: TICKET_STATUS_CHANGED,
    handle: async (event) => {
      if (ENDING.includes(String(event.payload.to))) {
        await endAssignmentOfEndedTicket(dataSource, String(event.payload.ticketId));
      }
    },
  };
}
