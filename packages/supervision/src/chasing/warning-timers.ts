import { TICKET_RECEIVED } from "@civicline/intake";
import { addWorkingTime, cancelTimer, findTimer, loadWorkingCalendar, recordEvent, scheduleTimer, workingMinutesBetween, type EventHandler, type TimerHandler, type WorkingCalendar } from "@civicline/platform";
import { RoutingEvent } from "@civicline/routing";
import type { DataSource } from "typeorm";

/**
 * Routing warns before the completion deadline only. The chasing board also warns (yellow) before
 * the dispatch and the sign-for deadlines: these durable timers fall due when the same share of
 * those limits is used (80 % for dispatch, the assignment's near-due share for sign-for), and their
 * firing is the mark the board reads (`platform_timer.fired_at`, like routing's own timers).
 */
export const WarningTimer = { DISPATCH: "supervision.chasing_dispatch_warning", SIGN_FOR: "supervision.chasing_sign_for_warning" } as const;
/** Recorded when a warning timer fired, so the board reconciles the ticket (and tells its viewers). */
export const CHASING_WARNING_FIRED = "supervision.chasing_warning_fired";
/** The share of the dispatch limit after which a ticket waiting for dispatch is near due. */
export const DISPATCH_WARNING_PERCENT = 80;

export function dispatchWarningKey(ticketId: string): string {
  return `supervision:chasing:ticket:${ticketId}:dispatch_warning`;
}
export function signForWarningKey(assignmentId: string): string {
  return `supervision:chasing:assignment:${assignmentId}:sign_for_warning`;
}

/**
 * When `percent` of the time from `start` to `due` is used: in working time when the span holds
 * working time, else on the clock (around-the-clock limits at night, say). Null when there is no span.
 */
export function warningAt(calendar: WorkingCalendar, input: { start: Date; due: Date; percent: number; aroundTheClock?: boolean }): Date | null {
  const { start, due, percent } = input;
  if (due.getTime() <= start.getTime()) {
    return null;
  }
  const working = input.aroundTheClock ? 0 : workingMinutesBetween(calendar, start, due);
  if (working > 0) {
    return addWorkingTime(calendar, start, Math.floor((working * percent) / 100));
  }
  return new Date(start.getTime() + Math.floor(((due.getTime() - start.getTime()) * percent) / 100));
}

/** Arms the dispatch warning of a received ticket from routing's dispatch deadline (armed by routing on the same event, before this). */
async function armDispatchWarning(dataSource: DataSource, ticketId: string): Promise<void> {
  await dataSource.transaction(async (manager) => {
    if (await findTimer(manager, dispatchWarningKey(ticketId))) {
      return;
    }
    const deadline = await findTimer(manager, `routing:ticket:${ticketId}:dispatch_overdue`);
    const rows = (await manager.query("SELECT received_at FROM intake_ticket WHERE id = $1", [ticketId])) as Array<{ received_at: Date }>;
    if (!deadline || !rows[0]) {
      return;
    }
    const due = new Date(String(deadline.payload.dueAt ?? deadline.dueAt.toISOString()));
    const at = warningAt(await loadWorkingCalendar(manager), { start: new Date(rows[0].received_at), due, percent: DISPATCH_WARNING_PERCENT });
    if (at) {
      await scheduleTimer(manager, { key: dispatchWarningKey(ticketId), type: WarningTimer.DISPATCH, dueAt: at, payload: { ticketId, dueAt: due.toISOString() } });
    }
  });
}

/** Arms the sign-for warning of a new assignment. */
async function armSignForWarning(dataSource: DataSource, assignmentId: string): Promise<void> {
  await dataSource.transaction(async (manager) => {
    if (await findTimer(manager, signForWarningKey(assignmentId))) {
      return;
    }
    const rows = (await manager.query(
      "SELECT ticket_id, dispatched_at, sign_for_due_at, near_due_percent, around_the_clock, signed_for_at FROM routing_assignment WHERE id = $1",
      [assignmentId],
    )) as Array<{ ticket_id: string; dispatched_at: Date; sign_for_due_at: Date; near_due_percent: number; around_the_clock: boolean; signed_for_at: Date | null }>;
    const assignment = rows[0];
    if (!assignment || assignment.signed_for_at) {
      return;
    }
    const at = warningAt(await loadWorkingCalendar(manager), {
      start: new Date(assignment.dispatched_at),
      due: new Date(assignment.sign_for_due_at),
      percent: assignment.near_due_percent,
      aroundTheClock: assignment.around_the_clock,
    });
    if (at) {
      await scheduleTimer(manager, {
        key: signForWarningKey(assignmentId),
        type: WarningTimer.SIGN_FOR,
        dueAt: at,
        payload: { ticketId: assignment.ticket_id, assignmentId, dueAt: new Date(assignment.sign_for_due_at).toISOString() },
      });
    }
  });
}

/** Cancels a warning that can no longer apply (the ticket was dispatched, the unit signed for it). */
async function cancelWarning(dataSource: DataSource, key: string): Promise<void> {
  await dataSource.transaction((manager) => cancelTimer(manager, key));
}

/**
 * Outbox handlers that arm the warnings (at receipt for dispatch, at each dispatch for sign-for)
 * and cancel them once the step is done; a warning that fires late anyway changes nothing.
 */
export function warningArmHandlers(dataSource: DataSource): EventHandler[] {
  const id = (value: unknown) => (typeof value === "string" ? value : null);
  return [
    {
      name: "supervision.chasing.cancel-dispatch-warning",
      eventType: RoutingEvent.TICKET_DISPATCHED,
      handle: async (event) => {
        const ticketId = id(event.payload.ticketId);
        if (ticketId) {
          await cancelWarning(dataSource, dispatchWarningKey(ticketId));
        }
      },
    },
    {
      name: "supervision.chasing.cancel-sign-for-warning",
      eventType: RoutingEvent.TICKET_SIGNED_FOR,
      handle: async (event) => {
        const assignmentId = id(event.payload.assignmentId);
        if (assignmentId) {
          await cancelWarning(dataSource, signForWarningKey(assignmentId));
        }
      },
    },
    { name: "supervision.chasing.arm-dispatch-warning", eventType: TICKET_RECEIVED, handle: (event) => armDispatchWarning(dataSource, String(event.payload.ticketId ?? "")) },
    {
      name: "supervision.chasing.arm-sign-for-warning",
      eventType: RoutingEvent.TICKET_DISPATCHED,
      handle: async (event) => {
        if (typeof event.payload.assignmentId === "string") {
          await armSignForWarning(dataSource, event.payload.assignmentId);
        }
      },
    },
  ];
}

/** The warning timers fire: the board reconciles the ticket after this commits (the timer is marked fired with it). */
export function warningTimerHandlers(): TimerHandler[] {
  return Object.values(WarningTimer).map((type) => ({
    type,
    name: type,
    handle: async (timer, manager) => {
      await recordEvent(manager, { type: CHASING_WARNING_FIRED, payload: { ticketId: String(timer.payload.ticketId ?? "") } });
    },
  }));
}
