import { HistoryNote, TicketStatus, transitionTicket } from "@civicline/intake";
import { DomainError, addWorkingTime, assertNoFieldErrors, loadWorkingCalendar, requireRole, type Actor, type FieldError } from "@civicline/platform";
import type { DataSource, EntityManager } from "typeorm";
import { AGENT_ROLES, CallbackErrorCode, TEXT_LIMITS, isUuid, optionalText, taskClosed, taskNotFound } from "../callback.errors.js";
import { CallOutcome, CallbackTaskKind, CallbackTaskState, SurveyChannel } from "../callback.enums.js";
import { CallbackEvent, recordCallbackEvent } from "../callback.events.js";
import { loadCallbackSettings } from "../settings/callback-settings.js";
import { invalidTicketState, lockTicketRow, recordAnswers, validateAnswers, type AnswersRequest } from "../survey/answers.js";
import { CallbackAttempt } from "./callback-attempt.entity.js";
import { CallbackTaskAction, transitionCallbackTask } from "./callback-task-lifecycle.js";
import { CallbackTask } from "./callback-task.entity.js";
import { cancelTaskTimers, scheduleTaskRetry } from "./task-timers.js";

/** Locks a task row for the rest of the transaction; TASK_NOT_FOUND when there is none. */
export async function lockTask(manager: EntityManager, taskId: string): Promise<CallbackTask> {
  const task = isUuid(taskId) ? await manager.findOne(CallbackTask, { where: { id: taskId }, lock: { mode: "pessimistic_write" } }) : null;
  if (!task) {
    throw taskNotFound();
  }
  return task;
}

/** Someone else holds an unexpired claim on the task. */
function heldByOther(task: CallbackTask, actor: Actor, now: Date): boolean {
  return !!task.claimedById && task.claimedById !== actor.id && !!task.claimedUntil && task.claimedUntil.getTime() > now.getTime();
}

function claimedByOther(task: CallbackTask): DomainError {
  return new DomainError(CallbackErrorCode.CLAIMED_BY_OTHER, `${task.claimedByName ?? "Another agent"} is calling this citizen.`, {
    claimedBy: task.claimedByName,
    claimedUntil: task.claimedUntil?.toISOString() ?? null,
  });
}

/**
 * An agent takes an open task from the shared queue: it is locked to them for the configured
 * minutes (claiming again extends it). CALLBACK/CLAIMED_BY_OTHER while another agent holds it.
 */
export async function claimCallbackTask(dataSource: DataSource, input: { actor: Actor | null; taskId: string; now?: Date }): Promise<CallbackTask> {
  const actor = requireRole(input.actor, AGENT_ROLES);
  const now = input.now ?? new Date();
  return dataSource.transaction(async (manager) => {
    const task = await lockTask(manager, input.taskId);
    if (task.state !== CallbackTaskState.OPEN) {
      throw taskClosed(task.state);
    }
    if (heldByOther(task, actor, now)) {
      throw claimedByOther(task);
    }
    const settings = await loadCallbackSettings(manager);
    const changes = { claimedById: actor.id, claimedByName: actor.name, claimedUntil: new Date(now.getTime() + settings.claimMinutes * 60_000) };
    await manager.update(CallbackTask, { id: task.id }, changes);
    return Object.assign(task, changes);
  });
}

/** The agent puts a claimed task back in the shared queue (no-op when they do not hold it). */
export async function releaseCallbackTask(dataSource: DataSource, input: { actor: Actor | null; taskId: string; now?: Date }): Promise<CallbackTask> {
  const actor = requireRole(input.actor, AGENT_ROLES);
  const now = input.now ?? new Date();
  return dataSource.transaction(async (manager) => {
    const task = await lockTask(manager, input.taskId);
    if (heldByOther(task, actor, now)) {
      throw claimedByOther(task);
    }
    if (task.claimedById === actor.id) {
      const changes = { claimedById: null, claimedByName: null, claimedUntil: null };
      await manager.update(CallbackTask, { id: task.id }, changes);
      Object.assign(task, changes);
    }
    return task;
  });
}

/** What an agent records after a call (GraphQL CallbackAttemptInput). */
export type AttemptRequest = {
  taskId: string;
  outcome: CallOutcome;
  note?: string | null;
  answers?: AnswersRequest | null;
};

/**
 * An agent records one call. NOT_REACHED: the attempt is stored and a retry scheduled after the
 * retry interval in working time (CALLBACK/RETRY_NOT_DUE before that); at the last allowed try the
 * task closes UNREACHABLE and a replied ticket is closed with reason 回访未接通. REACHED: the
 * answers are recorded (see `recordAnswers`). One transaction; the task row is locked, so two
 * agents cannot record the same call twice.
 */
