import "reflect-metadata";

export { supervisionModule } from "./supervision.module.js";
export { chasingPayloadStats, ChasingTopic } from "./chasing/chasing-live.js";
export { rebuildChasing, reconcileChasing } from "./chasing/reconcile.js";
export { ChasingStage, ChasingSeverity } from "./chasing/chasing.enums.js";
