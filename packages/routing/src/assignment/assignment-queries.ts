import { Role, requireRole, type Actor } from "@civicline/platform";
import { In, type DataSource } from "typeorm";
import { assignmentNotFound } from "../routing.errors.js";
import { assertMayRead, findCurrentAssignment, requireUnitActor, ASSIGNMENT_READ_ROLES } from "./assignment-access.js";
import { ACTIVE_STATES, AssignmentState, ExtensionStatus } from "./assignment.enums.js";
import { Assignment } from "./assignment.entity.js";

const INBOX_LIMIT = 500;

/**
 * A handler's inbox: the latest assignments of tickets their unit leads or assists on, those the
 * citizen chased (催办) first, then soonest completion deadline first. Open ones only, unless `includeClosed` (then replied and returned too).
 * Read from the assignments themselves — as lead by (lead unit, state), as assisting unit by the GIN
 * index on the current assignments' assisting units — so only the unit's assignments in those
 * states are read, not every assignment the unit ever had (the assisting units are written with
 * the assignment at dispatch, the same as its routing_assignment_unit rows).
 */
export async function unitInbox(dataSource: DataSource, input: { actor: Actor | null; includeClosed: boolean }): Promise<Assignment[]> {
  const actor = requireUnitActor(input.actor);
  const states = input.includeClosed ? [...ACTIVE_STATES, AssignmentState.REPLIED, AssignmentState.RETURNED] : ACTIVE_STATES;
  return dataSource
    .getRepository(Assignment)
    .createQueryBuilder("a")
    .where("a.current AND a.state IN (:...states)", { states })
    .andWhere("(a.lead_unit_id = :unitId OR a.assisting_unit_ids @> ARRAY[:unitId]::uuid[])", { unitId: actor.unitId })
    // Tickets the citizen called again about (催办) first, latest call first; then by deadline.
    .orderBy("a.last_follow_up_at", "DESC", "NULLS LAST")
    .addOrderBy("a.completion_due_at", "ASC")
    .addOrderBy("a.id", "ASC")
    .limit(INBOX_LIMIT)
    .getMany();
}

/** A ticket's latest assignment: centre staff, or a handler of a unit taking part in it. */
export async function getAssignment(dataSource: DataSource, input: { actor: Actor | null; ticketId: string }): Promise<Assignment> {
  requireRole(input.actor, [...ASSIGNMENT_READ_ROLES, Role.HANDLER]);
  const assignment = await findCurrentAssignment(dataSource, input.ticketId);
  if (!assignment) {
    throw assignmentNotFound();
  }
  assertMayRead(input.actor, assignment);
  return assignment;
}

/** Extension requests of open assignments waiting for a supervisor, oldest first. */
export async function pendingExtensions(dataSource: DataSource, actor: Actor | null): Promise<Assignment[]> {
  requireRole(actor, [Role.SUPERVISOR, Role.ADMIN]);
  return dataSource.getRepository(Assignment).find({
    where: { current: true, extensionStatus: ExtensionStatus.PENDING, state: In([...ACTIVE_STATES]) },
    order: { extensionRequestedAt: "ASC" },
    take: INBOX_LIMIT,
  });
}
