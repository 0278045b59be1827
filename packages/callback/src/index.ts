import "reflect-metadata";

export { callbackModule } from "./callback.module.js";
