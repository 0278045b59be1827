#!/usr/bin/env node
import "./node-env.js";
import "reflect-metadata";
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { DataDirInUseError, createDataSource, createLogger, loadConfig, resolveDatabase, revertLastMigration, runMigrations } from "@civicline/platform";
import { rebuildMeasures } from "@civicline/supervision";
import { startApp } from "./app.js";
import { generateMigration } from "./migration-generator.js";
import { allEntities, allMigrations } from "./modules.js";
import { printGatewaySchema } from "./schema.js";
import { seedDemo } from "./seed.js";

const SCHEMA_FILE = fileURLToPath(new URL("../schema.graphql", import.meta.url));
const USAGE = `usage: civicline-gateway <command>
  start                       start the server (PORT, DATABASE_URL, NODE_ENV …; see README)
  migrate [--down]            apply pending migrations (or revert the last one)
  seed                        load the demo data (idempotent on an empty database only)
  write-schema                write apps/gateway/schema.graphql from the code
  check-schema                fail when apps/gateway/schema.graphql is stale
  migration:generate <module> <Name>   write a migration for a module's entity changes
  rebuild-measures            recompute the measures aggregate exactly from the ticket tables`;

async function withDatabase<T>(work: (ds: ReturnType<typeof createDataSource>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const log = createLogger({ level: config.logLevel });
  const database = await resolveDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, embeddedPort: config.embeddedPostgresPort, log });
  const dataSource = createDataSource({ url: database.url, entities: allEntities, migrations: allMigrations });
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
    await database.embedded?.stop();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const config = loadConfig();
  const log = createLogger({ level: config.logLevel });
  switch (command) {
    case "start": {
      const app = await startApp();
      let shuttingDown = false;
      const shutdown = (signal: string) => {
        if (shuttingDown) {
          return;
        }
        shuttingDown = true;
        log.info({ signal }, "shutting down");
        app.stop().then(
          () => process.exit(0),
          (error: unknown) => {
            log.error({ err: error }, "shutdown failed");
            process.exit(1);
          },
        );
      };
      // `on`, not `once`: a second signal during the shutdown is ignored rather than killing the process.
      process.on("SIGINT", () => shutdown("SIGINT"));
      process.on("SIGTERM", () => shutdown("SIGTERM"));
      return -1;
    }
    case "migrate":
      await withDatabase(async (ds) => {
        if (args.includes("--down")) {
          await revertLastMigration(ds);
          log.info("reverted the last migration");
        } else {
          const applied = await runMigrations(ds, log);
          log.info({ applied: applied.length }, applied.length ? "migrations applied" : "the database is up to date");
        }
      });
      return 0;
    case "seed":
      await withDatabase(async (ds) => {
        await runMigrations(ds, log);
        const seeded = await seedDemo(ds, { log, config, onlyIfEmpty: true });
        log.info(seeded ? "demo data loaded" : "the database already has data; nothing seeded");
      });
      return 0;
    case "write-schema":
      await writeFile(SCHEMA_FILE, await printGatewaySchema());
      console.log(`wrote ${SCHEMA_FILE}`);
      return 0;
    case "check-schema": {
      const [committed, current] = await Promise.all([readFile(SCHEMA_FILE, "utf8").catch(() => ""), printGatewaySchema()]);
      if (committed !== current) {
        console.error("apps/gateway/schema.graphql is stale: run `pnpm --filter @civicline/gateway write:schema` and commit it");
        return 1;
      }
      console.log("apps/gateway/schema.graphql matches the code");
      return 0;
    }
    case "rebuild-measures":
      await withDatabase(async (ds) => {
        await runMigrations(ds, log);
        const result = await rebuildMeasures(ds);
        log.info(result, "measures rebuilt");
      });
      return 0;
    case "migration:generate": {
      const [moduleName, name] = args;
      if (!moduleName || !name) {
        console.error(USAGE);
        return 2;
      }
      const file = await withDatabase(async (ds) => {
        await runMigrations(ds, log);
        return generateMigration(ds, moduleName, name);
      });
      console.log(file ? `wrote ${file}` : "no changes");
      return 0;
    }
    default:
      console.error(USAGE);
      return command ? 2 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) {
      process.exit(code);
    }
  },
  (error: unknown) => {
    // A refusal that says what to do is shown as it is; anything else with its stack.
    console.error(error instanceof DataDirInUseError ? error.message : error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
