import { Ticket, TicketStatus, transitionTicket } from "@civicline/intake";
import { addWorkingTime, findTimer, loadWorkingCalendar, type OutboxProcessor } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { Assignment, AssignmentState, RoutingEvent } from "@civicline/routing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CallOutcome, CallbackTaskKind, CallbackTaskState, ReReportReason, ReReportState, Resolution, Satisfaction } from "../callback.enums.js";
import { CallbackEvent } from "../callback.events.js";
import { decideReReport } from "../proposal/decide-re-report.js";
import { listReReportProposals } from "../proposal/proposal-queries.js";
import { CallbackSurvey } from "../survey/callback-survey.entity.js";
import { agent, at, buildRepliedTicket, buildWorld, callbackTestDatabase, eventsOf, historyOf, leader, operator, otherAgent, outboxFor, replyAgain, statusOf, supervisor, tasksOf, type World } from "../__tests__/factories.js";
import { callbackQueue, countCallbackQueues, getCallbackTask } from "./task-queries.js";
import { claimCallbackTask, recordCallbackAttempt, releaseCallbackTask } from "./task-work.js";

let db: TestDatabase;
let outbox: OutboxProcessor;
let world: World;
beforeAll(async () => {
  db = await callbackTestDatabase();
  outbox = outboxFor(db);
  world = await buildWorld(db);
});
afterAll(() => db?.destroy());

const satisfied = { resolution: Resolution.RESOLVED, resultSatisfaction: Satisfaction.BASICALLY_SATISFIED, processSatisfaction: Satisfaction.VERY_SATISFIED, reasonable: true, comment: "处理很及时" };
const dissatisfied = { resolution: Resolution.PARTLY, resultSatisfaction: Satisfaction.DISSATISFIED, processSatisfaction: Satisfaction.SATISFIED, reasonable: true, comment: "物业费还是按新标准收的" };

/** A replied ticket and the task the reply's event created. */
async function replied(options: { repliedAt?: Date } = {}) {
  const { ticket, assignment } = await buildRepliedTicket(db, world, options);
  await outbox.drain();
  const [task] = await tasksOf(db, ticket.id);
  return { ticket, assignment, task: task! };
}

