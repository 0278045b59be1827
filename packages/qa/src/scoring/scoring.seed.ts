import { addWorkingDays, dayOf, WorkingCalendar, type SeedContext } from "@civicline/platform";
import { QaAppeal, QaAppealState } from "../review/appeal.entity.js";
import { QaWeeklyNote } from "../review/weekly-note.entity.js";
import { markSampleInspected } from "../sampling/inspection-queue.js";
import { DEFAULT_FORM, DEFAULT_FORM_VERSION_ID } from "./default-form.js";
import { QaInspection, QaInspectionScore, QaInspectionState, QaScoreReason } from "./inspection.entity.js";
import { scoreTotal, type QaScoreRequest } from "./score-rule.js";
import { QA_APPEAL_WINDOW_WORKING_DAYS } from "./score-call.js";

const DAY_MS = 86_400_000;

/** Demo scores, in turn: deductions with the inspector's comments, one critical error. */
const DEMO_SCORES: Array<{ deductions: Record<string, string[]>; comments: Record<string, string>; critical?: string[]; comment: string }> = [
  { deductions: {}, comments: {}, comment: "规范、耐心，答复准确。" },
  { deductions: { accuracy: ["incomplete_answer"] }, comments: { accuracy: "未告知办理时限（知识库第 2 条）。" }, comment: "答复基本正确，需补全办理时限。" },
  { deductions: { greeting: ["no_staff_number"], closing: ["no_other_needs_check"] }, comments: { greeting: "开头未报工号。" }, comment: "注意开头语和结束语规范。" },
  { deductions: { classification: ["wrong_category"] }, comments: { classification: "应归入“物业管理”而非“市容环境”。" }, comment: "分类错误会导致派单延误。" },
  { deductions: { courtesy: ["impatient"], listening: ["interrupted"] }, comments: { courtesy: "来电人重复询问时语气生硬。" }, comment: "注意情绪管理。" },
  { deductions: { ticket_quality: ["missing_facts"] }, comments: { ticket_quality: "工单缺少具体地址。" }, comment: "工单要素需完整。" },
  { deductions: { accuracy: ["not_per_knowledge_base"] }, comments: { accuracy: "社保转移政策答复与知识库不一致。" }, critical: ["wrong_policy_answer"], comment: "政策答复错误，一票否决。" },
  { deductions: { accuracy: ["incomplete_answer"] }, comments: { accuracy: "未说明所需材料。" }, comment: "答复不完整。" },
];

function demoRequest(index: number): QaScoreRequest {
  const demo = DEMO_SCORES[index % DEMO_SCORES.length]!;
  return {
    criteria: DEFAULT_FORM.criteria.map((criterion) => ({ key: criterion.key, score: null, deductionKeys: demo.deductions[criterion.key] ?? [], comment: demo.comments[criterion.key] ?? null })),
    criticalErrorKeys: demo.critical ?? [],
    comment: demo.comment,
  };
}

/**
 * Demo QA scores: the QA inspector (`qa`) has scored the samples of two days ago and earlier
 * (yesterday's stay in the queue), and one call-taker of team 1 has appealed a recent score —
 * pending, for `teamlead` to decide; team 1 has notes on this week's review. Runs after the core
 * demo (teams, calls, samples); inserts rows directly in the seed's transaction.
 */
