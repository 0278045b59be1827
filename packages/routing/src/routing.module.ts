import type { DomainModule } from "@civicline/platform";
import { routingMigrations } from "./migrations/index.js";
import { seedRoutingDemo } from "./routing.seed.js";
import { Unit } from "./unit/unit.entity.js";
import { UnitResolver } from "./unit/unit.resolver.js";

/** Routing: the handling units directory (dispatch catalogue, deadlines and workbench come next). */
export const routingModule: DomainModule = {
  name: "routing",
  entities: [Unit],
  migrations: routingMigrations,
  resolvers: [UnitResolver],
  seedDemo: seedRoutingDemo,
};
