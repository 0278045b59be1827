import { HistoryNote, TicketStatus, transitionTicket } from "@civicline/intake";
import { assertNoFieldErrors, requireRole, type Actor, type FieldError } from "@civicline/platform";
import type { DataSource, EntityManager } from "typeorm";
import { lockForUnit, lockTicketAndAssignment, requireUnitActor, unitsOf } from "../assignment/assignment-access.js";
import { AssignmentAction, assignmentAllows, transitionAssignment } from "../assignment/assignment-lifecycle.js";
import { AssignmentState, ReturnReason, ReturnStatus } from "../assignment/assignment.enums.js";
import { Assignment } from "../assignment/assignment.entity.js";
import { ReturnRequest } from "../assignment/return-request.entity.js";
import { DISPATCH_ROLES, dispatchInTransaction, type DispatchRequest } from "../dispatch/dispatch-ticket.js";
import { TEXT_LIMITS, invalidState, jointDecisionFinal, optionalText, requiredText } from "../routing.errors.js";
import { RoutingEvent } from "../routing.events.js";
import { cancelDeadlineTimers } from "../timers/deadline-timers.js";
import { Unit } from "../unit/unit.entity.js";

/**
 * The lead unit returns a ticket (退单) with a reason: the ticket goes back to AWAITING_DISPATCH
 * (an internal history step) and waits for a dispatcher's decision. The deadlines keep running
 * until the return is accepted.
 */
export async function returnTicket(
  dataSource: DataSource,
  input: { actor: Actor | null; ticketId: string; reason: ReturnReason; text: string; now?: Date },
): Promise<Assignment> {
  const actor = requireUnitActor(input.actor);
  const errors: FieldError[] = [];
  if (!Object.values(ReturnReason).includes(input.reason)) {
    errors.push({ field: "reason", code: "INVALID_FORMAT", message: "Choose a reason from the list." });
  }
  const text = requiredText(errors, "text", input.text, { min: 4, max: TEXT_LIMITS.reason, label: "Explanation" });
  assertNoFieldErrors(errors);
  const now = input.now ?? new Date();
  return dataSource.transaction(async (manager) => {
    const { ticket, assignment } = await lockForUnit(manager, { actor, ticketId: input.ticketId, lead: true });
    if (!assignmentAllows(assignment.state, AssignmentAction.RETURN)) {
      throw invalidState(`A ticket that is ${assignment.state} cannot be returned.`, { state: assignment.state });
    }
    if (assignment.finalDecision) {
      throw jointDecisionFinal(assignment.finalDecision);
    }
    const unit = await manager.findOneByOrFail(Unit, { id: assignment.leadUnitId });
    await transitionTicket(manager, {
      ticketId: ticket.id,
      to: TicketStatus.AWAITING_DISPATCH,
      expectedVersion: ticket.version,
      actor,
      reason: `${unit.nameZh} 退单 / returned (${input.reason}): ${text}`,
      note: { code: HistoryNote.RETURN_REQUESTED, params: { unit: unit.nameZh, unitEn: unit.nameEn, returnReason: input.reason, text } },
      isPublic: false,
    });
    await transitionAssignment(manager, {
      assignment,
      to: AssignmentState.RETURN_REQUESTED,
      action: AssignmentAction.RETURN,
      actor,
      event: { type: RoutingEvent.TICKET_RETURNED, payload: { ticketId: ticket.id, assignmentId: assignment.id, reason: input.reason, unitIds: unitsOf(assignment) } },
    });
    await manager.insert(ReturnRequest, {
      assignmentId: assignment.id,
      ticketId: ticket.id,
      unitId: unit.id,
      reason: input.reason,
      text,
      status: ReturnStatus.PENDING,
      requestedAt: now,
      requestedByName: actor.name,
    });
    return assignment;
  });
}

export type DecideReturnRequest = {
  ticketId: string;
  accept: boolean;
  note?: string | null;
  /** With accept: dispatch at once to another lead unit. */
  redispatch?: DispatchRequest | null;
};

