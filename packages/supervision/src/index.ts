import "reflect-metadata";

export { supervisionModule } from "./supervision.module.js";
