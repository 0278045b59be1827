import type { AppServices, EventHandler } from "@civicline/platform";
import { RoutingTopic } from "@civicline/routing";
import { CallbackEvent } from "../callback.events.js";

/**
 * After a citizen's addition (or its being marked read) commits, each unit it concerns hears one
 * `routingChanged` push on its own topic (once per event, not per subscriber): the workbench then
 * refetches its additions list and the open ticket's timeline.
 */
export function additionPushHandlers(services: Pick<AppServices, "pubsub">): EventHandler[] {
  return [CallbackEvent.CITIZEN_ADDITION_ADDED, CallbackEvent.CITIZEN_ADDITION_SEEN].map((eventType) => ({
    name: `callback.push.${eventType}`,
    eventType,
    handle: async (event) => {
      const unitIds = Array.isArray(event.payload.unitIds) ? [...new Set(event.payload.unitIds.map(String))] : [];
      for (const unitId of unitIds) {
        services.pubsub.publish(RoutingTopic.unit(unitId), true);
      }
    },
  }));
}
