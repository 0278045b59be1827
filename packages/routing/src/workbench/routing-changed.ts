import { ForbiddenError, Role, STAFF_ROLES, hasAnyRole, requireRole, type Actor, type AppServices, type EventHandler } from "@civicline/platform";
import { TICKET_RECEIVED, TICKET_STATUS_CHANGED } from "@civicline/intake";
import { RoutingEvent, RoutingTopic } from "../routing.events.js";

/**
 * The one topic a viewer's `routingChanged` listens to, so nothing is filtered after the fact: a
 * handler hears only their own unit's topic, dispatchers and admins the dispatch queue's,
 * supervisors the extension requests'. FORBIDDEN for anyone else.
 */
export function routingChangedTopic(input: Actor | null): string {
  const actor = requireRole(input, STAFF_ROLES);
  if (hasAnyRole(actor, [Role.HANDLER])) {
    if (!actor.unitId) {
      throw new ForbiddenError("Your account is not attached to a handling unit.");
    }
    return RoutingTopic.unit(actor.unitId);
  }
  if (hasAnyRole(actor, [Role.DISPATCHER, Role.ADMIN])) {
    return RoutingTopic.DISPATCH;
  }
  if (hasAnyRole(actor, [Role.SUPERVISOR])) {
    return RoutingTopic.SUPERVISION;
  }
  throw new ForbiddenError();
}

const SUPERVISION_EVENTS: readonly string[] = [RoutingEvent.EXTENSION_REQUESTED, RoutingEvent.EXTENSION_DECIDED];
/** Events after which the dispatch queue may differ. */
const QUEUE_EVENTS: readonly string[] = [RoutingEvent.TICKET_DISPATCHED, RoutingEvent.TICKET_RETURNED, RoutingEvent.RETURN_DECIDED];

/**
 * Outbox handlers that push `routingChanged` after commit: each routing event to the topics of the
 * units it names (and to dispatchers or supervisors where it concerns them); intake's received and
 * status-changed events to the dispatch queue.
 */
export function routingPushHandlers(services: AppServices): EventHandler[] {
  const { pubsub } = services;
  const routing: EventHandler[] = Object.values(RoutingEvent)
    .filter((type) => type !== RoutingEvent.RULE_SAVED)
    .map((eventType) => ({
      name: `routing.push.${eventType}`,
      eventType,
      handle: async (event) => {
        const unitIds = Array.isArray(event.payload.unitIds) ? (event.payload.unitIds as unknown[]) : [];
        for (const unitId of unitIds) {
          pubsub.publish(RoutingTopic.unit(String(unitId)), true);
        }
        if (QUEUE_EVENTS.includes(eventType)) {
          pubsub.publish(RoutingTopic.DISPATCH, true);
        }
        if (SUPERVISION_EVENTS.includes(eventType)) {
          pubsub.publish(RoutingTopic.SUPERVISION, true);
        }
      },
    }));
  const intake: EventHandler[] = [TICKET_RECEIVED, TICKET_STATUS_CHANGED].map((eventType) => ({
    name: `routing.push-queue.${eventType}`,
    eventType,
    handle: async () => pubsub.publish(RoutingTopic.DISPATCH, true),
  }));
  return [...routing, ...intake];
}
