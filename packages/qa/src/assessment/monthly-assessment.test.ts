import { DomainError, Role, type Actor } from "@civicline/platform";
import { pdfText, type TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaff, createTeam, qaTestDatabase } from "../__tests__/factories.js";
import { assessmentCsv, assessmentPdf } from "./assessment-export.js";
import { saveAssessmentWeights } from "./assessment-weights.js";
import { monthlyAssessment, monthlyAssessmentFor } from "./monthly-assessment.js";
import { call, inspection, survey, ticket, upheldAppeal } from "./__tests__/month-data.js";

let db: TestDatabase;
let a: Actor;
let b: Actor;
let c: Actor;
let lead: Actor;
let inspector: Actor;
let supervisor: Actor;
let admin: Actor;

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

/**
 * October 2026 (Asia/Shanghai), written by hand; weights v2 = QA 50, calls 20, handle time 10,
 * direct 10, satisfaction 10; target 300 s; at least 2 calls to be ranked.
 *   A: 4 answered calls of 200 s (+1 missed, +1 in November): QA (90 + 80) / 2 = 85; calls 100; handle 100;
 *      tickets 4, direct 2 → 50; callbacks 2 of 2 satisfied → 100; 1 appeal upheld
 *      → (50·85 + 20·100 + 10·100 + 10·50 + 10·100) / 100 = 87.5
 *   B: 2 calls of 600 s: QA 100; calls 50; handle 50; tickets 2, direct 0 → 0; 1 callback dissatisfied → 0
 *      → (5000 + 1000 + 500 + 0 + 0) / 100 = 65
 *   C: 1 call: apart (too few calls). The lead (an operator, no calls): apart.
 */
beforeAll(async () => {
  db = await qaTestDatabase();
  const ds = db.dataSource;
  a = await createStaff(ds, "甲 话务员", [Role.OPERATOR]);
  b = await createStaff(ds, "乙 话务员", [Role.OPERATOR]);
  c = await createStaff(ds, "丙 话务员", [Role.OPERATOR]);
  lead = await createStaff(ds, "丁 班长", [Role.OPERATOR]);
  inspector = await createStaff(ds, "质检员", [Role.QA_INSPECTOR]);
  supervisor = await createStaff(ds, "督办员", [Role.SUPERVISOR]);
  admin = await createStaff(ds, "管理员", [Role.ADMIN]);
  await createTeam(ds, lead, [a, b], "一班");
  await saveAssessmentWeights(ds, {
    actor: admin,
    request: { qaScore: 50, callsHandled: 20, handleTime: 10, directRate: 10, processSatisfaction: 10, targetHandleSeconds: 300, minCalls: 2 },
    now: new Date("2026-09-01T00:00:00Z"),
  });
  for (const day of ["01", "02", "03", "31"]) {
    await call(ds, a.id, `2026-10-${day}T10:00:00+08:00`, 200);
  }
  await call(ds, a.id, "2026-10-04T10:00:00+08:00", 50, false);
  await call(ds, a.id, "2026-11-01T00:00:00+08:00", 900); // November: not counted
  await call(ds, a.id, "2026-09-30T23:59:59+08:00", 900); // September: not counted
  await call(ds, b.id, "2026-10-05T09:00:00+08:00", 600);
  await call(ds, b.id, "2026-10-06T09:00:00+08:00", 600);
  await call(ds, c.id, "2026-10-07T09:00:00+08:00", 100);
  await inspection(ds, a.id, "2026-10-01T10:00:00+08:00", 90);
  const appealed = await inspection(ds, a.id, "2026-10-02T10:00:00+08:00", 80);
  await upheldAppeal(ds, appealed, "2026-10-10T10:00:00+08:00");
  await inspection(ds, a.id, "2026-09-20T10:00:00+08:00", 10); // a September call: not counted
  await inspection(ds, b.id, "2026-10-05T09:00:00+08:00", 100);
  const aTickets = [await ticket(ds, a.id, "2026-10-01T10:01:00+08:00", true), await ticket(ds, a.id, "2026-10-02T10:01:00+08:00", true)];
  aTickets.push(await ticket(ds, a.id, "2026-10-03T10:01:00+08:00", false), await ticket(ds, a.id, "2026-10-31T10:01:00+08:00", false));
  await ticket(ds, a.id, "2026-11-02T10:01:00+08:00", true); // November
  await survey(ds, aTickets[2]!, "2026-10-20T10:00:00+08:00", "SATISFIED");
  await survey(ds, aTickets[3]!, "2026-10-31T15:00:00+08:00", "BASICALLY_SATISFIED");
  await survey(ds, aTickets[0]!, "2026-11-03T10:00:00+08:00", "DISSATISFIED"); // answered in November
  const bTickets = [await ticket(ds, b.id, "2026-10-05T09:01:00+08:00", false), await ticket(ds, b.id, "2026-10-06T09:01:00+08:00", false)];
  await survey(ds, bTickets[0]!, "2026-10-21T10:00:00+08:00", "DISSATISFIED");
});
afterAll(() => db?.destroy());

