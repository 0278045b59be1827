import { Ticket, normalizePhone } from "@civicline/intake";
import { DomainError, IntegratorScope, addWorkingTime, requireScope, assertNoFieldErrors, loadWorkingCalendar, normalizeText, requireRole, type Actor, type FieldError } from "@civicline/platform";
import type { DataSource, EntityManager } from "typeorm";
import { AGENT_ROLES, CallbackErrorCode, MISSED_CALL_REPORTERS, TEXT_LIMITS, isUuid, missedCallNotFound, optionalText } from "../callback.errors.js";
import { MissedCallState } from "../callback.enums.js";
import { CallbackEvent, recordCallbackEvent } from "../callback.events.js";
import { loadCallbackSettings } from "../settings/callback-settings.js";
import { cancelMissedCallTimers, scheduleMissedCallDue, scheduleMissedCallRetry } from "../task/task-timers.js";
import { MissedCallAttempt } from "./missed-call-attempt.entity.js";
import { INITIAL_MISSED_CALL_STATE, MissedCallAction, transitionMissedCall } from "./missed-call-lifecycle.js";
import { MissedCall } from "./missed-call.entity.js";

/** What the telephony integration reports (GraphQL MissedCallInput). */
export type MissedCallRequest = {
  callId: string;
  callerNumber: string;
  abandonedAt: Date;
  waitedSeconds?: number | null;
  line?: string | null;
};

const CALL_ID_MAX = 100;
const LINE_MAX = 40;
/** Reports of calls abandoned longer ago than this are refused (a mistaken replay of old data). */
const OLDEST_MS = 30 * 86_400_000;
/** Clock skew tolerated between the telephony system and the gateway. */
const SKEW_MS = 5 * 60_000;
const CONTROL = /\p{Cc}/u;

function validateReport(request: MissedCallRequest, now: Date): { callId: string; callerNumber: string; line: string | null } {
  const errors: FieldError[] = [];
  const callId = normalizeText(request.callId ?? "");
  if (!callId) {
    errors.push({ field: "callId", code: "REQUIRED", message: "Give the telephony system's call id." });
  } else if (callId.length > CALL_ID_MAX || CONTROL.test(callId)) {
    errors.push({ field: "callId", code: "INVALID_FORMAT", message: `A call id has at most ${CALL_ID_MAX} printable characters.` });
  }
  const callerNumber = normalizePhone(request.callerNumber ?? "");
  if (!callerNumber) {
    errors.push({ field: "callerNumber", code: "INVALID_FORMAT", message: "Give the caller's number (mobile or landline)." });
  }
  const abandonedAt = request.abandonedAt instanceof Date ? request.abandonedAt.getTime() : Number.NaN;
  if (Number.isNaN(abandonedAt)) {
    errors.push({ field: "abandonedAt", code: "INVALID_FORMAT", message: "Give the time the call was abandoned." });
  } else if (abandonedAt > now.getTime() + SKEW_MS) {
    errors.push({ field: "abandonedAt", code: "IN_FUTURE", message: "The call cannot have been abandoned in the future." });
  } else if (abandonedAt < now.getTime() - OLDEST_MS) {
    errors.push({ field: "abandonedAt", code: "TOO_OLD", message: "Calls abandoned more than 30 days ago are not taken." });
  }
  if (request.waitedSeconds !== null && request.waitedSeconds !== undefined && (!Number.isInteger(request.waitedSeconds) || request.waitedSeconds < 0 || request.waitedSeconds > 86_400)) {
    errors.push({ field: "waitedSeconds", code: "OUT_OF_RANGE", message: "Give the waiting time in whole seconds (0 to 86,400)." });
  }
  const line = optionalText(errors, "line", request.line, LINE_MAX, "line name");
  assertNoFieldErrors(errors);
  return { callId, callerNumber: callerNumber!, line };
}

/**
 * The telephony integration (or an admin) reports an abandoned call. Idempotent by `callId`: the
 * same call reported again returns the stored row unchanged. It is due back within the missed-call
 * limit in working time after it was abandoned.
 */
export async function reportMissedCall(dataSource: DataSource, input: { actor: Actor | null; request: MissedCallRequest; now?: Date }): Promise<MissedCall> {
  const actor = requireRole(input.actor, MISSED_CALL_REPORTERS);
  requireScope(actor, IntegratorScope.TELEPHONY);
  const now = input.now ?? new Date();
  const checked = validateReport(input.request, now);
  return dataSource.transaction((manager) => storeMissedCall(manager, { actor, request: { ...input.request, ...checked } }));
}

