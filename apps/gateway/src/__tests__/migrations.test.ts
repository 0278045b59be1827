import { createTestDatabase, pendingSchemaChanges, type TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allEntities, allMigrations } from "../modules.js";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase({ entities: allEntities, migrations: allMigrations });
});
afterAll(() => db?.destroy());

describe("checked-in migrations", () => {
  it("produce exactly the schema the entities describe", async () => {
    expect(await pendingSchemaChanges(db.dataSource)).toEqual([]);
  });

  it("can all be reverted and applied again", async () => {
    for (let i = 0; i < allMigrations.length; i++) {
      await db.dataSource.undoLastMigration({ transaction: "each" });
    }
    const [{ count }] = await db.dataSource.query(
      "SELECT count(*)::int AS count FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'platform_migrations'",
    );
    expect(count).toBe(0);
    const applied = await db.dataSource.runMigrations({ transaction: "each" });
    expect(applied).toHaveLength(allMigrations.length);
    expect(await pendingSchemaChanges(db.dataSource)).toEqual([]);
  });
});