describe("the monthly assessment", () => {
  it("combines the figures by the formula with the weights in force at the month's end, and ranks", async () => {
    const result = await monthlyAssessment(db.dataSource, "2026-10");
    expect(result.weights.version).toBe(2);
    const byName = Object.fromEntries(result.rows.map((row) => [row.figures.name, row]));
    const rowA = byName["甲 话务员"]!;
    expect(rowA.figures).toMatchObject({ inspections: 2, callsHandled: 4, talkSeconds: 800, ticketsLogged: 4, directAnswered: 2, processAnswered: 2, processSatisfied: 2, appealsUpheld: 1 });
    expect(rowA.parts.map((part) => [part.key, part.score])).toEqual([
      ["qaScore", 85],
      ["callsHandled", 100],
      ["handleTime", 100],
      ["directRate", 50],
      ["processSatisfaction", 100],
    ]);
    expect([rowA.score, rowA.rank]).toEqual([87.5, 1]);
    const rowB = byName["乙 话务员"]!;
    expect(rowB.parts.map((part) => part.score)).toEqual([100, 50, 50, 0, 0]);
    expect([rowB.score, rowB.rank, rowB.averageHandleSeconds]).toEqual([65, 2, 600]);
    expect([byName["丙 话务员"]!.rank, byName["丙 话务员"]!.apartReason]).toEqual([null, "TOO_FEW_CALLS"]);
    expect(byName["丁 班长"]!.apartReason).toBe("TOO_FEW_CALLS");
    expect(result.rows.map((row) => row.figures.name)).toEqual(["甲 话务员", "乙 话务员", "丙 话务员", "丁 班长"]);
    // an edit today adds version 3; October keeps version 2 (in force at its end), November takes 3
    const v3 = await saveAssessmentWeights(db.dataSource, {
      actor: inspector,
      request: { qaScore: 100, callsHandled: 0, handleTime: 0, directRate: 0, processSatisfaction: 0, targetHandleSeconds: 300, minCalls: 2, note: "只看质检" },
      now: new Date("2026-11-15T00:00:00Z"),
    });
    expect(v3.version).toBe(3);
    expect((await monthlyAssessment(db.dataSource, "2026-10")).rows[0]!.score).toBe(87.5);
    expect((await monthlyAssessment(db.dataSource, "2026-11")).weights.version).toBe(3);
    expect((await monthlyAssessment(db.dataSource, "2026-10", { weightsVersion: 3 })).rows[0]!.score).toBe(100); // B: QA 100 only
    // version 1 (the defaults) gives another score from the same figures
    const v1 = await monthlyAssessment(db.dataSource, "2026-10", { weightsVersion: 1 });
    expect(v1.rows.find((row) => row.figures.name === "乙 话务员")!.apartReason).toBe("TOO_FEW_CALLS"); // v1 needs 20 calls
  });

  it("shows each reader what they may see: inspectors all, the lead their team, a call-taker their own, supervisors aggregates", async () => {
    const names = (rows: Array<{ figures: { name: string } }>) => rows.map((row) => row.figures.name).sort();
    const all = await monthlyAssessmentFor(db.dataSource, { actor: inspector, month: "2026-10" });
    expect(all.visibleRows).toHaveLength(4);
    expect(all.centre).toMatchObject({ callTakers: 4, inspections: 3, qaScore: 90, callsHandled: 7, averageHandleSeconds: 300, appealsUpheld: 1, averageScore: 76.25 });
    expect(all.centre.directRate).toBeCloseTo(2 / 6, 10);
    expect(all.centre.processSatisfaction).toBeCloseTo(2 / 3, 10);
    expect(all.teams.map((team) => [team.name, team.callTakers])).toEqual([["一班", 2]]);
    expect(names((await monthlyAssessmentFor(db.dataSource, { actor: lead, month: "2026-10" })).visibleRows)).toEqual(["丁 班长", "乙 话务员", "甲 话务员"].sort());
    const own = await monthlyAssessmentFor(db.dataSource, { actor: b, month: "2026-10" });
    expect(own.visibleRows.map((row) => [row.figures.name, row.rank])).toEqual([["乙 话务员", 2]]);
    const aggregate = await monthlyAssessmentFor(db.dataSource, { actor: supervisor, month: "2026-10" });
    expect([aggregate.visibleRows.length, aggregate.individual, aggregate.centre.callsHandled]).toEqual([0, false, 7]);
    expect((await monthlyAssessmentFor(db.dataSource, { actor: admin, month: "2026-10" })).visibleRows).toHaveLength(0);
  });

  it("refuses a bad month and an unknown weights version with coded errors", async () => {
    expect((await rejection(monthlyAssessment(db.dataSource, "2026-13"))).code).toBe("BAD_USER_INPUT");
    expect((await rejection(monthlyAssessment(db.dataSource, "2026-10", { weightsVersion: 99 }))).code).toBe("QA/WEIGHTS_VERSION_NOT_FOUND");
    const bad = await rejection(
      saveAssessmentWeights(db.dataSource, { actor: admin, request: { qaScore: 0, callsHandled: 0, handleTime: 0, directRate: 0, processSatisfaction: 0, targetHandleSeconds: 5, minCalls: -1 } }),
    );
    expect(bad.code).toBe("BAD_USER_INPUT");
    expect((await rejection(saveAssessmentWeights(db.dataSource, { actor: b, request: { qaScore: 1, callsHandled: 0, handleTime: 0, directRate: 0, processSatisfaction: 0, targetHandleSeconds: 300, minCalls: 0 } }))).code).toBe("FORBIDDEN");
  });

  it("exports what the reader sees as CSV (BOM) and as a PDF with the Chinese names and the formula", async () => {
    const view = await monthlyAssessmentFor(db.dataSource, { actor: inspector, month: "2026-10" });
    const csv = assessmentCsv(view, "zh-CN");
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = csv.toString("utf8");
    expect(text).toContain("1,甲 话务员,一班,2,85.00,4,200,4,50.00 %,100.00 %,1,87.50,");
    expect(text).toContain("综合得分 = Σ(权重 × 分项得分)");
    const pdf = await assessmentPdf(view, "zh-CN", new Date("2026-11-02T02:00:00Z"));
    const printed = pdfText(pdf).replace(/\s+/g, "");
    expect(printed).toContain("话务员月度考核2026-10");
    expect(printed).toContain("甲话务员");
    expect(printed).toContain("87.50");
    const own = assessmentCsv(await monthlyAssessmentFor(db.dataSource, { actor: b, month: "2026-10" }), "en").toString("utf8");
    expect(own).toContain("乙 话务员");
    expect(own).not.toContain("甲 话务员");
  });
});
