import type { DataSource } from "typeorm";
import type { Logger } from "pino";

/** Applies every pending checked-in migration, each in its own transaction; returns their names. */
export async function runMigrations(dataSource: DataSource, log?: Logger): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: "each" });
  for (const migration of applied) {
    log?.info({ migration: migration.name }, "migration applied");
  }
  return applied.map((migration) => migration.name);
}

/** Reverts the most recent migration (for `db:migrate --down`). */
export async function revertLastMigration(dataSource: DataSource): Promise<void> {
  await dataSource.undoLastMigration({ transaction: "each" });
}
