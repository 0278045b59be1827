import { assertNoFieldErrors, type Actor, type FieldError } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { lockForUnit, requireUnitActor, unitsOf } from "../assignment/assignment-access.js";
import { ACTIVE_STATES, AssignmentState, NoteVisibility, UnitRole } from "../assignment/assignment.enums.js";
import type { Assignment } from "../assignment/assignment.entity.js";
import { AssignmentUnit } from "../assignment/assignment-unit.entity.js";
import { ProgressNote } from "../assignment/progress-note.entity.js";
import { TEXT_LIMITS, invalidState, requiredText } from "../routing.errors.js";
import { RoutingEvent, recordRoutingEvent } from "../routing.events.js";

/**
 * A handler of the lead or an assisting unit notes progress on an open assignment. A PUBLIC note
 * reaches the citizen (PublicTicket.publicNotes on the tracking page, Open311 status_notes of a
 * request that may be published); an INTERNAL one stays with staff.
 */
export async function addProgressNote(
  dataSource: DataSource,
  input: { actor: Actor | null; ticketId: string; text: string; visibility: NoteVisibility; now?: Date },
): Promise<Assignment> {
  const actor = requireUnitActor(input.actor);
  const errors: FieldError[] = [];
  const text = requiredText(errors, "text", input.text, { min: 2, max: TEXT_LIMITS.note, label: "Note" });
  if (!Object.values(NoteVisibility).includes(input.visibility)) {
    errors.push({ field: "visibility", code: "INVALID_FORMAT", message: "Choose INTERNAL or PUBLIC." });
  }
  assertNoFieldErrors(errors);
  return dataSource.transaction(async (manager) => {
    const { assignment } = await lockForUnit(manager, { actor, ticketId: input.ticketId, lead: false });
    if (!ACTIVE_STATES.includes(assignment.state)) {
      throw invalidState(`Notes can be added while the ticket is being handled, not when it is ${assignment.state}.`, { state: assignment.state });
    }
    await manager.insert(ProgressNote, {
      assignmentId: assignment.id,
      ticketId: assignment.ticketId,
      unitId: actor.unitId,
      authorId: actor.id,
      authorName: actor.name,
      visibility: input.visibility,
      text,
      at: input.now ?? new Date(),
    });
    await recordRoutingEvent(manager, RoutingEvent.NOTE_ADDED, { ticketId: assignment.ticketId, assignmentId: assignment.id, visibility: input.visibility, unitIds: unitsOf(assignment) }, actor.id);
    return assignment;
  });
}

/** An assisting unit gives its input to the lead unit before the reply (it may revise it until then). */
export async function addAssistInput(
  dataSource: DataSource,
  input: { actor: Actor | null; ticketId: string; text: string; now?: Date },
): Promise<Assignment> {
  const actor = requireUnitActor(input.actor);
  const errors: FieldError[] = [];
  const text = requiredText(errors, "text", input.text, { min: 2, max: TEXT_LIMITS.reply, label: "Input" });
  assertNoFieldErrors(errors);
  return dataSource.transaction(async (manager) => {
    const { assignment, role } = await lockForUnit(manager, { actor, ticketId: input.ticketId, lead: false });
    if (role !== UnitRole.ASSISTING) {
      throw invalidState("Only an assisting unit gives input; the lead unit replies.");
    }
    if (assignment.state !== AssignmentState.DISPATCHED && assignment.state !== AssignmentState.SIGNED_FOR) {
      throw invalidState(`Input can be given before the lead unit replies, not when the ticket is ${assignment.state}.`, { state: assignment.state });
    }
    await manager.update(
      AssignmentUnit,
      { assignmentId: assignment.id, unitId: actor.unitId },
      { assistText: text, assistAt: input.now ?? new Date(), assistByName: actor.name },
    );
    await recordRoutingEvent(manager, RoutingEvent.ASSIST_INPUT_ADDED, { ticketId: assignment.ticketId, assignmentId: assignment.id, unitIds: unitsOf(assignment) }, actor.id);
    return assignment;
  });
}
