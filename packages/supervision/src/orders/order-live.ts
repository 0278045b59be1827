import { ForbiddenError, Role, hasAnyRole, requireRole, STAFF_ROLES, type Actor, type AppServices, type EventHandler } from "@civicline/platform";
import { OrderEvent, OrderTopic } from "./order.events.js";
import { ORDER_READERS } from "./order.errors.js";

/** The one topic a viewer's `supervisionOrdersChanged` listens to: a handler their unit's, centre readers the centre's. */
export function ordersChangedTopic(input: Actor | null): string {
  const actor = requireRole(input, STAFF_ROLES);
  if (hasAnyRole(actor, ORDER_READERS)) {
    return OrderTopic.CENTRE;
  }
  if (hasAnyRole(actor, [Role.HANDLER]) && actor.unitId) {
    return OrderTopic.unit(actor.unitId);
  }
  throw new ForbiddenError();
}

/** After commit, each order change is pushed once to the unit it is addressed to and once to the centre. */
export function orderPushHandlers(services: Pick<AppServices, "pubsub">): EventHandler[] {
  return [
    {
      name: "supervision.push.order_changed",
      eventType: OrderEvent.ORDER_CHANGED,
      handle: async (event) => {
        const unitIds = Array.isArray(event.payload.unitIds) ? (event.payload.unitIds as unknown[]) : [];
        for (const unitId of unitIds) {
          services.pubsub.publish(OrderTopic.unit(String(unitId)), true);
        }
        services.pubsub.publish(OrderTopic.CENTRE, true);
      },
    },
  ];
}
