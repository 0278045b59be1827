import type { DomainModule } from "@civicline/platform";
import { supervisionMigrations } from "./migrations/index.js";
import { seedSupervisionDemo } from "./supervision.seed.js";

/**
 * Supervision (督办): finding any ticket, chasing what is late, supervision orders that escalate,
 * joint supervision (三方联动督办) and leader sessions (领导坐班接听, 领导包案).
 */
export const supervisionModule: DomainModule = {
  name: "supervision",
  entities: [],
  migrations: supervisionMigrations,
  resolvers: [],
  seedDemo: seedSupervisionDemo,
};
