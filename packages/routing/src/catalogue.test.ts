import type { TestDatabase } from "@civicline/platform/testing";
import { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue } from "./catalogue.js";
import { buildPolicies, buildRule, buildWorld, routingTestDatabase } from "./__tests__/factories.js";

let db: TestDatabase;
/** A second gateway instance's connection pool on the same database. */
let other: DataSource;

beforeAll(async () => {
  db = await routingTestDatabase();
  await buildPolicies(db);
  other = new DataSource({ ...db.dataSource.options } as ConstructorParameters<typeof DataSource>[0]);
  await other.initialize();
});
afterAll(async () => {
  await other?.destroy();
  await db?.destroy();
});

const ruleIds = (catalogue: Awaited<ReturnType<typeof loadCatalogue>>) => catalogue.rules.map((rule) => rule.id);

describe("the routing catalogue cache", () => {
  it("is read once while nothing changes, and again at once after a change, on every instance", async () => {
    const world = await buildWorld(db);
    const first = await loadCatalogue(db.dataSource.manager);
    expect(await loadCatalogue(db.dataSource.manager)).toBe(first);
    const seenElsewhere = await loadCatalogue(other.manager);
    expect(await loadCatalogue(other.manager)).toBe(seenElsewhere);

    const rule = await buildRule(db, { categoryId: world.leaf.id, leadUnitId: world.bureau.id });
    const after = await loadCatalogue(db.dataSource.manager);
    expect(after).not.toBe(first);
    expect(ruleIds(after)).toContain(rule.id);
    // The other instance sees it on its very next read: no waiting for a notification.
    expect(ruleIds(await loadCatalogue(other.manager))).toContain(rule.id);
  });

  it("follows a change made by hand in SQL (a category moved, a policy set on it)", async () => {
    const world = await buildWorld(db);
    const before = await loadCatalogue(other.manager);
    expect(before.categoryParents.get(world.leaf.id)).toBe(world.group.id);
    const [policy] = (await db.dataSource.query(`SELECT id FROM routing_sla_policy ORDER BY id LIMIT 1`)) as Array<{ id: string }>;
    await db.dataSource.query(`UPDATE intake_category SET parent_id = NULL, sla_policy_id = $2 WHERE id = $1`, [world.leaf.id, policy!.id]);
    const after = await loadCatalogue(other.manager);
    expect(after.categoryParents.get(world.leaf.id)).toBeNull();
    expect(after.categoryPolicies.get(world.leaf.id)?.id).toBe(policy!.id);
  });

  it("shows a transaction its own uncommitted change, and nobody a rolled-back one", async () => {
    const world = await buildWorld(db);
    const ruleId = "00000000-0000-4000-8000-00000000c0de";
    await expect(
      db.dataSource.transaction(async (manager) => {
        await manager.query(
          `INSERT INTO routing_dispatch_rule (id, category_id, lead_unit_id, updated_by_name) VALUES ($1, $2, $3, 'test')`,
          [ruleId, world.otherLeaf.id, world.bureau.id],
        );
        expect(ruleIds(await loadCatalogue(manager))).toContain(ruleId);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(ruleIds(await loadCatalogue(db.dataSource.manager))).not.toContain(ruleId);
    expect(ruleIds(await loadCatalogue(other.manager))).not.toContain(ruleId);
    // A later change gets a new stamp (a sequence): the rolled-back copy can never be taken for it.
    const rule = await buildRule(db, { categoryId: world.otherLeaf.id, leadUnitId: world.bureau.id });
    const ids = ruleIds(await loadCatalogue(db.dataSource.manager));
    expect(ids).toContain(rule.id);
    expect(ids).not.toContain(ruleId);
  });
});