describe("a callback task after a reply", () => {
  it("is created once per reply, due one working day (complaint) after the reply, in the shared queue", async () => {
    const repliedAt = at("2026-11-27T16:00:00");
    const { ticket, assignment, task } = await replied({ repliedAt });
    await outbox.drain();
    const calendar = await loadWorkingCalendar(db.dataSource);
    expect(await tasksOf(db, ticket.id)).toHaveLength(1);
    expect(task).toMatchObject({ kind: CallbackTaskKind.REPLY, state: CallbackTaskState.OPEN, assignmentId: assignment.id, maxTries: 3, retryMinutes: 120, attempts: 0 });
    // Friday 16:00 + 450 working minutes: 90 on Friday, 210 on Monday morning, 150 after lunch → Monday 16:00.
    expect(task.dueAt).toEqual(addWorkingTime(calendar, repliedAt, 450));
    expect(task.dueAt).toEqual(at("2026-11-30T16:00:00"));
    expect((await findTimer(db.dataSource.manager, `callback:task:${task.id}:due`))?.dueAt).toEqual(task.dueAt);
    expect(await eventsOf(db, CallbackEvent.TASK_CREATED, ticket.id)).toHaveLength(1);
    const queue = await callbackQueue(db.dataSource, { actor: agent });
    expect(queue.items.map((item) => item.id)).toContain(task.id);
    expect((await getCallbackTask(db.dataSource, { actor: supervisor, id: task.id })).id).toBe(task.id);
    expect((await getCallbackTask(db.dataSource, { actor: leader, id: task.id })).id).toBe(task.id);
  });

  it("is not for handlers, call-takers or the public", async () => {
    await expect(callbackQueue(db.dataSource, { actor: operator })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callbackQueue(db.dataSource, { actor: world.handler })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callbackQueue(db.dataSource, { actor: null })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const { task } = await replied();
    await expect(claimCallbackTask(db.dataSource, { actor: supervisor, taskId: task.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recordCallbackAttempt(db.dataSource, { actor: operator, request: { taskId: task.id, outcome: CallOutcome.NOT_REACHED } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("reached, resolved and satisfied: the task is done and the ticket closed with one public history row", async () => {
    const { ticket, task } = await replied();
    const done = await recordCallbackAttempt(db.dataSource, { actor: agent, request: { taskId: task.id, outcome: CallOutcome.REACHED, answers: satisfied } });
    expect(done).toMatchObject({ state: CallbackTaskState.DONE, attempts: 1, closedByName: agent.name });
    expect(await statusOf(db, ticket.id)).toBe(TicketStatus.CLOSED);
    const history = await historyOf(db, ticket.id);
    expect(history.at(-1)).toMatchObject({ from_status: "replied", to_status: "closed", is_public: true, actor_name: agent.name });
    expect(history.filter((row) => row.to_status === "closed")).toHaveLength(1);
    expect(await db.dataSource.getRepository(CallbackSurvey).findOneBy({ taskId: task.id })).toMatchObject({
      channel: "PHONE",
      fullSurvey: true,
      resolution: Resolution.RESOLVED,
      resultSatisfaction: Satisfaction.BASICALLY_SATISFIED,
      reasonable: true,
      leadUnitId: world.bureau.id,
    });
    expect(await findTimer(db.dataSource.manager, `callback:task:${task.id}:due`)).toBeNull();
    await expect(recordCallbackAttempt(db.dataSource, { actor: agent, request: { taskId: task.id, outcome: CallOutcome.NOT_REACHED } })).rejects.toMatchObject({ code: "CALLBACK/TASK_CLOSED" });
  });

  it("asks for every answer a reply's callback needs, all at once", async () => {
    const { task } = await replied();
    await expect(recordCallbackAttempt(db.dataSource, { actor: agent, request: { taskId: task.id, outcome: CallOutcome.REACHED } })).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      details: { fields: [{ field: "answers", code: "REQUIRED" }] },
    });
    const error = await recordCallbackAttempt(db.dataSource, {
      actor: agent,
      request: { taskId: task.id, outcome: CallOutcome.REACHED, answers: { processSatisfaction: Satisfaction.SATISFIED, comment: "好".repeat(2001) } },
    }).catch((caught: unknown) => caught);
    expect((error as { details: { fields: Array<{ field: string }> } }).details.fields.map((field) => field.field).sort()).toEqual([
      "answers.comment",
      "answers.reasonable",
      "answers.resolution",
      "answers.resultSatisfaction",
    ]);
    expect((await tasksOf(db, task.ticketId))[0]).toMatchObject({ state: CallbackTaskState.OPEN, attempts: 0 });
  });

  it("not reached: the try is stored and the retry falls after the retry interval in working time", async () => {
    const { ticket, task } = await replied();
    const now = at("2026-11-27T16:30:00"); // a Friday
    const after = await recordCallbackAttempt(db.dataSource, { actor: agent, request: { taskId: task.id, outcome: CallOutcome.NOT_REACHED, note: "无人接听" }, now });
    // 60 minutes left on Friday, 60 more on Monday morning.
    expect(after).toMatchObject({ state: CallbackTaskState.OPEN, attempts: 1, nextAttemptAt: at("2026-11-30T09:30:00"), claimedById: null });
    expect((await findTimer(db.dataSource.manager, `callback:task:${task.id}:retry`))?.dueAt).toEqual(at("2026-11-30T09:30:00"));
    await expect(
      recordCallbackAttempt(db.dataSource, { actor: agent, request: { taskId: task.id, outcome: CallOutcome.NOT_REACHED }, now: at("2026-11-30T09:00:00") }),
    ).rejects.toMatchObject({ code: "CALLBACK/RETRY_NOT_DUE", details: { nextAttemptAt: at("2026-11-30T09:30:00").toISOString() } });
    const ready = await callbackQueue(db.dataSource, { actor: agent, filter: { readyOnly: true }, now: at("2026-11-30T09:00:00"), limit: 200 });
    expect(ready.items.map((item) => item.id)).not.toContain(task.id);
    // The citizen calling back in may be recorded at once.
    const done = await recordCallbackAttempt(db.dataSource, { actor: agent, request: { taskId: task.id, outcome: CallOutcome.REACHED, answers: satisfied }, now: at("2026-11-30T09:00:00") });
    expect(done).toMatchObject({ state: CallbackTaskState.DONE, attempts: 2 });
    expect(await statusOf(db, ticket.id)).toBe(TicketStatus.CLOSED);
  });

  it("unreachable after the maximum tries: the task closes and the ticket is closed as 回访未接通", async () => {
    const { ticket, task } = await replied();
    let now = at("2026-12-01T09:00:00");
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const after = await recordCallbackAttempt(db.dataSource, { actor: agent, request: { taskId: task.id, outcome: CallOutcome.NOT_REACHED, note: `第${attempt}次 关机` }, now });
      expect(after.attempts).toBe(attempt);
      now = after.nextAttemptAt ?? now;
    }
    const closed = (await tasksOf(db, ticket.id))[0]!;
    expect(closed).toMatchObject({ state: CallbackTaskState.UNREACHABLE, attempts: 3, nextAttemptAt: null });
    expect(await statusOf(db, ticket.id)).toBe(TicketStatus.CLOSED);
    expect((await historyOf(db, ticket.id)).at(-1)).toMatchObject({ to_status: "closed", is_public: true, reason: expect.stringContaining("回访未接通") });
    expect(await findTimer(db.dataSource.manager, `callback:task:${task.id}:retry`)).toBeNull();
    const detail = await getCallbackTask(db.dataSource, { actor: agent, id: task.id });
    expect(detail.state).toBe(CallbackTaskState.UNREACHABLE);
  });

  it("a claimed task is locked to its agent until the claim runs out", async () => {
    const { task } = await replied();
    const now = new Date();
    const claimed = await claimCallbackTask(db.dataSource, { actor: agent, taskId: task.id, now });
    expect(claimed).toMatchObject({ claimedById: agent.id, claimedUntil: new Date(now.getTime() + 15 * 60_000) });
    await expect(claimCallbackTask(db.dataSource, { actor: otherAgent, taskId: task.id, now })).rejects.toMatchObject({ code: "CALLBACK/CLAIMED_BY_OTHER", details: { claimedBy: agent.name } });
    await expect(recordCallbackAttempt(db.dataSource, { actor: otherAgent, request: { taskId: task.id, outcome: CallOutcome.NOT_REACHED }, now })).rejects.toMatchObject({
      code: "CALLBACK/CLAIMED_BY_OTHER",
    });
    const later = new Date(now.getTime() + 16 * 60_000);
    expect(await claimCallbackTask(db.dataSource, { actor: otherAgent, taskId: task.id, now: later })).toMatchObject({ claimedById: otherAgent.id });
    expect(await releaseCallbackTask(db.dataSource, { actor: otherAgent, taskId: task.id, now: later })).toMatchObject({ claimedById: null });
    expect(await claimCallbackTask(db.dataSource, { actor: agent, taskId: task.id, now: later })).toMatchObject({ claimedById: agent.id });
  });

  it("two agents recording the same call at once: one wins, the other finds the task closed", async () => {
    const { task } = await replied();
    const results = await Promise.allSettled([
      recordCallbackAttempt(db.dataSource, { actor: agent, request: { taskId: task.id, outcome: CallOutcome.REACHED, answers: satisfied } }),
      recordCallbackAttempt(db.dataSource, { actor: otherAgent, request: { taskId: task.id, outcome: CallOutcome.REACHED, answers: satisfied } }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({ reason: { code: "CALLBACK/TASK_CLOSED" } });
    expect(await db.dataSource.getRepository(CallbackSurvey).countBy({ taskId: task.id })).toBe(1);
  });
});

describe("a dissatisfied answer proposes a re-report", () => {
  it("the ticket stays replied; the supervisor accepts: re-dispatched to the same unit, and its next reply gets a new task", async () => {
    const { ticket, assignment, task } = await replied();
    const after = await recordCallbackAttempt(db.dataSource, { actor: agent, request: { taskId: task.id, outcome: CallOutcome.REACHED, answers: dissatisfied } });
    expect(after.state).toBe(CallbackTaskState.DONE);
    expect(await statusOf(db, ticket.id)).toBe(TicketStatus.REPLIED);
    const [event] = await eventsOf(db, CallbackEvent.RE_REPORT_PROPOSED, ticket.id);
    expect(event).toMatchObject({ reasons: [ReReportReason.RESULT_DISSATISFIED, ReReportReason.PARTLY_RESOLVED], leadUnitId: world.bureau.id });
    const pending = await listReReportProposals(db.dataSource, { actor: supervisor });
    const proposal = pending.items.find((item) => item.ticketId === ticket.id)!;
    expect(proposal).toMatchObject({ state: ReReportState.PENDING, leadUnitId: world.bureau.id, assignmentId: assignment.id });
    await expect(listReReportProposals(db.dataSource, { actor: agent })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(decideReReport(db.dataSource, { actor: leader, proposalId: proposal.id, accept: true })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const accepted = await decideReReport(db.dataSource, { actor: supervisor, proposalId: proposal.id, accept: true, note: "请督促物业公司退费" });
    expect(accepted).toMatchObject({ state: ReReportState.ACCEPTED, decidedByName: supervisor.name, decisionNote: "请督促物业公司退费" });
    expect(await statusOf(db, ticket.id)).toBe(TicketStatus.DISPATCHED);
    const assignments = await db.dataSource.getRepository(Assignment).find({ where: { ticketId: ticket.id }, order: { dispatchedAt: "ASC" } });
    expect(assignments.map((row) => [row.leadUnitId, row.current, row.state])).toEqual([
      [world.bureau.id, false, AssignmentState.REPLIED],
      [world.bureau.id, true, AssignmentState.DISPATCHED],
    ]);
    expect(assignments[1]!.dispatchNote).toContain("续报");
    expect(assignments[1]!.dispatchNote).toContain("请督促物业公司退费");
    expect(accepted.newAssignmentId).toBe(assignments[1]!.id);
    expect((await historyOf(db, ticket.id)).at(-1)).toMatchObject({ from_status: "replied", to_status: "dispatched", is_public: true, actor_name: supervisor.name });
    expect(await eventsOf(db, RoutingEvent.TICKET_DISPATCHED, ticket.id)).toHaveLength(2);
    await expect(decideReReport(db.dataSource, { actor: supervisor, proposalId: proposal.id, accept: false, note: "再决定一次" })).rejects.toMatchObject({ code: "CALLBACK/ALREADY_DECIDED" });

    await replyAgain(db, world, ticket.id);
    await outbox.drain();
    const tasks = await tasksOf(db, ticket.id);
    expect(tasks.map((row) => [row.state, row.assignmentId])).toEqual([
      [CallbackTaskState.DONE, assignment.id],
      [CallbackTaskState.OPEN, assignments[1]!.id],
    ]);
  });

  it("the supervisor declines: the ticket is closed with the note as the reason", async () => {
    const { ticket, task } = await replied();
    await recordCallbackAttempt(db.dataSource, {
      actor: agent,
      request: { taskId: task.id, outcome: CallOutcome.REACHED, answers: { ...dissatisfied, resolution: Resolution.RESOLVED, resultSatisfaction: Satisfaction.VERY_DISSATISFIED } },
    });
    const proposal = (await listReReportProposals(db.dataSource, { actor: supervisor })).items.find((item) => item.ticketId === ticket.id)!;
    expect(proposal.reasons).toEqual([ReReportReason.RESULT_DISSATISFIED]);
    await expect(decideReReport(db.dataSource, { actor: supervisor, proposalId: proposal.id, accept: false, note: " " })).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      details: { fields: [{ field: "note", code: "REQUIRED" }] },
    });
    const declined = await decideReReport(db.dataSource, { actor: supervisor, proposalId: proposal.id, accept: false, note: "已依法答复，诉求超出政策范围" });
    expect(declined.state).toBe(ReReportState.DECLINED);
    expect(await statusOf(db, ticket.id)).toBe(TicketStatus.CLOSED);
    expect((await historyOf(db, ticket.id)).at(-1)).toMatchObject({ to_status: "closed", reason: "续报不予受理 / re-report declined: 已依法答复，诉求超出政策范围", actor_name: supervisor.name });
    expect((await listReReportProposals(db.dataSource, { actor: leader, state: ReReportState.DECLINED })).items.map((item) => item.id)).toContain(proposal.id);
    await expect(decideReReport(db.dataSource, { actor: supervisor, proposalId: proposal.id, accept: true })).rejects.toMatchObject({ code: "CALLBACK/ALREADY_DECIDED" });
  });

  it("satisfied but only partly resolved still proposes a re-report", async () => {
    const { ticket, task } = await replied();
    await recordCallbackAttempt(db.dataSource, { actor: agent, request: { taskId: task.id, outcome: CallOutcome.REACHED, answers: { ...satisfied, resolution: Resolution.UNRESOLVED } } });
    expect(await statusOf(db, ticket.id)).toBe(TicketStatus.REPLIED);
    const [event] = await eventsOf(db, CallbackEvent.RE_REPORT_PROPOSED, ticket.id);
    expect(event).toMatchObject({ reasons: [ReReportReason.UNRESOLVED] });
  });
});

describe("the queue", () => {
  it("orders by due time, filters overdue, counts open and overdue tasks", async () => {
    const early = await replied({ repliedAt: at("2026-11-02T09:00:00") });
    const late = await replied({ repliedAt: at("2026-12-14T09:00:00") });
    const now = at("2026-12-01T10:00:00");
    const queue = await callbackQueue(db.dataSource, { actor: agent, limit: 200, now });
    const ids = queue.items.map((item) => item.id);
    expect(ids.indexOf(early.task.id)).toBeLessThan(ids.indexOf(late.task.id));
    const overdue = await callbackQueue(db.dataSource, { actor: agent, filter: { overdueOnly: true }, limit: 200, now });
    expect(overdue.items.map((item) => item.id)).toContain(early.task.id);
    expect(overdue.items.map((item) => item.id)).not.toContain(late.task.id);
    const counts = await countCallbackQueues(db.dataSource, now);
    expect(counts.overdueTasks).toBe(overdue.total);
    expect(counts.openTasks).toBe(queue.total);
    await expect(callbackQueue(db.dataSource, { actor: agent, limit: 500 })).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
  });

  it("a ticket that leaves REPLIED another way loses its open task", async () => {
    const { ticket, task } = await replied();
    await db.dataSource.transaction(async (manager) => {
      const row = await manager.findOneByOrFail(Ticket, { id: ticket.id });
      await transitionTicket(manager, { ticketId: ticket.id, to: TicketStatus.CLOSED, expectedVersion: row.version, actor: supervisor, reason: "督办办结" });
    });
    await outbox.drain();
    expect((await tasksOf(db, ticket.id))[0]).toMatchObject({ id: task.id, state: CallbackTaskState.CANCELLED });
    expect(await eventsOf(db, CallbackEvent.TASK_CLOSED, ticket.id)).toEqual([expect.objectContaining({ state: CallbackTaskState.CANCELLED })]);
  });

  it("a pending re-report proposal is withdrawn when its ticket moves on without a decision", async () => {
    const { ticket, task } = await replied();
    await recordCallbackAttempt(db.dataSource, { actor: agent, request: { taskId: task.id, outcome: CallOutcome.REACHED, answers: dissatisfied } });
    const proposal = (await listReReportProposals(db.dataSource, { actor: supervisor })).items.find((item) => item.ticketId === ticket.id)!;
    await db.dataSource.transaction(async (manager) => {
      const row = await manager.findOneByOrFail(Ticket, { id: ticket.id });
      await transitionTicket(manager, { ticketId: ticket.id, to: TicketStatus.CLOSED, expectedVersion: row.version, actor: supervisor, reason: "督办办结" });
    });
    await outbox.drain();
    const pending = await listReReportProposals(db.dataSource, { actor: supervisor });
    expect(pending.items.map((item) => item.id)).not.toContain(proposal.id);
    const withdrawn = await listReReportProposals(db.dataSource, { actor: supervisor, state: ReReportState.WITHDRAWN });
    expect(withdrawn.items.find((item) => item.id === proposal.id)).toMatchObject({ state: ReReportState.WITHDRAWN, decisionNote: "ticket is closed" });
    expect(await eventsOf(db, CallbackEvent.RE_REPORT_WITHDRAWN, ticket.id)).toEqual([expect.objectContaining({ proposalId: proposal.id, status: "closed" })]);
    await expect(decideReReport(db.dataSource, { actor: supervisor, proposalId: proposal.id, accept: true })).rejects.toMatchObject({ code: "CALLBACK/ALREADY_DECIDED" });
  });
});
