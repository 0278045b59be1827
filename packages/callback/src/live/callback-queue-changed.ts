import { requireRole, type Actor, type AppServices, type EventHandler } from "@civicline/platform";
import { CALLBACK_READERS } from "../callback.errors.js";
import { CALLBACK_QUEUE_TOPIC, CallbackEvent } from "../callback.events.js";

/** The topic of `callbackQueueChanged`, for those who may read the callback queues (FORBIDDEN otherwise). */
export function callbackQueueTopic(actor: Actor | null): string {
  requireRole(actor, CALLBACK_READERS);
  return CALLBACK_QUEUE_TOPIC;
}

/** Events after which the queue figures may differ. */
const QUEUE_EVENTS: readonly string[] = [
  CallbackEvent.TASK_CREATED,
  CallbackEvent.ATTEMPT_RECORDED,
  CallbackEvent.TASK_CLOSED,
  CallbackEvent.TASK_OVERDUE,
  CallbackEvent.TASK_RETRY_DUE,
  CallbackEvent.MISSED_CALL_REPORTED,
  CallbackEvent.MISSED_CALL_ATTEMPTED,
  CallbackEvent.MISSED_CALL_DUE,
];

/** Outbox handlers that push `callbackQueueChanged` after commit (through PostgreSQL NOTIFY, to every instance). */
export function callbackPushHandlers(services: AppServices): EventHandler[] {
  return QUEUE_EVENTS.map((eventType) => ({
    name: `callback.push.${eventType}`,
    eventType,
    handle: async () => services.pubsub.publish(CALLBACK_QUEUE_TOPIC, true),
  }));
}
