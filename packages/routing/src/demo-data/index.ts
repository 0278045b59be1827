export * from "./units.js";
export * from "./rules.js";
export * from "./sla-policies.js";
