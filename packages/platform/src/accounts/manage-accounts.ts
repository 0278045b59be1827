import { randomInt } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { recordAudit } from "../audit/audit.js";
import type { Actor } from "../auth/actor.js";
import { hashPassword } from "../auth/auth.service.js";
import { Role } from "../auth/roles.js";
import { endSessionsOfUser } from "../auth/sessions.js";
import { User } from "../auth/user.entity.js";
import { ValidationError } from "../errors.js";
import { accountSnapshot, checkAccountFields, type AccountFields } from "./account-input.js";
import { AccountsErrors, isUniqueViolation } from "./accounts.errors.js";
import type { UnitDirectory } from "./unit-directory.js";

/** Letters and digits that cannot be mistaken for one another (no 0/O, 1/l/I, 2/Z, 5/S). */
const TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY346789";

/** A temporary password: three groups of four random characters (≈ 67 bits), e.g. `k7Qm-x3Ta-9pRc`. */
export function generateTemporaryPassword(): string {
  const group = (): string => Array.from({ length: 4 }, () => TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)]).join("");
  return `${group()}-${group()}-${group()}`;
}

export type AccountsDeps = { dataSource: DataSource; units?: UnitDirectory };

async function lockAccount(manager: EntityManager, id: string): Promise<User> {
  const user = /^[0-9a-f-]{36}$/i.test(id) ? await manager.getRepository(User).findOne({ where: { id }, lock: { mode: "pessimistic_write" } }) : null;
  if (!user) {
    throw AccountsErrors.notFound();
  }
  return user;
}

/** Refuses to leave the centre without an active administrator (admin rows locked, so two admins cannot demote each other at once). */
async function assertAnotherActiveAdmin(manager: EntityManager, exceptId: string): Promise<void> {
  const rows: Array<{ id: string }> = await manager.query(
    `SELECT id FROM platform_user WHERE active AND roles @> ARRAY[$1]::text[] AND id <> $2 FOR UPDATE`,
    [Role.ADMIN, exceptId],
  );
  if (rows.length === 0) {
    throw AccountsErrors.lastAdmin();
  }
}

async function saving<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ValidationError([{ field: "username", code: "TAKEN", message: "This username is already taken." }]);
    }
    throw error;
  }
}

/**
 * Creates a staff account with a temporary password (returned once, never stored in clear) that
 * must be changed at the first login. Bad input: every problem at once, nothing stored.
 */
export async function createAccount(
  deps: AccountsDeps,
  options: { actor: Actor; input: AccountFields; manager?: EntityManager },
): Promise<{ account: User; temporaryPassword: string }> {
  const run = async (manager: EntityManager) => {
    const { values, errors } = await checkAccountFields(manager, deps.units, options.input);
    if (errors.length > 0) {
      throw new ValidationError(errors);
    }
    const temporaryPassword = generateTemporaryPassword();
    const repo = manager.getRepository(User);
    const account = await repo.save(repo.create({ ...values, passwordHash: await hashPassword(temporaryPassword), mustChangePassword: true, active: true }));
    await recordAudit(manager, { actor: options.actor, action: "account.create", entity: { type: "account", id: account.id, label: account.username }, after: accountSnapshot(account) });
    return { account, temporaryPassword };
  };
  return saving(() => (options.manager ? run(options.manager) : deps.dataSource.transaction(run)));
}

/**
 * Edits an account's name, roles, units, seat and team (the username stays). A change of roles or
 * of the handler's unit ends the person's sessions (their sockets close): they log in again with the
 * new rights, and no live feed keeps delivering what the old ones allowed.
 */
export async function updateAccount(
  deps: AccountsDeps,
  options: { actor: Actor; id: string; input: Omit<AccountFields, "username"> },
): Promise<User> {
  return deps.dataSource.transaction(async (manager) => {
    const user = await lockAccount(manager, options.id);
    const before = accountSnapshot(user);
    const { values, errors } = await checkAccountFields(manager, deps.units, { ...options.input, username: user.username }, { existingId: user.id, keepUnitIds: [user.unitId, user.leaderUnitId] });
    if (errors.length > 0) {
      throw new ValidationError(errors);
    }
    if (user.roles.includes(Role.ADMIN) && !values.roles.includes(Role.ADMIN)) {
      if (user.id === options.actor.id) {
        throw AccountsErrors.self();
      }
      if (user.active) {
        await assertAnotherActiveAdmin(manager, user.id);
      }
    }
    const { username: _username, ...changes } = values;
    await manager.getRepository(User).update(user.id, changes);
    // New rights take effect everywhere at once: open pages and live feeds were set up with the old ones.
    const rightsChanged = JSON.stringify([...user.roles].sort()) !== JSON.stringify([...changes.roles].sort()) || user.unitId !== changes.unitId;
    if (rightsChanged) {
      await endSessionsOfUser({ dataSource: deps.dataSource, userId: user.id, manager });
    }
    const after = { ...user, ...changes };
    await recordAudit(manager, { actor: options.actor, action: "account.update", entity: { type: "account", id: user.id, label: user.username }, before, after: accountSnapshot(after) });
    return Object.assign(new User(), after);
  });
}

/**
 * Deactivates (the person can no longer log in; every session ends and every open WebSocket closes
 * on every gateway instance when this commits) or reactivates an account. Idempotent.
 */
export async function setAccountActive(deps: AccountsDeps, options: { actor: Actor; id: string; active: boolean }): Promise<User> {
  return deps.dataSource.transaction(async (manager) => {
    const user = await lockAccount(manager, options.id);
    if (user.active === options.active) {
      return user;
    }
    if (!options.active) {
      if (user.id === options.actor.id) {
        throw AccountsErrors.self();
      }
      if (user.roles.includes(Role.ADMIN)) {
        await assertAnotherActiveAdmin(manager, user.id);
      }
    }
    const before = accountSnapshot(user);
    await manager.getRepository(User).update(user.id, { active: options.active });
    if (!options.active) {
      await endSessionsOfUser({ dataSource: deps.dataSource, userId: user.id, manager });
    }
    const after = Object.assign(new User(), user, { active: options.active });
    await recordAudit(manager, {
      actor: options.actor,
      action: options.active ? "account.reactivate" : "account.deactivate",
      entity: { type: "account", id: user.id, label: user.username },
      before,
      after: accountSnapshot(after),
    });
    return after;
  });
}

/**
 * Replaces an account's password with a one-time temporary password (returned once) that must be
 * changed at the next login, and ends the account's sessions (its sockets close).
 */
export async function resetPassword(deps: AccountsDeps, options: { actor: Actor; id: string }): Promise<{ account: User; temporaryPassword: string }> {
  return deps.dataSource.transaction(async (manager) => {
    const user = await lockAccount(manager, options.id);
    const temporaryPassword = generateTemporaryPassword();
    await manager.getRepository(User).update(user.id, { passwordHash: await hashPassword(temporaryPassword), mustChangePassword: true });
    await endSessionsOfUser({ dataSource: deps.dataSource, userId: user.id, manager });
    await recordAudit(manager, {
      actor: options.actor,
      action: "account.reset_password",
      entity: { type: "account", id: user.id, label: user.username },
      before: { mustChangePassword: user.mustChangePassword },
      after: { mustChangePassword: true, passwordReplaced: true, sessionsEnded: true },
    });
    return { account: Object.assign(new User(), user, { mustChangePassword: true }), temporaryPassword };
  });
}
