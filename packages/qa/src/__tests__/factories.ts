import { randomUUID } from "node:crypto";
import { callbackModule } from "@civicline/callback";
import { intakeModule } from "@civicline/intake";
import { knowledgeModule } from "@civicline/knowledge";
import { Role, User, platformModule, type Actor } from "@civicline/platform";
import { createTestDatabase, type TestDatabase } from "@civicline/platform/testing";
import { routingModule } from "@civicline/routing";
import type { DataSource } from "typeorm";
import { qaModule } from "../qa.module.js";
import { QaTeam, QaTeamMember } from "../teams/team.entity.js";

/** A database with every migration qa builds on (platform, intake, routing, knowledge, callback) and qa's own. */
export function qaTestDatabase(): Promise<TestDatabase> {
  const modules = [platformModule, intakeModule, routingModule, knowledgeModule, callbackModule, qaModule];
  return createTestDatabase({ entities: modules.flatMap((module) => module.entities), migrations: modules.flatMap((module) => module.migrations) });
}

/** An actor that exists only in memory (for access checks that need no user row). */
export function staff(name: string, roles: Role[], unitId: string | null = null): Actor {
  return { kind: "staff", id: randomUUID(), name, roles, unitId };
}

export const integrator: Actor = { kind: "integrator", id: randomUUID(), name: "CTI", roles: [Role.INTEGRATOR], unitId: null, scopes: ["telephony"] };
export const openIntegrator: Actor = { kind: "integrator", id: randomUUID(), name: "Open311 only", roles: [Role.INTEGRATOR], unitId: null, scopes: ["open311"] };

let counter = 0;

/** A stored staff user (platform_user row) and its actor. */
export async function createStaff(db: DataSource, name: string, roles: Role[], seat: string | null = null): Promise<Actor> {
  const n = ++counter;
  const user = await db.getRepository(User).save({ username: `qa-${n}-${randomUUID().slice(0, 8)}`, displayName: name, passwordHash: "x", roles, seat, active: true });
  return { kind: "staff", id: user.id, name: user.displayName, roles, unitId: null };
}

/** A team led by `lead` with `members`. */
export async function createTeam(db: DataSource, lead: Actor, members: Actor[], name = `班组 ${++counter}`): Promise<QaTeam> {
  const team = await db.getRepository(QaTeam).save({ name, leadUserId: lead.id });
  for (const member of members) {
    await db.getRepository(QaTeamMember).save({ userId: member.id, teamId: team.id });
  }
  return team;
}
