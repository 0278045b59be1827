import { cancelTimer, scheduleTimer, type TimerHandler } from "@civicline/platform";
import type { EntityManager } from "typeorm";
import { ACTIVE_STATES } from "../assignment/assignment.enums.js";
import { Assignment } from "../assignment/assignment.entity.js";
import { RoutingEvent, recordRoutingEvent } from "../routing.events.js";

/** Timer types routing schedules (one near-due and one overdue timer per assignment). */
export const DeadlineTimer = {
  NEAR_DUE: "routing.near_due",
  OVERDUE: "routing.overdue",
} as const;

type DeadlineKind = "near_due" | "overdue";

/** The idempotency key of an assignment's timer. */
export function deadlineTimerKey(assignmentId: string, kind: DeadlineKind): string {
  return `routing:assignment:${assignmentId}:${kind}`;
}

/** (Re-)schedules both timers of an assignment at its stored near-due and completion deadlines. */
export async function scheduleDeadlineTimers(
  manager: EntityManager,
  assignment: Pick<Assignment, "id" | "ticketId" | "nearDueAt" | "completionDueAt">,
  only: { nearDue?: boolean; overdue?: boolean } = { nearDue: true, overdue: true },
): Promise<void> {
  const payload = (dueAt: Date) => ({ assignmentId: assignment.id, ticketId: assignment.ticketId, dueAt: dueAt.toISOString() });
  if (only.nearDue) {
    await scheduleTimer(manager, { key: deadlineTimerKey(assignment.id, "near_due"), type: DeadlineTimer.NEAR_DUE, dueAt: assignment.nearDueAt, payload: payload(assignment.nearDueAt) });
  }
  if (only.overdue) {
    await scheduleTimer(manager, { key: deadlineTimerKey(assignment.id, "overdue"), type: DeadlineTimer.OVERDUE, dueAt: assignment.completionDueAt, payload: payload(assignment.completionDueAt) });
  }
}

/** Cancels both timers (the unit replied, or the assignment ended with an accepted return). */
export async function cancelDeadlineTimers(manager: EntityManager, assignmentId: string): Promise<void> {
  await cancelTimer(manager, deadlineTimerKey(assignmentId, "near_due"));
  await cancelTimer(manager, deadlineTimerKey(assignmentId, "overdue"));
}

/**
 * Handles a due timer inside the transaction that marks it fired: locks the assignment, and only
 * if it is still open, still has this deadline and was not marked yet, marks it and records the
 * event. A timer that runs twice, or a stale one after an extension, changes nothing.
 */
async function fire(manager: EntityManager, kind: DeadlineKind, payload: Record<string, unknown>): Promise<void> {
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
  ];
}
