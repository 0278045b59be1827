import type { AppServices, EventHandler, TimerHandler } from "@civicline/platform";
import { ChasingCount } from "./chasing-count.entity.js";
import { ChasingItem } from "./chasing-item.entity.js";
import { chasingHandlers } from "./chasing-live.js";
import { ChasingResolver } from "./chasing.resolver.js";
import { warningArmHandlers, warningTimerHandlers } from "./warning-timers.js";

/** The chasing board's part of the supervision module. */
export const chasingEntities = [ChasingItem, ChasingCount];
export const chasingResolvers = [ChasingResolver];
export function chasingEventHandlers(services: AppServices): EventHandler[] {
  return [...warningArmHandlers(services.dataSource), ...chasingHandlers(services)];
}
export function chasingTimerHandlers(): TimerHandler[] {
  return warningTimerHandlers();
}
