import { randomBytes } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { recordAudit } from "../audit/audit.js";
import type { Actor } from "../auth/actor.js";
import { requireRole } from "../auth/actor.js";
import { ApiKey } from "../auth/api-key.entity.js";
import { hashToken, keyPrefixOf } from "../auth/auth.service.js";
import { Role } from "../auth/roles.js";
import { DomainError, ValidationError, type FieldError } from "../errors.js";
import { ALL_SCOPES, type IntegratorScope } from "./scopes.js";
import { Integrator } from "./integrator.entity.js";

export const INTEGRATOR_LIMITS = { nameMax: 100, rateMin: 1, rateMax: 100_000, overlapHoursMax: 168, defaultRate: 600 } as const;

/** Where a key stands now. */
export enum ApiKeyState {
  ACTIVE = "active",
  /** Rotated: still works until `expiresAt` (the overlap period). */
  EXPIRING = "expiring",
  EXPIRED = "expired",
  REVOKED = "revoked",
}

export type ApiKeyView = {
  id: string;
  integratorId: string;
  keyPrefix: string;
  scopes: IntegratorScope[];
  rateLimitPerMinute: number;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  replacesKeyId: string | null;
  state: ApiKeyState;
};

export type IntegratorView = { id: string; name: string; createdAt: Date; keys: ApiKeyView[] };

/** A key as issued: the full key appears here once and is never stored or shown again. */
export type IssuedKey = { key: string; apiKey: ApiKeyView; integrator: IntegratorView };

const integratorNotFound = () => new DomainError("INTEGRATOR/NOT_FOUND", "This integrator does not exist.");
const keyNotFound = () => new DomainError("INTEGRATOR/KEY_NOT_FOUND", "This API key does not exist.");
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function stateOf(key: { active: boolean; revokedAt: Date | null; expiresAt: Date | null }, now: Date): ApiKeyState {
  if (key.revokedAt || !key.active) {
    return ApiKeyState.REVOKED;
  }
  if (key.expiresAt) {
    return key.expiresAt > now ? ApiKeyState.EXPIRING : ApiKeyState.EXPIRED;
  }
  return ApiKeyState.ACTIVE;
}

type KeyRow = {
  id: string;
  integrator_id: string;
  key_prefix: string;
  scopes: string[];
  rate_limit_per_minute: number;
  created_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
  active: boolean;
  replaces_key_id: string | null;
  last_used_at: Date | null;
  now: Date;
};

const KEY_COLUMNS = `k.id, k.integrator_id, k.key_prefix, k.scopes, k.rate_limit_per_minute, k.created_at, k.expires_at, k.revoked_at,
  k.active, k.replaces_key_id, u.last_used_at, now() AS now`;

function toKeyView(row: KeyRow): ApiKeyView {
  return {
    id: row.id,
    integratorId: row.integrator_id,
    keyPrefix: row.key_prefix,
    scopes: row.scopes as IntegratorScope[],
    rateLimitPerMinute: row.rate_limit_per_minute,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
    replacesKeyId: row.replaces_key_id,
    state: stateOf({ active: row.active, revokedAt: row.revoked_at, expiresAt: row.expires_at }, row.now),
  };
}

async function keysOf(db: DataSource | EntityManager, integratorIds: readonly string[]): Promise<ApiKeyView[]> {
  const rows = (await db.query(
    `SELECT ${KEY_COLUMNS} FROM platform_api_key k LEFT JOIN platform_api_key_usage u ON u.key_id = k.id
     WHERE k.integrator_id = ANY($1::uuid[]) ORDER BY k.created_at DESC, k.id`,
    [integratorIds],
  )) as KeyRow[];
  return rows.map(toKeyView);
}

/** Every integrator with its keys (newest first), for admins. */
export async function listIntegrators(dataSource: DataSource, actor: Actor | null): Promise<IntegratorView[]> {
  requireRole(actor, [Role.ADMIN]);
  const integrators = await dataSource.getRepository(Integrator).find({ order: { name: "ASC" } });
  const keys = await keysOf(dataSource, integrators.map((integrator) => integrator.id));
  return integrators.map((integrator) => ({ ...integrator, keys: keys.filter((key) => key.integratorId === integrator.id) }));
}

/** One integrator with its keys (admins). */
export async function getIntegrator(db: DataSource | EntityManager, actor: Actor | null, id: string): Promise<IntegratorView> {
  requireRole(actor, [Role.ADMIN]);
  const integrator = UUID.test(id) ? await db.getRepository(Integrator).findOne({ where: { id } }) : null;
  if (!integrator) {
    throw integratorNotFound();
  }
  return { ...integrator, keys: await keysOf(db, [integrator.id]) };
}

