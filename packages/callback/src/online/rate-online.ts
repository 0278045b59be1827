import { Ticket, TicketStatus } from "@civicline/intake";
import { DomainError, ValidationError } from "@civicline/platform";
import { Assignment } from "@civicline/routing";
import type { DataSource, EntityManager } from "typeorm";
import { CallbackErrorCode, isUuid } from "../callback.errors.js";
import { CallbackTaskKind, CallbackTaskState, Resolution, Satisfaction, SurveyChannel } from "../callback.enums.js";
import { CallbackSurvey } from "../survey/callback-survey.entity.js";
import { recordAnswers, validateAnswers } from "../survey/answers.js";
import { CallbackTask } from "../task/callback-task.entity.js";
import { ensureReplyTask } from "../task/create-tasks.js";

/** What a citizen sends (GraphQL OnlineRatingInput without the access token). */
export type OnlineRatingRequest = {
  resolution: Resolution;
  resultSatisfaction: Satisfaction;
  processSatisfaction: Satisfaction;
  comment?: string | null;
};

const notRateable = (message: string) => new DomainError(CallbackErrorCode.NOT_RATEABLE, message);
const alreadyRated = () => new DomainError(CallbackErrorCode.ALREADY_RATED, "You have already rated this reply. Thank you!");

/** The ticket's latest reply task (the one a rating belongs to), locked when `lock`. */
async function latestReplyTask(manager: EntityManager, ticketId: string, lock: boolean): Promise<CallbackTask | null> {
  const [task] = await manager.find(CallbackTask, {
    where: { ticketId, kind: CallbackTaskKind.REPLY },
    order: { createdAt: "DESC" },
    take: 1,
    ...(lock ? { lock: { mode: "pessimistic_write" as const } } : {}),
  });
  return task ?? null;
}

/** Why a ticket cannot be rated now, or null when it can. Also used by `PublicTicket.canRate`. */
export async function ratingBlocker(manager: EntityManager, ticket: Ticket, task: CallbackTask | null): Promise<DomainError | null> {
  if (task && (await manager.exists(CallbackSurvey, { where: { taskId: task.id } }))) {
    const current = await manager.findOne(Assignment, { where: { ticketId: ticket.id, current: true } });
    if (!current || current.id === task.assignmentId) {
      return alreadyRated();
    }
  }
  if (ticket.status !== TicketStatus.REPLIED) {
    return notRateable("This request can be rated once the handling unit has replied.");
  }
  return null;
}

/**
 * A citizen rates a replied ticket on the portal: it counts like an answer by phone (channel
 * ONLINE; reasonableness is not asked and counts as reasonable) and closes the open callback task
 * (DONE_ONLINE). Resolved and satisfied closes the ticket; otherwise a re-report is proposed.
 * CALLBACK/ALREADY_RATED for a second rating of the same reply, CALLBACK/NOT_RATEABLE before the
 * reply or when the callback already ended (not reached, cancelled).
 */
export async function rateOnline(dataSource: DataSource, input: { ticketId: string; request: OnlineRatingRequest; now?: Date }): Promise<CallbackSurvey> {
  const { answers, errors } = validateAnswers({ ...input.request, reasonable: null }, { kind: CallbackTaskKind.REPLY, channel: SurveyChannel.ONLINE });
  if (errors.length > 0 || !answers) {
    throw new ValidationError(errors);
  }
  if (!isUuid(input.ticketId)) {
    throw notRateable("This request cannot be rated.");
  }
  const now = input.now ?? new Date();
  return dataSource.transaction(async (manager) => {
    let task = await latestReplyTask(manager, input.ticketId, true);
    const ticket = await manager.findOne(Ticket, { where: { id: input.ticketId } });
    if (!ticket) {
      throw notRateable("This request cannot be rated.");
    }
    const blocker = await ratingBlocker(manager, ticket, task);
    if (blocker) {
      throw blocker;
    }
    const current = await manager.findOne(Assignment, { where: { ticketId: ticket.id, current: true } });
    if (current && (!task || task.assignmentId !== current.id)) {
      // The reply's event may not have been processed yet: create its task now (idempotent).
      await ensureReplyTask(manager, { assignmentId: current.id });
      task = await latestReplyTask(manager, ticket.id, true);
    }
    if (!task || task.assignmentId !== current?.id || task.state !== CallbackTaskState.OPEN) {
      throw notRateable("The callback for this reply has ended; call 12345 if you want to tell us more.");
    }
    const { survey } = await recordAnswers(manager, { task, answers, channel: SurveyChannel.ONLINE, actor: null, now });
    return survey;
  });
}

/** Whether the portal should offer the rating form for this ticket. */
export async function canRateOnline(dataSource: DataSource, ticketId: string): Promise<boolean> {
  if (!isUuid(ticketId)) {
    return false;
  }
  const manager = dataSource.manager;
  const ticket = await manager.findOne(Ticket, { where: { id: ticketId } });
  if (!ticket || ticket.status !== TicketStatus.REPLIED) {
    return false;
  }
  const task = await latestReplyTask(manager, ticketId, false);
  if (await ratingBlocker(manager, ticket, task)) {
    return false;
  }
  const current = await manager.findOne(Assignment, { where: { ticketId, current: true } });
  // No task yet for the current reply: rating creates it.
  return !!current && (!task || task.assignmentId !== current.id || task.state === CallbackTaskState.OPEN);
}

/** The answers given for the ticket's latest reply (by phone or online), or null. */
export async function latestRating(dataSource: DataSource, ticketId: string): Promise<CallbackSurvey | null> {
  if (!isUuid(ticketId)) {
    return null;
  }
  const task = await latestReplyTask(dataSource.manager, ticketId, false);
  return task ? dataSource.getRepository(CallbackSurvey).findOne({ where: { taskId: task.id } }) : null;
}
