import { TicketStatus } from "@civicline/intake";
import type { OutboxProcessor } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CallOutcome, CallbackTaskState, ReReportState, Resolution, Satisfaction } from "../callback.enums.js";
import { satisfactionSummary } from "../metrics/satisfaction-summary.js";
import { listReReportProposals } from "../proposal/proposal-queries.js";
import { recordCallbackAttempt } from "../task/task-work.js";
import { agent, buildRepliedTicket, buildTicket, buildWorld, callbackTestDatabase, historyOf, leader, outboxFor, statusOf, supervisor, tasksOf, type World } from "../__tests__/factories.js";
import { canRateOnline, latestRating, rateOnline } from "./rate-online.js";

let db: TestDatabase;
let outbox: OutboxProcessor;
let world: World;
beforeAll(async () => {
  db = await callbackTestDatabase();
  outbox = outboxFor(db);
  world = await buildWorld(db);
});
afterAll(() => db?.destroy());

const happy = { resolution: Resolution.RESOLVED, resultSatisfaction: Satisfaction.SATISFIED, processSatisfaction: Satisfaction.VERY_SATISFIED, comment: "感谢！" };

describe("online ratings", () => {
  it("count like a phone answer: the task closes DONE_ONLINE and a resolved, satisfied rating closes the ticket", async () => {
    const { ticket } = await buildRepliedTicket(db, world);
    await outbox.drain();
    expect(await canRateOnline(db.dataSource, ticket.id)).toBe(true);
    const survey = await rateOnline(db.dataSource, { ticketId: ticket.id, request: happy });
    expect(survey).toMatchObject({ channel: "ONLINE", reasonable: null, recordedById: null, fullSurvey: true, comment: "感谢！" });
    expect((await tasksOf(db, ticket.id))[0]).toMatchObject({ state: CallbackTaskState.DONE_ONLINE, closedByName: "citizen (portal)" });
    expect(await statusOf(db, ticket.id)).toBe(TicketStatus.CLOSED);
    expect((await historyOf(db, ticket.id)).at(-1)).toMatchObject({ to_status: "closed", actor_name: "citizen (portal)", is_public: true });
    expect(await canRateOnline(db.dataSource, ticket.id)).toBe(false);
    expect(await latestRating(db.dataSource, ticket.id)).toMatchObject({ id: survey.id });
    await expect(rateOnline(db.dataSource, { ticketId: ticket.id, request: happy })).rejects.toMatchObject({ code: "CALLBACK/ALREADY_RATED" });
  });

  it("an agent calling after the citizen rated online finds the task closed", async () => {
    const { ticket } = await buildRepliedTicket(db, world);
    await outbox.drain();
    const [task] = await tasksOf(db, ticket.id);
    await rateOnline(db.dataSource, { ticketId: ticket.id, request: happy });
    await expect(recordCallbackAttempt(db.dataSource, { actor: agent, request: { taskId: task!.id, outcome: CallOutcome.NOT_REACHED } })).rejects.toMatchObject({ code: "CALLBACK/TASK_CLOSED" });
  });

  it("a dissatisfied rating proposes a re-report like a phone answer", async () => {
    const { ticket } = await buildRepliedTicket(db, world);
    await outbox.drain();
    await rateOnline(db.dataSource, { ticketId: ticket.id, request: { ...happy, resolution: Resolution.UNRESOLVED, resultSatisfaction: Satisfaction.VERY_DISSATISFIED } });
    expect(await statusOf(db, ticket.id)).toBe(TicketStatus.REPLIED);
    const proposals = await listReReportProposals(db.dataSource, { actor: supervisor, state: ReReportState.PENDING });
    expect(proposals.items.find((item) => item.ticketId === ticket.id)).toMatchObject({ reasons: ["RESULT_DISSATISFIED", "UNRESOLVED"] });
    await expect(rateOnline(db.dataSource, { ticketId: ticket.id, request: happy })).rejects.toMatchObject({ code: "CALLBACK/ALREADY_RATED" });
  });

  it("works before the reply's event was processed (the task is created on the spot)", async () => {
    const { ticket } = await buildRepliedTicket(db, world);
    expect(await tasksOf(db, ticket.id)).toEqual([]);
    expect(await canRateOnline(db.dataSource, ticket.id)).toBe(true);
    await rateOnline(db.dataSource, { ticketId: ticket.id, request: happy });
    await outbox.drain();
    expect((await tasksOf(db, ticket.id)).map((task) => task.state)).toEqual([CallbackTaskState.DONE_ONLINE]);
  });

  it("is refused before the reply, after the callback ended unreachable, and with incomplete answers", async () => {
    const fresh = await buildTicket(db, world);
    expect(await canRateOnline(db.dataSource, fresh.id)).toBe(false);
    await expect(rateOnline(db.dataSource, { ticketId: fresh.id, request: happy })).rejects.toMatchObject({ code: "CALLBACK/NOT_RATEABLE" });

    const { ticket } = await buildRepliedTicket(db, world);
    await outbox.drain();
    const [task] = await tasksOf(db, ticket.id);
    let now = new Date();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      now = (await recordCallbackAttempt(db.dataSource, { actor: agent, request: { taskId: task!.id, outcome: CallOutcome.NOT_REACHED }, now })).nextAttemptAt ?? now;
    }
    await expect(rateOnline(db.dataSource, { ticketId: ticket.id, request: happy })).rejects.toMatchObject({ code: "CALLBACK/NOT_RATEABLE" });

    await expect(rateOnline(db.dataSource, { ticketId: fresh.id, request: { ...happy, resultSatisfaction: "GREAT" as never, comment: "x".repeat(2001) } })).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      details: { fields: [{ field: "resultSatisfaction" }, { field: "comment" }] },
    });
  });
});

