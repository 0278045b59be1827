import { TicketStatus } from "@civicline/intake";
import type { OutboxProcessor } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CallOutcome, CallbackTaskKind, CallbackTaskState, Satisfaction } from "../callback.enums.js";
import { DEFAULT_SETTINGS, loadCallbackSettings, saveCallbackSettings, type CallbackSettingsRequest } from "../settings/callback-settings.js";
import { admin, agent, buildDirectAnswer, buildRepliedTicket, buildWorld, callbackTestDatabase, outboxFor, statusOf, supervisor, tasksOf, type World } from "../__tests__/factories.js";
import { sampleFraction } from "./create-tasks.js";
import { recordCallbackAttempt } from "./task-work.js";

let db: TestDatabase;
let outbox: OutboxProcessor;
let world: World;
beforeAll(async () => {
  db = await callbackTestDatabase();
  outbox = outboxFor(db);
  world = await buildWorld(db);
});
afterAll(() => db?.destroy());

const settings = (overrides: Partial<CallbackSettingsRequest> = {}): CallbackSettingsRequest => ({
  surveySampleRate: DEFAULT_SETTINGS.surveySampleRate,
  missedCallReturnMinutes: DEFAULT_SETTINGS.missedCallReturnMinutes,
  missedCallMaxTries: DEFAULT_SETTINGS.missedCallMaxTries,
  missedCallRetryMinutes: DEFAULT_SETTINGS.missedCallRetryMinutes,
  claimMinutes: DEFAULT_SETTINGS.claimMinutes,
  ...overrides,
});

