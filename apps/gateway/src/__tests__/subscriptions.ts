import { randomUUID } from "node:crypto";
import { vi } from "vitest";
import type { RunningApp } from "../app.js";

/**
 * Runs `subscribe` and waits until the gateway holds one more open subscription, or `refused()`
 * says the server turned it down: the event a test needs before it publishes (never a sleep).
 */
export async function subscribedOn(app: RunningApp, subscribe: () => void, refused: () => boolean = () => false): Promise<void> {
  const pubsub = app.services.pubsub;
  const before = pubsub.subscriberCount();
  subscribe();
  await vi.waitFor(
    () => {
      if (pubsub.subscriberCount() <= before && !refused()) {
        throw new Error("the gateway has not registered the subscription yet");
      }
    },
    { timeout: 15_000, interval: 10 },
  );
}

/**
 * Resolves once every notification committed before the call has been handed to this instance's
 * subscribers: PostgreSQL delivers NOTIFY in commit order, so a marker published now comes last.
 */
export async function pubsubSettled(app: RunningApp): Promise<void> {
  const pubsub = app.services.pubsub;
  const topic = `test.settled.${randomUUID()}`;
  const iterator = pubsub.subscribe(topic)[Symbol.asyncIterator]();
  const arrived = iterator.next();
  pubsub.publish(topic, true);
  await arrived;
  await iterator.return?.();
}
