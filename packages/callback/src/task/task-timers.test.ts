import { Role, type FiringTimer, type OutboxProcessor } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CALLBACK_QUEUE_TOPIC, CallbackEvent } from "../callback.events.js";
import { CallOutcome, Resolution, Satisfaction } from "../callback.enums.js";
import { callbackQueueTopic } from "../live/callback-queue-changed.js";
import { agent, buildRepliedTicket, buildWorld, callbackTestDatabase, eventsOf, outboxFor, staff, tasksOf, type World } from "../__tests__/factories.js";
import { CallbackTimer, callbackTimerHandlers } from "./task-timers.js";
import { recordCallbackAttempt } from "./task-work.js";

let db: TestDatabase;
let outbox: OutboxProcessor;
let world: World;
beforeAll(async () => {
  db = await callbackTestDatabase();
  outbox = outboxFor(db);
  world = await buildWorld(db);
});
afterAll(() => db?.destroy());

/** Fires a timer the way the TimerService does: the handler runs in the transaction that marks it fired. */
async function fire(type: string, payload: Record<string, unknown>): Promise<void> {
  const handler = callbackTimerHandlers().find((candidate) => candidate.type === type)!;
  const timer: FiringTimer = { id: "1", key: "k", type, payload, dueAt: new Date(), attempts: 0 };
  await db.dataSource.transaction((manager) => handler.handle(timer, manager));
}

describe("callback timers", () => {
  it("announce an open task at its due time and a pending retry, and stay quiet once the task is closed", async () => {
    const { ticket } = await buildRepliedTicket(db, world);
    await outbox.drain();
    const [task] = await tasksOf(db, ticket.id);
    await fire(CallbackTimer.TASK_DUE, { taskId: task!.id, dueAt: task!.dueAt.toISOString() });
    expect(await eventsOf(db, CallbackEvent.TASK_OVERDUE, ticket.id)).toHaveLength(1);
    // A timer for a due time the task no longer has does nothing.
    await fire(CallbackTimer.TASK_DUE, { taskId: task!.id, dueAt: new Date(0).toISOString() });
    expect(await eventsOf(db, CallbackEvent.TASK_OVERDUE, ticket.id)).toHaveLength(1);

    const retried = await recordCallbackAttempt(db.dataSource, { actor: agent, request: { taskId: task!.id, outcome: CallOutcome.NOT_REACHED } });
    await fire(CallbackTimer.TASK_RETRY, { taskId: task!.id, at: retried.nextAttemptAt!.toISOString() });
    expect(await eventsOf(db, CallbackEvent.TASK_RETRY_DUE, ticket.id)).toHaveLength(1);

    await recordCallbackAttempt(db.dataSource, {
      actor: agent,
      request: { taskId: task!.id, outcome: CallOutcome.REACHED, answers: { resolution: Resolution.RESOLVED, resultSatisfaction: Satisfaction.SATISFIED, processSatisfaction: Satisfaction.SATISFIED, reasonable: true } },
    });
    await fire(CallbackTimer.TASK_DUE, { taskId: task!.id, dueAt: task!.dueAt.toISOString() });
    expect(await eventsOf(db, CallbackEvent.TASK_OVERDUE, ticket.id)).toHaveLength(1);
  });

  it("the live queue is for callback agents, supervisors, admins and leaders", () => {
    for (const role of [Role.CALLBACK_AGENT, Role.SUPERVISOR, Role.ADMIN, Role.LEADER]) {
      expect(callbackQueueTopic(staff("x", [role]))).toBe(CALLBACK_QUEUE_TOPIC);
    }
    expect(() => callbackQueueTopic(staff("x", [Role.OPERATOR]))).toThrow();
    expect(() => callbackQueueTopic(staff("x", [Role.HANDLER]))).toThrow();
    expect(() => callbackQueueTopic(null)).toThrow();
  });
});
