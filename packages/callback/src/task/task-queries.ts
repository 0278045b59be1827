import { pageInput, requireRole, type Actor, type PageRule } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { CALLBACK_READERS, isUuid, taskNotFound } from "../callback.errors.js";
import { CallbackTaskKind, CallbackTaskState, MissedCallState } from "../callback.enums.js";
import { CallbackTask } from "./callback-task.entity.js";

/** A filter of the callback queue (GraphQL CallbackQueueFilter). */
export type QueueFilter = {
  states?: readonly CallbackTaskState[] | null;
  kinds?: readonly CallbackTaskKind[] | null;
  /** Only open tasks past their due time. */
  overdueOnly?: boolean | null;
  /** Only open tasks that may be called now (no retry pending). */
  readyOnly?: boolean | null;
};

/** Paging of the callback lists (queue, missed calls, re-report proposals). */
export const CALLBACK_PAGE: PageRule = { defaultLimit: 50, maxLimit: 200 };

/**
 * The shared callback queue: open tasks by default, soonest due first (then oldest). Callback
 * agents, supervisors, admins and leaders.
 */
export async function callbackQueue(
  dataSource: DataSource,
  input: { actor: Actor | null; filter?: QueueFilter | null; limit?: number | null; offset?: number | null; now?: Date },
): Promise<{ total: number; items: CallbackTask[] }> {
  requireRole(input.actor, CALLBACK_READERS);
  const { limit, offset } = pageInput(input, CALLBACK_PAGE);
  const filter = input.filter ?? {};
  const now = input.now ?? new Date();
  const states = filter.states?.length ? filter.states : [CallbackTaskState.OPEN];
  const query = dataSource.getRepository(CallbackTask).createQueryBuilder("task").where("task.state IN (:...states)", { states });
  if (filter.kinds?.length) {
    query.andWhere("task.kind IN (:...kinds)", { kinds: filter.kinds });
  }
  if (filter.overdueOnly) {
    query.andWhere("task.state = :open AND task.due_at < :now", { open: CallbackTaskState.OPEN, now });
  }
  if (filter.readyOnly) {
    query.andWhere("task.state = :open AND (task.next_attempt_at IS NULL OR task.next_attempt_at <= :now)", { open: CallbackTaskState.OPEN, now });
  }
  const [items, total] = await query.orderBy("task.due_at", "ASC").addOrderBy("task.created_at", "ASC").addOrderBy("task.id", "ASC").take(limit).skip(offset).getManyAndCount();
  return { total, items };
}

/** One task, for those who may read the queue. */
export async function getCallbackTask(dataSource: DataSource, input: { actor: Actor | null; id: string }): Promise<CallbackTask> {
  requireRole(input.actor, CALLBACK_READERS);
  const task = isUuid(input.id) ? await dataSource.getRepository(CallbackTask).findOne({ where: { id: input.id } }) : null;
  if (!task) {
    throw taskNotFound();
  }
  return task;
}

/** The figures of `callbackQueueChanged` and `callbackQueueCounts`. */
export type QueueCounts = { openTasks: number; overdueTasks: number; readyTasks: number; openMissedCalls: number; overdueMissedCalls: number };

/** Counts of the callback queues now (two small indexed queries). */
export async function countCallbackQueues(dataSource: DataSource, now: Date = new Date()): Promise<QueueCounts> {
  const [tasks] = (await dataSource.query(
    `SELECT count(*)::int AS open,
            count(*) FILTER (WHERE due_at < $2)::int AS overdue,
            count(*) FILTER (WHERE next_attempt_at IS NULL OR next_attempt_at <= $2)::int AS ready
       FROM callback_task WHERE state = $1`,
    [CallbackTaskState.OPEN, now],
  )) as Array<{ open: number; overdue: number; ready: number }>;
  const [calls] = (await dataSource.query(
    `SELECT count(*)::int AS open, count(*) FILTER (WHERE due_at < $2)::int AS overdue FROM callback_missed_call WHERE state = $1`,
    [MissedCallState.OPEN, now],
  )) as Array<{ open: number; overdue: number }>;
  return { openTasks: tasks!.open, overdueTasks: tasks!.overdue, readyTasks: tasks!.ready, openMissedCalls: calls!.open, overdueMissedCalls: calls!.overdue };
}
