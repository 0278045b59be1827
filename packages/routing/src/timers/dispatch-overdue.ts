import { TICKET_RECEIVED, Ticket, TicketStatus } from "@civicline/intake";
import { loadWorkingCalendar, scheduleTimers, type EventHandler, type TimerHandler } from "@civicline/platform";
import { In, type DataSource, type EntityManager } from "typeorm";
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
  await armDispatchOverdueMany(dataSource, [ticketId]);
}

/** `armDispatchOverdue` for several tickets in one transaction, with the same few statements as for one. */
export async function armDispatchOverdueMany(dataSource: DataSource, ticketIds: readonly string[]): Promise<void> {
  if (ticketIds.length === 0) {
    return;
  }
  await dataSource.transaction(async (manager) => {
    const armed: Array<{ key: string }> = await manager.query("SELECT key FROM platform_timer WHERE key = ANY($1::text[])", [ticketIds.map(dispatchOverdueKey)]);
    const done = new Set(armed.map((row) => row.key));
    const todo = ticketIds.filter((ticketId) => !done.has(dispatchOverdueKey(ticketId)));
    if (todo.length === 0) {
      return;
    }
    const tickets = (await manager.findBy(Ticket, { id: In(todo) })).filter((ticket) => WAITING.includes(ticket.status));
    if (tickets.length === 0) {
      return;
    }
    const catalogue = await loadCatalogue(manager);
    const calendar = await loadWorkingCalendar(manager);
    await scheduleTimers(
      manager,
      tickets.map((ticket) => {
        const { limits } = limitsFor(catalogue, ticket);
        const dueAt = addLimit(calendar, ticket.receivedAt, limits.dispatchMinutes, limits.aroundTheClock);
        return { key: dispatchOverdueKey(ticket.id), type: DISPATCH_OVERDUE_TIMER, dueAt, payload: { ticketId: ticket.id, dueAt: dueAt.toISOString() } };
      }),
    );
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
    handleMany: async (events) => armDispatchOverdueMany(dataSource, events.map((event) => String(event.payload.ticketId))),
  };
}
