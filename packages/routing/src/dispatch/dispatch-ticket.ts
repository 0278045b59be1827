import { Ticket, TicketStatus } from "@civicline/intake";
import { ConflictError, DomainError, Role, assertNoFieldErrors, requireRole, type Actor, type FieldError } from "@civicline/platform";
import type { DataSource, EntityManager } from "typeorm";
import { isAssignmentFinished } from "../assignment/assignment-lifecycle.js";
import { AssignmentState } from "../assignment/assignment.enums.js";
import { Assignment } from "../assignment/assignment.entity.js";
import { TEXT_LIMITS, invalidState, isUuid, optionalText } from "../routing.errors.js";
import { MAX_ASSISTING_UNITS, dispatchLockedTicket, loadUnits } from "./dispatch-core.js";

/** Who dispatches tickets and decides returns. */
export const DISPATCH_ROLES: readonly Role[] = [Role.DISPATCHER, Role.ADMIN];

/** Statuses from which a ticket can be dispatched. */
export const DISPATCHABLE: readonly TicketStatus[] = [TicketStatus.RECEIVED, TicketStatus.AWAITING_DISPATCH];

/** What a dispatcher sends (GraphQL DispatchInput). */
export type DispatchRequest = {
  ticketId: string;
  version: number;
  leadUnitId: string;
  assistingUnitIds?: readonly string[] | null;
  note?: string | null;
};

/** Checks a dispatch request's shape; `prefix` names the argument in field names (e.g. "redispatch"). */
export function validateDispatchRequest(request: DispatchRequest, prefix?: string): { assistingUnitIds: string[]; note: string | null } {
  const name = (field: string): string => (prefix ? `${prefix}.${field}` : field);
  const errors: FieldError[] = [];
  const assistingUnitIds = [...new Set(request.assistingUnitIds ?? [])];
  if (!isUuid(request.ticketId)) {
    errors.push({ field: name("ticketId"), code: "INVALID_FORMAT", message: "Choose a ticket." });
  }
  if (!Number.isInteger(request.version)) {
    errors.push({ field: name("version"), code: "INVALID_FORMAT", message: "Send the version of the ticket you saw." });
  }
  if (!isUuid(request.leadUnitId)) {
    errors.push({ field: name("leadUnitId"), code: "REQUIRED", message: "Choose the lead unit." });
  }
  if (assistingUnitIds.length > MAX_ASSISTING_UNITS) {
    errors.push({ field: name("assistingUnitIds"), code: "TOO_LONG", message: `Name at most ${MAX_ASSISTING_UNITS} assisting units.` });
  } else if (assistingUnitIds.some((id) => !isUuid(id))) {
    errors.push({ field: name("assistingUnitIds"), code: "INVALID_FORMAT", message: "Choose assisting units from the list." });
  } else if (assistingUnitIds.includes(request.leadUnitId)) {
    errors.push({ field: name("assistingUnitIds"), code: "SAME_UNIT", message: "The lead unit cannot also assist." });
  }
  const note = optionalText(errors, name("note"), request.note, { max: TEXT_LIMITS.note, label: "Note" });
  assertNoFieldErrors(errors);
  return { assistingUnitIds, note };
}

/**
 * Dispatches in the caller's transaction, for a dispatcher (or a re-dispatch after a return):
 * locks the ticket, checks its version (CONFLICT when stale) and status, then dispatches.
 */
export async function dispatchInTransaction(
  manager: EntityManager,
  input: { actor: Actor; request: DispatchRequest; now: Date; field?: string; previous?: Assignment | null },
): Promise<Assignment> {
  const { request } = input;
  const { assistingUnitIds, note } = validateDispatchRequest(request, input.field);
  const ticket = await manager.findOne(Ticket, { where: { id: request.ticketId }, lock: { mode: "pessimistic_write" } });
  if (!ticket) {
    throw new DomainError("INTAKE/TICKET_NOT_FOUND", "This ticket does not exist.");
  }
  if (ticket.version !== request.version) {
    throw new ConflictError();
  }
  if (!DISPATCHABLE.includes(ticket.status)) {
    throw invalidState(`A ticket that is ${ticket.status} cannot be dispatched.`, { status: ticket.status });
  }
  const previous = input.previous !== undefined ? input.previous : await manager.findOne(Assignment, { where: { ticketId: ticket.id, current: true }, lock: { mode: "pessimistic_write" } });
  if (previous?.state === AssignmentState.RETURN_REQUESTED) {
    throw invalidState("The unit returned this ticket: decide the return (accept and re-dispatch, or reject) first.");
  }
  if (previous && !isAssignmentFinished(previous.state)) {
    throw invalidState("This ticket is already dispatched.");
  }
  const { lead, assisting } = await loadUnits(manager, { leadUnitId: request.leadUnitId, assistingUnitIds, prefix: input.field });
  return dispatchLockedTicket(manager, { ticket, actor: input.actor, lead, assisting, note, now: input.now, auto: false, previous });
}

/** A dispatcher dispatches a ticket in one action (DISPATCHER, ADMIN). */
export async function dispatchTicket(
  dataSource: DataSource,
  input: { actor: Actor | null; request: DispatchRequest; now?: Date },
): Promise<Assignment> {
  const actor = requireRole(input.actor, DISPATCH_ROLES);
  return dataSource.transaction((manager) => dispatchInTransaction(manager, { actor, request: input.request, now: input.now ?? new Date() }));
}