function checkScopes(errors: FieldError[], scopes: readonly string[] | null | undefined): IntegratorScope[] {
  const list = [...new Set(scopes ?? [])];
  if (list.length === 0) {
    errors.push({ field: "scopes", code: "REQUIRED", message: "Choose at least one scope." });
  }
  const unknown = list.filter((scope) => !ALL_SCOPES.includes(scope as IntegratorScope));
  if (unknown.length > 0) {
    errors.push({ field: "scopes", code: "UNKNOWN", message: `Unknown scope: ${unknown.join(", ").slice(0, 80)}.` });
  }
  return list as IntegratorScope[];
}

function checkRate(errors: FieldError[], rate: number | null | undefined): number {
  const value = rate ?? INTEGRATOR_LIMITS.defaultRate;
  if (!Number.isInteger(value) || value < INTEGRATOR_LIMITS.rateMin || value > INTEGRATOR_LIMITS.rateMax) {
    errors.push({ field: "rateLimitPerMinute", code: "OUT_OF_RANGE", message: `The rate limit is a whole number of requests per minute from ${INTEGRATOR_LIMITS.rateMin} to ${INTEGRATOR_LIMITS.rateMax}.` });
  }
  return value;
}

async function insertKey(
  manager: EntityManager,
  input: { integrator: Integrator; scopes: readonly string[]; rateLimitPerMinute: number; replacesKeyId?: string | null },
): Promise<{ key: string; id: string }> {
  const key = `cl_${randomBytes(24).toString("base64url")}`;
  const result = await manager
    .createQueryBuilder()
    .insert()
    .into(ApiKey)
    .values({
      name: input.integrator.name,
      keyHash: hashToken(key),
      roles: [Role.INTEGRATOR],
      integratorId: input.integrator.id,
      scopes: [...input.scopes],
      keyPrefix: keyPrefixOf(key),
      rateLimitPerMinute: input.rateLimitPerMinute,
      replacesKeyId: input.replacesKeyId ?? null,
    })
    .returning(["id"])
    .execute();
  return { key, id: (result.raw as Array<{ id: string }>)[0]!.id };
}

async function issued(manager: EntityManager, actor: Actor, integratorId: string, key: { key: string; id: string }): Promise<IssuedKey> {
  const integrator = await getIntegrator(manager, actor, integratorId);
  return { key: key.key, apiKey: integrator.keys.find((view) => view.id === key.id)!, integrator };
}

/** Registers a named integrator and issues its first key (admins). The key is in the answer only. */
export async function createIntegrator(
  dataSource: DataSource,
  actor: Actor | null,
  input: { name: string; scopes: readonly string[]; rateLimitPerMinute?: number | null },
): Promise<IssuedKey> {
  const admin = requireRole(actor, [Role.ADMIN]);
  const errors: FieldError[] = [];
  const name = String(input.name ?? "").trim();
  if (!name) {
    errors.push({ field: "name", code: "REQUIRED", message: "Enter the integrator's name." });
  } else if (name.length > INTEGRATOR_LIMITS.nameMax) {
    errors.push({ field: "name", code: "TOO_LONG", message: `The name may have at most ${INTEGRATOR_LIMITS.nameMax} characters.` });
  }
  const scopes = checkScopes(errors, input.scopes);
  const rate = checkRate(errors, input.rateLimitPerMinute);
  if (errors.length > 0) {
    throw new ValidationError(errors);
  }
  return dataSource.transaction(async (manager) => {
    const [added] = (await manager.query("INSERT INTO platform_integrator (name) VALUES ($1) ON CONFLICT (name) DO NOTHING RETURNING id, name, created_at", [name])) as Array<{
      id: string;
    }>;
    if (!added) {
      throw new ValidationError([{ field: "name", code: "TAKEN", message: "An integrator with this name exists already; issue it another key instead." }]);
    }
    const integrator = await manager.getRepository(Integrator).findOneOrFail({ where: { id: added.id } });
    const key = await insertKey(manager, { integrator, scopes, rateLimitPerMinute: rate });
    const result = await issued(manager, admin, integrator.id, key);
    await recordAudit(manager, { actor: admin, action: "integrator.create", entity: { type: "integrator", id: integrator.id, label: name }, after: { name, key: result.apiKey } });
    return result;
  });
}

