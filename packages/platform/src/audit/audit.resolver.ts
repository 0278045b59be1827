import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { requireRole } from "../auth/actor.js";
import { Role } from "../auth/roles.js";
import type { RequestContext } from "../context.js";
import type { AppServices } from "../module.js";
import { checkRanges } from "../paging.js";
import type { AuditEntry } from "./audit-entry.entity.js";
import { AUDIT_PAGE_MAX, searchAudit } from "./audit.js";
import { AuditLogFilter, AuditLogPage, type AuditChange, type AuditLogEntry } from "./audit.types.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function json(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/** The fields whose JSON differs between before and after, in the order they appear (a creation lists its non-empty fields). */
export function auditChanges(entry: Pick<AuditEntry, "before" | "after">): AuditChange[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .map((field) => ({ field, before: json(before[field]), after: json(after[field]) }))
    .filter((change) => change.before !== change.after);
}

function toEntry(entry: AuditEntry): AuditLogEntry {
  return { ...entry, changes: auditChanges(entry) };
}

/** The audit log of administrative actions, searchable by admins. */
@Resolver()
export class AuditResolver {
  constructor(private readonly services: AppServices) {}

  @Query(() => AuditLogPage, { description: "Administrative actions, newest first, searchable; keyset-paged. Admin." })
  async auditLog(
    @Arg("filter", () => AuditLogFilter, { nullable: true, description: "What to look for." }) filter: AuditLogFilter | null,
    @Arg("after", () => ID, { nullable: true, description: "The nextCursor of the previous page." }) after: string | null,
    @Arg("limit", () => Int, { nullable: true, defaultValue: 50, description: "Page size, 1 … 200." }) limit: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<AuditLogPage> {
    requireRole(ctx.actor, [Role.ADMIN]);
    checkRanges([{ field: "limit", value: limit ?? 50, range: { min: 1, max: AUDIT_PAGE_MAX } }]);
    if (filter?.actorId && !UUID.test(filter.actorId)) {
      return { entries: [], nextCursor: null };
    }
    const page = await searchAudit(this.services.dataSource.manager, { ...filter, after, limit });
    return { entries: page.entries.map(toEntry), nextCursor: page.nextCursor };
  }
}
