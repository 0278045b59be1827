import { cancelTimer, scheduleTimer, type TimerHandler } from "@civicline/platform";
import type { EntityManager } from "typeorm";
import { CallbackTaskState, MissedCallState } from "../callback.enums.js";
import { CallbackEvent, recordCallbackEvent } from "../callback.events.js";
import { MissedCall } from "../missed-call/missed-call.entity.js";
import { CallbackTask } from "./callback-task.entity.js";

/** Timer types callback schedules. */
export const CallbackTimer = {
  TASK_DUE: "callback.task_due",
  TASK_RETRY: "callback.task_retry",
  MISSED_CALL_DUE: "callback.missed_call_due",
  MISSED_CALL_RETRY: "callback.missed_call_retry",
} as const;

const taskKey = (taskId: string, kind: "due" | "retry") => `callback:task:${taskId}:${kind}`;
const missedCallKey = (id: string, kind: "due" | "retry") => `callback:missed_call:${id}:${kind}`;

/** Arms the timer that announces a task still open at its due time. */
export function scheduleTaskDue(manager: EntityManager, task: Pick<CallbackTask, "id" | "ticketId" | "dueAt">): Promise<void> {
  return scheduleTimer(manager, { key: taskKey(task.id, "due"), type: CallbackTimer.TASK_DUE, dueAt: task.dueAt, payload: { taskId: task.id, ticketId: task.ticketId, dueAt: task.dueAt.toISOString() } });
}

/** Arms the timer that puts a not-reached task back in front of the agents when it may be retried. */
export function scheduleTaskRetry(manager: EntityManager, task: Pick<CallbackTask, "id" | "ticketId">, at: Date): Promise<void> {
  return scheduleTimer(manager, { key: taskKey(task.id, "retry"), type: CallbackTimer.TASK_RETRY, dueAt: at, payload: { taskId: task.id, ticketId: task.ticketId, at: at.toISOString() } });
}

/** Cancels a closed task's timers. */
export async function cancelTaskTimers(manager: EntityManager, taskId: string): Promise<void> {
  await cancelTimer(manager, taskKey(taskId, "due"));
  await cancelTimer(manager, taskKey(taskId, "retry"));
}

export function scheduleMissedCallDue(manager: EntityManager, call: Pick<MissedCall, "id" | "dueAt">): Promise<void> {
  return scheduleTimer(manager, { key: missedCallKey(call.id, "due"), type: CallbackTimer.MISSED_CALL_DUE, dueAt: call.dueAt, payload: { missedCallId: call.id, at: call.dueAt.toISOString() } });
}

export function scheduleMissedCallRetry(manager: EntityManager, call: Pick<MissedCall, "id">, at: Date): Promise<void> {
  return scheduleTimer(manager, { key: missedCallKey(call.id, "retry"), type: CallbackTimer.MISSED_CALL_RETRY, dueAt: at, payload: { missedCallId: call.id, at: at.toISOString() } });
}

export async function cancelMissedCallTimers(manager: EntityManager, id: string): Promise<void> {
  await cancelTimer(manager, missedCallKey(id, "due"));
  await cancelTimer(manager, missedCallKey(id, "retry"));
}

/**
 * The timers record an event (in the transaction that marks them fired, so once) when the task or
 * missed call is still open at that time; the live queue refreshes on those events.
 */
export function callbackTimerHandlers(): TimerHandler[] {
  const openTask = async (manager: EntityManager, payload: Record<string, unknown>) => {
    const task = await manager.findOne(CallbackTask, { where: { id: String(payload.taskId ?? "") } });
    return task && task.state === CallbackTaskState.OPEN ? task : null;
  };
  const openCall = async (manager: EntityManager, payload: Record<string, unknown>) => {
    const call = await manager.findOne(MissedCall, { where: { id: String(payload.missedCallId ?? "") } });
    return call && call.state === MissedCallState.OPEN ? call : null;
  };
  return [
    {
      type: CallbackTimer.TASK_DUE,
      handle: async (timer, manager) => {
        const task = await openTask(manager, timer.payload);
        if (task && task.dueAt.toISOString() === timer.payload.dueAt) {
          await recordCallbackEvent(manager, CallbackEvent.TASK_OVERDUE, { taskId: task.id, ticketId: task.ticketId, dueAt: task.dueAt.toISOString() });
        }
      },
    },
    {
      type: CallbackTimer.TASK_RETRY,
      handle: async (timer, manager) => {
        const task = await openTask(manager, timer.payload);
        if (task && task.nextAttemptAt?.toISOString() === timer.payload.at) {
          await recordCallbackEvent(manager, CallbackEvent.TASK_RETRY_DUE, { taskId: task.id, ticketId: task.ticketId });
        }
      },
    },
    {
      type: CallbackTimer.MISSED_CALL_DUE,
      handle: async (timer, manager) => {
        const call = await openCall(manager, timer.payload);
        if (call) {
          await recordCallbackEvent(manager, CallbackEvent.MISSED_CALL_DUE, { missedCallId: call.id, overdue: true });
        }
      },
    },
    {
      type: CallbackTimer.MISSED_CALL_RETRY,
      handle: async (timer, manager) => {
        const call = await openCall(manager, timer.payload);
        if (call && call.nextAttemptAt?.toISOString() === timer.payload.at) {
          await recordCallbackEvent(manager, CallbackEvent.MISSED_CALL_DUE, { missedCallId: call.id, retry: true });
        }
      },
    },
  ];
}
