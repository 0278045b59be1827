import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor.js";
import { Role } from "../auth/roles.js";
import { platformModule } from "../platform.module.js";
import { createTestDatabase, type TestDatabase } from "../testing/index.js";
import { AuditEntry } from "./audit-entry.entity.js";
import { auditSnapshot, recordAudit, searchAudit } from "./audit.js";

let db: TestDatabase;
const admin: Actor = { kind: "staff", id: "00000000-0000-4000-8000-0000000000a1", name: "Admin Wang", roles: [Role.ADMIN], unitId: null };
const other: Actor = { kind: "staff", id: "00000000-0000-4000-8000-0000000000a2", name: "Admin Li", roles: [Role.ADMIN], unitId: null };

beforeAll(async () => {
  db = await createTestDatabase({ entities: platformModule.entities, migrations: platformModule.migrations });
});

afterAll(async () => {
  await db?.destroy();
});

describe("recordAudit", () => {
  it("writes who, what, which record, before and after, with secrets redacted", async () => {
    const entry = await db.dataSource.transaction((manager) =>
      recordAudit(manager, {
        actor: admin,
        action: "account.update",
        entity: { type: "account", id: "u-1", label: "zhang.san" },
        before: { roles: ["operator"], passwordHash: "$2a$10$abc", createdAt: new Date("2026-01-02T03:04:05Z") },
        after: { roles: ["operator", "dispatcher"], passwordHash: "$2a$10$def", nested: { apiKey: "cl_x", seat: "A-12" } },
      }),
    );
    const stored = await db.dataSource.getRepository(AuditEntry).findOneByOrFail({ id: entry.id });
    expect(stored).toMatchObject({
      actorId: admin.id,
      actorKind: "staff",
      actorName: "Admin Wang",
      action: "account.update",
      entityType: "account",
      entityId: "u-1",
      entityLabel: "zhang.san",
      before: { roles: ["operator"], passwordHash: "[redacted]", createdAt: "2026-01-02T03:04:05.000Z" },
      after: { roles: ["operator", "dispatcher"], passwordHash: "[redacted]", nested: { apiKey: "[redacted]", seat: "A-12" } },
    });
    expect(JSON.stringify(stored)).not.toContain("$2a$10");
    expect(stored.at).toBeInstanceOf(Date);
  });

  it("is written in the caller's transaction: a rolled-back change leaves no entry", async () => {
    await expect(
      db.dataSource.transaction(async (manager) => {
        await recordAudit(manager, { actor: admin, action: "account.create", entity: { type: "account", id: "rolled-back" } });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.dataSource.getRepository(AuditEntry).countBy({ entityId: "rolled-back" })).toBe(0);
  });

  it("refuses an action not of the form area.verb, and records the system when there is no actor", async () => {
    await expect(db.dataSource.transaction((m) => recordAudit(m, { actor: null, action: "Create", entity: { type: "account" } }))).rejects.toThrow(/area/);
    const entry = await db.dataSource.transaction((m) => recordAudit(m, { actor: null, action: "account.import", entity: { type: "account" } }));
    expect(entry).toMatchObject({ actorId: null, actorKind: "system", actorName: "system", entityId: null, before: null, after: null });
  });

  it("snapshots leave ordinary fields alone", () => {
    expect(auditSnapshot({ name: "治安", roles: ["a"], n: 1, ok: true, none: null, skip: undefined, mustChangePassword: true, password: "x", token: { v: 1 } })).toEqual({ name: "治安", roles: ["a"], n: 1, ok: true, none: null, mustChangePassword: true, password: "[redacted]", token: "[redacted]" });
  });
});

describe("searchAudit", () => {
  it("filters by text, action prefix, record and actor, newest first, and pages without gaps or repeats", async () => {
    await db.dataSource.query("DELETE FROM platform_audit_entry");
    await db.dataSource.transaction(async (manager) => {
      for (let i = 0; i < 7; i += 1) {
        await recordAudit(manager, { actor: i % 2 ? other : admin, action: i < 5 ? "account.update" : "category.rename", entity: { type: i < 5 ? "account" : "category", id: `e-${i}`, label: `label-${i}` } });
      }
    });
    // all seven were written in one transaction: the same `at`, ordered by id
    const all = await searchAudit(db.dataSource.manager, {});
    expect(all.entries).toHaveLength(7);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await searchAudit(db.dataSource.manager, { limit: 3, after: cursor });
      seen.push(...page.entries.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.entries.map((e) => e.id));

    expect((await searchAudit(db.dataSource.manager, { action: "category." })).entries.map((e) => e.entityId).sort()).toEqual(["e-5", "e-6"]);
    expect((await searchAudit(db.dataSource.manager, { action: "account.update", actorId: other.id })).entries.map((e) => e.entityId).sort()).toEqual(["e-1", "e-3"]);
    expect((await searchAudit(db.dataSource.manager, { query: "LABEL-4" })).entries.map((e) => e.entityId)).toEqual(["e-4"]);
    expect((await searchAudit(db.dataSource.manager, { query: "admin li" })).entries).toHaveLength(3);
    expect((await searchAudit(db.dataSource.manager, { entityType: "account", entityId: "e-2" })).entries).toHaveLength(1);
    expect((await searchAudit(db.dataSource.manager, { query: "%" })).entries).toHaveLength(0);
    await expect(searchAudit(db.dataSource.manager, { after: "not-a-cursor" })).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
  });

  it("reads pages and a record's history through indexes", async () => {
    const runner = db.dataSource.createQueryRunner();
    await runner.query("SET enable_seqscan = off");
    try {
      const page = (await runner.query(
        `EXPLAIN SELECT * FROM platform_audit_entry e WHERE (e.at, e.id) < (SELECT c.at, c.id FROM platform_audit_entry c WHERE c.id = '00000000-0000-4000-8000-000000000001') ORDER BY e.at DESC, e.id DESC LIMIT 51`,
      )) as Array<{ "QUERY PLAN": string }>;
      expect(page.map((r) => r["QUERY PLAN"]).join("\n")).toContain("platform_audit_entry_at_idx");
      const history = (await runner.query(
        `EXPLAIN SELECT * FROM platform_audit_entry e WHERE e.entity_type = 'account' AND e.entity_id = 'x' ORDER BY e.at DESC LIMIT 51`,
      )) as Array<{ "QUERY PLAN": string }>;
      expect(history.map((r) => r["QUERY PLAN"]).join("\n")).toContain("platform_audit_entry_entity_idx");
    } finally {
      await runner.query("SET enable_seqscan = on");
      await runner.release();
    }
  });
});