describe("settings", () => {
  it("start from the defaults: 1 working day for complaints, 2 for consultations, 3 tries 2 hours apart, 10 % surveys, missed calls back within an hour", async () => {
    const current = await loadCallbackSettings(db.dataSource);
    expect(current.requestTypes.find((entry) => entry.requestType === "complaint")).toEqual({ requestType: "complaint", dueMinutes: 450, maxTries: 3, retryMinutes: 120 });
    expect(current.requestTypes.find((entry) => entry.requestType === "consultation")).toMatchObject({ dueMinutes: 900 });
    expect(current).toMatchObject({ surveySampleRate: 0.1, missedCallReturnMinutes: 60, missedCallMaxTries: 3, claimMinutes: 15, updatedAt: null });
    expect(current.requestTypes).toHaveLength(7);
  });

  it("are checked field by field and only admins change them", async () => {
    await expect(saveCallbackSettings(db.dataSource, { actor: supervisor, request: settings() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const error = await saveCallbackSettings(db.dataSource, {
      actor: admin,
      request: settings({
        surveySampleRate: 1.5,
        missedCallReturnMinutes: 0,
        claimMinutes: 2.5,
        requestTypes: [
          { requestType: "complaint" as never, dueMinutes: 10, maxTries: 0, retryMinutes: 120 },
          { requestType: "complaint" as never, dueMinutes: 450, maxTries: 3, retryMinutes: 120 },
          { requestType: "nonsense" as never, dueMinutes: 450, maxTries: 3, retryMinutes: 1 },
        ],
      }),
    }).catch((caught: unknown) => caught);
    expect((error as { code: string }).code).toBe("BAD_USER_INPUT");
    expect((error as { details: { fields: Array<{ field: string; code: string }> } }).details.fields).toEqual([
      { field: "requestTypes.0.dueMinutes", code: "OUT_OF_RANGE", message: expect.any(String) },
      { field: "requestTypes.0.maxTries", code: "OUT_OF_RANGE", message: expect.any(String) },
      { field: "requestTypes.1.requestType", code: "DUPLICATE", message: expect.any(String) },
      { field: "requestTypes.2.requestType", code: "INVALID_FORMAT", message: expect.any(String) },
      { field: "requestTypes.2.retryMinutes", code: "OUT_OF_RANGE", message: expect.any(String) },
      { field: "surveySampleRate", code: "OUT_OF_RANGE", message: expect.any(String) },
      { field: "missedCallReturnMinutes", code: "OUT_OF_RANGE", message: expect.any(String) },
      { field: "claimMinutes", code: "OUT_OF_RANGE", message: expect.any(String) },
    ]);
    expect((await loadCallbackSettings(db.dataSource)).updatedAt).toBeNull();
  });

  it("apply to tasks created afterwards; request types left out keep their values", async () => {
    const saved = await saveCallbackSettings(db.dataSource, {
      actor: admin,
      request: settings({ requestTypes: [{ requestType: "complaint" as never, dueMinutes: 225, maxTries: 2, retryMinutes: 60 }] }),
    });
    expect(saved.requestTypes.find((entry) => entry.requestType === "complaint")).toEqual({ requestType: "complaint", dueMinutes: 225, maxTries: 2, retryMinutes: 60 });
    expect(saved.requestTypes.find((entry) => entry.requestType === "help")).toMatchObject({ dueMinutes: 450, maxTries: 3 });
    expect(saved.updatedByName).toBe(admin.name);
    const { ticket } = await buildRepliedTicket(db, world);
    await outbox.drain();
    expect((await tasksOf(db, ticket.id))[0]).toMatchObject({ maxTries: 2, retryMinutes: 60 });
    await saveCallbackSettings(db.dataSource, { actor: admin, request: settings() });
  });
});

describe("direct-answer surveys", () => {
  it("sample deterministically: the same ticket always falls at the same place in [0, 1)", () => {
    const id = "0b7c1f6e-6d1a-4c50-9d64-3c1f7e0c9a11";
    expect(sampleFraction(id)).toBe(sampleFraction(id));
    expect(sampleFraction(id)).toBeGreaterThanOrEqual(0);
    expect(sampleFraction(id)).toBeLessThan(1);
  });

  it("rate 1: every direct answer gets a process-only survey; rate 0: none", async () => {
    await saveCallbackSettings(db.dataSource, { actor: admin, request: settings({ surveySampleRate: 1 }) });
    const sampled = await buildDirectAnswer(db, world);
    await outbox.drain();
    const [task] = await tasksOf(db, sampled.id);
    expect(task).toMatchObject({ kind: CallbackTaskKind.DIRECT_ANSWER_SURVEY, state: CallbackTaskState.OPEN, assignmentId: null });

    await saveCallbackSettings(db.dataSource, { actor: admin, request: settings({ surveySampleRate: 0 }) });
    const skipped = await buildDirectAnswer(db, world);
    await outbox.drain();
    expect(await tasksOf(db, skipped.id)).toEqual([]);
    await saveCallbackSettings(db.dataSource, { actor: admin, request: settings() });
  });

  it("asks process satisfaction only, and leaves the ticket closed as a direct answer", async () => {
    await saveCallbackSettings(db.dataSource, { actor: admin, request: settings({ surveySampleRate: 1 }) });
    const ticket = await buildDirectAnswer(db, world);
    await outbox.drain();
    const [task] = await tasksOf(db, ticket.id);
    await expect(
      recordCallbackAttempt(db.dataSource, {
        actor: agent,
        request: { taskId: task!.id, outcome: CallOutcome.REACHED, answers: { processSatisfaction: Satisfaction.SATISFIED, resultSatisfaction: Satisfaction.SATISFIED } },
      }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", details: { fields: [{ field: "answers.resultSatisfaction", code: "NOT_APPLICABLE" }] } });
    const done = await recordCallbackAttempt(db.dataSource, {
      actor: agent,
      request: { taskId: task!.id, outcome: CallOutcome.REACHED, answers: { processSatisfaction: Satisfaction.VERY_SATISFIED, comment: "话务员解答很清楚" } },
    });
    expect(done.state).toBe(CallbackTaskState.DONE);
    expect(await statusOf(db, ticket.id)).toBe(TicketStatus.CLOSED_DIRECT);
    const [survey] = await db.dataSource.query("SELECT full_survey, resolution, result_satisfaction, process_satisfaction, reasonable FROM callback_survey WHERE task_id = $1", [task!.id]);
    expect(survey).toEqual({ full_survey: false, resolution: null, result_satisfaction: null, process_satisfaction: "VERY_SATISFIED", reasonable: null });
    await saveCallbackSettings(db.dataSource, { actor: admin, request: settings() });
  });

  it("not reached three times: the survey closes unreachable and the ticket is left alone", async () => {
    await saveCallbackSettings(db.dataSource, { actor: admin, request: settings({ surveySampleRate: 1 }) });
    const ticket = await buildDirectAnswer(db, world);
    await outbox.drain();
    const [task] = await tasksOf(db, ticket.id);
    let now = new Date();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const after = await recordCallbackAttempt(db.dataSource, { actor: agent, request: { taskId: task!.id, outcome: CallOutcome.NOT_REACHED }, now });
      now = after.nextAttemptAt ?? now;
    }
    expect((await tasksOf(db, ticket.id))[0]!.state).toBe(CallbackTaskState.UNREACHABLE);
    expect(await statusOf(db, ticket.id)).toBe(TicketStatus.CLOSED_DIRECT);
    await saveCallbackSettings(db.dataSource, { actor: admin, request: settings() });
  });
});
