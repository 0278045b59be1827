import { recordEvent } from "@civicline/platform";
import type { EntityManager } from "typeorm";

/** Outbox events callback writes. Ticket-related payloads carry `ticketId`. */
export const CallbackEvent = {
  /** A callback task was created. Payload: `taskId`, `ticketId`, `kind`, `dueAt`. */
  TASK_CREATED: "callback.task_created",
  /** An attempt was recorded. Payload: `taskId`, `ticketId`, `reached`, `attempt`, `nextAttemptAt`. */
  ATTEMPT_RECORDED: "callback.attempt_recorded",
  /** A task was closed. Payload: `taskId`, `ticketId`, `state` (DONE, DONE_ONLINE, UNREACHABLE, CANCELLED). */
  TASK_CLOSED: "callback.task_closed",
  /** Answers were recorded (phone or online). Payload: `surveyId`, `taskId`, `ticketId`, `channel`, `resolution`, `resultSatisfaction`, `processSatisfaction`, `reasonable`. */
  SURVEY_ANSWERED: "callback.survey_answered",
  /** A dissatisfied or unresolved answer proposes a re-report. Payload: `proposalId`, `ticketId`, `reasons`, `leadUnitId`. */
  RE_REPORT_PROPOSED: "callback.re_report_proposed",
  /** A supervisor decided a proposal. Payload: `proposalId`, `ticketId`, `accepted`, `assignmentId` (when accepted). */
  RE_REPORT_DECIDED: "callback.re_report_decided",
  /** A pending proposal was withdrawn because its ticket left REPLIED another way. Payload: `proposalId`, `ticketId`, `status`. */
  RE_REPORT_WITHDRAWN: "callback.re_report_withdrawn",
  /** Fired by the due timer when a task is still open at its due time. Payload: `taskId`, `ticketId`, `dueAt`. */
  TASK_OVERDUE: "callback.task_overdue",
  /** Fired by the retry timer when a not-reached task may be tried again. Payload: `taskId`, `ticketId`. */
  TASK_RETRY_DUE: "callback.task_retry_due",
  /** A missed call was reported. Payload: `missedCallId`, `callId`, `dueAt`. */
  MISSED_CALL_REPORTED: "callback.missed_call_reported",
  /** A return call was recorded. Payload: `missedCallId`, `reached`, `state`. */
  MISSED_CALL_ATTEMPTED: "callback.missed_call_attempted",
  /** Fired by timers: a missed call passed its return limit, or its retry is due. Payload: `missedCallId`. */
  MISSED_CALL_DUE: "callback.missed_call_due",
  /** An admin changed the settings. Payload: `changedBy`. */
  SETTINGS_CHANGED: "callback.settings_changed",
  /** A citizen added a message and/or photos to their open request on the portal. Payload: `ticketId`, `additionId`, `unitIds` (lead and assisting units then). */
  CITIZEN_ADDITION_ADDED: "callback.citizen_addition_added",
  /** The lead unit marked a citizen's addition read. Payload: `ticketId`, `additionId`, `unitIds`. */
  CITIZEN_ADDITION_SEEN: "callback.citizen_addition_seen",
} as const;

export type CallbackEventType = (typeof CallbackEvent)[keyof typeof CallbackEvent];

/** Records a callback event in the caller's transaction (delivered after commit, at least once). */
export function recordCallbackEvent(manager: EntityManager, type: CallbackEventType, payload: Record<string, unknown>, actorId: string | null = null): Promise<void> {
  return recordEvent(manager, { type, payload, actorId });
}

/** The live-update topic of `callbackQueueChanged`. */
export const CALLBACK_QUEUE_TOPIC = "CALLBACK_QUEUE_CHANGED";
