import { assertNoFieldErrors, requireRole, type Actor, type FieldError } from "@civicline/platform";
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

export const MAX_PAGE = 200;

/** Checks paging arguments (limit 1 … 200, offset ≥ 0). */
export function checkPaging(limit: number | null | undefined, offset: number | null | undefined): { limit: number; offset: number } {
  const errors: FieldError[] = [];
  const size = limit ?? 50;
  const skip = offset ?? 0;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) {
    errors.push({ field: "limit", code: "OUT_OF_RANGE", message: `Ask for 1 to ${MAX_PAGE} items.` });
  }
  if (!Number.isInteger(skip) || skip < 0) {
    errors.push({ field: "offset", code: "OUT_OF_RANGE", message: "The offset cannot be negative." });
  }
  assertNoFieldErrors(errors);
  return { limit: size, offset: skip };
}

/**
 * The shared callback queue: open tasks by default, soonest due first (then oldest). Callback
 * agents, supervisors, admins and leaders.
 */
export async function callbackQueue(
  dataSource: DataSource,
  input: { actor: Actor | null; filter?: QueueFilter | null; limit?: number | null; offset?: number | null; now?: Date },
): Promise<{ total: number; items: CallbackTask[] }> {
  requireRole(input.actor, CALLBACK_READERS);
  const { limit, offset } = checkPaging(input.limit, input.offset);
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
