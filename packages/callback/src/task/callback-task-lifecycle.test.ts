import type { OutboxProcessor } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agent, buildRepliedTicket, buildWorld, callbackTestDatabase, outboxFor, tasksOf, type World } from "../__tests__/factories.js";
import { expectEveryStateAgainstDatabase } from "../__tests__/lifecycle-properties.js";
import { CallbackTaskState } from "../callback.enums.js";
import { CALLBACK_TASK_TRANSITIONS, CallbackTaskAction, transitionCallbackTask } from "./callback-task-lifecycle.js";
import { CallbackTask } from "./callback-task.entity.js";

let db: TestDatabase;
let outbox: OutboxProcessor;
let world: World;
beforeAll(async () => {
  db = await callbackTestDatabase();
  outbox = outboxFor(db);
  world = await buildWorld(db);
});
afterAll(() => db?.destroy());

const STATES = Object.values(CallbackTaskState);
const ACTIONS = Object.values(CallbackTaskAction);

/** The open task a real reply created. */
async function openTask(): Promise<CallbackTask> {
  const { ticket } = await buildRepliedTicket(db, world);
  await outbox.drain();
  const [task] = await tasksOf(db, ticket.id);
  expect(task?.state).toBe(CallbackTaskState.OPEN);
  return task!;
}

/** The task's row as stored, and how many events name it. */
async function footprint(taskId: string): Promise<{ row: Record<string, unknown>; events: number }> {
  const [row] = await db.dataSource.query("SELECT * FROM callback_task WHERE id = $1", [taskId]);
  const [{ events }] = await db.dataSource.query("SELECT count(*)::int AS events FROM platform_outbox WHERE payload->>'taskId' = $1", [taskId]);
  return { row, events };
}

const move = (task: CallbackTask, to: CallbackTaskState, action: CallbackTaskAction) =>
  db.dataSource.transaction((manager) => transitionCallbackTask(manager, { task: { ...task }, to, action, actor: agent, changes: { closedByName: agent.name } }));

describe("transitionCallbackTask against the database", () => {
  it("from every state, refuses each step the table does not hold and writes nothing; an allowed step writes the state and one task_closed event", async () => {
    await expectEveryStateAgainstDatabase({
      table: CALLBACK_TASK_TRANSITIONS,
      initial: CallbackTaskState.OPEN,
      states: STATES,
      actions: ACTIONS,
      fresh: openTask,
      move,
      footprint,
      written: { closed_by_name: agent.name },
    });
  });

  it("refuses with CONFLICT, writing nothing, when the row left the state the caller read", async () => {
    const task = await openTask();
    await move(task, CallbackTaskState.CANCELLED, CallbackTaskAction.CANCEL);
    const before = await footprint(task.id);
    await expect(move(task, CallbackTaskState.DONE, CallbackTaskAction.ANSWER_BY_PHONE)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await footprint(task.id)).toEqual(before);
  });
});
