import { WorkingCalendar, addWorkingDays } from "@civicline/platform";
import { describe, expect, it } from "vitest";
import { DeadlineState } from "./assignment/assignment.enums.js";
import { computeDeadlines, deadlineState, minutesLeft } from "./deadlines.js";
import type { SlaLimits } from "./sla/sla-matching.js";

/** Asia/Shanghai, 08:30–12:00 and 13:30–17:30 (450 minutes a day), China's official working days. */
const china = new WorkingCalendar();
const at = (local: string): Date => new Date(`${local}+08:00`);
const complaint: SlaLimits = { dispatchMinutes: 240, signForMinutes: 120, completionMinutes: 5 * 450, nearDuePercent: 80, aroundTheClock: false };

describe("deadlines of a ticket received at 16:30 on the last working day before National Day 2026", () => {
  // Wednesday 30 September 2026 16:30. 1–7 October are the holiday, Sunday 11 October is off and
  // Saturday 10 October is a make-up working day (调休).
  const receivedAt = at("2026-09-30T16:30:00");

  it("dispatched at once (auto-dispatch): every deadline as a person computes it", () => {
    const deadlines = computeDeadlines(china, { receivedAt, dispatchedAt: receivedAt, limits: complaint });
    // Dispatch within 4 working hours: 16:30–17:30 (1 h), then Thursday 8 October 08:30–11:30 (3 h).
    expect(deadlines.dispatchDueAt).toEqual(at("2026-10-08T11:30:00"));
    // Sign for within 2 working hours: 1 h on the 30th, 1 h on the 8th.
    expect(deadlines.signForDueAt).toEqual(at("2026-10-08T09:30:00"));
    // Complaint within 5 working days = 5 × 450 min: 60 on the 30th, 450 each on 8, 9, 10 (Sat) and 12, 390 on the 13th.
    expect(deadlines.completionDueAt).toEqual(at("2026-10-13T16:30:00"));
    // Near due at 80 % = 1,800 min: 60 + 3 × 450 through Saturday the 10th, then 390 on Monday the 12th.
    expect(deadlines.nearDueAt).toEqual(at("2026-10-12T16:30:00"));
  });

  it("dispatched by a dispatcher at 16:45: sign-for and completion run from the dispatch", () => {
    const deadlines = computeDeadlines(china, { receivedAt, dispatchedAt: at("2026-09-30T16:45:00"), limits: complaint });
    expect(deadlines.dispatchDueAt).toEqual(at("2026-10-08T11:30:00"));
    // 45 min on the 30th, 75 min on the 8th.
    expect(deadlines.signForDueAt).toEqual(at("2026-10-08T09:45:00"));
    // 45 + 4 × 450 (8, 9, 10, 12) = 1,845; 405 more on the 13th: 210 in the morning, 195 from 13:30.
    expect(deadlines.completionDueAt).toEqual(at("2026-10-13T16:45:00"));
    expect(deadlines.nearDueAt).toEqual(at("2026-10-12T16:45:00"));
  });

  it("an approved extension of 3 working days moves completion and the warning in working time", () => {
    const extended = computeDeadlines(china, { receivedAt, dispatchedAt: at("2026-09-30T16:45:00"), limits: complaint, extensionMinutes: 3 * 450 });
    // 45 min left on the 13th, the 14th and 15th, 405 min on Friday the 16th.
    expect(extended.completionDueAt).toEqual(at("2026-10-16T16:45:00"));
    expect(extended.completionDueAt).toEqual(addWorkingDays(china, at("2026-10-13T16:45:00"), 3));
    // 80 % of 3,600 min = 2,880: 45 + 6 × 450 through the 14th, 135 on the 15th.
    expect(extended.nearDueAt).toEqual(at("2026-10-15T10:45:00"));
  });

  it("runs an emergency on the clock, holiday night included", () => {
    const emergency: SlaLimits = { dispatchMinutes: 15, signForMinutes: 15, completionMinutes: 24 * 60, nearDuePercent: 80, aroundTheClock: true };
    const deadlines = computeDeadlines(china, { receivedAt: at("2026-10-01T22:00:00"), dispatchedAt: at("2026-10-01T22:05:00"), limits: emergency });
    expect(deadlines.dispatchDueAt).toEqual(at("2026-10-01T22:15:00"));
    expect(deadlines.signForDueAt).toEqual(at("2026-10-01T22:20:00"));
    expect(deadlines.completionDueAt).toEqual(at("2026-10-02T22:05:00"));
    expect(deadlines.nearDueAt).toEqual(at("2026-10-02T17:17:00"));
  });

  it("dispatches an urgent ticket at once: the dispatch deadline is the receipt", () => {
    const urgent: SlaLimits = { ...complaint, dispatchMinutes: 0 };
    expect(computeDeadlines(china, { receivedAt: at("2026-10-01T10:00:00"), dispatchedAt: at("2026-10-01T10:05:00"), limits: urgent }).dispatchDueAt).toEqual(at("2026-10-01T10:00:00"));
  });
});

describe("deadline state", () => {
  const completionDueAt = at("2026-10-13T16:30:00");
  const nearDueAt = at("2026-10-12T16:30:00");

  it("is on time, near due, then overdue; a reply freezes it", () => {
    expect(deadlineState({ completionDueAt, nearDueAt, repliedAt: null, now: at("2026-10-09T10:00:00") })).toBe(DeadlineState.ON_TIME);
    expect(deadlineState({ completionDueAt, nearDueAt, repliedAt: null, now: at("2026-10-13T09:00:00") })).toBe(DeadlineState.NEAR_DUE);
    expect(deadlineState({ completionDueAt, nearDueAt, repliedAt: null, now: at("2026-10-14T09:00:00") })).toBe(DeadlineState.OVERDUE);
    expect(deadlineState({ completionDueAt, nearDueAt, repliedAt: at("2026-10-13T09:00:00"), now: at("2026-10-20T09:00:00") })).toBe(DeadlineState.ON_TIME);
    expect(deadlineState({ completionDueAt, nearDueAt, repliedAt: at("2026-10-13T17:00:00"), now: at("2026-10-20T09:00:00") })).toBe(DeadlineState.OVERDUE);
  });

  it("counts working minutes left, negative once overdue", () => {
    // Monday 12 October 17:00 → Tuesday 13 October 16:30: 30 + 210 + 180 minutes.
    expect(minutesLeft(china, { completionDueAt, aroundTheClock: false, now: at("2026-10-12T17:00:00") })).toBe(420);
    expect(minutesLeft(china, { completionDueAt, aroundTheClock: false, now: at("2026-10-14T09:30:00") })).toBe(-(60 + 60));
  });
});
