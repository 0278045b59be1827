import path from "node:path";
import { DataSource } from "typeorm";
import type { Logger } from "pino";
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from "./embedded-postgres.js";
import { CONNECT_TIMEOUT_MS } from "./reconnect.js";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type ClassList = Function[];

export type DataSourceOptions = {
  url: string;
  entities: ClassList;
  migrations: ClassList;
  /** Pool size per process. */
  poolSize?: number;
  applicationName?: string;
  /** Every transaction read-only (`default_transaction_read_only`): for the read replica's connection, so that a write sent there by mistake fails instead of going unnoticed on a primary. */
  readOnly?: boolean;
};

/** A TypeORM DataSource on PostgreSQL; never `synchronize`: the schema comes from migrations. */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: "postgres",
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: "platform_migrations",
    migrationsTransactionMode: "each",
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: "pgcrypto",
    installExtensions: false,
    logging: false,
    extra: {
      max: options.poolSize ?? 20,
      application_name: options.applicationName ?? "civicline",
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      ...(options.readOnly ? { options: "-c default_transaction_read_only=on" } : {}),
    },
  });
}

export type ResolvedDatabase = {
  url: string;
  embedded: EmbeddedPostgresHandle | null;
};

/**
 * `DATABASE_URL` when set; otherwise starts (and on first use creates) the embedded server under
 * `<dataDir>/postgres` and its `civicline` database.
 */
export async function resolveDatabase(options: {
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPort: number;
  log?: Logger;
}): Promise<ResolvedDatabase> {
  if (options.databaseUrl) {
    return { url: options.databaseUrl, embedded: null };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(options.dataDir, "postgres"),
    port: options.embeddedPort,
    log: options.log,
  });
  await ensureDatabase(embedded.adminUrl, "civicline");
  return { url: embedded.urlFor("civicline"), embedded };
}

/** Creates the database when it does not exist yet (idempotent). */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const pg = await import("pg");
  const client = new pg.default.Client({ connectionString: adminUrl, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} ENCODING 'UTF8' TEMPLATE template0`);
    }
  } finally {
    await client.end();
  }
}
