import { createHash, randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import type { DataSource, EntityManager } from "typeorm";
import { DomainError, RateLimitedError, ValidationError } from "../errors.js";
import type { Actor } from "./actor.js";
import { ApiKey } from "./api-key.entity.js";
import { Role } from "./roles.js";
import { Session } from "./session.entity.js";
import { clearLoginFailures, isLoginLocked, recordLoginFailure } from "./login-throttle.js";
import { endSession, findSession } from "./sessions.js";
import { User } from "./user.entity.js";

const BCRYPT_ROUNDS = 10;
// A real hash to compare against when the user does not exist, so timing does not reveal it.
const DUMMY_HASH = bcrypt.hashSync("civicline-dummy-password", BCRYPT_ROUNDS);

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_ROUNDS);
}

function toActor(user: User): Actor {
  return { kind: "staff", id: user.id, name: user.displayName, roles: user.mustChangePassword ? [] : user.roles, unitId: user.unitId };
}

export type LoginResult = { token: string; expiresAt: Date; user: User; actor: Actor };

/**
 * Checks a username and password and opens a session. Wrong username and wrong password give the
 * same error, and so does the lockout: five failures on a username lock it for 15 minutes whether
 * or not the account exists (and many failures from one address lock the address); see
 * login-throttle.ts. An unknown name costs the same bcrypt comparison as a known one.
 */
export async function logIn(
  dataSource: DataSource,
  input: { username: string; password: string; ttlHours: number; clientIp?: string | null },
): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  if (!username || !input.password) {
    throw new ValidationError([
      ...(!username ? [{ field: "username", message: "Enter your username." }] : []),
      ...(!input.password ? [{ field: "password", message: "Enter your password." }] : []),
    ]);
  }
  // A NUL byte can't be in any stored name (PostgreSQL text refuses it): same answer as a wrong name.
  if (username.includes("\u0000")) {
    throw new DomainError("AUTH/INVALID_CREDENTIALS", "The username or password is not correct.");
  }
  const attempt = { username, clientIp: input.clientIp };
  if (await isLoginLocked(dataSource, attempt)) {
    throw new RateLimitedError("Too many failed logins; wait a few minutes and try again.");
  }
  const user = await dataSource.getRepository(User).findOne({ where: { username } });
  const valid = await bcrypt.compare(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid || !user.active) {
    await recordLoginFailure(dataSource, attempt);
    throw new DomainError("AUTH/INVALID_CREDENTIALS", "The username or password is not correct.");
  }
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + input.ttlHours * 3_600_000);
  await dataSource.transaction(async (manager) => {
    await clearLoginFailures(manager, attempt);
    await manager.insert(Session, { tokenHash: hashToken(token), userId: user.id, expiresAt, clientIp: input.clientIp ?? null });
  });
  return { token, expiresAt, user, actor: toActor(user) };
}

/** Ends a session (idempotent); sockets it opened on any instance close (see sessions.ts). */
export async function logOut(dataSource: DataSource, token: string): Promise<void> {
  await endSession({ dataSource, token });
}

/** The actor for a session token, or null when unknown or expired. */
export async function actorForSessionToken(dataSource: DataSource, token: string): Promise<Actor | null> {
  return (await findSession(dataSource, token))?.actor ?? null;
}

/**
 * The actor for an integrator API key, or null when unknown, deactivated, revoked or past its
 * rotation overlap. The actor's id is the integrator's (stable across rotation), with the key's
 * scopes and rate limit. One statement.
 */
export async function actorForApiKey(dataSource: DataSource, key: string): Promise<Actor | null> {
  if (key.length > 200) {
    return null;
  }
  const [row] = (await dataSource.query(
    `SELECT k.id, k.integrator_id, i.name, k.roles, k.scopes, k.rate_limit_per_minute
     FROM platform_api_key k JOIN platform_integrator i ON i.id = k.integrator_id
     WHERE k.key_hash = $1 AND k.active AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())`,
    [hashToken(key)],
  )) as Array<{ id: string; integrator_id: string; name: string; roles: Role[]; scopes: string[]; rate_limit_per_minute: number }>;
  return row
    ? { kind: "integrator", id: row.integrator_id, name: row.name, roles: row.roles, unitId: null, scopes: row.scopes, apiKeyId: row.id, rateLimitPerMinute: row.rate_limit_per_minute }
    : null;
}

/** Finds a user by id (for resolvers that show the logged-in user). */
export function findUser(dataSource: DataSource, id: string): Promise<User | null> {
  return dataSource.getRepository(User).findOne({ where: { id } });
}

/** Creates (or, for seeding, replaces the password of) a staff account. */
export async function upsertUser(
  manager: EntityManager,
  input: { username: string; displayName: string; password: string; roles: Role[]; unitId?: string | null; seat?: string | null },
): Promise<User> {
  const username = input.username.trim().toLowerCase();
  const repo = manager.getRepository(User);
  const existing = await repo.findOne({ where: { username } });
  const values = {
    username,
    displayName: input.displayName,
    passwordHash: await hashPassword(input.password),
    roles: input.roles,
    unitId: input.unitId ?? null,
    seat: input.seat ?? null,
  };
  if (existing) {
    await repo.update(existing.id, values);
    return { ...existing, ...values };
  }
  return repo.save(repo.create(values));
}

/** How a key is shown to admins: its first characters, never enough to use it. */
export function keyPrefixOf(key: string): string {
  return `${key.slice(0, 10)}…`;
}

/**
 * Registers an integrator API key given in full (the demo key) or generates one; returns the key.
 * The integrator named `name` is created when missing. Scopes default to every scope.
 */
export async function createApiKey(
  manager: EntityManager,
  input: { name: string; roles?: Role[]; key?: string; scopes?: readonly string[]; rateLimitPerMinute?: number },
): Promise<string> {
  const key = input.key ?? `cl_${randomBytes(24).toString("base64url")}`;
  const [integrator] = (await manager.query(
    `WITH added AS (INSERT INTO platform_integrator (name) VALUES ($1) ON CONFLICT (name) DO NOTHING RETURNING id)
     SELECT id FROM added UNION ALL SELECT id FROM platform_integrator WHERE name = $1`,
    [input.name],
  )) as Array<{ id: string }>;
  await manager
    .createQueryBuilder()
    .insert()
    .into(ApiKey)
    .values({
      name: input.name,
      keyHash: hashToken(key),
      roles: input.roles ?? [Role.INTEGRATOR],
      integratorId: integrator!.id,
      scopes: [...(input.scopes ?? ["telephony", "open311", "tickets:write", "tickets:read", "webhooks"])],
      keyPrefix: keyPrefixOf(key),
      ...(input.rateLimitPerMinute ? { rateLimitPerMinute: input.rateLimitPerMinute } : {}),
    })
    .orIgnore()
    .execute();
  return key;
}
