import type { EntityManager } from "typeorm";
import type { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity.js";
import type { Actor } from "../auth/actor.js";
import { ValidationError } from "../errors.js";
import { REDACTED, SENSITIVE_FIELDS } from "../logging/redaction.js";
import { AuditEntry } from "./audit-entry.entity.js";

/** The record an audited action is about. `id` is text (uuids, codes and keys alike). */
export type AuditEntity = { type: string; id?: string | null; label?: string | null };

/** What `recordAudit` writes: who (null = the system), what (`<area>.<verb>`), which record, before/after. */
export type AuditInput = {
  actor: Actor | null;
  action: string;
  entity: AuditEntity;
  /** The record before the change; omit or null when it was created. */
  before?: object | null;
  /** The record after the change; omit or null when it was deleted. */
  after?: object | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACTION_SHAPE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
const SECRET_NAMES = new Set<string>([...SENSITIVE_FIELDS.secrets, ...SENSITIVE_FIELDS.oneTimeCodes]);
const SECRET_PARTS = ["password", "secret", "token", "hash", "apikey"];
const MAX_DEPTH = 6;

function isSecretName(name: string): boolean {
  const key = name.toLowerCase().replace(/[-_\s]/g, "");
  return SECRET_NAMES.has(key) || SECRET_PARTS.some((part) => key.includes(part));
}

/**
 * A JSON copy of a record for the audit log: every field whose name says it is a secret (password,
 * hash, token, key, one-time code …) is replaced by `[redacted]` unless its value is a flag or a
 * number (`mustChangePassword: true`); callers record a secret's change as a flag
 * (`passwordReplaced: true`). Dates become ISO strings.
 */
export function auditSnapshot(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) {
    return null;
  }
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (typeof value !== "object") {
    return typeof value === "bigint" ? value.toString() : value;
  }
  if (depth >= MAX_DEPTH) {
    return "[too deep]";
  }
  if (Array.isArray(value)) {
    return value.map((item) => auditSnapshot(item, depth + 1));
  }
  const copy: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(value)) {
    if (field === undefined || typeof field === "function") {
      continue;
    }
    // A flag about a secret (mustChangePassword: true) is no secret; its value (a string, an object) is.
    const secret = isSecretName(name) && field !== null && typeof field !== "boolean" && typeof field !== "number";
    copy[name] = secret ? REDACTED : auditSnapshot(field, depth + 1);
  }
  return copy;
}

/**
 * Writes one audit log entry with the caller's transaction (`manager`), so the entry exists exactly
 * when the change commits. Call it for every administrative change, after checking the input and
 * before returning. `before`/`after` are stored as JSON with secrets redacted by field name.
 */
export async function recordAudit(manager: EntityManager, input: AuditInput): Promise<AuditEntry> {
  if (!ACTION_SHAPE.test(input.action)) {
    throw new Error(`recordAudit: action "${input.action}" is not of the form <area>.<verb>`);
  }
  if (!input.entity.type) {
    throw new Error("recordAudit: entity.type is required");
  }
  const actor = input.actor;
  const values = {
    actorId: actor && UUID.test(actor.id) ? actor.id : null,
    actorKind: actor?.kind ?? "system",
    actorName: actor?.name ?? "system",
    action: input.action,
    entityType: input.entity.type,
    entityId: input.entity.id ?? null,
    entityLabel: input.entity.label ?? null,
    before: input.before ? (auditSnapshot(input.before) as Record<string, unknown>) : null,
    after: input.after ? (auditSnapshot(input.after) as Record<string, unknown>) : null,
  };
  const result = await manager.createQueryBuilder().insert().into(AuditEntry).values(values as QueryDeepPartialEntity<AuditEntry>).returning(["id", "at"]).execute();
  const row = result.raw[0] as { id: string; at: Date };
  return Object.assign(new AuditEntry(), values, { id: row.id, at: new Date(row.at) });
}

/** Filters of the audit log search; all optional and combined with AND. */
export type AuditSearch = {
  /** Text found in the actor's name, the record's label or id, or the action. */
  query?: string | null;
  /** Exact action (`account.create`) or an area prefix ending in a dot (`account.`). */
  action?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  actorId?: string | null;
  from?: Date | null;
  to?: Date | null;
  /** The `cursor` of the last entry already shown: the page continues after it (newest first). */
  after?: string | null;
  limit?: number | null;
};

export type AuditPage = { entries: AuditEntry[]; nextCursor: string | null };

export const AUDIT_PAGE_MAX = 200;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Audit log entries, newest first, keyset-paged on (at, id) — the `platform_audit_entry_at_idx`
 * index (and the entity/actor/action indexes when those filters are given) serves every page.
 */
export async function searchAudit(manager: EntityManager, search: AuditSearch): Promise<AuditPage> {
  const limit = Math.min(Math.max(search.limit ?? 50, 1), AUDIT_PAGE_MAX);
  const qb = manager.getRepository(AuditEntry).createQueryBuilder("e");
  const text = search.query?.trim();
  if (text) {
    const pattern = `%${escapeLike(text)}%`;
    qb.andWhere("(e.actor_name ILIKE :pattern OR e.entity_label ILIKE :pattern OR e.entity_id = :text OR e.action ILIKE :pattern)", { pattern, text });
  }
  const action = search.action?.trim();
  if (action) {
    if (action.endsWith(".")) {
      qb.andWhere("e.action LIKE :prefix", { prefix: `${escapeLike(action)}%` });
    } else {
      qb.andWhere("e.action = :action", { action });
    }
  }
  if (search.entityType) {
    qb.andWhere("e.entity_type = :entityType", { entityType: search.entityType });
  }
  if (search.entityId) {
    qb.andWhere("e.entity_id = :entityId", { entityId: search.entityId });
  }
  if (search.actorId) {
    qb.andWhere("e.actor_id = :actorId", { actorId: search.actorId });
  }
  if (search.from) {
    qb.andWhere("e.at >= :from", { from: search.from });
  }
  if (search.to) {
    qb.andWhere("e.at < :to", { to: search.to });
  }
  if (search.after) {
    if (!UUID.test(search.after)) {
      throw new ValidationError([{ field: "after", message: "This page link is not valid; start from the first page.", code: "INVALID_FORMAT" }]);
    }
    // The cursor is the last entry's id; its (at, id) is read from the row (microseconds intact).
    qb.andWhere("(e.at, e.id) < (SELECT c.at, c.id FROM platform_audit_entry c WHERE c.id = :cursorId)", { cursorId: search.after });
  }
  const rows = await qb.orderBy("e.at", "DESC").addOrderBy("e.id", "DESC").limit(limit + 1).getMany();
  const entries = rows.slice(0, limit);
  const last = entries[entries.length - 1];
  return { entries, nextCursor: rows.length > limit && last ? last.id : null };
}
