import { ForbiddenError, assertNoFieldErrors, hasAnyRole, normalizeText, recordAudit, textProblem, type Actor, type FieldError } from "@civicline/platform";
import type { DataSource, EntityManager } from "typeorm";
import { QA_AGGREGATE_READERS, QA_INSPECTORS, qaScope, scopeLeadsOrInspects } from "../access.js";
import { isUuid, teamNotFound } from "../scoring/scoring.errors.js";
import type { QaCriterionDefinition } from "../scoring/score-form.entity.js";
import { QaWeeklyNote } from "./weekly-note.entity.js";

type Db = DataSource | EntityManager;
const DAY_MS = 86_400_000;
export const NOTES_MAX = 4000;
const TOP_DEDUCTIONS = 10;
const EXAMPLES = 3;

export type WeeklyScore = { inspectionId: string; total: number; critical: boolean; scoredAt: Date };
export type WeeklyMember = { callTakerId: string; name: string; inspections: number; average: number | null; previousAverage: number | null; fell: boolean; scores: WeeklyScore[] };
export type DeductionExample = { inspectionId: string; callTakerName: string; comment: string | null; scoredAt: Date };
export type DeductionCount = {
  criterionKey: string;
  criterionLabel: string;
  criterionLabelEn: string;
  deductionKey: string;
  label: string;
  labelEn: string;
  points: number;
  count: number;
  examples: DeductionExample[];
};
export type WeeklyReview = {
  teamId: string;
  teamName: string;
  weekStart: string;
  weekEnd: string;
  inspections: number;
  average: number | null;
  previousAverage: number | null;
  criticalCount: number;
  members: WeeklyMember[];
  fell: WeeklyMember[];
  topDeductions: DeductionCount[];
  notes: string | null;
  notesUpdatedAt: Date | null;
  notesUpdatedByName: string | null;
  canEditNotes: boolean;
  individual: boolean;
};

const round = (value: number) => Math.round((value + Number.EPSILON) * 100) / 100;

/** A Monday as YYYY-MM-DD; field error otherwise. */
function weekField(errors: FieldError[], weekStart: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(weekStart) || Number.isNaN(Date.parse(`${weekStart}T00:00:00Z`))) {
    errors.push({ field: "weekStart", code: "INVALID_FORMAT", message: "Give the week's Monday as YYYY-MM-DD." });
    return null;
  }
  if (new Date(`${weekStart}T00:00:00Z`).getUTCDay() !== 1) {
    errors.push({ field: "weekStart", code: "NOT_A_MONDAY", message: "A week starts on a Monday." });
    return null;
  }
  return new Date(`${weekStart}T00:00:00+08:00`);
}

/** Who may read the team's review, and whether individually (inspectors, the lead) or as aggregates (supervisors, leaders, admins). */
async function reviewAccess(db: Db, actor: Actor | null, teamId: string): Promise<{ individual: boolean; canEdit: boolean; teamName: string }> {
  const scope = await qaScope(db, actor);
  if (scope.ledTeamIds.length === 0 && !hasAnyRole(actor, QA_AGGREGATE_READERS)) {
    throw new ForbiddenError("Only QA inspectors, team leads, supervisors, leaders and admins read weekly reviews.");
  }
  const team: Array<{ name: string }> = isUuid(teamId) ? await db.query(`SELECT name FROM qa_team WHERE id = $1`, [teamId]) : [];
  const individual = scopeLeadsOrInspects(scope, teamId);
  if (!team[0] || (!individual && !hasAnyRole(actor, QA_AGGREGATE_READERS))) {
    throw teamNotFound();
  }
  return { individual, canEdit: scope.ledTeamIds.includes(teamId) || hasAnyRole(actor, QA_INSPECTORS), teamName: team[0].name };
}

/**
 * A team's weekly review (每周一点评) of Monday `weekStart` (Asia/Shanghai), by the calls' start:
 * the scores in force, the members whose average fell against the week before, the most frequent
 * deductions with examples (the inspector's comment), and the lead's notes. Supervisors, leaders and
 * admins get the team figures and deduction counts only: no members, no examples.
 */
