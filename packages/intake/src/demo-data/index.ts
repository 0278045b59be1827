export * from "./areas.js";
export * from "./categories.js";
export * from "./cases.js";
