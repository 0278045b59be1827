import { ForbiddenError, Role, User, assertNoFieldErrors, hasAnyRole, normalizeText, recordAudit, requireRole, textProblem, type Actor, type FieldError } from "@civicline/platform";
import { In, type DataSource } from "typeorm";
import { CALL_TAKER_ROLES, QA_AGGREGATE_READERS, QA_TEAM_ADMINS, qaScope } from "../access.js";
import { isUuid, teamNotFound } from "../qa.errors.js";
import { QaTeam, QaTeamMember } from "./team.entity.js";

export type QaPersonRow = { id: string; displayName: string };
export type QaTeamView = { id: string; name: string; lead: QaPersonRow; members: QaPersonRow[] };

const NAME_MAX = 40;
const MEMBERS_MAX = 60;

/** Teams with their lead and members, sorted by name. */
async function loadTeams(db: DataSource, teamIds: readonly string[] | null): Promise<QaTeamView[]> {
  const teams = await db.getRepository(QaTeam).find({ where: teamIds ? { id: In([...teamIds]) } : {}, order: { name: "ASC" } });
  if (teams.length === 0) {
    return [];
  }
  const members = await db.getRepository(QaTeamMember).find({ where: { teamId: In(teams.map((team) => team.id)) } });
  const userIds = [...new Set([...teams.map((team) => team.leadUserId), ...members.map((member) => member.userId)])];
  const users = await db.getRepository(User).find({ where: { id: In(userIds) }, select: { id: true, displayName: true } });
  const person = (id: string): QaPersonRow => ({ id, displayName: users.find((user) => user.id === id)?.displayName ?? "?" });
  return teams.map((team) => ({
    id: team.id,
    name: team.name,
    lead: person(team.leadUserId),
    members: members
      .filter((member) => member.teamId === team.id)
      .map((member) => person(member.userId))
      .sort((a, b) => a.displayName.localeCompare(b.displayName, "zh-CN")),
  }));
}

/**
 * The teams an actor may see: all of them for inspectors, supervisors, leaders and admins; their own
 * teams for a team lead; their own team for a call-taker.
 */
export async function listTeams(db: DataSource, actorInput: Actor | null | undefined): Promise<QaTeamView[]> {
  const scope = await qaScope(db, actorInput);
  if (hasAnyRole(actorInput, QA_AGGREGATE_READERS)) {
    return loadTeams(db, null);
  }
  const own: Array<{ team_id: string }> = await db.query(`SELECT team_id FROM qa_team_member WHERE user_id = $1`, [scope.actorId]);
  const ids = [...new Set([...scope.ledTeamIds, ...own.map((row) => row.team_id)])];
  if (ids.length === 0 && scope.kind === "none") {
    throw new ForbiddenError("Only QA staff, team leads, call-takers, supervisors and leaders see the QA teams.");
  }
  return loadTeams(db, ids);
}

export type SaveTeamRequest = { id?: string | null; name: string; leadUserId: string; memberIds: string[] };

/**
 * Admin: creates or changes a team (name, lead, members). A member moves from their previous team;
 * members are call-takers (operators); the lead is any active staff user. Audited.
 */
export async function saveTeam(db: DataSource, input: { actor: Actor | null | undefined; request: SaveTeamRequest }): Promise<QaTeamView> {
  const actor = requireRole(input.actor, QA_TEAM_ADMINS);
  const { request } = input;
  const errors: FieldError[] = [];
  const name = normalizeText(request.name ?? "");
  const problem = textProblem(name);
  if (problem) {
    errors.push({ field: "name", code: "INVALID_CHARACTERS", message: `The team name ${problem}.` });
  } else if (!name) {
    errors.push({ field: "name", code: "REQUIRED", message: "Give the team a name." });
  } else if ([...name].length > NAME_MAX) {
    errors.push({ field: "name", code: "TOO_LONG", message: `Keep the team name under ${NAME_MAX} characters.` });
  }
  if (request.id && !isUuid(request.id)) {
    errors.push({ field: "id", code: "INVALID_FORMAT", message: "Choose a team from the list." });
  }
  if (!isUuid(request.leadUserId)) {
    errors.push({ field: "leadUserId", code: "INVALID_FORMAT", message: "Choose the team lead from the staff list." });
  }
  const memberIds = [...new Set(request.memberIds ?? [])];
  if (memberIds.some((id) => !isUuid(id))) {
    errors.push({ field: "memberIds", code: "INVALID_FORMAT", message: "Choose the members from the call-taker list." });
  } else if (memberIds.length > MEMBERS_MAX) {
    errors.push({ field: "memberIds", code: "TOO_MANY", message: `A team has at most ${MEMBERS_MAX} members.` });
  }
  assertNoFieldErrors(errors);
  const saved = await db.transaction(async (manager) => {
    const users = await manager.getRepository(User).find({ where: { id: In([request.leadUserId, ...memberIds]) } });
    const lead = users.find((user) => user.id === request.leadUserId);
    if (!lead?.active || lead.roles.includes(Role.INTEGRATOR)) {
      errors.push({ field: "leadUserId", code: "UNKNOWN", message: "The team lead must be an active staff member." });
    }
    const notCallTakers = memberIds.filter((id) => {
      const user = users.find((candidate) => candidate.id === id);
      return !user?.active || !user.roles.some((role) => CALL_TAKER_ROLES.includes(role));
    });
    if (notCallTakers.length > 0) {
      errors.push({ field: "memberIds", code: "UNKNOWN", message: "Members must be active call-takers (operators)." });
    }
    const clash = await manager.getRepository(QaTeam).findOne({ where: { name } });
    if (clash && clash.id !== request.id) {
      errors.push({ field: "name", code: "TAKEN", message: "Another team has this name." });
    }
    assertNoFieldErrors(errors);
    let team: QaTeam;
    let before: object | null = null;
    if (request.id) {
      const existing = await manager.getRepository(QaTeam).findOne({ where: { id: request.id }, lock: { mode: "pessimistic_write" } });
      if (!existing) {
        throw teamNotFound();
      }
      before = { name: existing.name, leadUserId: existing.leadUserId, memberIds: (await manager.find(QaTeamMember, { where: { teamId: existing.id } })).map((member) => member.userId).sort() };
      team = await manager.getRepository(QaTeam).save({ ...existing, name, leadUserId: request.leadUserId });
      await manager.delete(QaTeamMember, { teamId: team.id });
    } else {
      team = await manager.getRepository(QaTeam).save({ name, leadUserId: request.leadUserId });
    }
    if (memberIds.length > 0) {
      await manager.delete(QaTeamMember, { userId: In(memberIds) });
      await manager.insert(
        QaTeamMember,
        memberIds.map((userId) => ({ userId, teamId: team.id })),
      );
    }
    await recordAudit(manager, {
      actor,
      action: request.id ? "qa.team.updated" : "qa.team.created",
      entity: { type: "qa_team", id: team.id, label: name },
      before,
      after: { name, leadUserId: request.leadUserId, memberIds: [...memberIds].sort() },
    });
    return team;
  });
  return (await loadTeams(db, [saved.id]))[0]!;
}
