import { createHash } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { publishOnCommit } from "../events/pubsub.js";
import type { Actor } from "./actor.js";
import type { Role } from "./roles.js";
import { Session } from "./session.entity.js";

/** The pub/sub topic every gateway instance listens on to close the sockets of ended sessions. */
export const SESSIONS_ENDED_TOPIC = "platform.sessions_ended";

/**
 * The pub/sub topic PostgreSQL itself publishes on (triggers of the CredentialsChanged migration)
 * whenever a user, a session or an API key row is updated or deleted, by this code or by hand, so
 * that every instance drops what it cached about it at once.
 */
export const CREDENTIALS_CHANGED_TOPIC = "platform.credentials_changed";

/** The message on CREDENTIALS_CHANGED_TOPIC: exactly one of the three ids is set. */
export type CredentialsChanged = { userId?: string; sessionId?: string; apiKeyHash?: string };

/** Why sessions ended: a logout ends one; `ended` (deactivation, admin action) ends all of a user's. */
export type SessionsEndedReason = "logout" | "ended";

/** The message on SESSIONS_ENDED_TOPIC: one session (`sessionId`) or all of a user's (`sessionId: null`). */
export type SessionsEnded = { userId: string; sessionId: string | null; reason: SessionsEndedReason };

/** A live session: who it is, its id (the token's SHA-256, never the token) and when it expires. */
export type SessionInfo = { actor: Actor; userId: string; sessionId: string; expiresAt: Date };

function sessionIdOf(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The live session a token opens, or null when unknown, expired or its user is inactive (one statement). */
export async function findSession(dataSource: DataSource, token: string): Promise<SessionInfo | null> {
  const sessionId = sessionIdOf(token);
  // After a password reset the session holds no role until the temporary password is changed:
  // every role-guarded operation is refused, only `me`, `changeMyPassword` and `logout` work.
  const rows: Array<{ id: string; display_name: string; roles: Role[]; unit_id: string | null; expires_at: Date }> = await dataSource.query(
    `SELECT u.id, u.display_name, CASE WHEN u.must_change_password THEN '{}'::text[] ELSE u.roles END AS roles, u.unit_id, s.expires_at
       FROM platform_session s JOIN platform_user u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > now() AND u.active`,
    [sessionId],
  );
  const row = rows[0];
  if (!row) {
    return null;
  }
  const actor: Actor = { kind: "staff", id: row.id, name: row.display_name, roles: row.roles, unitId: row.unit_id };
  return { actor, userId: row.id, sessionId, expiresAt: new Date(row.expires_at) };
}

/** Whether a session is still live (exists, not expired, user active): the socket's re-check. */
export async function isSessionLive(dataSource: DataSource, sessionId: string): Promise<boolean> {
  const rows: unknown[] = await dataSource.query(
    `SELECT 1 FROM platform_session s JOIN platform_user u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > now() AND u.active`,
    [sessionId],
  );
  return rows.length > 0;
}

async function announce(manager: EntityManager, message: SessionsEnded): Promise<void> {
  await publishOnCommit(manager, SESSIONS_ENDED_TOPIC, message);
}

/** Ends the session a token opened (idempotent) and tells every instance to close its sockets. */
export async function endSession(options: { dataSource: DataSource; token: string }): Promise<void> {
  const sessionId = sessionIdOf(options.token);
  await options.dataSource.transaction(async (manager) => {
    const session = await manager.findOne(Session, { where: { tokenHash: sessionId } });
    if (!session) {
      return;
    }
    await manager.delete(Session, { tokenHash: sessionId });
    await announce(manager, { userId: session.userId, sessionId, reason: "logout" });
  });
}

/**
 * Ends every session of a user and tells every gateway instance to close that user's sockets.
 * Call it when an account is deactivated or its access must end now; pass the caller's transaction
 * as `manager` so the sockets close only if the change commits.
 */
export async function endSessionsOfUser(options: { dataSource: DataSource; userId: string; manager?: EntityManager }): Promise<void> {
  const run = async (manager: EntityManager): Promise<void> => {
    await manager.delete(Session, { userId: options.userId });
    await announce(manager, { userId: options.userId, sessionId: null, reason: "ended" });
  };
  if (options.manager) {
    await run(options.manager);
    return;
  }
  await options.dataSource.transaction(run);
}
