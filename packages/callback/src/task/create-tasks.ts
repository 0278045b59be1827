import { createHash } from "node:crypto";
import { Ticket, TicketStatus } from "@civicline/intake";
import { addWorkingTime, loadWorkingCalendar } from "@civicline/platform";
import { Assignment, AssignmentState } from "@civicline/routing";
import { In, type DataSource, type EntityManager } from "typeorm";
import { CallbackTaskKind, CallbackTaskState, ReReportState } from "../callback.enums.js";
import { ReReportAction, transitionReReportProposal } from "../proposal/re-report-proposal-lifecycle.js";
import { ReReportProposal } from "../proposal/re-report-proposal.entity.js";
import { CallbackEvent, recordCallbackEvent } from "../callback.events.js";
import { loadCallbackSettings, settingFor } from "../settings/callback-settings.js";
import { CallbackTaskAction, INITIAL_CALLBACK_TASK_STATE, transitionCallbackTask } from "./callback-task-lifecycle.js";
import { CallbackTask } from "./callback-task.entity.js";
import { cancelTaskTimers, scheduleTaskDue } from "./task-timers.js";

/**
 * Where a ticket falls in [0, 1) for the direct-answer survey sample: the first 32 bits of the
 * SHA-256 of its id. Deterministic, so a redelivered event samples the same way, and a rate of 1
 * takes every ticket and 0 none.
 */
export function sampleFraction(ticketId: string): number {
  return createHash("sha256").update(ticketId).digest().readUInt32BE(0) / 2 ** 32;
}

type NewTask = Pick<CallbackTask, "ticketId" | "assignmentId" | "kind" | "requestType" | "basisAt">;

/** Inserts an OPEN task unless its unique key exists (a redelivered event); returns the stored task. */
async function insertTask(manager: EntityManager, input: NewTask, where: { assignmentId: string } | { ticketId: string; kind: CallbackTaskKind }): Promise<CallbackTask> {
  const existing = await manager.findOne(CallbackTask, { where });
  if (existing) {
    return existing;
  }
  const settings = await loadCallbackSettings(manager);
  const limits = settingFor(settings, input.requestType);
  const calendar = await loadWorkingCalendar(manager);
  // A ticket has at most one open task: an older one (a reply that was superseded) is cancelled.
  const stale = await manager.find(CallbackTask, { where: { ticketId: input.ticketId, state: CallbackTaskState.OPEN }, lock: { mode: "pessimistic_write" } });
  for (const task of stale) {
    await cancelTask(manager, task, "superseded by a newer reply");
  }
  const values = {
    ...input,
    state: INITIAL_CALLBACK_TASK_STATE,
    dueAt: addWorkingTime(calendar, input.basisAt, limits.dueMinutes),
    nextAttemptAt: null,
    attempts: 0,
    maxTries: limits.maxTries,
    retryMinutes: limits.retryMinutes,
  };
  const result = await manager.createQueryBuilder().insert().into(CallbackTask).values(values).orIgnore().returning("id").execute();
  const id = (result.raw as Array<{ id: string }>)[0]?.id;
  if (!id) {
    return manager.findOneOrFail(CallbackTask, { where });
  }
  const task = await manager.findOneOrFail(CallbackTask, { where: { id } });
  await scheduleTaskDue(manager, task);
  await recordCallbackEvent(manager, CallbackEvent.TASK_CREATED, { taskId: task.id, ticketId: task.ticketId, kind: task.kind, dueAt: task.dueAt.toISOString() });
  return task;
}

/** Closes an open task as CANCELLED (no history row: the ticket's own change is recorded where it happens). */
export async function cancelTask(manager: EntityManager, task: CallbackTask, reason: string): Promise<void> {
  await transitionCallbackTask(manager, {
    task,
    to: CallbackTaskState.CANCELLED,
    action: CallbackTaskAction.CANCEL,
    actor: null,
    changes: { closedAt: new Date(), closedByName: `system: ${reason}`, claimedById: null, claimedByName: null, claimedUntil: null },
    details: { reason },
  });
  await cancelTaskTimers(manager, task.id);
}

