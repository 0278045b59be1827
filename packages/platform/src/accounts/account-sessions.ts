import type { DataSource } from "typeorm";
import { recordAudit } from "../audit/audit.js";
import type { Actor } from "../auth/actor.js";
import { Session } from "../auth/session.entity.js";
import { endSessionsOfUser, SESSIONS_ENDED_TOPIC, type SessionsEnded } from "../auth/sessions.js";
import { User } from "../auth/user.entity.js";
import { publishOnCommit } from "../events/pubsub.js";
import { AccountsErrors } from "./accounts.errors.js";

export type AccountSession = { id: string; createdAt: Date; expiresAt: Date; clientIp: string | null };

/** An account's live sessions, newest first (the `platform_session_user_idx` index). */
export async function listAccountSessions(dataSource: DataSource, userId: string): Promise<AccountSession[]> {
  if (!/^[0-9a-f-]{36}$/i.test(userId)) {
    return [];
  }
  const rows: Array<{ token_hash: string; created_at: Date; expires_at: Date; client_ip: string | null }> = await dataSource.query(
    `SELECT token_hash, created_at, expires_at, client_ip FROM platform_session WHERE user_id = $1 AND expires_at > now() ORDER BY created_at DESC LIMIT 200`,
    [userId],
  );
  return rows.map((row) => ({ id: row.token_hash, createdAt: new Date(row.created_at), expiresAt: new Date(row.expires_at), clientIp: row.client_ip }));
}

/**
 * Ends one session of an account (`sessionId`) or all of them; their HTTP requests are refused and
 * their WebSockets closed on every instance when this commits. Returns how many ended.
 */
export async function endAccountSessions(
  dataSource: DataSource,
  options: { actor: Actor; userId: string; sessionId?: string | null },
): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const user = /^[0-9a-f-]{36}$/i.test(options.userId) ? await manager.getRepository(User).findOne({ where: { id: options.userId } }) : null;
    if (!user) {
      throw AccountsErrors.notFound();
    }
    let ended: number;
    if (options.sessionId) {
      const result = await manager.delete(Session, { tokenHash: options.sessionId, userId: user.id });
      ended = result.affected ?? 0;
      if (ended === 0) {
        throw AccountsErrors.sessionNotFound();
      }
      const message: SessionsEnded = { userId: user.id, sessionId: options.sessionId, reason: "ended" };
      await publishOnCommit(manager, SESSIONS_ENDED_TOPIC, message);
    } else {
      ended = await manager.getRepository(Session).countBy({ userId: user.id });
      await endSessionsOfUser({ dataSource, userId: user.id, manager });
    }
    await recordAudit(manager, {
      actor: options.actor,
      action: options.sessionId ? "session.end" : "session.end_all",
      entity: { type: "account", id: user.id, label: user.username },
      after: { sessionsEnded: ended },
    });
    return ended;
  });
}
