import type { AppServices, EventHandler, TimerHandler } from "@civicline/platform";
import { orderEventHandlers as reminderHandlers } from "./auto-reminder.js";
import { orderTimerHandlers as escalationHandlers } from "./escalate-order.js";
import { orderPushHandlers } from "./order-live.js";
import { SupervisionOrderEvent } from "./order-event.entity.js";
import { SupervisionOrderSettings } from "./order-settings.entity.js";
import { SupervisionOrder } from "./order.entity.js";
import { SupervisionOrderResolver } from "./order.resolver.js";

/** What supervision orders (督办单) add to the supervision module. */
export const orderEntities = [SupervisionOrder, SupervisionOrderEvent, SupervisionOrderSettings];
export const orderResolvers = [SupervisionOrderResolver];
export function orderEventHandlers(services: AppServices): EventHandler[] {
  return [...reminderHandlers(services), ...orderPushHandlers(services)];
}
export function orderTimerHandlers(services: Pick<AppServices, "now">): TimerHandler[] {
  return escalationHandlers(services);
}
