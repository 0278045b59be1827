import { Ticket, TicketStatus, transitionTicket } from "@civicline/intake";
import { DomainError, type Actor, type FieldError } from "@civicline/platform";
import { Assignment } from "@civicline/routing";
import type { EntityManager } from "typeorm";
import { CallbackErrorCode, TEXT_LIMITS, optionalText } from "../callback.errors.js";
import { CallbackTaskKind, CallbackTaskState, ReReportReason, Resolution, SATISFIED, Satisfaction, SurveyChannel } from "../callback.enums.js";
import { CallbackEvent, recordCallbackEvent } from "../callback.events.js";
import { INITIAL_RE_REPORT_STATE } from "../proposal/re-report-proposal-lifecycle.js";
import { ReReportProposal } from "../proposal/re-report-proposal.entity.js";
import { CallbackTaskAction, transitionCallbackTask } from "../task/callback-task-lifecycle.js";
import { CallbackTask } from "../task/callback-task.entity.js";
import { cancelTaskTimers } from "../task/task-timers.js";
import { CallbackSurvey } from "./callback-survey.entity.js";

/** The answers as a client sends them (phone: CallbackAnswersInput; online: OnlineRatingInput). */
export type AnswersRequest = {
  resolution?: Resolution | null;
  resultSatisfaction?: Satisfaction | null;
  processSatisfaction?: Satisfaction | null;
  reasonable?: boolean | null;
  comment?: string | null;
};

/** Checked answers. */
export type Answers = {
  resolution: Resolution | null;
  resultSatisfaction: Satisfaction | null;
  processSatisfaction: Satisfaction;
  reasonable: boolean | null;
  comment: string | null;
};

const isOneOf = <T extends string>(values: Record<string, T>, value: unknown): value is T => Object.values(values).includes(value as T);

/**
 * Checks answers for a task kind: a reply's callback asks resolution and both satisfactions (and, by
 * phone, the agent's judgement whether the request was reasonable); a direct-answer survey asks
 * process satisfaction only. `prefix` names the input in field errors ("answers").
 */
export function validateAnswers(request: AnswersRequest | null | undefined, options: { kind: CallbackTaskKind; channel: SurveyChannel; prefix?: string }): { answers: Answers | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const field = (name: string) => (options.prefix ? `${options.prefix}.${name}` : name);
  if (!request) {
    errors.push({ field: options.prefix ?? "answers", code: "REQUIRED", message: "Record the citizen's answers." });
    return { answers: null, errors };
  }
  const full = options.kind === CallbackTaskKind.REPLY;
  const required = <T extends string>(name: string, values: Record<string, T>, value: unknown, label: string): T | null => {
    if (value === null || value === undefined) {
      errors.push({ field: field(name), code: "REQUIRED", message: `Record ${label}.` });
      return null;
    }
    if (!isOneOf(values, value)) {
      errors.push({ field: field(name), code: "INVALID_FORMAT", message: `Choose ${label} from the list.` });
      return null;
    }
    return value;
  };
  const notAsked = (name: string, value: unknown) => {
    if (value !== null && value !== undefined) {
      errors.push({ field: field(name), code: "NOT_APPLICABLE", message: "A direct-answer survey asks about the service only." });
    }
  };
  const processSatisfaction = required("processSatisfaction", Satisfaction, request.processSatisfaction, "the satisfaction with the service");
  let resolution: Resolution | null = null;
  let resultSatisfaction: Satisfaction | null = null;
  let reasonable: boolean | null = null;
  if (full) {
    resolution = required("resolution", Resolution, request.resolution, "whether it was resolved");
    resultSatisfaction = required("resultSatisfaction", Satisfaction, request.resultSatisfaction, "the satisfaction with the result");
    if (options.channel === SurveyChannel.PHONE) {
      if (typeof request.reasonable !== "boolean") {
        errors.push({ field: field("reasonable"), code: "REQUIRED", message: "Say whether the request was reasonable." });
      } else {
        reasonable = request.reasonable;
      }
    }
  } else {
    notAsked("resolution", request.resolution);
    notAsked("resultSatisfaction", request.resultSatisfaction);
    notAsked("reasonable", request.reasonable);
  }
  const comment = optionalText(errors, field("comment"), request.comment, TEXT_LIMITS.comment, "comment");
  if (errors.length > 0 || !processSatisfaction) {
    return { answers: null, errors };
  }
  return { answers: { resolution, resultSatisfaction, processSatisfaction, reasonable, comment }, errors };
}

/** Why these answers call for a re-report; empty when the citizen is satisfied with a resolved matter. */
export function reReportReasons(answers: Pick<Answers, "resolution" | "resultSatisfaction">): ReReportReason[] {
  const reasons: ReReportReason[] = [];
  if (answers.resultSatisfaction && !SATISFIED.includes(answers.resultSatisfaction)) {
    reasons.push(ReReportReason.RESULT_DISSATISFIED);
  }
  if (answers.resolution === Resolution.PARTLY) {
    reasons.push(ReReportReason.PARTLY_RESOLVED);
  }
  if (answers.resolution === Resolution.UNRESOLVED) {
    reasons.push(ReReportReason.UNRESOLVED);
  }
  return reasons;
}

