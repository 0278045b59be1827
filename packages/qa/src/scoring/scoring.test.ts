import { DomainError, Role, ValidationError, type Actor } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaff, createTeam, qaTestDatabase } from "../__tests__/factories.js";
import { appealQaScore, decideQaAppeal } from "../review/appeals.js";
import { fullScore, sampledCall } from "./__tests__/scoring-fixtures.js";
import { getInspection, listInspections } from "./inspection-queries.js";
import { QaInspectionState, QaScoreReason } from "./inspection.entity.js";
import { scoreQaCall } from "./score-call.js";
import { currentFormVersion, saveScoreForm } from "./score-form.js";
import { scoreTotal } from "./score-rule.js";
import { DEFAULT_FORM } from "./default-form.js";

let db: TestDatabase;
let inspector: Actor;
let lead: Actor;
let taker: Actor;
let colleague: Actor;
let outsider: Actor;
let admin: Actor;
const now = new Date("2026-11-17T02:00:00Z"); // Tuesday 10:00 in Shanghai

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

beforeAll(async () => {
  db = await qaTestDatabase();
  inspector = await createStaff(db.dataSource, "质检员 王", [Role.QA_INSPECTOR]);
  lead = await createStaff(db.dataSource, "班长 李", [Role.OPERATOR]);
  taker = await createStaff(db.dataSource, "话务员 张", [Role.OPERATOR]);
  colleague = await createStaff(db.dataSource, "话务员 赵", [Role.OPERATOR]);
  outsider = await createStaff(db.dataSource, "另一班长 钱", [Role.OPERATOR]);
  admin = await createStaff(db.dataSource, "管理员", [Role.ADMIN]);
  await createTeam(db.dataSource, lead, [taker, colleague]);
  await createTeam(db.dataSource, outsider, []);
});
afterAll(() => db?.destroy());

describe("the scoring rule", () => {
  const form = { criteria: DEFAULT_FORM.criteria, criticalErrors: DEFAULT_FORM.criticalErrors };

  it("weights: the total is 100 × Σ points / Σ weights, so a criterion counts by its points", () => {
    const twoCriteria = {
      criteria: [
        { key: "a", label: "甲", labelEn: "A", weight: 30, deductions: [] },
        { key: "b", label: "乙", labelEn: "B", weight: 10, deductions: [] },
      ],
      criticalErrors: [],
    };
    const result = scoreTotal(twoCriteria, { criteria: [{ key: "a", score: 15, deductionKeys: [] }, { key: "b", score: 10, deductionKeys: [] }], criticalErrorKeys: [] }).result!;
    expect(result.total).toBe(62.5); // (15 + 10) / 40
    const other = scoreTotal(twoCriteria, { criteria: [{ key: "a", score: 30, deductionKeys: [] }, { key: "b", score: 0, deductionKeys: [] }], criticalErrorKeys: [] }).result!;
    expect(other.total).toBe(75);
  });

  it("deductions: untyped scores are weight − ticked deductions (never below 0); a typed score may not exceed that", () => {
    const result = scoreTotal(form, fullScore({ greeting: { deductionKeys: ["no_standard_greeting", "no_staff_number"] }, accuracy: { deductionKeys: ["not_per_knowledge_base", "incomplete_answer"] } })).result!;
    // greeting 10 − 5 − 3 = 2; accuracy 25 − 15 − 8 = 2; the rest full: 100 − 8 − 23 = 69
    expect(result.criteria.find((c) => c.key === "greeting")!.score).toBe(2);
    expect(result.total).toBe(69);
    const floor = scoreTotal(form, fullScore({ closing: { deductionKeys: ["no_standard_closing", "no_other_needs_check"] } })).result!;
    expect(floor.criteria.find((c) => c.key === "closing")!.score).toBe(0);
    const exceed = scoreTotal(form, fullScore({ greeting: { score: 8, deductionKeys: ["no_standard_greeting"] } }));
    expect(exceed.errors).toEqual([expect.objectContaining({ field: "criteria.greeting.score", code: "DEDUCTIONS_EXCEED" })]);
    const lower = scoreTotal(form, fullScore({ greeting: { score: 4.5, deductionKeys: ["no_standard_greeting"] } })).result!;
    expect(lower.total).toBe(94.5);
  });

  it("critical errors set the total to 0 but keep the criterion scores", () => {
    const result = scoreTotal(form, fullScore({}, ["whistleblower_identity_revealed"])).result!;
    expect(result.total).toBe(0);
    expect(result.critical).toBe(true);
    expect(result.criteria.reduce((sum, c) => sum + c.score, 0)).toBe(100);
  });

  it("reports every bad field at once: out of range, unknown keys, missing criteria", () => {
    const { result, errors } = scoreTotal(form, {
      criteria: [
        ...fullScore({ greeting: { score: 11 }, courtesy: { score: -1 }, listening: { deductionKeys: ["nope"] } }).criteria.filter((c) => c.key !== "closing"),
        { key: "extra", deductionKeys: [] },
      ],
      criticalErrorKeys: ["made_up"],
    });
    expect(result).toBeNull();
    expect(errors.map((e) => `${e.field}:${e.code}`).sort()).toEqual(
      ["criteria.closing:REQUIRED", "criteria.courtesy.score:OUT_OF_RANGE", "criteria.extra:UNKNOWN", "criteria.greeting.score:OUT_OF_RANGE", "criteria.listening.deductionKeys:UNKNOWN", "criticalErrorKeys:UNKNOWN"].sort(),
    );
  });
});