/** Issues another key to an integrator (admins). */
export async function issueIntegratorKey(
  dataSource: DataSource,
  actor: Actor | null,
  input: { integratorId: string; scopes: readonly string[]; rateLimitPerMinute?: number | null },
): Promise<IssuedKey> {
  const admin = requireRole(actor, [Role.ADMIN]);
  const errors: FieldError[] = [];
  const scopes = checkScopes(errors, input.scopes);
  const rate = checkRate(errors, input.rateLimitPerMinute);
  if (errors.length > 0) {
    throw new ValidationError(errors);
  }
  return dataSource.transaction(async (manager) => {
    const integrator = UUID.test(input.integratorId) ? await manager.getRepository(Integrator).findOne({ where: { id: input.integratorId } }) : null;
    if (!integrator) {
      throw integratorNotFound();
    }
    const key = await insertKey(manager, { integrator, scopes, rateLimitPerMinute: rate });
    const result = await issued(manager, admin, integrator.id, key);
    await recordAudit(manager, { actor: admin, action: "integrator.key_issue", entity: { type: "api_key", id: key.id, label: `${integrator.name} ${result.apiKey.keyPrefix}` }, after: result.apiKey });
    return result;
  });
}

async function lockKey(manager: EntityManager, keyId: string): Promise<ApiKey> {
  const key = UUID.test(keyId)
    ? await manager.getRepository(ApiKey).createQueryBuilder("k").setLock("pessimistic_write").where("k.id = :keyId", { keyId }).getOne()
    : null;
  if (!key) {
    throw keyNotFound();
  }
  return key;
}

/**
 * Rotates a key: a new key with the same scopes and rate limit, while the old one keeps working for
 * `overlapHours` (0 = it stops at once) so the integrator can switch without an outage (admins).
 */
export async function rotateIntegratorKey(dataSource: DataSource, actor: Actor | null, input: { keyId: string; overlapHours: number }): Promise<IssuedKey> {
  const admin = requireRole(actor, [Role.ADMIN]);
  const overlap = input.overlapHours;
  if (!Number.isFinite(overlap) || overlap < 0 || overlap > INTEGRATOR_LIMITS.overlapHoursMax) {
    throw new ValidationError([{ field: "overlapHours", code: "OUT_OF_RANGE", message: `The overlap is from 0 to ${INTEGRATOR_LIMITS.overlapHoursMax} hours.` }]);
  }
  return dataSource.transaction(async (manager) => {
    const old = await lockKey(manager, input.keyId);
    if (old.revokedAt || !old.active || (old.expiresAt && old.expiresAt.getTime() <= Date.now())) {
      throw new DomainError("INTEGRATOR/KEY_NOT_ACTIVE", "Only a working key can be rotated; issue a new key instead.");
    }
    const integrator = await manager.getRepository(Integrator).findOneOrFail({ where: { id: old.integratorId } });
    const key = await insertKey(manager, { integrator, scopes: old.scopes, rateLimitPerMinute: old.rateLimitPerMinute, replacesKeyId: old.id });
    // The earlier of an existing expiry and the new overlap's end.
    await manager.query(
      "UPDATE platform_api_key SET expires_at = LEAST(COALESCE(expires_at, 'infinity'), now() + make_interval(secs => $2)) WHERE id = $1",
      [old.id, overlap * 3600],
    );
    const result = await issued(manager, admin, integrator.id, key);
    await recordAudit(manager, {
      actor: admin,
      action: "integrator.key_rotate",
      entity: { type: "api_key", id: old.id, label: `${integrator.name} ${old.keyPrefix}` },
      before: { state: ApiKeyState.ACTIVE, expiresAt: old.expiresAt },
      after: { overlapHours: overlap, newKey: result.apiKey },
    });
    return result;
  });
}

/** Revokes a key: every gateway instance refuses it from the commit on (NOTIFY drops cached copies). */
export async function revokeIntegratorKey(dataSource: DataSource, actor: Actor | null, input: { keyId: string }): Promise<ApiKeyView> {
  const admin = requireRole(actor, [Role.ADMIN]);
  return dataSource.transaction(async (manager) => {
    const key = await lockKey(manager, input.keyId);
    if (!key.revokedAt) {
      await manager.query("UPDATE platform_api_key SET revoked_at = now() WHERE id = $1", [key.id]);
      await recordAudit(manager, {
        actor: admin,
        action: "integrator.key_revoke",
        entity: { type: "api_key", id: key.id, label: `${key.name} ${key.keyPrefix}` },
        before: { revokedAt: null },
        after: { revokedAt: "now" },
      });
    }
    const [row] = (await manager.query(`SELECT ${KEY_COLUMNS} FROM platform_api_key k LEFT JOIN platform_api_key_usage u ON u.key_id = k.id WHERE k.id = $1`, [key.id])) as KeyRow[];
    return toKeyView(row!);
  });
}
