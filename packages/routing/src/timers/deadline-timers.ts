import { cancelTimer, scheduleTimer, scheduleTimers, type TimerHandler, type TimerRequest } from "@civicline/platform";
import type { EntityManager } from "typeorm";
import { ACTIVE_STATES } from "../assignment/assignment.enums.js";
import { Assignment } from "../assignment/assignment.entity.js";
import { RoutingEvent, recordRoutingEvent } from "../routing.events.js";

/** Timer types routing schedules (one near-due and one overdue timer per assignment). */
export const DeadlineTimer = {
  NEAR_DUE: "routing.near_due",
  OVERDUE: "routing.overdue",
  SIGN_FOR_OVERDUE: "routing.sign_for_overdue",
} as const;

type DeadlineKind = "near_due" | "overdue" | "sign_for_overdue";

/** The idempotency key of an assignment's timer. */
export function deadlineTimerKey(assignmentId: string, kind: DeadlineKind): string {
  return `routing:assignment:${assignmentId}:${kind}`;
}

/** The near-due and overdue timers of an assignment, at its stored near-due and completion deadlines. */
export function deadlineTimerRequests(
  assignment: Pick<Assignment, "id" | "ticketId" | "nearDueAt" | "completionDueAt">,
  only: { nearDue?: boolean; overdue?: boolean } = { nearDue: true, overdue: true },
): TimerRequest[] {
  const payload = (dueAt: Date) => ({ assignmentId: assignment.id, ticketId: assignment.ticketId, dueAt: dueAt.toISOString() });
  return [
    ...(only.nearDue ? [{ key: deadlineTimerKey(assignment.id, "near_due"), type: DeadlineTimer.NEAR_DUE, dueAt: assignment.nearDueAt, payload: payload(assignment.nearDueAt) }] : []),
    ...(only.overdue ? [{ key: deadlineTimerKey(assignment.id, "overdue"), type: DeadlineTimer.OVERDUE, dueAt: assignment.completionDueAt, payload: payload(assignment.completionDueAt) }] : []),
  ];
}

/** The sign-for timer of an assignment: it fires if the lead unit has not signed for the ticket in time. */
export function signForTimerRequest(assignment: Pick<Assignment, "id" | "ticketId" | "signForDueAt">): TimerRequest {
  return {
    key: deadlineTimerKey(assignment.id, "sign_for_overdue"),
    type: DeadlineTimer.SIGN_FOR_OVERDUE,
    dueAt: assignment.signForDueAt,
    payload: { assignmentId: assignment.id, ticketId: assignment.ticketId, dueAt: assignment.signForDueAt.toISOString() },
  };
}

/** (Re-)schedules both timers of an assignment at its stored near-due and completion deadlines (one statement). */
export async function scheduleDeadlineTimers(
  manager: EntityManager,
  assignment: Pick<Assignment, "id" | "ticketId" | "nearDueAt" | "completionDueAt">,
  only: { nearDue?: boolean; overdue?: boolean } = { nearDue: true, overdue: true },
): Promise<void> {
  await scheduleTimers(manager, deadlineTimerRequests(assignment, only));
}

/** Schedules the sign-for timer at dispatch: it fires if the lead unit has not signed for the ticket in time. */
export async function scheduleSignForTimer(
  manager: EntityManager,
  assignment: Pick<Assignment, "id" | "ticketId" | "signForDueAt">,
): Promise<void> {
  await scheduleTimer(manager, signForTimerRequest(assignment));
}

/** Cancels the sign-for timer (the unit signed for the ticket). */
export async function cancelSignForTimer(manager: EntityManager, assignmentId: string): Promise<void> {
  await cancelTimer(manager, deadlineTimerKey(assignmentId, "sign_for_overdue"));
}

/** Cancels every timer of an assignment (the unit replied, or the assignment ended with an accepted return). */
export async function cancelDeadlineTimers(manager: EntityManager, assignmentId: string): Promise<void> {
  await cancelTimer(manager, deadlineTimerKey(assignmentId, "near_due"));
  await cancelTimer(manager, deadlineTimerKey(assignmentId, "overdue"));
  await cancelSignForTimer(manager, assignmentId);
}

/**
 * The sign-for deadline passed: if the assignment is still current and unsigned, record the event.
 * The timer row is marked fired in this same transaction, so the event is recorded once.
 */
async function fireSignFor(manager: EntityManager, payload: Record<string, unknown>): Promise<void> {
  const assignmentId = String(payload.assignmentId ?? "");
  const assignment = await manager.findOne(Assignment, { where: { id: assignmentId }, lock: { mode: "pessimistic_write" } });
  if (!assignment || !assignment.current || assignment.signedForAt || !ACTIVE_STATES.includes(assignment.state)) {
    return;
  }
  if (assignment.signForDueAt.toISOString() !== payload.dueAt) {
    return;
  }
  await recordRoutingEvent(manager, RoutingEvent.SIGN_FOR_OVERDUE, {
    ticketId: assignment.ticketId,
    assignmentId: assignment.id,
    leadUnitId: assignment.leadUnitId,
    unitIds: [assignment.leadUnitId],
    dueAt: assignment.signForDueAt.toISOString(),
  });
}

/**
 * Handles a due timer inside the transaction that marks it fired: locks the assignment, and only
 * if it is still open, still has this deadline and was not marked yet, marks it and records the
 * event. A timer that runs twice, or a stale one after an extension, changes nothing.
 */
async function fire(manager: EntityManager, kind: "near_due" | "overdue", payload: Record<string, unknown>): Promise<void> {
  const assignmentId = String(payload.assignmentId ?? "");
  const assignment = await manager.findOne(Assignment, { where: { id: assignmentId }, lock: { mode: "pessimistic_write" } });
  if (!assignment || !assignment.current || !ACTIVE_STATES.includes(assignment.state)) {
    return;
  }
  const dueAt = kind === "near_due" ? assignment.nearDueAt : assignment.completionDueAt;
  const mark = kind === "near_due" ? assignment.nearDueNotifiedAt : assignment.overdueAt;
  if (mark || dueAt.toISOString() !== payload.dueAt) {
    return;
  }
  if (kind === "near_due") {
    await manager.update(Assignment, { id: assignment.id }, { nearDueNotifiedAt: () => "now()" });
  } else {
    await manager.update(Assignment, { id: assignment.id }, { overdueAt: () => "now()" });
  }
  await recordRoutingEvent(manager, kind === "near_due" ? RoutingEvent.TICKET_NEAR_DUE : RoutingEvent.TICKET_OVERDUE, {
    ticketId: assignment.ticketId,
    assignmentId: assignment.id,
    leadUnitId: assignment.leadUnitId,
    unitIds: [assignment.leadUnitId, ...assignment.assistingUnitIds],
    dueAt: dueAt.toISOString(),
  });
}

/** The timer handlers the gateway's TimerService runs for routing. */
export function deadlineTimerHandlers(): TimerHandler[] {
  return [
    { type: DeadlineTimer.NEAR_DUE, name: "routing.near-due-warning", handle: (timer, manager) => fire(manager, "near_due", timer.payload) },
    { type: DeadlineTimer.OVERDUE, name: "routing.overdue", handle: (timer, manager) => fire(manager, "overdue", timer.payload) },
    { type: DeadlineTimer.SIGN_FOR_OVERDUE, name: "routing.sign-for-overdue", handle: (timer, manager) => fireSignFor(manager, timer.payload) },
  ];
}
