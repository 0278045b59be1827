import { DomainError, Role, type Actor } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaff, createTeam, qaTestDatabase } from "../__tests__/factories.js";
import type { QaTeam } from "../teams/team.entity.js";
import { fullScore, sampledCall } from "../scoring/__tests__/scoring-fixtures.js";
import { scoreQaCall } from "../scoring/score-call.js";
import type { QaScoreRequest } from "../scoring/score-rule.js";
import { saveWeeklyNotes, weeklyReview } from "./weekly-review.js";

let db: TestDatabase;
let inspector: Actor;
let lead: Actor;
let a: Actor;
let b: Actor;
let outsider: Actor;
let supervisor: Actor;
let team: QaTeam;

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

async function scoreAt(callTaker: Actor, at: string, score: QaScoreRequest) {
  const { sample } = await sampledCall(db.dataSource, callTaker, { startedAt: new Date(at) });
  return scoreQaCall(db.dataSource, { actor: inspector, sampleId: sample.id, score, now: new Date(at) });
}

// The week of Monday 2026-11-16 against the week before (by the calls' start, Asia/Shanghai).
beforeAll(async () => {
  db = await qaTestDatabase();
  inspector = await createStaff(db.dataSource, "质检员", [Role.QA_INSPECTOR]);
  lead = await createStaff(db.dataSource, "班长", [Role.OPERATOR]);
  a = await createStaff(db.dataSource, "话务员甲", [Role.OPERATOR]);
  b = await createStaff(db.dataSource, "话务员乙", [Role.OPERATOR]);
  outsider = await createStaff(db.dataSource, "别班话务员", [Role.OPERATOR]);
  supervisor = await createStaff(db.dataSource, "督办员", [Role.SUPERVISOR]);
  team = await createTeam(db.dataSource, lead, [a, b], "二班");
  await createTeam(db.dataSource, await createStaff(db.dataSource, "别班长", [Role.OPERATOR]), [outsider], "三班");
  await scoreAt(a, "2026-11-10T10:00:00+08:00", fullScore()); // previous week: 100
  await scoreAt(a, "2026-11-16T00:30:00+08:00", fullScore({ accuracy: { deductionKeys: ["not_per_knowledge_base"], comment: "社保政策答复与知识库不一致" } })); // 85
  await scoreAt(a, "2026-11-22T23:00:00+08:00", fullScore({ courtesy: { deductionKeys: ["impatient"] } })); // 92 (Sunday night: this week)
  await scoreAt(b, "2026-11-12T10:00:00+08:00", fullScore({ accuracy: { deductionKeys: ["not_per_knowledge_base"] }, listening: { deductionKeys: ["interrupted"] } })); // 80
  await scoreAt(b, "2026-11-18T10:00:00+08:00", fullScore({ accuracy: { deductionKeys: ["not_per_knowledge_base"], comment: "漏答办理时限" } })); // 85
  await scoreAt(b, "2026-11-23T00:10:00+08:00", fullScore({}, ["hung_up_on_caller"])); // next week: not counted
  await scoreAt(outsider, "2026-11-17T10:00:00+08:00", fullScore({ greeting: { deductionKeys: ["no_standard_greeting"] } })); // another team
});
afterAll(() => db?.destroy());

describe("the weekly review", () => {
  it("gives the lead the week's scores, who fell, the most frequent deductions with examples", async () => {
    const review = await weeklyReview(db.dataSource, { actor: lead, teamId: team.id, weekStart: "2026-11-16" });
    expect([review.weekEnd, review.inspections, review.average, review.previousAverage, review.criticalCount]).toEqual(["2026-11-22", 3, 87.33, 90, 0]);
    const byName = Object.fromEntries(review.members.map((member) => [member.name, member]));
    expect([byName["话务员甲"]!.average, byName["话务员甲"]!.previousAverage, byName["话务员甲"]!.fell]).toEqual([88.5, 100, true]);
    expect([byName["话务员乙"]!.average, byName["话务员乙"]!.previousAverage, byName["话务员乙"]!.fell]).toEqual([85, 80, false]);
    expect(review.fell.map((member) => member.name)).toEqual(["话务员甲"]);
    expect(review.topDeductions.map((d) => [d.deductionKey, d.count])).toEqual([
      ["not_per_knowledge_base", 2],
      ["impatient", 1],
    ]);
    const top = review.topDeductions[0]!;
    expect([top.label, top.criterionLabelEn]).toEqual(["答复与知识库不一致", "Accuracy against the knowledge base"]);
    expect(top.examples.map((e) => e.comment).sort()).toEqual(["漏答办理时限", "社保政策答复与知识库不一致"].sort());
    expect(review.canEditNotes).toBe(true);
  });

  it("notes: the lead writes them; a member may not; supervisors read team figures without individuals", async () => {
    await saveWeeklyNotes(db.dataSource, { actor: lead, teamId: team.id, weekStart: "2026-11-16", notes: "本周重点：社保政策口径。" });
    const review = await weeklyReview(db.dataSource, { actor: inspector, teamId: team.id, weekStart: "2026-11-16" });
    expect([review.notes, review.notesUpdatedByName]).toEqual(["本周重点：社保政策口径。", "班长"]);
    expect((await rejection(saveWeeklyNotes(db.dataSource, { actor: a, teamId: team.id, weekStart: "2026-11-16", notes: "x" }))).code).toBe("FORBIDDEN");
    const aggregate = await weeklyReview(db.dataSource, { actor: supervisor, teamId: team.id, weekStart: "2026-11-16" });
    expect([aggregate.individual, aggregate.members, aggregate.fell, aggregate.inspections, aggregate.canEditNotes]).toEqual([false, [], [], 3, false]);
    expect(aggregate.topDeductions[0]!.examples).toEqual([]);
    expect((await rejection(saveWeeklyNotes(db.dataSource, { actor: supervisor, teamId: team.id, weekStart: "2026-11-16", notes: "x" }))).code).toBe("FORBIDDEN");
    expect((await rejection(weeklyReview(db.dataSource, { actor: outsider, teamId: team.id, weekStart: "2026-11-16" }))).code).toBe("FORBIDDEN");
    // the lead of another team is told the team is not found
    const otherLead = await createStaff(db.dataSource, "四班长", [Role.OPERATOR]);
    await createTeam(db.dataSource, otherLead, [], "四班");
    expect((await rejection(weeklyReview(db.dataSource, { actor: otherLead, teamId: team.id, weekStart: "2026-11-16" }))).code).toBe("QA/TEAM_NOT_FOUND");
    expect((await rejection(weeklyReview(db.dataSource, { actor: lead, teamId: team.id, weekStart: "2026-11-17" }))).code).toBe("BAD_USER_INPUT");
  });
});
