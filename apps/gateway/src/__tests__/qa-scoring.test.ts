import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "./harness.js";

let gateway: TestGateway;
const cookies: Record<string, string> = {};
type Errors = Array<{ message: string; extensions?: { code?: string; fields?: Array<{ field: string; code: string }> } }>;

const INSPECTION = `id callTakerId callTakerName state canAppeal canDecide score { version total critical criteria { key score comment } } scores { version reason total } appeal { state reason decidedByName }`;
const CRITERIA = ["greeting", "listening", "accuracy", "classification", "courtesy", "closing", "ticket_quality"];
const full = (overrides: Record<string, { score?: number; deductionKeys?: string[]; comment?: string }> = {}) =>
  CRITERIA.map((key) => ({ key, score: null, deductionKeys: [], comment: null, ...overrides[key] }));

async function gql<T>(user: string, query: string, variables: Record<string, unknown> = {}): Promise<{ data?: T; errors?: Errors }> {
  return (await gateway.gql(query, variables, cookies[user])) as { data?: T; errors?: Errors };
}

beforeAll(async () => {
  gateway = await startTestGateway();
  for (const user of ["qa", "operator", "operator2", "operator3", "teamlead", "supervisor", "admin"]) {
    cookies[user] = await gateway.login(user);
  }
}, 120_000);
afterAll(() => gateway?.stop());