export async function weeklyReview(db: Db, input: { actor: Actor | null; teamId: string; weekStart: string }): Promise<WeeklyReview> {
  const access = await reviewAccess(db, input.actor, input.teamId);
  const errors: FieldError[] = [];
  const from = weekField(errors, input.weekStart);
  assertNoFieldErrors(errors);
  const to = new Date(from!.getTime() + 7 * DAY_MS);
  const previousFrom = new Date(from!.getTime() - 7 * DAY_MS);
  const members: Array<{ user_id: string; name: string }> = await db.query(
    `SELECT m.user_id, u.display_name AS name FROM qa_team_member m JOIN platform_user u ON u.id = m.user_id WHERE m.team_id = $1 ORDER BY u.display_name`,
    [input.teamId],
  );
  const ids = members.map((row) => row.user_id);
  const scored: Array<{ id: string; call_taker_id: string; total: string; critical: boolean; scored_at: Date; this_week: boolean }> = await db.query(
    `SELECT i.id, i.call_taker_id, i.total, i.critical, i.scored_at, i.call_started_at >= $2 AS this_week
       FROM qa_inspection i
      WHERE i.call_taker_id = ANY($1::uuid[]) AND i.call_started_at >= $3 AND i.call_started_at < $4
      ORDER BY i.call_started_at`,
    [ids, from, previousFrom, to],
  );
  const week = scored.filter((row) => row.this_week);
  const previous = scored.filter((row) => !row.this_week);
  const mean = (rows: typeof scored) => (rows.length ? round(rows.reduce((sum, row) => sum + Number(row.total), 0) / rows.length) : null);
  const memberRows: WeeklyMember[] = members.map((member) => {
    const mine = week.filter((row) => row.call_taker_id === member.user_id);
    const average = mean(mine);
    const previousAverage = mean(previous.filter((row) => row.call_taker_id === member.user_id));
    return {
      callTakerId: member.user_id,
      name: member.name,
      inspections: mine.length,
      average,
      previousAverage,
      fell: average !== null && previousAverage !== null && average < previousAverage,
      scores: mine.map((row) => ({ inspectionId: row.id, total: Number(row.total), critical: row.critical, scoredAt: row.scored_at })),
    };
  });
  const deductions: Array<{ inspection_id: string; call_taker_id: string; scored_at: Date; criterion: string; deduction: string; comment: string | null; criteria: QaCriterionDefinition[] }> = week.length
    ? await db.query(
        `SELECT i.id AS inspection_id, i.call_taker_id, i.scored_at, c->>'key' AS criterion, d.deduction, c->>'comment' AS comment, v.criteria
           FROM qa_inspection i
           JOIN qa_inspection_score s ON s.inspection_id = i.id AND s.version = i.score_version
           JOIN qa_score_form_version v ON v.id = i.form_version_id
           CROSS JOIN LATERAL jsonb_array_elements(s.criteria) c
           CROSS JOIN LATERAL jsonb_array_elements_text(c->'deductionKeys') AS d(deduction)
          WHERE i.id = ANY($1::uuid[])
          ORDER BY i.scored_at DESC`,
        [week.map((row) => row.id)],
      )
    : [];
  const counts = new Map<string, DeductionCount>();
  for (const row of deductions) {
    const criterion = row.criteria.find((entry) => entry.key === row.criterion);
    const deduction = criterion?.deductions.find((entry) => entry.key === row.deduction);
    const key = `${row.criterion}/${row.deduction}`;
    let entry = counts.get(key);
    if (!entry) {
      entry = {
        criterionKey: row.criterion,
        criterionLabel: criterion?.label ?? row.criterion,
        criterionLabelEn: criterion?.labelEn ?? row.criterion,
        deductionKey: row.deduction,
        label: deduction?.label ?? row.deduction,
        labelEn: deduction?.labelEn ?? row.deduction,
        points: deduction?.points ?? 0,
        count: 0,
        examples: [],
      };
      counts.set(key, entry);
    }
    entry.count += 1;
    if (access.individual && entry.examples.length < EXAMPLES) {
      entry.examples.push({ inspectionId: row.inspection_id, callTakerName: members.find((m) => m.user_id === row.call_taker_id)?.name ?? "", comment: row.comment, scoredAt: row.scored_at });
    }
  }
  const topDeductions = [...counts.values()].sort((a, b) => b.count - a.count || b.points - a.points || a.deductionKey.localeCompare(b.deductionKey)).slice(0, TOP_DEDUCTIONS);
  const note = await db.getRepository(QaWeeklyNote).findOne({ where: { teamId: input.teamId, weekStart: input.weekStart } });
  return {
    teamId: input.teamId,
    teamName: access.teamName,
    weekStart: input.weekStart,
    weekEnd: new Date(Date.parse(`${input.weekStart}T00:00:00Z`) + 6 * DAY_MS).toISOString().slice(0, 10),
    inspections: week.length,
    average: mean(week),
    previousAverage: mean(previous),
    criticalCount: week.filter((row) => row.critical).length,
    members: access.individual ? memberRows : [],
    fell: access.individual ? memberRows.filter((row) => row.fell) : [],
    topDeductions,
    notes: note?.notes ?? null,
    notesUpdatedAt: note?.updatedAt ?? null,
    notesUpdatedByName: note?.updatedByName ?? null,
    canEditNotes: access.canEdit,
    individual: access.individual,
  };
}

/** The team lead (or a QA inspector) writes the week's notes; an empty text clears them. Audited. */
export async function saveWeeklyNotes(dataSource: DataSource, input: { actor: Actor | null; teamId: string; weekStart: string; notes: string; now?: Date }): Promise<void> {
  const scope = await qaScope(dataSource, input.actor);
  if (scope.ledTeamIds.length === 0 && !hasAnyRole(input.actor, QA_INSPECTORS)) {
    throw new ForbiddenError("Only the team's lead or a QA inspector writes the weekly review notes.");
  }
  const access = await reviewAccess(dataSource, input.actor, input.teamId);
  if (!access.canEdit) {
    throw new ForbiddenError("Only the team's lead or a QA inspector writes the weekly review notes.");
  }
  const errors: FieldError[] = [];
  weekField(errors, input.weekStart);
  const problem = textProblem(input.notes ?? "", "text");
  const notes = normalizeText(input.notes ?? "");
  if (problem) {
    errors.push({ field: "notes", code: "INVALID_CHARACTERS", message: `The notes ${problem}.` });
  } else if ([...notes].length > NOTES_MAX) {
    errors.push({ field: "notes", code: "TOO_LONG", message: `Keep the notes under ${NOTES_MAX} characters.` });
  }
  assertNoFieldErrors(errors);
  const actor = input.actor!;
  await dataSource.transaction(async (em) => {
    const before = await em.findOne(QaWeeklyNote, { where: { teamId: input.teamId, weekStart: input.weekStart } });
    await em.upsert(QaWeeklyNote, { teamId: input.teamId, weekStart: input.weekStart, notes, updatedAt: input.now ?? new Date(), updatedByName: actor.name }, ["teamId", "weekStart"]);
    await recordAudit(em, {
      actor,
      action: "qa_weekly_note.save",
      entity: { type: "qa_team", id: input.teamId, label: `${access.teamName} ${input.weekStart}` },
      before: before ? { notes: before.notes } : null,
      after: { notes },
    });
  });
}
