import type { EntityManager } from "typeorm";
import type { TimerHandler } from "@civicline/platform";
import { JointCase } from "./joint-case.entity.js";
import { JointEvent, recordJointStep } from "./joint-steps.js";
import { JointCaseState, JointEventKind } from "./joint.enums.js";
import { JOINT_DEADLINE_TIMER } from "./open-joint-case.js";

/** The case's deadline passed: if it is still open, mark it overdue and say so (once: the timer fires in this transaction). */
async function fireJointDeadline(manager: EntityManager, payload: Record<string, unknown>, dueAt: Date): Promise<void> {
  const jointCase = await manager.findOne(JointCase, { where: { id: String(payload.caseId ?? "") }, lock: { mode: "pessimistic_write" } });
  if (!jointCase || jointCase.state !== JointCaseState.OPEN || jointCase.overdueAt) {
    return;
  }
  await manager.update(JointCase, { id: jointCase.id }, { overdueAt: dueAt });
  await recordJointStep(manager, {
    caseId: jointCase.id,
    ticketId: jointCase.ticketId,
    at: dueAt,
    kind: JointEventKind.DEADLINE_PASSED,
    actor: null,
    actorName: "系统 / system",
    text: null,
    event: { type: JointEvent.CASE_OVERDUE, payload: { deadlineAt: jointCase.deadlineAt.toISOString() } },
  });
}

export function jointTimerHandlers(): TimerHandler[] {
  return [{ type: JOINT_DEADLINE_TIMER, name: "supervision.joint-deadline", handle: (timer, manager) => fireJointDeadline(manager, timer.payload, timer.dueAt) }];
}