/**
 * The callback task of a reply (one per assignment), in the caller's transaction. Nothing is created
 * when the reply is no longer the ticket's latest state (the event came late and the ticket moved
 * on). Idempotent: returns the existing task.
 */
export async function ensureReplyTask(manager: EntityManager, input: { assignmentId: string }): Promise<CallbackTask | null> {
  const existing = await manager.findOne(CallbackTask, { where: { assignmentId: input.assignmentId } });
  if (existing) {
    return existing;
  }
  const assignment = await manager.findOne(Assignment, { where: { id: input.assignmentId } });
  if (!assignment || !assignment.current || assignment.state !== AssignmentState.REPLIED || !assignment.repliedAt) {
    return null;
  }
  const ticket = await manager.findOne(Ticket, { where: { id: assignment.ticketId } });
  if (!ticket || ticket.status !== TicketStatus.REPLIED) {
    return null;
  }
  return insertTask(
    manager,
    { ticketId: ticket.id, assignmentId: assignment.id, kind: CallbackTaskKind.REPLY, requestType: ticket.requestType, basisAt: assignment.repliedAt },
    { assignmentId: assignment.id },
  );
}

/** Handler body for `routing.ticket_replied`. */
export function createReplyTask(dataSource: DataSource, input: { assignmentId: string }): Promise<CallbackTask | null> {
  return dataSource.transaction((manager) => ensureReplyTask(manager, input));
}

/**
 * A process-satisfaction survey after a direct answer, for the sampled share of tickets (see
 * `sampleFraction`). Idempotent: one per ticket.
 */
export function createDirectAnswerSurvey(dataSource: DataSource, input: { ticketId: string; answeredAt: Date }): Promise<CallbackTask | null> {
  return dataSource.transaction(async (manager) => {
    const ticket = await manager.findOne(Ticket, { where: { id: input.ticketId } });
    if (!ticket || ticket.status !== TicketStatus.CLOSED_DIRECT) {
      return null;
    }
    const settings = await loadCallbackSettings(manager);
    if (!(sampleFraction(ticket.id) < settings.surveySampleRate)) {
      return null;
    }
    return insertTask(
      manager,
      { ticketId: ticket.id, assignmentId: null, kind: CallbackTaskKind.DIRECT_ANSWER_SURVEY, requestType: ticket.requestType, basisAt: input.answeredAt },
      { ticketId: ticket.id, kind: CallbackTaskKind.DIRECT_ANSWER_SURVEY },
    );
  });
}

/**
 * When a ticket leaves REPLIED another way (re-dispatched by a supervisor, merged …), its open reply
 * task is no longer wanted. Callback's own closings close the task first, so this finds nothing then.
 */
export function cancelTasksOfMovedTicket(dataSource: DataSource, input: { ticketId: string }): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const ticket = await manager.findOne(Ticket, { where: { id: input.ticketId } });
    if (!ticket || ticket.status === TicketStatus.REPLIED) {
      return 0;
    }
    const open = await manager.find(CallbackTask, {
      where: { ticketId: input.ticketId, state: CallbackTaskState.OPEN, kind: In([CallbackTaskKind.REPLY]) },
      lock: { mode: "pessimistic_write" },
    });
    for (const task of open) {
      await cancelTask(manager, task, `ticket is ${ticket.status}`);
    }
    // A proposal nobody decided is moot once the ticket moved on (a dispatcher re-dispatched it, …).
    const pending = await manager.find(ReReportProposal, { where: { ticketId: input.ticketId, state: ReReportState.PENDING }, lock: { mode: "pessimistic_write" } });
    for (const proposal of pending) {
      await transitionReReportProposal(manager, {
        proposal,
        to: ReReportState.WITHDRAWN,
        action: ReReportAction.WITHDRAW,
        actor: null,
        changes: { decidedAt: new Date(), decisionNote: `ticket is ${ticket.status}` },
        event: { type: CallbackEvent.RE_REPORT_WITHDRAWN, payload: { proposalId: proposal.id, ticketId: ticket.id, status: ticket.status } },
      });
    }
    return open.length;
  });
}
