import { Role, User, type Actor } from "@civicline/platform";
import type { EntityManager } from "typeorm";
import { notALeader } from "./leader.errors.js";
import { isUuid } from "./leader-validation.js";

/** The active LEADER account `leaderId`, or SUPERVISION/NOT_A_LEADER (naming `field`). */
export async function requireLeaderAccount(manager: EntityManager, leaderId: string, field: string): Promise<User> {
  const user = isUuid(leaderId) ? await manager.findOne(User, { where: { id: leaderId, active: true } }) : null;
  if (!user || !user.roles.includes(Role.LEADER)) {
    throw notALeader(field);
  }
  return user;
}

/** The leader as the actor of the history rows their session writes. */
export function leaderActor(leader: { leaderId: string; leaderName: string }): Actor {
  return { kind: "staff", id: leader.leaderId, name: leader.leaderName, roles: [Role.LEADER], unitId: null };
}
