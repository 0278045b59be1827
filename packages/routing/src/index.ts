import "reflect-metadata";

export { routingModule } from "./routing.module.js";
export { Unit, type UnitKindValue } from "./unit/unit.entity.js";
export { UnitKind, UnitType } from "./unit/unit.types.js";
export { DEMO_HANDLERS } from "./routing.seed.js";
export * from "./demo-data/index.js";