describe("the satisfaction summary", () => {
  it("keeps the definitions: basically satisfied counts; unreasonable requests leave result satisfaction but not process satisfaction", async () => {
    const metricsWorld = await buildWorld(db);
    const from = new Date();
    const answer = async (answers: Record<string, unknown>) => {
      const { ticket } = await buildRepliedTicket(db, metricsWorld);
      await outbox.drain();
      const [task] = await tasksOf(db, ticket.id);
      await recordCallbackAttempt(db.dataSource, { actor: agent, request: { taskId: task!.id, outcome: CallOutcome.REACHED, answers: answers as never } });
    };
    await answer({ resolution: Resolution.RESOLVED, resultSatisfaction: Satisfaction.VERY_SATISFIED, processSatisfaction: Satisfaction.SATISFIED, reasonable: true });
    await answer({ resolution: Resolution.RESOLVED, resultSatisfaction: Satisfaction.BASICALLY_SATISFIED, processSatisfaction: Satisfaction.BASICALLY_SATISFIED, reasonable: true });
    await answer({ resolution: Resolution.UNRESOLVED, resultSatisfaction: Satisfaction.DISSATISFIED, processSatisfaction: Satisfaction.SATISFIED, reasonable: true });
    await answer({ resolution: Resolution.UNRESOLVED, resultSatisfaction: Satisfaction.VERY_DISSATISFIED, processSatisfaction: Satisfaction.DISSATISFIED, reasonable: false });
    const online = await buildRepliedTicket(db, metricsWorld);
    await rateOnline(db.dataSource, { ticketId: online.ticket.id, request: happy });
    const unreachable = await buildRepliedTicket(db, metricsWorld);
    await outbox.drain();
    const [task] = await tasksOf(db, unreachable.ticket.id);
    let now = new Date();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      now = (await recordCallbackAttempt(db.dataSource, { actor: agent, request: { taskId: task!.id, outcome: CallOutcome.NOT_REACHED }, now })).nextAttemptAt ?? now;
    }
    const summary = await satisfactionSummary(db.dataSource, { actor: leader, from, to: new Date(Date.now() + 86_400_000 * 30), unitId: metricsWorld.bureau.id });
    expect(summary).toMatchObject({
      answered: 5,
      onlineAnswered: 1,
      reasonableAnswered: 4,
      resultSatisfied: 3,
      resultSatisfactionRate: 3 / 4,
      processAnswered: 5,
      processSatisfied: 4,
      processSatisfactionRate: 4 / 5,
      unreachable: 1,
      reReportsProposed: 2,
    });
    await expect(satisfactionSummary(db.dataSource, { actor: agent, from, to: new Date() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(satisfactionSummary(db.dataSource, { actor: leader, from, to: from })).rejects.toMatchObject({ code: "BAD_USER_INPUT", details: { fields: [{ field: "to", code: "BEFORE_START" }] } });
    const empty = await satisfactionSummary(db.dataSource, { actor: supervisor, from: new Date("2020-01-01T00:00:00Z"), to: new Date("2020-02-01T00:00:00Z") });
    expect(empty).toMatchObject({ answered: 0, resultSatisfactionRate: null, processSatisfactionRate: null });
  });
});