describe("scoring a sampled call", () => {
  it("stores the inspection with its form version and score; a second score of the same call is refused", async () => {
    const { sample, call } = await sampledCall(db.dataSource, taker);
    const inspection = await scoreQaCall(db.dataSource, { actor: inspector, sampleId: sample.id, score: fullScore({ courtesy: { deductionKeys: ["impatient"], comment: "语气生硬" } }), now });
    expect(inspection.total).toBe(92);
    expect(inspection.callRecordId).toBe(call.id);
    expect(inspection.callTakerId).toBe(taker.id);
    // Tuesday + 3 working days (working time) → Friday
    expect(inspection.appealDeadline.toISOString()).toBe("2026-11-20T02:00:00.000Z");
    // the sample left the inspection queue in the same transaction
    const [queued] = (await db.dataSource.query(`SELECT inspected_at FROM qa_sample WHERE id = $1`, [sample.id])) as Array<{ inspected_at: Date | null }>;
    expect(queued!.inspected_at?.toISOString()).toBe(now.toISOString());
    const again = await rejection(scoreQaCall(db.dataSource, { actor: inspector, sampleId: sample.id, score: fullScore(), now }));
    expect(again.code).toBe("QA/ALREADY_SCORED");
    const audit: Array<{ action: string }> = await db.dataSource.query(`SELECT action FROM platform_audit_entry WHERE entity_id = $1`, [inspection.id]);
    expect(audit.map((row) => row.action)).toEqual(["qa_inspection.score"]);
  });

  it("a score outside a criterion's range is a coded error and stores nothing", async () => {
    const { sample } = await sampledCall(db.dataSource, taker);
    const error = await rejection(scoreQaCall(db.dataSource, { actor: inspector, sampleId: sample.id, score: fullScore({ accuracy: { score: 26 } }), now }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual([expect.objectContaining({ field: "criteria.accuracy.score", code: "OUT_OF_RANGE" })]);
    const rows: unknown[] = await db.dataSource.query(`SELECT 1 FROM qa_inspection WHERE sample_id = $1`, [sample.id]);
    expect(rows).toHaveLength(0);
    const pending: unknown[] = await db.dataSource.query(`SELECT 1 FROM qa_sample WHERE id = $1 AND inspected_at IS NULL`, [sample.id]);
    expect(pending).toHaveLength(1);
  });

  it("only QA inspectors score", async () => {
    const { sample } = await sampledCall(db.dataSource, taker);
    for (const actor of [lead, taker, admin]) {
      expect((await rejection(scoreQaCall(db.dataSource, { actor, sampleId: sample.id, score: fullScore(), now }))).code).toBe("FORBIDDEN");
    }
  });

  it("form versions: an edit adds a version; an inspection keeps the version it was scored with", async () => {
    const before = await currentFormVersion(db.dataSource);
    const { sample: first } = await sampledCall(db.dataSource, taker);
    const old = await scoreQaCall(db.dataSource, { actor: inspector, sampleId: first.id, score: fullScore(), now });
    const criteria = DEFAULT_FORM.criteria.map((criterion) => (criterion.key === "greeting" ? { ...criterion, weight: 20 } : criterion));
    const saved = await saveScoreForm(db.dataSource, { actor: admin, request: { formId: before.formId, name: DEFAULT_FORM.name, nameEn: DEFAULT_FORM.nameEn, criteria, criticalErrors: DEFAULT_FORM.criticalErrors, note: "问候加权" }, now });
    expect(saved.version).toBe(before.version + 1);
    expect(saved.totalWeight).toBe(110);
    const { sample: second } = await sampledCall(db.dataSource, taker);
    const fresh = await scoreQaCall(db.dataSource, { actor: inspector, sampleId: second.id, score: fullScore({ greeting: { score: 10 } }), now });
    expect(fresh.formVersionId).toBe(saved.id);
    expect(fresh.total).toBe(90.91); // (110 − 10) / 110
    const reread = await getInspection(db.dataSource, { actor: inspector, id: old.id, now });
    expect(reread.formVersion.id).toBe(before.id);
    expect(reread.formVersion.criteria.find((c) => c.key === "greeting")!.weight).toBe(10);
    // bad form input: nothing stored
    const bad = await rejection(saveScoreForm(db.dataSource, { actor: admin, request: { formId: before.formId, name: "", nameEn: "x", criteria: [{ ...criteria[0]!, weight: 0 }], criticalErrors: [] }, now }));
    expect(bad.code).toBe("BAD_USER_INPUT");
    expect((await currentFormVersion(db.dataSource)).version).toBe(saved.version);
    // put the default back for the other tests
    await saveScoreForm(db.dataSource, { actor: admin, request: { formId: before.formId, ...DEFAULT_FORM }, now });
  });
});

describe("appeals", () => {
  async function scored(callTaker: Actor = taker) {
    const { sample } = await sampledCall(db.dataSource, callTaker);
    return scoreQaCall(db.dataSource, { actor: inspector, sampleId: sample.id, score: fullScore({ accuracy: { deductionKeys: ["not_per_knowledge_base"], comment: "与知识库不符" } }), now });
  }

  it("the call-taker appeals once; the team lead upholds; the score changes and both versions are kept", async () => {
    const inspection = await scored();
    expect(inspection.total).toBe(85);
    await appealQaScore(db.dataSource, { actor: taker, inspectionId: inspection.id, reason: "我的答复与知识库第 3 条一致", now });
    const second = await rejection(appealQaScore(db.dataSource, { actor: taker, inspectionId: inspection.id, reason: "再申诉", now }));
    expect(second.code).toBe("QA/APPEAL_EXISTS");
    // someone else's lead, and the call-taker themself, may not decide
    expect((await rejection(decideQaAppeal(db.dataSource, { actor: outsider, inspectionId: inspection.id, upheld: true, rescore: fullScore(), now }))).code).toBe("QA/INSPECTION_NOT_FOUND");
    expect((await rejection(decideQaAppeal(db.dataSource, { actor: taker, inspectionId: inspection.id, upheld: true, rescore: fullScore(), now }))).code).toBe("FORBIDDEN");
    expect((await rejection(decideQaAppeal(db.dataSource, { actor: inspector, inspectionId: inspection.id, upheld: true, rescore: fullScore(), now }))).code).toBe("FORBIDDEN");
    // upheld without a revised score: a coded error, nothing changes
    expect((await rejection(decideQaAppeal(db.dataSource, { actor: lead, inspectionId: inspection.id, upheld: true, now }))).code).toBe("BAD_USER_INPUT");
    await decideQaAppeal(db.dataSource, { actor: lead, inspectionId: inspection.id, upheld: true, note: "核实答复正确", rescore: fullScore(), now });
    const view = await getInspection(db.dataSource, { actor: taker, id: inspection.id, now });
    expect(view.inspection.state).toBe(QaInspectionState.APPEAL_UPHELD);
    expect(view.inspection.total).toBe(100);
    expect(view.scores.map((s) => [s.version, s.reason, s.total])).toEqual([
      [1, QaScoreReason.INSPECTION, 85],
      [2, QaScoreReason.APPEAL_UPHELD, 100],
    ]);
    expect(view.appeal?.decidedByName).toBe(lead.name);
    expect((await rejection(decideQaAppeal(db.dataSource, { actor: lead, inspectionId: inspection.id, upheld: false, now }))).code).toBe("QA/APPEAL_NOT_PENDING");
    const audit: Array<{ action: string }> = await db.dataSource.query(`SELECT action FROM platform_audit_entry WHERE entity_id = $1 ORDER BY at`, [inspection.id]);
    expect(audit.map((row) => row.action)).toEqual(["qa_inspection.score", "qa_appeal.file", "qa_appeal.uphold"]);
    // the call-taker heard of the score and the decision, the lead of the appeal
    const notices: Array<{ recipient_id: string; title_key: string; params: Record<string, string> }> = await db.dataSource.query(
      `SELECT recipient_id, title_key, params FROM platform_notification WHERE dedupe_key LIKE 'qa.%' AND (dedupe_key = $1 OR dedupe_key LIKE 'qa.appeal%') AND recipient_id = ANY($2::uuid[]) ORDER BY created_at`,
      [`qa.scored:${inspection.id}`, [taker.id, lead.id]],
    );
    expect(notices.filter((n) => n.recipient_id === taker.id).map((n) => n.title_key)).toEqual(expect.arrayContaining(["notify.qa.scored", "notify.qa.appealUpheld"]));
    expect(notices.some((n) => n.recipient_id === lead.id && n.title_key === "notify.qa.appealFiled" && n.params.callTaker === taker.name)).toBe(true);
  });

  it("a lead may not decide the appeal of their own score", async () => {
    const inspection = await scored(lead);
    await appealQaScore(db.dataSource, { actor: lead, inspectionId: inspection.id, reason: "复核", now });
    expect((await rejection(decideQaAppeal(db.dataSource, { actor: lead, inspectionId: inspection.id, upheld: false, now }))).code).toBe("QA/NOT_TEAM_LEAD");
  });

  it("a rejected appeal keeps the score", async () => {
    const inspection = await scored();
    await appealQaScore(db.dataSource, { actor: taker, inspectionId: inspection.id, reason: "不同意", now });
    await decideQaAppeal(db.dataSource, { actor: lead, inspectionId: inspection.id, upheld: false, note: "维持原评分", now });
    const view = await getInspection(db.dataSource, { actor: lead, id: inspection.id, now });
    expect(view.inspection.state).toBe(QaInspectionState.APPEAL_REJECTED);
    expect(view.inspection.total).toBe(85);
    expect(view.scores).toHaveLength(1);
  });

  it("after the window closes, or for someone else's call, or without a reason, an appeal is refused", async () => {
    const inspection = await scored();
    const late = new Date(inspection.appealDeadline.getTime() + 1000);
    expect((await rejection(appealQaScore(db.dataSource, { actor: taker, inspectionId: inspection.id, reason: "晚了", now: late }))).code).toBe("QA/APPEAL_WINDOW_CLOSED");
    expect((await rejection(appealQaScore(db.dataSource, { actor: colleague, inspectionId: inspection.id, reason: "替他申诉", now }))).code).toBe("QA/INSPECTION_NOT_FOUND");
    expect((await rejection(appealQaScore(db.dataSource, { actor: lead, inspectionId: inspection.id, reason: "替他申诉", now }))).code).toBe("QA/NOT_YOUR_CALL");
    expect((await rejection(appealQaScore(db.dataSource, { actor: taker, inspectionId: inspection.id, reason: "  ", now }))).code).toBe("BAD_USER_INPUT");
    const rows: unknown[] = await db.dataSource.query(`SELECT 1 FROM qa_appeal WHERE inspection_id = $1`, [inspection.id]);
    expect(rows).toHaveLength(0);
  });
});

describe("who reads a score", () => {
  it("a call-taker cannot read a colleague's score by id; the lead and inspectors can; aggregate-only roles cannot", async () => {
    const { sample } = await sampledCall(db.dataSource, colleague);
    const inspection = await scoreQaCall(db.dataSource, { actor: inspector, sampleId: sample.id, score: fullScore(), now });
    expect((await rejection(getInspection(db.dataSource, { actor: taker, id: inspection.id, now }))).code).toBe("QA/INSPECTION_NOT_FOUND");
    expect((await rejection(getInspection(db.dataSource, { actor: outsider, id: inspection.id, now }))).code).toBe("QA/INSPECTION_NOT_FOUND");
    expect((await getInspection(db.dataSource, { actor: colleague, id: inspection.id, now })).inspection.id).toBe(inspection.id);
    expect((await getInspection(db.dataSource, { actor: lead, id: inspection.id, now })).inspection.id).toBe(inspection.id);
    expect((await getInspection(db.dataSource, { actor: inspector, id: inspection.id, now })).inspection.id).toBe(inspection.id);
    expect((await rejection(getInspection(db.dataSource, { actor: admin, id: inspection.id, now }))).code).toBe("FORBIDDEN");
    const mine = await listInspections(db.dataSource, { actor: taker, now });
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((view) => view.inspection.callTakerId === taker.id)).toBe(true);
  });
});
