import { CENTRE_ROLES, Ticket } from "@civicline/intake";
import { ForbiddenError, Role, hasAnyRole, requireRole, type Actor } from "@civicline/platform";
import type { DataSource, EntityManager } from "typeorm";
import { assignmentNotFound, isUuid, notYourUnit } from "../routing.errors.js";
import { UnitRole } from "./assignment.enums.js";
import { Assignment } from "./assignment.entity.js";

/** A handler with the unit they work for. */
export type UnitActor = Actor & { unitId: string };

/** Centre staff who may read any assignment (dispatchers, supervisors, callback agents …). */
export const ASSIGNMENT_READ_ROLES: readonly Role[] = CENTRE_ROLES;

/** The units taking part in an assignment, lead first. */
export function unitsOf(assignment: Pick<Assignment, "leadUnitId" | "assistingUnitIds">): string[] {
  return [assignment.leadUnitId, ...assignment.assistingUnitIds];
}

/** The part the actor's unit plays in the assignment, or null. */
export function roleOf(actor: Actor, assignment: Pick<Assignment, "leadUnitId" | "assistingUnitIds">): UnitRole | null {
  if (!actor.unitId) {
    return null;
  }
  if (assignment.leadUnitId === actor.unitId) {
    return UnitRole.LEAD;
  }
  return assignment.assistingUnitIds.includes(actor.unitId) ? UnitRole.ASSISTING : null;
}

/** A HANDLER who belongs to a unit; FORBIDDEN otherwise. */
export function requireUnitActor(input: Actor | null | undefined): UnitActor {
  const actor = requireRole(input, [Role.HANDLER]);
  if (!actor.unitId) {
    throw new ForbiddenError("Your account is not attached to a handling unit.");
  }
  return actor as UnitActor;
}

/**
 * Whether the actor may read this assignment: centre staff always; a handler only when their unit
 * is its lead or an assisting unit (else ROUTING/NOT_YOUR_UNIT); anyone else FORBIDDEN.
 */
export function assertMayRead(actorInput: Actor | null | undefined, assignment: Assignment): Actor {
  const actor = requireRole(actorInput, [...ASSIGNMENT_READ_ROLES, Role.HANDLER]);
  if (hasAnyRole(actor, ASSIGNMENT_READ_ROLES)) {
    return actor;
  }
  if (!roleOf(actor, assignment)) {
    throw notYourUnit();
  }
  return actor;
}

/** The ticket's latest assignment, or null when it was never dispatched. */
export function findCurrentAssignment(db: DataSource | EntityManager, ticketId: string): Promise<Assignment | null> {
  if (!isUuid(ticketId)) {
    return Promise.resolve(null);
  }
  return db.getRepository(Assignment).findOne({ where: { ticketId, current: true } });
}

/**
 * Locks the ticket, then its latest assignment (always in this order, so use cases never wait on
 * each other crosswise), for a change by a handler of a unit taking part in it (`lead`: the lead
 * unit only). ROUTING/ASSIGNMENT_NOT_FOUND when never dispatched, ROUTING/NOT_YOUR_UNIT otherwise.
 */
export async function lockForUnit(
  manager: EntityManager,
  input: { actor: UnitActor; ticketId: string; lead: boolean },
): Promise<{ ticket: Ticket; assignment: Assignment; role: UnitRole }> {
  const { ticket, assignment } = await lockTicketAndAssignment(manager, input.ticketId);
  const role = roleOf(input.actor, assignment);
  if (!role || (input.lead && role !== UnitRole.LEAD)) {
    throw notYourUnit();
  }
  return { ticket, assignment, role };
}

/** Locks a ticket and its latest assignment (ticket first); ASSIGNMENT_NOT_FOUND when there is none. */
export async function lockTicketAndAssignment(manager: EntityManager, ticketId: string): Promise<{ ticket: Ticket; assignment: Assignment }> {
  const ticket = isUuid(ticketId) ? await manager.findOne(Ticket, { where: { id: ticketId }, lock: { mode: "pessimistic_write" } }) : null;
  const assignment = ticket
    ? await manager.findOne(Assignment, { where: { ticketId, current: true }, lock: { mode: "pessimistic_write" } })
    : null;
  if (!ticket || !assignment) {
    throw assignmentNotFound();
  }
  return { ticket, assignment };
}

/**
 * Whether a handler may see this ticket at all (for intake's `ticket(id)` and search): their unit
 * is the lead or an assisting unit of the ticket's latest assignment. Centre staff: true.
 */
export async function handlerMayViewTicket(db: DataSource | EntityManager, actor: Actor | null, ticketId: string): Promise<boolean> {
  if (!actor) {
    return false;
  }
  if (hasAnyRole(actor, ASSIGNMENT_READ_ROLES)) {
    return true;
  }
  if (!actor.unitId || !hasAnyRole(actor, [Role.HANDLER])) {
    return false;
  }
  const assignment = await findCurrentAssignment(db, ticketId);
  return !!assignment && roleOf(actor, assignment) !== null;
}