/** Locks a ticket row and returns it (the caller then transitions it with the version seen). */
export async function lockTicketRow(manager: EntityManager, ticketId: string): Promise<Ticket> {
  const ticket = await manager.findOne(Ticket, { where: { id: ticketId }, lock: { mode: "pessimistic_write" } });
  if (!ticket) {
    throw new DomainError("INTAKE/TICKET_NOT_FOUND", "This ticket does not exist.");
  }
  return ticket;
}

export function invalidTicketState(ticket: Ticket): DomainError {
  return new DomainError(CallbackErrorCode.INVALID_TICKET_STATE, `The ticket is ${ticket.status}; this callback no longer applies.`, { status: ticket.status });
}

/**
 * Records the answers to a locked open task, in the caller's transaction: the survey row, the task
 * closed (DONE by phone, DONE_ONLINE online), and for a reply's callback either the ticket closed
 * (resolved and satisfied: REPLIED → CLOSED, one public history row) or a re-report proposal for
 * the supervisors (the ticket stays REPLIED).
 */
export async function recordAnswers(
  manager: EntityManager,
  input: { task: CallbackTask; answers: Answers; channel: SurveyChannel; actor: Actor | null; now: Date },
): Promise<{ survey: CallbackSurvey; proposal: ReReportProposal | null }> {
  const { task, answers, channel, actor, now } = input;
  const full = task.kind === CallbackTaskKind.REPLY;
  const ticket = await lockTicketRow(manager, task.ticketId);
  if (full && ticket.status !== TicketStatus.REPLIED) {
    throw invalidTicketState(ticket);
  }
  const assignment = task.assignmentId ? await manager.findOne(Assignment, { where: { id: task.assignmentId } }) : null;
  const survey = await manager.save(
    manager.create(CallbackSurvey, {
      taskId: task.id,
      ticketId: task.ticketId,
      fullSurvey: full,
      channel,
      ...answers,
      answeredAt: now,
      recordedById: actor?.id ?? null,
      recordedByName: actor?.name ?? null,
      leadUnitId: assignment?.leadUnitId ?? null,
      categoryId: ticket.categoryId,
      requestType: ticket.requestType,
    }),
  );
  await recordCallbackEvent(
    manager,
    CallbackEvent.SURVEY_ANSWERED,
    {
      surveyId: survey.id,
      taskId: task.id,
      ticketId: task.ticketId,
      channel,
      resolution: answers.resolution,
      resultSatisfaction: answers.resultSatisfaction,
      processSatisfaction: answers.processSatisfaction,
      reasonable: answers.reasonable,
    },
    actor?.id ?? null,
  );
  const online = channel === SurveyChannel.ONLINE;
  await transitionCallbackTask(manager, {
    task,
    to: online ? CallbackTaskState.DONE_ONLINE : CallbackTaskState.DONE,
    action: online ? CallbackTaskAction.ANSWER_ONLINE : CallbackTaskAction.ANSWER_BY_PHONE,
    actor,
    changes: { closedAt: now, closedByName: actor?.name ?? "citizen (portal)", nextAttemptAt: null, claimedById: null, claimedByName: null, claimedUntil: null },
  });
  await cancelTaskTimers(manager, task.id);
  if (!full) {
    return { survey, proposal: null };
  }
  const reasons = reReportReasons(answers);
  if (reasons.length === 0) {
    const how = channel === SurveyChannel.ONLINE ? "市民网上评价：已解决、满意 / rated online: resolved and satisfied" : "回访：已解决、满意 / callback: resolved and satisfied";
    await transitionTicket(manager, { ticketId: ticket.id, to: TicketStatus.CLOSED, expectedVersion: ticket.version, actor, reason: how, isPublic: true });
    return { survey, proposal: null };
  }
  if (!assignment) {
    throw invalidTicketState(ticket);
  }
  const proposal = await manager.save(
    manager.create(ReReportProposal, {
      ticketId: ticket.id,
      taskId: task.id,
      surveyId: survey.id,
      assignmentId: assignment.id,
      leadUnitId: assignment.leadUnitId,
      reasons,
      state: INITIAL_RE_REPORT_STATE,
      decidedAt: null,
      decidedById: null,
      decidedByName: null,
      decisionNote: null,
      newAssignmentId: null,
    }),
  );
  await recordCallbackEvent(manager, CallbackEvent.RE_REPORT_PROPOSED, { proposalId: proposal.id, ticketId: ticket.id, reasons, leadUnitId: assignment.leadUnitId, channel }, actor?.id ?? null);
  return { survey, proposal };
}
