import "reflect-metadata";

export { startApp, type RunningApp } from "./app.js";
export { buildGatewaySchema, printGatewaySchema } from "./schema.js";
export { modules, allEntities, allMigrations } from "./modules.js";
export { seedDemo } from "./seed.js";
