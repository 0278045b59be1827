import { TICKET_RECEIVED, Ticket, TicketStatus } from "@civicline/intake";
import { findTimer, loadWorkingCalendar, scheduleTimer, type EventHandler, type TimerHandler } from "@civicline/platform";
import type { DataSource, EntityManager } from "typeorm";
import { Assignment } from "../assignment/assignment.entity.js";
import { limitsFor, loadCatalogue } from "../catalogue.js";
import { addLimit } from "../deadlines.js";
import { RoutingEvent, recordRoutingEvent } from "../routing.events.js";

export const DISPATCH_OVERDUE_TIMER = "routing.dispatch_overdue";
const WAITING = [TicketStatus.RECEIVED, TicketStatus.AWAITING_DISPATCH];

export function dispatchOverdueKey(ticketId: string): string {
  return `routing:ticket:${ticketId}:dispatch_overdue`;
}

/**
 * Arms the dispatch-deadline timer of a newly received ticket (its SLA's dispatch limit from receipt).
 * Once only: a redelivered event finds the timer and leaves it, even after it fired.
 */
export async function armDispatchOverdue(dataSource: DataSource, ticketId: string): Promise<void> {
  await dataSource.transaction(async (manager) => {
    if (await findTimer(manager, dispatchOverdueKey(ticketId))) {
      return;
    }
    const ticket = await manager.findOneBy(Ticket, { id: ticketId });
    if (!ticket || !WAITING.includes(ticket.status)) {
      return;
    }
    const { limits } = limitsFor(await loadCatalogue(manager), ticket);
    const dueAt = addLimit(await loadWorkingCalendar(manager), ticket.receivedAt, limits.dispatchMinutes, limits.aroundTheClock);
    await scheduleTimer(manager, { key: dispatchOverdueKey(ticketId), type: DISPATCH_OVERDUE_TIMER, dueAt, payload: { ticketId, dueAt: dueAt.toISOString() } });
  });
}

/** The dispatch deadline passed: if the ticket still waits for dispatch, record the event (once: the timer is marked fired in this transaction). */
async function fireDispatchOverdue(manager: EntityManager, payload: Record<string, unknown>): Promise<void> {
  const ticketId = String(payload.ticketId ?? "");
  const ticket = await manager.findOne(Ticket, { where: { id: ticketId }, lock: { mode: "pessimistic_write" } });
  if (!ticket || !WAITING.includes(ticket.status)) {
    return;
  }
  if (await manager.existsBy(Assignment, { ticketId, current: true })) {
    return;
  }
  await recordRoutingEvent(manager, RoutingEvent.DISPATCH_OVERDUE, { ticketId, unitIds: [], dueAt: String(payload.dueAt ?? "") });
}

export function dispatchOverdueTimerHandler(): TimerHandler {
  return { type: DISPATCH_OVERDUE_TIMER, name: "routing.dispatch-overdue", handle: (timer, manager) => fireDispatchOverdue(manager, timer.payload) };
}

export function armDispatchOverdueHandler(dataSource: DataSource): EventHandler {
  return {
    name: "routing.arm-dispatch-deadline",
    eventType: TICKET_RECEIVED,
    handle: async (event) => armDispatchOverdue(dataSource, String(event.payload.ticketId)),
  };
}
