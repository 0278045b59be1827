import { Role, hasAnyRole, requireRole, type Actor } from "@civicline/platform";
import type { EntityManager } from "typeorm";
import { JointCase } from "./joint-case.entity.js";
import { JointCaseParty } from "./joint-party.entity.js";
import { JointParty } from "./joint.enums.js";
import { caseNotFound, isUuid } from "./joint.errors.js";

/** Who opens a case (and speaks for the complaint centre). */
export const JOINT_OPENERS: readonly Role[] = [Role.SUPERVISOR];
/** Who reads every case without being a party. */
export const JOINT_READERS: readonly Role[] = [Role.SUPERVISOR, Role.ADMIN, Role.LEADER, Role.DISPATCHER];

/**
 * The party the actor speaks for in a case: staff of a party's unit (the discipline commission's and
 * the staffing office's handler accounts), or a supervisor of the centre for the complaint centre.
 */
export function partyOf(actor: Actor, parties: readonly Pick<JointCaseParty, "party" | "unitId">[]): JointParty | null {
  const byUnit = actor.unitId ? parties.find((party) => party.unitId === actor.unitId) : undefined;
  if (byUnit) {
    return byUnit.party;
  }
  return actor.roles.includes(Role.SUPERVISOR) ? JointParty.COMPLAINT_CENTRE : null;
}

/** Whether the actor may read a case with these parties. */
export function mayRead(actor: Actor, parties: readonly Pick<JointCaseParty, "party" | "unitId">[]): boolean {
  return hasAnyRole(actor, JOINT_READERS) || partyOf(actor, parties) !== null;
}

/** Roles that may ever see a case: the centre's readers, and handlers (the party units' staff; what they see is decided per case). */
export const JOINT_VIEWERS: readonly Role[] = [...JOINT_READERS, Role.HANDLER];
/** Roles that may speak for a party: the party units' staff, and supervisors for the complaint centre. */
export const JOINT_PARTY_ROLES: readonly Role[] = [Role.HANDLER, Role.SUPERVISOR];

/** FORBIDDEN for roles that never see a case (call-takers, callback agents, QA inspectors). */
export function requireViewer(actor: Actor | null | undefined): Actor {
  return requireRole(actor, JOINT_VIEWERS);
}

/**
 * Loads a case the actor may read (locked when `lock`), with its parties; JOINT/CASE_NOT_FOUND for
 * a missing case and for one the actor may not read (a non-party learns nothing about it).
 */
export async function loadVisibleCase(
  manager: EntityManager,
  input: { actor: Actor; caseId: string; lock?: boolean; skipReadCheck?: boolean },
): Promise<{ jointCase: JointCase; parties: JointCaseParty[] }> {
  if (!isUuid(input.caseId)) {
    throw caseNotFound();
  }
  const jointCase = await manager.findOne(JointCase, { where: { id: input.caseId }, ...(input.lock ? { lock: { mode: "pessimistic_write" as const } } : {}) });
  if (!jointCase) {
    throw caseNotFound();
  }
  const parties = await manager.find(JointCaseParty, { where: { caseId: jointCase.id } });
  if (!input.skipReadCheck && !mayRead(input.actor, parties)) {
    throw caseNotFound();
  }
  return { jointCase, parties };
}
