import type { DataSource } from "typeorm";
import type { Logger } from "pino";

/** Session-level advisory lock key held while migrating ("civm"; seeding uses "civi"). */
const MIGRATION_LOCK = 0x63_69_76_6d;

/**
 * Runs `work` while holding the migration lock on a connection of its own, so instances starting
 * together on one database migrate one after the other (the later one finds nothing pending).
 */
async function withMigrationLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      return await work();
    } finally {
      await runner.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  } finally {
    await runner.release();
  }
}

/** Applies every pending checked-in migration, each in its own transaction, one instance at a time; returns their names. */
export async function runMigrations(dataSource: DataSource, log?: Logger): Promise<string[]> {
  const applied = await withMigrationLock(dataSource, () => dataSource.runMigrations({ transaction: "each" }));
  for (const migration of applied) {
    log?.info({ migration: migration.name }, "migration applied");
  }
  return applied.map((migration) => migration.name);
}

/** Reverts the most recent migration (for `db:migrate --down`). */
export async function revertLastMigration(dataSource: DataSource): Promise<void> {
  await withMigrationLock(dataSource, () => dataSource.undoLastMigration({ transaction: "each" }));
}
