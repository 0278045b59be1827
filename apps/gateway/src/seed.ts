import { User, type PlatformConfig } from "@civicline/platform";
import type { Logger } from "pino";
import type { DataSource } from "typeorm";
import { modules } from "./modules.js";

const SEED_LOCK = 0x63_69_76_69; // "civi": one seeding at a time across instances

/**
 * Seeds the demo data of every module in one transaction, in module order. With `onlyIfEmpty`
 * (first start) it does nothing when any account exists; the advisory lock keeps two instances
 * from seeding at once.
 */
export async function seedDemo(
  dataSource: DataSource,
  options: { log: Logger; config: PlatformConfig; onlyIfEmpty: boolean },
): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    await manager.query("SELECT pg_advisory_xact_lock($1)", [SEED_LOCK]);
    if (options.onlyIfEmpty && (await manager.count(User)) > 0) {
      return false;
    }
    for (const module of modules) {
      await module.seedDemo?.({ manager, log: options.log, config: options.config });
    }
    return true;
  });
}
