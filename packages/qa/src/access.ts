import { ForbiddenError, Role, UnauthenticatedError, hasAnyRole, type Actor } from "@civicline/platform";
import type { DataSource, EntityManager } from "typeorm";

import { callTakerNotFound } from "./qa.errors.js";

/**
 * Who sees what in staff QA — written once here; every qa query and mutation goes through it.
 *
 * - QA inspectors see every call-taker's calls, scores and comments.
 * - A team lead (any staff user who leads a `qa_team`; there is no team-lead role) sees their team
 *   members' and their own, and decides their members' appeals.
 * - An operator (call-taker) sees only their own.
 * - Supervisors, leaders and admins see team and centre aggregates only: no individual comments, no recordings.
 * - Admins (and QA inspectors) manage score forms and assessment weights; admins manage teams.
 */

/** Who sees every call-taker's scores, comments and recordings. */
export const QA_INSPECTORS: readonly Role[] = [Role.QA_INSPECTOR];
/** Who reads team and centre aggregates (no individual comments). */
export const QA_AGGREGATE_READERS: readonly Role[] = [Role.QA_INSPECTOR, Role.SUPERVISOR, Role.LEADER, Role.ADMIN];
/** Who edits score forms and the monthly assessment weights. */
export const QA_FORM_EDITORS: readonly Role[] = [Role.ADMIN, Role.QA_INSPECTOR];
/** Who creates teams, sets their lead and members. */
export const QA_TEAM_ADMINS: readonly Role[] = [Role.ADMIN];
/** Call-takers: whose calls are recorded and inspected. */
export const CALL_TAKER_ROLES: readonly Role[] = [Role.OPERATOR];
/** Who reports call records: the telephony integration (API key, scope `telephony`) or an admin. */
export const CALL_RECORD_REPORTERS: readonly Role[] = [Role.INTEGRATOR, Role.ADMIN];

/**
 * What an actor may see of individual call-takers:
 * - `all`: every call-taker (QA inspectors);
 * - `people`: exactly `userIds` (a team lead: own + members; an operator: own only);
 * - `none`: nobody individually (supervisors, leaders, admins: aggregates only).
 */
export type QaScope =
  | { kind: "all"; actorId: string; ledTeamIds: readonly string[] }
  | { kind: "people"; actorId: string; userIds: readonly string[]; ledTeamIds: readonly string[] }
  | { kind: "none"; actorId: string; ledTeamIds: readonly string[] };

type Queryable = DataSource | EntityManager;

/** Ids of the teams a user leads. */
export async function teamsLedBy(db: Queryable, userId: string): Promise<string[]> {
  const rows: Array<{ id: string }> = await db.query(`SELECT id FROM qa_team WHERE lead_user_id = $1 ORDER BY name`, [userId]);
  return rows.map((row) => row.id);
}

/** Whether `leadUserId` leads the team `userId` is a member of. */
export async function isTeamLeadOf(db: Queryable, leadUserId: string, userId: string): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `SELECT 1 FROM qa_team_member m JOIN qa_team t ON t.id = m.team_id WHERE m.user_id = $1 AND t.lead_user_id = $2`,
    [userId, leadUserId],
  );
  return rows.length > 0;
}

/** Staff only (an integrator sees nothing of QA); throws UNAUTHENTICATED without an actor. */
function requireStaff(actor: Actor | null | undefined): Actor {
  if (!actor) {
    throw new UnauthenticatedError();
  }
  if (actor.kind !== "staff") {
    throw new ForbiddenError("Only hotline staff may see staff QA.");
  }
  return actor;
}

/** The actor's individual-results scope (one or two small indexed queries). */
export async function qaScope(db: Queryable, actor: Actor | null | undefined): Promise<QaScope> {
  const staff = requireStaff(actor);
  const ledTeamIds = await teamsLedBy(db, staff.id);
  if (hasAnyRole(staff, QA_INSPECTORS)) {
    return { kind: "all", actorId: staff.id, ledTeamIds };
  }
  const people = new Set<string>();
  if (hasAnyRole(staff, CALL_TAKER_ROLES)) {
    people.add(staff.id);
  }
  if (ledTeamIds.length > 0) {
    people.add(staff.id);
    const rows: Array<{ user_id: string }> = await db.query(`SELECT user_id FROM qa_team_member WHERE team_id = ANY($1::uuid[])`, [ledTeamIds]);
    for (const row of rows) {
      people.add(row.user_id);
    }
  }
  if (people.size === 0) {
    return { kind: "none", actorId: staff.id, ledTeamIds };
  }
  return { kind: "people", actorId: staff.id, userIds: [...people], ledTeamIds };
}

/** Whether the scope covers call-taker `userId`'s individual calls, scores and comments. */
export function scopeCovers(scope: QaScope, userId: string): boolean {
  return scope.kind === "all" || (scope.kind === "people" && scope.userIds.includes(userId));
}

/**
 * Throws QA/CALL_TAKER_NOT_FOUND unless the actor may see `userId`'s individual results (the same
 * error whether the person exists or not, so ids cannot be probed). Returns the scope.
 */
export async function requireCallTakerAccess(db: Queryable, actor: Actor | null | undefined, userId: string): Promise<QaScope> {
  const scope = await qaScope(db, actor);
  if (!scopeCovers(scope, userId)) {
    throw callTakerNotFound();
  }
  return scope;
}

/** Throws FORBIDDEN unless the actor sees individuals at all (inspectors, team leads, call-takers). */
export async function requireIndividualReader(db: Queryable, actor: Actor | null | undefined): Promise<QaScope> {
  const scope = await qaScope(db, actor);
  if (scope.kind === "none") {
    throw new ForbiddenError("Only QA inspectors, team leads and the call-takers themselves see individual QA results.");
  }
  return scope;
}

/** Throws FORBIDDEN unless the actor reads team and centre aggregates (inspectors, supervisors, leaders, admins, team leads). */
export async function requireAggregateReader(db: Queryable, actor: Actor | null | undefined): Promise<QaScope> {
  const scope = await qaScope(db, actor);
  if (!hasAnyRole(actor, QA_AGGREGATE_READERS) && scope.ledTeamIds.length === 0) {
    throw new ForbiddenError("Only QA inspectors, team leads, supervisors, leaders and admins see team figures.");
  }
  return scope;
}

/** Whether the actor may read a team's individual members' results: inspectors, or its lead. */
export function scopeLeadsOrInspects(scope: QaScope, teamId: string): boolean {
  return scope.kind === "all" || scope.ledTeamIds.includes(teamId);
}

/** Whether the actor may decide an appeal of call-taker `userId`: only the lead of their team. */
export async function mayDecideAppealOf(db: Queryable, actor: Actor | null | undefined, userId: string): Promise<boolean> {
  const staff = requireStaff(actor);
  return staff.id !== userId && (await isTeamLeadOf(db, staff.id, userId));
}

/**
 * A SQL condition restricting `column` (a call-taker id column) to the scope, appending its
 * parameter to `params`: `TRUE` for inspectors, `FALSE` for aggregate-only readers.
 */
export function scopeSql(scope: QaScope, column: string, params: unknown[]): string {
  if (scope.kind === "all") {
    return "TRUE";
  }
  if (scope.kind === "none") {
    return "FALSE";
  }
  params.push(scope.userIds);
  return `${column} = ANY($${params.length}::uuid[])`;
}
