import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revertLastMigration, runMigrations } from "../database/migrations.js";
import { platformModule } from "../platform.module.js";
import { createTestDatabase, pendingSchemaChanges, type TestDatabase } from "../testing/index.js";

const TABLES = ["platform_user", "platform_session", "platform_api_key", "platform_outbox", "platform_schedule_run", "platform_login_throttle", "platform_audit_entry"];

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase({ entities: platformModule.entities, migrations: platformModule.migrations });
});

afterAll(async () => {
  await db?.destroy();
});

async function existingTables(): Promise<string[]> {
  const rows: Array<{ name: string | null }> = await db.dataSource.query(
    "SELECT to_regclass(t)::text AS name FROM unnest($1::text[]) AS t",
    [TABLES],
  );
  return rows.map((row) => row.name).filter((name): name is string => name !== null);
}

async function appliedMigrations(): Promise<string[]> {
  const rows: Array<{ name: string }> = await db.dataSource.query("SELECT name FROM platform_migrations ORDER BY id");
  return rows.map((row) => row.name);
}

describe("platform migrations", () => {
  it("create exactly the schema the entities describe", async () => {
    expect(await pendingSchemaChanges(db.dataSource)).toEqual([]);
    expect((await existingTables()).sort()).toEqual([...TABLES].sort());
  });

  it("are recorded and not applied twice", async () => {
    const names = platformModule.migrations.map((migration) => migration.name);
    expect(await appliedMigrations()).toEqual(names);
    expect(await runMigrations(db.dataSource)).toEqual([]);
  });

  it("revert (down) and re-apply (up) cleanly", async () => {
    const migrationCount = platformModule.migrations.length;
    for (let i = 0; i < migrationCount; i += 1) {
      await revertLastMigration(db.dataSource);
    }
    expect(await existingTables()).toEqual([]);
    expect(await appliedMigrations()).toEqual([]);
    expect((await pendingSchemaChanges(db.dataSource)).length).toBeGreaterThan(0);

    const applied = await runMigrations(db.dataSource);
    expect(applied).toHaveLength(migrationCount);
    expect((await existingTables()).sort()).toEqual([...TABLES].sort());
    expect(await pendingSchemaChanges(db.dataSource)).toEqual([]);
  });

  it("leave a usable schema after a down/up round trip", async () => {
    await revertLastMigration(db.dataSource);
    await runMigrations(db.dataSource);
    await db.dataSource.query(
      "INSERT INTO platform_user (username, display_name, password_hash, roles) VALUES ('round.trip', '往返', 'x', '{operator}')",
    );
    const rows: Array<{ active: boolean }> = await db.dataSource.query("SELECT active FROM platform_user WHERE username = 'round.trip'");
    expect(rows).toEqual([{ active: true }]);
  });
});
