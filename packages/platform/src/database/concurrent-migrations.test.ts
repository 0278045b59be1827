import "reflect-metadata";
import { randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { platformModule } from "../platform.module.js";
import { createDataSource } from "./data-source.js";
import { runMigrations } from "./migrations.js";

const name = `civicline_test_${randomBytes(5).toString("hex")}`;
let admin: DataSource;
const instances: DataSource[] = [];

beforeAll(async () => {
  admin = createDataSource({ url: inject("postgresAdminUrl"), entities: [], migrations: [], poolSize: 1 });
  await admin.initialize();
  await admin.query(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`);
  const url = new URL(inject("postgresAdminUrl"));
  url.pathname = `/${name}`;
  for (let instance = 0; instance < 3; instance += 1) {
    const dataSource = createDataSource({ url: url.toString(), entities: platformModule.entities, migrations: platformModule.migrations, poolSize: 3 });
    await dataSource.initialize();
    instances.push(dataSource);
  }
});

afterAll(async () => {
  await Promise.all(instances.map((dataSource) => dataSource.destroy()));
  await admin?.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin?.destroy();
});

describe("instances starting together on an empty database", () => {
  it("migrate one after the other: every start succeeds and each migration is applied once", async () => {
    const applied = await Promise.all(instances.map((dataSource) => runMigrations(dataSource)));
    const names = platformModule.migrations.map((migration) => migration.name);
    expect(applied.flat().sort()).toEqual([...names].sort());
    const recorded = (await instances[0]!.query("SELECT name FROM platform_migrations ORDER BY id")) as Array<{ name: string }>;
    expect(recorded.map((row) => row.name)).toEqual(names);
  });
});
