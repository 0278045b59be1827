import type { Ticket } from "@civicline/intake";
import { loadWorkingCalendar } from "@civicline/platform";
import type { EntityManager } from "typeorm";
import { ExtensionStatus } from "../assignment/assignment.enums.js";
import type { Assignment } from "../assignment/assignment.entity.js";
import { computeDeadlines } from "../deadlines.js";
import { scheduleDeadlineTimers } from "../timers/deadline-timers.js";

/**
 * Recomputes an assignment's deadlines in place from its stored limits, an approved extension and
 * the current calendar, then (when `reschedule`) re-schedules both timers. A warning or overdue
 * mark whose new time lies ahead is cleared, so it can fire again at the new time; one still in
 * the past stays, and its re-scheduled timer then changes nothing. The caller saves the row.
 */
export async function recomputeDeadlines(
  manager: EntityManager,
  input: { assignment: Assignment; ticket: Pick<Ticket, "receivedAt">; now: Date; reschedule: boolean },
): Promise<void> {
  const { assignment, now } = input;
  const calendar = await loadWorkingCalendar(manager);
  const deadlines = computeDeadlines(calendar, {
    receivedAt: input.ticket.receivedAt,
    dispatchedAt: assignment.dispatchedAt,
    limits: assignment,
    extensionMinutes: assignment.extensionStatus === ExtensionStatus.APPROVED ? assignment.extensionMinutes : 0,
  });
  Object.assign(assignment, deadlines);
  if (assignment.nearDueNotifiedAt && deadlines.nearDueAt.getTime() > now.getTime()) {
    assignment.nearDueNotifiedAt = null;
  }
  if (assignment.overdueAt && deadlines.completionDueAt.getTime() > now.getTime()) {
    assignment.overdueAt = null;
  }
  if (input.reschedule) {
    await scheduleDeadlineTimers(manager, assignment);
  }
}
