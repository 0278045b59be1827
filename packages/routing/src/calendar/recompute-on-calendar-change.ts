import { Ticket } from "@civicline/intake";
import { CALENDAR_OVERRIDE_CHANGED, type EventHandler } from "@civicline/platform";
import type { DataSource } from "typeorm";
import { ACTIVE_STATES } from "../assignment/assignment.enums.js";
import { Assignment } from "../assignment/assignment.entity.js";
import { unitsOf } from "../assignment/assignment-access.js";
import { RoutingEvent, recordRoutingEvent } from "../routing.events.js";
import { scheduleDeadlineTimers } from "../timers/deadline-timers.js";
import { recomputeDeadlines } from "../workbench/recompute.js";

/**
 * After an admin declares a day working or not, recomputes the deadlines of the open assignments
 * whose running limits span that day (a day's margin either side for time zones) and re-schedules
 * their timers. Each assignment in its own transaction; resolves to how many deadlines moved.
 */
export async function recomputeForCalendarChange(dataSource: DataSource, input: { day: string; now?: Date }): Promise<number> {
  const rows = (await dataSource.query(
    `SELECT id FROM routing_assignment
      WHERE current AND state = ANY($1) AND dispatched_at < ($2::date + 2) AND completion_due_at >= ($2::date - 1)`,
    [ACTIVE_STATES, input.day],
  )) as Array<{ id: string }>;
  let moved = 0;
  for (const { id } of rows) {
    const changed = await dataSource.transaction(async (manager) => {
      const assignment = await manager.findOne(Assignment, { where: { id }, lock: { mode: "pessimistic_write" } });
      if (!assignment || !assignment.current || !ACTIVE_STATES.includes(assignment.state)) {
        return false;
      }
      const ticket = await manager.findOneOrFail(Ticket, { where: { id: assignment.ticketId }, select: { id: true, receivedAt: true } });
      const before = [assignment.completionDueAt.getTime(), assignment.nearDueAt.getTime(), assignment.signForDueAt.getTime()].join();
      await recomputeDeadlines(manager, { assignment, ticket, now: input.now ?? new Date(), reschedule: false });
      if ([assignment.completionDueAt.getTime(), assignment.nearDueAt.getTime(), assignment.signForDueAt.getTime()].join() === before) {
        return false;
      }
      await scheduleDeadlineTimers(manager, assignment);
      await manager.save(assignment);
      await recordRoutingEvent(manager, RoutingEvent.DEADLINES_RECOMPUTED, {
        ticketId: assignment.ticketId,
        assignmentId: assignment.id,
        day: input.day,
        completionDueAt: assignment.completionDueAt.toISOString(),
        unitIds: unitsOf(assignment),
      });
      return true;
    });
    moved += changed ? 1 : 0;
  }
  return moved;
}

/** Reacts to `platform.calendar_override_changed` (at least once; recomputing twice is harmless). */
export function calendarChangeHandler(dataSource: DataSource): EventHandler {
  return {
    name: "routing.recompute-deadlines-on-calendar-change",
    eventType: CALENDAR_OVERRIDE_CHANGED,
    handle: async (event) => {
      await recomputeForCalendarChange(dataSource, { day: String(event.payload.day) });
    },
  };
}
