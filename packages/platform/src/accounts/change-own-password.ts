import bcrypt from "bcryptjs";
import type { DataSource } from "typeorm";
import { recordAudit } from "../audit/audit.js";
import type { Actor } from "../auth/actor.js";
import { hashPassword } from "../auth/auth.service.js";
import { publishOnCommit } from "../events/pubsub.js";
import { Session } from "../auth/session.entity.js";
import { SESSIONS_ENDED_TOPIC, type SessionsEnded } from "../auth/sessions.js";
import { User } from "../auth/user.entity.js";
import { UnauthenticatedError, ValidationError } from "../errors.js";
import { AccountsErrors } from "./accounts.errors.js";
import { checkPasswordPolicy } from "./password-policy.js";

/**
 * A signed-in person changes their own password (also the forced change after a reset): the
 * current password is checked, the new one must pass the policy and differ from it. The flag a
 * reset set is cleared, so the session gets its roles back; the person's other sessions end.
 */
export async function changeOwnPassword(
  dataSource: DataSource,
  options: { actor: Actor; sessionId: string | null; currentPassword: string; newPassword: string },
): Promise<User> {
  if (options.actor.kind !== "staff") {
    throw new UnauthenticatedError();
  }
  return dataSource.transaction(async (manager) => {
    const user = await manager.getRepository(User).findOne({ where: { id: options.actor.id, active: true }, lock: { mode: "pessimistic_write" } });
    if (!user) {
      throw new UnauthenticatedError();
    }
    if (!options.currentPassword || !(await bcrypt.compare(options.currentPassword, user.passwordHash))) {
      throw AccountsErrors.wrongPassword();
    }
    const errors = checkPasswordPolicy(options.newPassword, { username: user.username, field: "newPassword" });
    if (errors.length === 0 && options.newPassword === options.currentPassword) {
      errors.push({ field: "newPassword", code: "SAME_AS_CURRENT", message: "Choose a password different from the current one." });
    }
    if (errors.length > 0) {
      throw new ValidationError(errors);
    }
    await manager.getRepository(User).update(user.id, { passwordHash: await hashPassword(options.newPassword), mustChangePassword: false });
    const others = await manager.getRepository(Session).find({ where: { userId: user.id }, select: { tokenHash: true } });
    for (const session of others) {
      if (session.tokenHash !== options.sessionId) {
        await manager.delete(Session, { tokenHash: session.tokenHash });
        const message: SessionsEnded = { userId: user.id, sessionId: session.tokenHash, reason: "ended" };
        await publishOnCommit(manager, SESSIONS_ENDED_TOPIC, message);
      }
    }
    await recordAudit(manager, {
      actor: options.actor,
      action: "account.change_own_password",
      entity: { type: "account", id: user.id, label: user.username },
      before: { mustChangePassword: user.mustChangePassword },
      after: { mustChangePassword: false, passwordReplaced: true },
    });
    return Object.assign(new User(), user, { mustChangePassword: false });
  });
}