export async function seedQaScoringDemo({ manager, log }: SeedContext): Promise<void> {
  const [inspector] = (await manager.query(`SELECT id, display_name FROM platform_user WHERE username = 'qa'`)) as Array<{ id: string; display_name: string }>;
  if (!inspector) {
    return;
  }
  const now = new Date();
  const yesterday = dayOf(new Date(now.getTime() - DAY_MS));
  const samples: Array<{ id: string; call_record_id: string; call_taker_id: string; started_at: Date; day: string }> = await manager.query(
    `SELECT s.id, s.call_record_id, s.call_taker_id, c.started_at, s.day::text AS day
       FROM qa_sample s JOIN qa_call c ON c.id = s.call_record_id
      WHERE s.inspected_at IS NULL AND s.day < $1::date
      ORDER BY s.day, s.position`,
    [yesterday],
  );
  const calendar = new WorkingCalendar({});
  const form = { criteria: DEFAULT_FORM.criteria, criticalErrors: DEFAULT_FORM.criticalErrors };
  const inspections: QaInspection[] = [];
  for (const [index, sample] of samples.entries()) {
    const { result } = scoreTotal(form, demoRequest(index));
    // scored the morning after the sampled day
    const scoredAt = new Date(Date.parse(`${sample.day}T10:00:00+08:00`) + DAY_MS + (index % 7) * 600_000);
    const inspection = await manager.save(
      QaInspection,
      manager.create(QaInspection, {
        sampleId: sample.id,
        callRecordId: sample.call_record_id,
        callTakerId: sample.call_taker_id,
        callStartedAt: sample.started_at,
        inspectorId: inspector.id,
        inspectorName: inspector.display_name,
        formVersionId: DEFAULT_FORM_VERSION_ID,
        state: QaInspectionState.SCORED,
        total: result!.total,
        critical: result!.critical,
        scoreVersion: 1,
        scoredAt,
        appealDeadline: addWorkingDays(calendar, scoredAt, QA_APPEAL_WINDOW_WORKING_DAYS),
      }),
    );
    await manager.save(
      QaInspectionScore,
      manager.create(QaInspectionScore, { inspectionId: inspection.id, version: 1, reason: QaScoreReason.INSPECTION, ...result!, scoredById: inspector.id, scoredByName: inspector.display_name, scoredAt }),
    );
    await markSampleInspected(manager, sample.id, scoredAt);
    inspections.push(inspection);
  }
  // One pending appeal: the newest deducted score of a team-1 member (not the lead), still within its window.
  const team1: Array<{ team_id: string; user_id: string; display_name: string }> = await manager.query(
    `SELECT t.id AS team_id, m.user_id, u.display_name FROM qa_team t
       JOIN platform_user l ON l.id = t.lead_user_id AND l.username = 'teamlead'
       JOIN qa_team_member m ON m.team_id = t.id AND m.user_id <> t.lead_user_id
       JOIN platform_user u ON u.id = m.user_id`,
  );
  const candidate = [...inspections].reverse().find((row) => row.total < 100 && !row.critical && team1.some((member) => member.user_id === row.callTakerId));
  if (candidate) {
    const filedAt = new Date(now.getTime() - 3_600_000);
    candidate.appealDeadline = new Date(Math.max(candidate.appealDeadline.getTime(), now.getTime() + 2 * DAY_MS));
    await manager.update(QaInspection, { id: candidate.id }, { state: QaInspectionState.APPEALED, appealDeadline: candidate.appealDeadline });
    await manager.save(
      QaAppeal,
      manager.create(QaAppeal, {
        inspectionId: candidate.id,
        callTakerId: candidate.callTakerId,
        reason: "我已按知识库告知办理时限，录音第 2 分钟可以听到，请复核。",
        filedAt,
        filedByName: team1.find((member) => member.user_id === candidate.callTakerId)!.display_name,
        state: QaAppealState.PENDING,
        decidedAt: null,
        decidedById: null,
        decidedByName: null,
        decisionNote: null,
      }),
    );
  }
  if (team1[0]) {
    const today = dayOf(now);
    const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
    const monday = new Date(Date.parse(`${today}T00:00:00Z`) - ((weekday + 6) % 7) * DAY_MS).toISOString().slice(0, 10);
    await manager.save(
      QaWeeklyNote,
      manager.create(QaWeeklyNote, { teamId: team1[0].team_id, weekStart: monday, notes: "本周重点：政策答复须以知识库为准；开头语报工号。", updatedAt: now, updatedByName: "周磊 (Team lead)" }),
    );
  }
  log.info({ inspections: inspections.length, pendingAppeal: Boolean(candidate) }, "qa demo scores seeded (inspections, one pending appeal, weekly notes)");
}