function validateDecision(request: DecideReturnRequest, returningUnitId?: string): string | null {
  const errors: FieldError[] = [];
  const note = request.accept
    ? optionalText(errors, "note", request.note, { max: TEXT_LIMITS.reason, label: "Note" })
    : requiredText(errors, "note", request.note, { min: 2, max: TEXT_LIMITS.reason, label: "The reason for rejecting the return" });
  const redispatch = request.redispatch;
  if (redispatch && !request.accept) {
    errors.push({ field: "redispatch", code: "NOT_ALLOWED", message: "A rejected return stays with the unit; do not re-dispatch it." });
  }
  if (redispatch && redispatch.ticketId !== request.ticketId) {
    errors.push({ field: "redispatch.ticketId", code: "INVALID_FORMAT", message: "Re-dispatch the same ticket." });
  }
  if (redispatch && returningUnitId && redispatch.leadUnitId === returningUnitId) {
    errors.push({ field: "redispatch.leadUnitId", code: "SAME_UNIT", message: "Choose another unit than the one that returned the ticket." });
  }
  assertNoFieldErrors(errors);
  return note;
}

/**
 * A dispatcher decides a pending return. Rejected: the unit keeps the ticket (DISPATCHED again, it
 * signs for it anew; the deadlines stand). Accepted: the assignment ends and its timers are
 * cancelled; with `redispatch` the ticket goes to another unit at once (new deadlines), otherwise
 * it waits in the dispatch queue. Resolves to the new assignment, or the decided one.
 */
export async function decideReturn(
  dataSource: DataSource,
  input: { actor: Actor | null; request: DecideReturnRequest; now?: Date },
): Promise<Assignment> {
  const actor = requireRole(input.actor, DISPATCH_ROLES);
  validateDecision(input.request);
  const now = input.now ?? new Date();
  return dataSource.transaction((manager) => decideReturnInTransaction(manager, { actor, request: input.request, now }));
}

/**
 * `decideReturn` in the caller's transaction, for a caller that has checked who may decide (a joint
 * supervision decision accepts the pending return before dispatching to the unit it names).
 */
export async function decideReturnInTransaction(manager: EntityManager, input: { actor: Actor; request: DecideReturnRequest; now: Date }): Promise<Assignment> {
  const { actor, request, now } = input;
  const { ticket, assignment } = await lockTicketAndAssignment(manager, request.ticketId);
  const pending = await manager.findOne(ReturnRequest, { where: { assignmentId: assignment.id, status: ReturnStatus.PENDING } });
  if (!assignmentAllows(assignment.state, request.accept ? AssignmentAction.ACCEPT_RETURN : AssignmentAction.REJECT_RETURN) || !pending) {
    throw invalidState("There is no pending return for this ticket.");
  }
  const note = validateDecision(request, pending.unitId);
  await manager.update(ReturnRequest, { id: pending.id }, {
    status: request.accept ? ReturnStatus.ACCEPTED : ReturnStatus.REJECTED,
    decidedAt: now,
    decidedByName: actor.name,
    decisionNote: note,
  });
  const event = { ticketId: ticket.id, assignmentId: assignment.id, accepted: request.accept, unitIds: unitsOf(assignment) };
  if (!request.accept) {
    await transitionTicket(manager, {
      ticketId: ticket.id,
      to: TicketStatus.DISPATCHED,
      expectedVersion: ticket.version,
      actor,
      reason: `退单未通过 / return rejected: ${note ?? ""}`,
      note: { code: HistoryNote.RETURN_REJECTED, params: { note: note ?? "" } },
      isPublic: false,
    });
    return transitionAssignment(manager, {
      assignment,
      to: AssignmentState.DISPATCHED,
      action: AssignmentAction.REJECT_RETURN,
      actor,
      changes: { signedForAt: null, signedForByName: null },
      event: { type: RoutingEvent.RETURN_DECIDED, payload: event },
    });
  }
  await transitionAssignment(manager, {
    assignment,
    to: AssignmentState.RETURNED,
    action: AssignmentAction.ACCEPT_RETURN,
    actor,
    event: { type: RoutingEvent.RETURN_DECIDED, payload: event },
  });
  await cancelDeadlineTimers(manager, assignment.id);
  if (!request.redispatch) {
    return assignment;
  }
  return dispatchInTransaction(manager, { actor, request: request.redispatch, now, field: "redispatch", previous: assignment });
}
