import type { AppServices, EventHandler } from "@civicline/platform";
import { RoutingTopic } from "@civicline/routing";
import { LeaderEvent, leaderPageTopic } from "./leader.events.js";

/**
 * After commit: a leader's page hears its session tickets, matters and instructions; the units of
 * an instructed ticket hear `routingChanged`, so their open workbench refreshes.
 */
export function leaderPushHandlers({ pubsub }: AppServices): EventHandler[] {
  return [LeaderEvent.TICKET_MARKED, LeaderEvent.MATTER_ASSIGNED, LeaderEvent.INSTRUCTION_ADDED].map((eventType) => ({
    name: `supervision.leader.push.${eventType}`,
    eventType,
    handle: async (event) => {
      pubsub.publish(leaderPageTopic(String(event.payload.leaderId)), true);
      const unitIds = Array.isArray(event.payload.unitIds) ? (event.payload.unitIds as unknown[]) : [];
      for (const unitId of unitIds) {
        pubsub.publish(RoutingTopic.unit(String(unitId)), true);
      }
    },
  }));
}
