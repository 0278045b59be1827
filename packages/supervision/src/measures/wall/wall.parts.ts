import type { AppServices, EventHandler } from "@civicline/platform";
import { WallCount } from "./wall-count.entity.js";
import { wallEventHandlers } from "./wall-live.js";
import { WallboardResolver } from "./wall.resolver.js";
import { wallHotIssues } from "./wall-hot.js";

/** The wallboard's part of the supervision module (its handlers go after the chasing board's). */
export const wallEntities = [WallCount];
export const wallResolvers = [WallboardResolver];
export function wallHandlers(services: AppServices): EventHandler[] {
  return wallEventHandlers(services, wallHotIssues);
}
