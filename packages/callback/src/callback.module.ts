import type { DomainModule } from "@civicline/platform";
import { callbackMigrations } from "./migrations/index.js";

/**
 * Callback (回访): callback tasks when a ticket is replied, satisfaction surveys, missed calls,
 * online ratings from the portal and re-report proposals for supervisors.
 */
export const callbackModule: DomainModule = {
  name: "callback",
  entities: [],
  migrations: callbackMigrations,
  resolvers: [],
};
