import { randomBytes } from "node:crypto";
import pg from "pg";
import type { DataSource } from "typeorm";
import { inject } from "vitest";
import { createDataSource } from "../database/data-source.js";

export { createTestClock, type TestClock } from "./test-clock.js";
export { isPng, pdfFonts, pdfInfo, pdfPages, pdfText } from "./poppler.js";

declare module "vitest" {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  export interface ProvidedContext {
    /** Admin connection string of the test PostgreSQL server (see @civicline/vitest-config). */
    postgresAdminUrl: string;
  }
}

export type TestDatabase = {
  dataSource: DataSource;
  url: string;
  /** Closes the pool and drops the database. */
  destroy(): Promise<void>;
};

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * A fresh database for one test file on the test server (embedded PostgreSQL, or `DATABASE_URL`),
 * migrated with the given modules' checked-in migrations: the tests exercise the real schema.
 */
export async function createTestDatabase(options: {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
}): Promise<TestDatabase> {
  const adminUrl = inject("postgresAdminUrl");
  const name = `civicline_test_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  const dataSource = createDataSource({ url, entities: options.entities, migrations: options.migrations, poolSize: 5 });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: "each" });
  return {
    dataSource,
    url,
    destroy: async () => {
      await dataSource.destroy();
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** SQL TypeORM would still need to bring the schema in line with the entities (empty when migrations match). */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return log.upQueries.map((query) => query.query);
}