export async function recordCallbackAttempt(dataSource: DataSource, input: { actor: Actor | null; request: AttemptRequest; now?: Date }): Promise<CallbackTask> {
  const actor = requireRole(input.actor, AGENT_ROLES);
  const { request } = input;
  const now = input.now ?? new Date();
  const errors: FieldError[] = [];
  if (!isUuid(request.taskId)) {
    errors.push({ field: "taskId", code: "INVALID_FORMAT", message: "Choose a task from the queue." });
  }
  if (!Object.values(CallOutcome).includes(request.outcome)) {
    errors.push({ field: "outcome", code: "INVALID_FORMAT", message: "Choose the outcome of the call." });
  }
  const note = optionalText(errors, "note", request.note, TEXT_LIMITS.note, "note");
  if (request.outcome === CallOutcome.NOT_REACHED && request.answers) {
    errors.push({ field: "answers", code: "NOT_APPLICABLE", message: "Answers are recorded only when the citizen was reached." });
  }
  assertNoFieldErrors(errors);
  return dataSource.transaction(async (manager) => {
    const task = await lockTask(manager, request.taskId);
    if (task.state !== CallbackTaskState.OPEN) {
      throw taskClosed(task.state);
    }
    if (heldByOther(task, actor, now)) {
      throw claimedByOther(task);
    }
    const reached = request.outcome === CallOutcome.REACHED;
    const checked = reached ? validateAnswers(request.answers, { kind: task.kind, channel: SurveyChannel.PHONE, prefix: "answers" }) : null;
    assertNoFieldErrors(checked?.errors ?? []);
    if (!reached && task.nextAttemptAt && task.nextAttemptAt.getTime() > now.getTime()) {
      throw new DomainError(CallbackErrorCode.RETRY_NOT_DUE, "The next try is not due yet.", { nextAttemptAt: task.nextAttemptAt.toISOString() });
    }
    await manager.insert(CallbackAttempt, { taskId: task.id, at: now, agentId: actor.id, agentName: actor.name, reached, note });
    const attempts = task.attempts + 1;
    await manager.update(CallbackTask, { id: task.id }, { attempts });
    task.attempts = attempts;
    let nextAttemptAt: Date | null = null;
    if (reached) {
      await recordAnswers(manager, { task, answers: checked!.answers!, channel: SurveyChannel.PHONE, actor, now });
    } else if (attempts >= task.maxTries) {
      await closeUnreachable(manager, { task, actor, now });
    } else {
      nextAttemptAt = addWorkingTime(await loadWorkingCalendar(manager), now, task.retryMinutes);
      await manager.update(CallbackTask, { id: task.id }, { nextAttemptAt, claimedById: null, claimedByName: null, claimedUntil: null });
      await scheduleTaskRetry(manager, task, nextAttemptAt);
    }
    await recordCallbackEvent(
      manager,
      CallbackEvent.ATTEMPT_RECORDED,
      { taskId: task.id, ticketId: task.ticketId, reached, attempt: attempts, nextAttemptAt: nextAttemptAt?.toISOString() ?? null },
      actor.id,
    );
    return manager.findOneOrFail(CallbackTask, { where: { id: task.id } });
  });
}

/** The last allowed try failed: the task closes UNREACHABLE, and a replied ticket is closed (回访未接通). */
async function closeUnreachable(manager: EntityManager, input: { task: CallbackTask; actor: Actor; now: Date }): Promise<void> {
  const { task, actor, now } = input;
  if (task.kind === CallbackTaskKind.REPLY) {
    const ticket = await lockTicketRow(manager, task.ticketId);
    if (ticket.status !== TicketStatus.REPLIED) {
      throw invalidTicketState(ticket);
    }
    await transitionTicket(manager, {
      ticketId: ticket.id,
      to: TicketStatus.CLOSED,
      expectedVersion: ticket.version,
      actor,
      reason: `回访未接通（${task.attempts} 次）/ callback: citizen not reached after ${task.attempts} tries`,
      note: { code: HistoryNote.CALLBACK_UNREACHED, params: { attempts: task.attempts } },
      isPublic: true,
    });
  }
  await transitionCallbackTask(manager, {
    task,
    to: CallbackTaskState.UNREACHABLE,
    action: CallbackTaskAction.GIVE_UP,
    actor,
    changes: { closedAt: now, closedByName: actor.name, nextAttemptAt: null, claimedById: null, claimedByName: null, claimedUntil: null },
  });
  await cancelTaskTimers(manager, task.id);
}
