import { addWorkingTime, workingMinutesBetween, type WorkingCalendar } from "@civicline/platform";
import { DeadlineState } from "./assignment/assignment.enums.js";
import type { SlaLimits } from "./sla/sla-matching.js";

const MINUTE_MS = 60_000;

/** The stored deadlines of one assignment. */
export type AssignmentDeadlines = {
  dispatchDueAt: Date;
  signForDueAt: Date;
  completionDueAt: Date;
  nearDueAt: Date;
};

/** `minutes` of the limit after `at`: working time, or elapsed time for around-the-clock limits. */
export function addLimit(calendar: WorkingCalendar, at: Date, minutes: number, aroundTheClock: boolean): Date {
  return aroundTheClock ? new Date(at.getTime() + minutes * MINUTE_MS) : addWorkingTime(calendar, at, minutes);
}

/** Minutes of the limit that lie between two instants (working or elapsed), whole minutes. */
export function limitMinutesBetween(calendar: WorkingCalendar, from: Date, to: Date, aroundTheClock: boolean): number {
  if (aroundTheClock) {
    return Math.max(0, Math.floor((to.getTime() - from.getTime()) / MINUTE_MS));
  }
  return workingMinutesBetween(calendar, from, to);
}

/**
 * The deadlines of a dispatch, computed with the working-time engine: dispatch from the ticket's
 * receipt, sign-for and completion from the dispatch; an approved extension adds its working
 * minutes after the completion deadline; the near-due warning falls when `nearDuePercent` of the
 * (extended) completion span is used.
 */
export function computeDeadlines(
  calendar: WorkingCalendar,
  input: { receivedAt: Date; dispatchedAt: Date; limits: SlaLimits; extensionMinutes?: number | null },
): AssignmentDeadlines {
  const { limits, dispatchedAt } = input;
  const round = limits.aroundTheClock;
  const baseCompletion = addLimit(calendar, dispatchedAt, limits.completionMinutes, round);
  const completionDueAt = input.extensionMinutes ? addWorkingTime(calendar, baseCompletion, input.extensionMinutes) : baseCompletion;
  const span = limitMinutesBetween(calendar, dispatchedAt, completionDueAt, round);
  const warnAfter = Math.floor((span * limits.nearDuePercent) / 100);
  return {
    dispatchDueAt: addLimit(calendar, input.receivedAt, limits.dispatchMinutes, round),
    signForDueAt: addLimit(calendar, dispatchedAt, limits.signForMinutes, round),
    completionDueAt,
    nearDueAt: addLimit(calendar, dispatchedAt, warnAfter, round),
  };
}

/** How an assignment stands now: replied ones by their reply time, open ones by the clock. */
export function deadlineState(input: { completionDueAt: Date; nearDueAt: Date; repliedAt: Date | null; now: Date }): DeadlineState {
  const at = input.repliedAt ?? input.now;
  if (at.getTime() > input.completionDueAt.getTime()) {
    return DeadlineState.OVERDUE;
  }
  if (!input.repliedAt && at.getTime() >= input.nearDueAt.getTime()) {
    return DeadlineState.NEAR_DUE;
  }
  return DeadlineState.ON_TIME;
}

/** Working (or elapsed) minutes left until the completion deadline; negative when overdue. */
export function minutesLeft(calendar: WorkingCalendar, input: { completionDueAt: Date; aroundTheClock: boolean; now: Date }): number {
  const { completionDueAt, now, aroundTheClock } = input;
  if (now.getTime() <= completionDueAt.getTime()) {
    return limitMinutesBetween(calendar, now, completionDueAt, aroundTheClock);
  }
  return -limitMinutesBetween(calendar, completionDueAt, now, aroundTheClock);
}
