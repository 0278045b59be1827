import { DomainError, Role, assertNoFieldErrors, loadWorkingCalendar, requireRole, type Actor, type FieldError } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { lockForUnit, lockTicketAndAssignment, requireUnitActor, unitsOf } from "../assignment/assignment-access.js";
import { ACTIVE_STATES, AssignmentState, ExtensionStatus } from "../assignment/assignment.enums.js";
import { Assignment } from "../assignment/assignment.entity.js";
import { RoutingErrorCode, TEXT_LIMITS, invalidState, optionalText, requiredText } from "../routing.errors.js";
import { RoutingEvent, recordRoutingEvent } from "../routing.events.js";
import { recomputeDeadlines } from "./recompute.js";

/** The longest extension a unit may ask for, in working days. */
export const MAX_EXTENSION_DAYS = 30;
/** Who decides extension requests. */
export const EXTENSION_DECIDERS: readonly Role[] = [Role.SUPERVISOR];

/** The lead unit asks once per assignment for more time (延期), in working days, with a reason. */
export async function requestExtension(
  dataSource: DataSource,
  input: { actor: Actor | null; ticketId: string; workingDays: number; reason: string; now?: Date },
): Promise<Assignment> {
  const actor = requireUnitActor(input.actor);
  const errors: FieldError[] = [];
  if (!Number.isInteger(input.workingDays) || input.workingDays < 1 || input.workingDays > MAX_EXTENSION_DAYS) {
    errors.push({ field: "workingDays", code: "OUT_OF_RANGE", message: `Ask for 1 to ${MAX_EXTENSION_DAYS} working days.` });
  }
  const reason = requiredText(errors, "reason", input.reason, { min: 4, max: TEXT_LIMITS.reason, label: "Reason" });
  assertNoFieldErrors(errors);
  return dataSource.transaction(async (manager) => {
    const { assignment } = await lockForUnit(manager, { actor, ticketId: input.ticketId, lead: true });
    if (assignment.extensionStatus) {
      throw new DomainError(RoutingErrorCode.EXTENSION_ALREADY_REQUESTED, "Your unit has already asked for an extension of this ticket; it can be asked once.");
    }
    if (assignment.state !== AssignmentState.DISPATCHED && assignment.state !== AssignmentState.SIGNED_FOR) {
      throw invalidState(`An extension cannot be asked for a ticket that is ${assignment.state}.`, { state: assignment.state });
    }
    const calendar = await loadWorkingCalendar(manager);
    const changes = {
      extensionStatus: ExtensionStatus.PENDING,
      extensionDays: input.workingDays,
      extensionMinutes: input.workingDays * calendar.workingDayMinutes,
      extensionReason: reason,
      extensionRequestedAt: input.now ?? new Date(),
      extensionRequestedByName: actor.name,
    };
    await manager.update(Assignment, { id: assignment.id }, changes);
    await recordRoutingEvent(manager, RoutingEvent.EXTENSION_REQUESTED, { ticketId: assignment.ticketId, assignmentId: assignment.id, workingDays: input.workingDays, unitIds: unitsOf(assignment) }, actor.id);
    return Object.assign(assignment, changes);
  });
}

/**
 * A supervisor approves or refuses a pending extension. Approved: the completion deadline moves
 * by the requested working days, the near-due point is recomputed and the timers re-scheduled.
 */
export async function decideExtension(
  dataSource: DataSource,
  input: { actor: Actor | null; ticketId: string; approve: boolean; note?: string | null; now?: Date },
): Promise<Assignment> {
  const actor = requireRole(input.actor, EXTENSION_DECIDERS);
  const errors: FieldError[] = [];
  const note = optionalText(errors, "note", input.note, { max: TEXT_LIMITS.reason, label: "Note" });
  assertNoFieldErrors(errors);
  const now = input.now ?? new Date();
  return dataSource.transaction(async (manager) => {
    const { ticket, assignment } = await lockTicketAndAssignment(manager, input.ticketId);
    if (assignment.extensionStatus !== ExtensionStatus.PENDING) {
      throw invalidState("There is no pending extension request for this ticket.");
    }
    Object.assign(assignment, {
      extensionStatus: input.approve ? ExtensionStatus.APPROVED : ExtensionStatus.REFUSED,
      extensionDecidedAt: now,
      extensionDecidedByName: actor.name,
      extensionDecisionNote: note,
    });
    if (input.approve) {
      await recomputeDeadlines(manager, { assignment, ticket, now, reschedule: ACTIVE_STATES.includes(assignment.state) });
    }
    await manager.save(assignment);
    await recordRoutingEvent(
      manager,
      RoutingEvent.EXTENSION_DECIDED,
      { ticketId: assignment.ticketId, assignmentId: assignment.id, approved: input.approve, completionDueAt: assignment.completionDueAt.toISOString(), unitIds: unitsOf(assignment) },
      actor.id,
    );
    return assignment;
  });
}