/** Stores a checked report in the caller's transaction (idempotent by call id); also used by the demo data. */
export async function storeMissedCall(manager: EntityManager, input: { actor: Actor; request: MissedCallRequest & { line: string | null } }): Promise<MissedCall> {
  const { actor, request } = input;
  const existing = await manager.findOne(MissedCall, { where: { callId: request.callId } });
  if (existing) {
    return existing;
  }
  const settings = await loadCallbackSettings(manager);
  const calendar = await loadWorkingCalendar(manager);
  const result = await manager
    .createQueryBuilder()
    .insert()
    .into(MissedCall)
    .values({
      callId: request.callId,
      callerNumber: request.callerNumber,
      abandonedAt: request.abandonedAt,
      waitedSeconds: request.waitedSeconds ?? null,
      line: request.line,
      reportedByName: actor.name,
      state: INITIAL_MISSED_CALL_STATE,
      dueAt: addWorkingTime(calendar, request.abandonedAt, settings.missedCallReturnMinutes),
      nextAttemptAt: null,
      attempts: 0,
      maxTries: settings.missedCallMaxTries,
      retryMinutes: settings.missedCallRetryMinutes,
      ticketId: null,
      closedAt: null,
      closedByName: null,
    })
    .orIgnore()
    .returning("id")
    .execute();
  const id = (result.raw as Array<{ id: string }>)[0]?.id;
  const call = await manager.findOneOrFail(MissedCall, { where: id ? { id } : { callId: request.callId } });
  if (id) {
    await scheduleMissedCallDue(manager, call);
    await recordCallbackEvent(manager, CallbackEvent.MISSED_CALL_REPORTED, { missedCallId: call.id, callId: call.callId, dueAt: call.dueAt.toISOString() }, actor.id);
  }
  return call;
}

/** What an agent records after returning a missed call (GraphQL MissedCallReturnInput). */
export type MissedCallReturnRequest = { id: string; reached: boolean; note?: string | null; ticketTrackingNumber?: string | null };

/**
 * An agent returns a missed call. Reached: RETURNED (optionally naming the ticket logged or found).
 * Not reached: a retry after the retry interval in working time (CALLBACK/RETRY_NOT_DUE before
 * that), and UNREACHABLE at the last allowed try. The row is locked: no double recording.
 */
export async function recordMissedCallReturn(dataSource: DataSource, input: { actor: Actor | null; request: MissedCallReturnRequest; now?: Date }): Promise<MissedCall> {
  const actor = requireRole(input.actor, AGENT_ROLES);
  const { request } = input;
  const now = input.now ?? new Date();
  const errors: FieldError[] = [];
  if (!isUuid(request.id)) {
    errors.push({ field: "id", code: "INVALID_FORMAT", message: "Choose a missed call from the queue." });
  }
  if (typeof request.reached !== "boolean") {
    errors.push({ field: "reached", code: "REQUIRED", message: "Say whether the caller was reached." });
  }
  const note = optionalText(errors, "note", request.note, TEXT_LIMITS.note, "note");
  const trackingNumber = normalizeText(request.ticketTrackingNumber ?? "").toUpperCase();
  let ticketId: string | null = null;
  if (trackingNumber) {
    const ticket = trackingNumber.length <= 40 ? await dataSource.getRepository(Ticket).findOne({ where: { trackingNumber } }) : null;
    if (!ticket) {
      errors.push({ field: "ticketTrackingNumber", code: "UNKNOWN", message: "No ticket has this tracking number." });
    }
    ticketId = ticket?.id ?? null;
  }
  assertNoFieldErrors(errors);
  return dataSource.transaction(async (manager) => {
    const call = await manager.findOne(MissedCall, { where: { id: request.id }, lock: { mode: "pessimistic_write" } });
    if (!call) {
      throw missedCallNotFound();
    }
    if (call.state !== MissedCallState.OPEN) {
      throw new DomainError(CallbackErrorCode.MISSED_CALL_CLOSED, "This missed call was already dealt with.", { state: call.state });
    }
    if (!request.reached && call.nextAttemptAt && call.nextAttemptAt.getTime() > now.getTime()) {
      throw new DomainError(CallbackErrorCode.RETRY_NOT_DUE, "The next try is not due yet.", { nextAttemptAt: call.nextAttemptAt.toISOString() });
    }
    await manager.insert(MissedCallAttempt, { missedCallId: call.id, at: now, agentId: actor.id, agentName: actor.name, reached: request.reached, note, ticketId });
    const attempts = call.attempts + 1;
    const linked = ticketId ? { ticketId } : {};
    const details = { reached: request.reached, attempt: attempts };
    if (request.reached || attempts >= call.maxTries) {
      await cancelMissedCallTimers(manager, call.id);
      return transitionMissedCall(manager, {
        call,
        to: request.reached ? MissedCallState.RETURNED : MissedCallState.UNREACHABLE,
        action: request.reached ? MissedCallAction.REACH_CALLER : MissedCallAction.GIVE_UP,
        actor,
        changes: { attempts, closedAt: now, closedByName: actor.name, nextAttemptAt: null, ...linked },
        details,
      });
    }
    const nextAttemptAt = addWorkingTime(await loadWorkingCalendar(manager), now, call.retryMinutes);
    await scheduleMissedCallRetry(manager, call, nextAttemptAt);
    const changes = { attempts, nextAttemptAt, ...linked };
    await manager.update(MissedCall, { id: call.id }, changes);
    await recordCallbackEvent(manager, CallbackEvent.MISSED_CALL_ATTEMPTED, { missedCallId: call.id, ...details, state: call.state }, actor.id);
    return Object.assign(call, changes);
  });
}