describe("staff QA scoring over HTTP (demo data)", () => {
  it("the demo has scored inspections and one pending appeal that the team lead sees", async () => {
    const appeals = await gql<{ qaAppeals: Array<{ id: string; appeal: { state: string }; canDecide: boolean }> }>("teamlead", `{ qaAppeals(state: PENDING) { ${INSPECTION} } }`);
    expect(appeals.errors).toBeUndefined();
    expect(appeals.data!.qaAppeals).toHaveLength(1);
    expect(appeals.data!.qaAppeals[0]!.canDecide).toBe(true);
    const all = await gql<{ qaInspections: unknown[] }>("qa", `{ qaInspections(first: 200) { id } }`);
    expect(all.data!.qaInspections.length).toBeGreaterThan(3);
  });

  it("inspector scores a queued call; the call-taker sees it and appeals once; a colleague cannot read it; the lead upholds; the monthly assessment counts the revised score", async () => {
    const queue = await gql<{ qaInspectionQueue: { items: Array<{ id: string; callTaker: { id: string; displayName: string }; call: { id: string; loggedTickets: Array<{ trackingNumber: string }> } }> } }>(
      "qa",
      `{ qaInspectionQueue(limit: 200) { items { id callTaker { id displayName } call { id loggedTickets { trackingNumber categoryName articles { id title } } } } } }`,
    );
    expect(queue.errors).toBeUndefined();
    const operatorId = (await gql<{ me: { id: string } }>("operator", `{ me { id } }`)).data?.me.id;
    const sample = queue.data!.qaInspectionQueue.items.find((item) => item.callTaker.id === operatorId) ?? queue.data!.qaInspectionQueue.items.find((item) => item.callTaker.displayName.includes("王"));
    expect(sample).toBeDefined();
    const SCORE = `mutation($input: QaScoreCallInput!) { scoreQaCall(input: $input) { ${INSPECTION} } }`;
    const outOfRange = await gql("qa", SCORE, { input: { sampleId: sample!.id, criteria: full({ accuracy: { score: 30 } }), criticalErrorKeys: [] } });
    expect(outOfRange.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [expect.objectContaining({ field: "criteria.accuracy.score", code: "OUT_OF_RANGE" })] });
    const byOperator = await gql("operator", SCORE, { input: { sampleId: sample!.id, criteria: full(), criticalErrorKeys: [] } });
    expect(byOperator.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    const scored = await gql<{ scoreQaCall: { id: string; score: { total: number } } }>("qa", SCORE, {
      input: { sampleId: sample!.id, criteria: full({ accuracy: { deductionKeys: ["incomplete_answer"], comment: "未告知办理时限" } }), criticalErrorKeys: [], comment: "整体规范" },
    });
    expect(scored.errors).toBeUndefined();
    const inspectionId = scored.data!.scoreQaCall.id;
    expect(scored.data!.scoreQaCall.score.total).toBe(92);
    const second = await gql("qa", SCORE, { input: { sampleId: sample!.id, criteria: full(), criticalErrorKeys: [] } });
    expect(second.errors![0]!.extensions!.code).toBe("QA/ALREADY_SCORED");

    const owner = sample!.callTaker.id === operatorId ? "operator" : "operator2";
    const colleague = owner === "operator" ? "operator2" : "operator";
    const mine = await gql<{ myQaResults: Array<{ id: string; canAppeal: boolean }> }>(owner, `{ myQaResults(first: 200) { id canAppeal } }`);
    expect(mine.data!.myQaResults.find((row) => row.id === inspectionId)?.canAppeal).toBe(true);
    const peek = await gql("operator3", `query($id: ID!) { qaInspection(id: $id) { id score { total } } }`, { id: inspectionId });
    expect(peek.errors![0]!.extensions!.code).toBe("QA/INSPECTION_NOT_FOUND");
    // a colleague in the same team cannot read it by id either
    const peekColleague = await gql(colleague, `query($id: ID!) { qaInspection(id: $id) { id score { total } } }`, { id: inspectionId });
    expect(peekColleague.errors![0]!.extensions!.code).toBe("QA/INSPECTION_NOT_FOUND");
    const supervisorPeek = await gql("supervisor", `query($id: ID!) { qaInspection(id: $id) { id } }`, { id: inspectionId });
    expect(supervisorPeek.errors![0]!.extensions!.code).toBe("FORBIDDEN");

    const APPEAL = `mutation($id: ID!, $reason: String!) { appealQaScore(inspectionId: $id, reason: $reason) { ${INSPECTION} } }`;
    const appealed = await gql<{ appealQaScore: { state: string; canAppeal: boolean } }>(owner, APPEAL, { id: inspectionId, reason: "我告知了办理时限" });
    expect(appealed.errors).toBeUndefined();
    expect(appealed.data!.appealQaScore).toMatchObject({ state: "APPEALED", canAppeal: false });
    expect((await gql(owner, APPEAL, { id: inspectionId, reason: "再次" })).errors![0]!.extensions!.code).toBe("QA/APPEAL_EXISTS");

    const DECIDE = `mutation($id: ID!, $upheld: Boolean!, $rescore: QaRescoreInput) { decideQaAppeal(inspectionId: $id, upheld: $upheld, note: "核实属实", rescore: $rescore) { ${INSPECTION} } }`;
    expect((await gql("operator3", DECIDE, { id: inspectionId, upheld: true, rescore: { criteria: full(), criticalErrorKeys: [] } })).errors![0]!.extensions!.code).toBe("QA/INSPECTION_NOT_FOUND");
    const decided = await gql<{ decideQaAppeal: { state: string; score: { total: number; version: number }; scores: Array<{ reason: string; total: number }> } }>("teamlead", DECIDE, {
      id: inspectionId,
      upheld: true,
      rescore: { criteria: full(), criticalErrorKeys: [] },
    });
    expect(decided.errors).toBeUndefined();
    expect(decided.data!.decideQaAppeal).toMatchObject({ state: "APPEAL_UPHELD", score: { total: 100, version: 2 } });
    expect(decided.data!.decideQaAppeal.scores.map((s) => [s.reason, s.total])).toEqual([
      ["INSPECTION", 92],
      ["APPEAL_UPHELD", 100],
    ]);

    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const ASSESS = `query($month: String!) { qaMonthlyAssessment(month: $month) { individual rows { callTakerId name rank score appealsUpheld } apart { callTakerId appealsUpheld } centre { callsHandled appealsUpheld } formula formulaEn weights { version } } }`;
    type Assessment = { qaMonthlyAssessment: { individual: boolean; rows: Array<{ callTakerId: string; appealsUpheld: number }>; apart: Array<{ callTakerId: string; appealsUpheld: number }>; centre: { appealsUpheld: number } } };
    const forInspector = await gql<Assessment>("qa", ASSESS, { month });
    expect(forInspector.errors).toBeUndefined();
    const everyone = [...forInspector.data!.qaMonthlyAssessment.rows, ...forInspector.data!.qaMonthlyAssessment.apart];
    expect(everyone.find((row) => row.callTakerId === sample!.callTaker.id)?.appealsUpheld).toBe(1);
    const forOwner = await gql<Assessment>(owner, ASSESS, { month });
    expect([...forOwner.data!.qaMonthlyAssessment.rows, ...forOwner.data!.qaMonthlyAssessment.apart].map((row) => row.callTakerId)).toEqual([sample!.callTaker.id]);
    const forSupervisor = await gql<Assessment>("supervisor", ASSESS, { month });
    expect([forSupervisor.data!.qaMonthlyAssessment.individual, forSupervisor.data!.qaMonthlyAssessment.rows.length, forSupervisor.data!.qaMonthlyAssessment.centre.appealsUpheld]).toEqual([false, 0, 1]);
    const csv = await gql<{ qaMonthlyAssessmentExport: { filename: string; base64: string; contentType: string } }>(
      "qa",
      `query($month: String!) { qaMonthlyAssessmentExport(month: $month, format: CSV, language: "zh-CN") { filename base64 contentType } }`,
      { month },
    );
    expect(csv.errors).toBeUndefined();
    expect(Buffer.from(csv.data!.qaMonthlyAssessmentExport.base64, "base64").toString("utf8")).toMatch(/^\uFEFF话务员月度考核/);
  });

  it("the weekly review: the lead edits notes, the inspector reads them, a supervisor sees no individuals", async () => {
    const teams = await gql<{ qaTeams: Array<{ id: string; name: string }> }>("teamlead", `{ qaTeams { id name } }`);
    const team = teams.data!.qaTeams.find((row) => row.name.startsWith("一班"))!;
    const today = new Date(Date.now() + 8 * 3_600_000);
    const monday = new Date(today.getTime() - ((today.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
    const saved = await gql<{ saveQaWeeklyNotes: { notes: string } }>("teamlead", `mutation($t: ID!, $w: String!) { saveQaWeeklyNotes(teamId: $t, weekStart: $w, notes: "重点：开头语") { notes } }`, { t: team.id, w: monday });
    expect(saved.errors).toBeUndefined();
    const REVIEW = `query($t: ID!, $w: String!) { qaWeeklyReview(teamId: $t, weekStart: $w) { notes individual members { name } topDeductions { label count examples { comment } } } }`;
    const read = await gql<{ qaWeeklyReview: { notes: string; individual: boolean } }>("qa", REVIEW, { t: team.id, w: monday });
    expect(read.data!.qaWeeklyReview).toMatchObject({ notes: "重点：开头语", individual: true });
    const aggregate = await gql<{ qaWeeklyReview: { individual: boolean; members: unknown[] } }>("supervisor", REVIEW, { t: team.id, w: monday });
    expect(aggregate.data!.qaWeeklyReview).toMatchObject({ individual: false, members: [] });
    const member = await gql("operator", REVIEW, { t: team.id, w: monday });
    expect(member.errors![0]!.extensions!.code).toBe("FORBIDDEN");
  });
});
