import type { AppServices, EventHandler } from "@civicline/platform";
import { ChasingCount } from "./chasing-count.entity.js";
import { ChasingItem } from "./chasing-item.entity.js";
import { chasingHandlers } from "./chasing-live.js";
import { ChasingResolver } from "./chasing.resolver.js";

/** The chasing board's part of the supervision module. */
export const chasingEntities = [ChasingItem, ChasingCount];
export const chasingResolvers = [ChasingResolver];
export function chasingEventHandlers(services: AppServices): EventHandler[] {
  return chasingHandlers(services);
}
