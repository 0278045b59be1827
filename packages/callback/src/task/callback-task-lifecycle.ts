import { tableAllows, tableHolds, updateState, type Step, type TransitionTable, type Actor } from "@civicline/platform";
import type { EntityManager } from "typeorm";
import { CallbackTaskState } from "../callback.enums.js";
import { CallbackEvent, recordCallbackEvent } from "../callback.events.js";
import { checkStep } from "../shared/state-machine.js";
import { CallbackTask } from "./callback-task.entity.js";

const S = CallbackTaskState;

/** What closes a callback task. */
export const CallbackTaskAction = {
  /** The citizen was reached and answered on the phone. */
  ANSWER_BY_PHONE: "ANSWER_BY_PHONE",
  /** The citizen rated the reply on the portal. */
  ANSWER_ONLINE: "ANSWER_ONLINE",
  /** The last allowed try did not reach the citizen. */
  GIVE_UP: "GIVE_UP",
  /** The task is no longer wanted (a newer reply, the ticket left REPLIED another way). */
  CANCEL: "CANCEL",
} as const;
export type CallbackTaskAction = (typeof CallbackTaskAction)[keyof typeof CallbackTaskAction];

/** The state every task starts in. */
export const INITIAL_CALLBACK_TASK_STATE = S.OPEN;

/** Every allowed state change. Nothing else in civicline assigns `callbackTask.state`. */
export const CALLBACK_TASK_TRANSITIONS: TransitionTable<CallbackTaskState, CallbackTaskAction> = {
  [S.OPEN]: [
    { action: CallbackTaskAction.ANSWER_BY_PHONE, to: S.DONE },
    { action: CallbackTaskAction.ANSWER_ONLINE, to: S.DONE_ONLINE },
    { action: CallbackTaskAction.GIVE_UP, to: S.UNREACHABLE },
    { action: CallbackTaskAction.CANCEL, to: S.CANCELLED },
  ],
  [S.DONE]: [],
  [S.DONE_ONLINE]: [],
  [S.UNREACHABLE]: [],
  [S.CANCELLED]: [],
};

export type CallbackTaskStep = Step<CallbackTaskState, CallbackTaskAction>;

/** Whether `action` may be taken from `from`. */
export function callbackTaskAllows(from: CallbackTaskState, action: CallbackTaskAction): boolean {
  return tableAllows(CALLBACK_TASK_TRANSITIONS, from, action);
}

/** Whether the table holds the step from → to by `action`. */
export function canTransitionCallbackTask(from: CallbackTaskState, to: CallbackTaskState, action: CallbackTaskAction): boolean {
  return tableHolds(CALLBACK_TASK_TRANSITIONS, from, to, action);
}

/** The writer's check: CALLBACK/INVALID_TRANSITION unless the table holds the step. */
export function checkCallbackTaskTransition(step: { from: CallbackTaskState; to: CallbackTaskState; action: CallbackTaskAction }): void {
  checkStep(CALLBACK_TASK_TRANSITIONS, "callback task", step);
}

/** Task columns a closing writes together with the state. */
export type CallbackTaskChanges = Partial<Pick<CallbackTask, "closedAt" | "closedByName" | "nextAttemptAt" | "claimedById" | "claimedByName" | "claimedUntil">>;

/**
 * Moves a (locked) task to `to` by `action` if the table allows it (CALLBACK/INVALID_TRANSITION
 * otherwise, nothing written), with `changes` in the same update guarded by the state read
 * (CONFLICT if the row moved meanwhile), and records `callback.task_closed` (payload `taskId`,
 * `ticketId`, `state`, plus `details`). Updates and returns the given object.
 */
export async function transitionCallbackTask(
  manager: EntityManager,
  input: { task: CallbackTask; to: CallbackTaskState; action: CallbackTaskAction; actor: Actor | null; changes?: CallbackTaskChanges; details?: Record<string, unknown> },
): Promise<CallbackTask> {
  const { task, to, action } = input;
  const from = task.state;
  checkCallbackTaskTransition({ from, to, action });
  const set = { ...input.changes, state: to };
  await updateState(manager, CallbackTask, { id: task.id, from, set });
  await recordCallbackEvent(manager, CallbackEvent.TASK_CLOSED, { taskId: task.id, ticketId: task.ticketId, state: to, ...input.details }, input.actor?.id ?? null);
  return Object.assign(task, set);
}
