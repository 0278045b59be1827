import { type Actor } from "@civicline/platform";
import { In, type DataSource, type EntityManager } from "typeorm";
import { requireIndividualReader, scopeCovers, scopeLeadsOrInspects, scopeSql, type QaScope } from "../access.js";
import { QaAppeal, QaAppealState } from "../review/appeal.entity.js";
import { QaInspection, QaInspectionScore } from "./inspection.entity.js";
import { QaScoreFormVersion } from "./score-form.entity.js";
import { inspectionNotFound, isUuid, teamNotFound } from "./scoring.errors.js";

type Db = DataSource | EntityManager;

/** An inspection with everything its screen shows (scores oldest first, the appeal, the form version, names). */
export type InspectionView = {
  inspection: QaInspection;
  scores: QaInspectionScore[];
  appeal: QaAppeal | null;
  formVersion: QaScoreFormVersion;
  formName: string;
  formNameEn: string;
  callTakerName: string;
  canAppeal: boolean;
  canDecide: boolean;
};

export const LIST_MAX = 200;

/** Views of several inspections in four queries, whatever their number (no query per row). */
export async function inspectionViews(db: Db, actor: Actor, inspections: QaInspection[], now: Date = new Date()): Promise<InspectionView[]> {
  if (inspections.length === 0) {
    return [];
  }
  const ids = inspections.map((row) => row.id);
  const [scores, appeals, versions, names] = await Promise.all([
    db.getRepository(QaInspectionScore).find({ where: { inspectionId: In(ids) }, order: { version: "ASC" } }),
    db.getRepository(QaAppeal).find({ where: { inspectionId: In(ids) } }),
    db.getRepository(QaScoreFormVersion).find({ where: { id: In([...new Set(inspections.map((row) => row.formVersionId))]) } }),
    db.query(
      `SELECT u.id, u.display_name FROM platform_user u WHERE u.id = ANY($1::uuid[])`,
      [[...new Set(inspections.map((row) => row.callTakerId))]],
    ) as Promise<Array<{ id: string; display_name: string }>>,
  ]);
  const forms: Array<{ id: string; name: string; name_en: string }> = await db.query(`SELECT id, name, name_en FROM qa_score_form WHERE id = ANY($1::uuid[])`, [
    [...new Set(versions.map((row) => row.formId))],
  ]);
  const ledMembers = new Set<string>();
  const led: Array<{ user_id: string }> = await db.query(
    `SELECT m.user_id FROM qa_team_member m JOIN qa_team t ON t.id = m.team_id WHERE t.lead_user_id = $1 AND m.user_id <> $1`,
    [actor.id],
  );
  led.forEach((row) => ledMembers.add(row.user_id));
  return inspections.map((inspection) => {
    const formVersion = versions.find((row) => row.id === inspection.formVersionId)!;
    const form = forms.find((row) => row.id === formVersion.formId);
    const appeal = appeals.find((row) => row.inspectionId === inspection.id) ?? null;
    return {
      inspection,
      scores: scores.filter((row) => row.inspectionId === inspection.id),
      appeal,
      formVersion,
      formName: form?.name ?? "",
      formNameEn: form?.name_en ?? "",
      callTakerName: names.find((row) => row.id === inspection.callTakerId)?.display_name ?? "",
      canAppeal: inspection.callTakerId === actor.id && !appeal && now.getTime() <= inspection.appealDeadline.getTime(),
      canDecide: appeal?.state === QaAppealState.PENDING && ledMembers.has(inspection.callTakerId),
    };
  });
}

/** One inspection the actor may see (QA/INSPECTION_NOT_FOUND otherwise: a colleague's score cannot be read by id). */
export async function getInspection(db: Db, input: { actor: Actor | null; id: string; now?: Date }): Promise<InspectionView> {
  const scope = await requireIndividualReader(db, input.actor);
  const inspection = isUuid(input.id) ? await db.getRepository(QaInspection).findOne({ where: { id: input.id } }) : null;
  if (!inspection || !scopeCovers(scope, inspection.callTakerId)) {
    throw inspectionNotFound();
  }
  return (await inspectionViews(db, input.actor!, [inspection], input.now))[0]!;
}

/** The inspection of a sample, or null when it is not scored yet (same access as getInspection). */
export async function inspectionForSample(db: Db, input: { actor: Actor | null; sampleId: string; now?: Date }): Promise<InspectionView | null> {
  const scope = await requireIndividualReader(db, input.actor);
  const inspection = isUuid(input.sampleId) ? await db.getRepository(QaInspection).findOne({ where: { sampleId: input.sampleId } }) : null;
  if (!inspection || !scopeCovers(scope, inspection.callTakerId)) {
    return null;
  }
  return (await inspectionViews(db, input.actor!, [inspection], input.now))[0]!;
}

/**
 * Inspections, newest call first, within the caller's scope: inspectors all, team leads their
 * teams, a call-taker their own. Filters: call-taker, team, the calls' period. Served by
 * qa_inspection_taker_idx (call-taker, call start) or qa_inspection_started_idx.
 */
export async function listInspections(
  db: Db,
  input: { actor: Actor | null; callTakerId?: string | null; teamId?: string | null; from?: Date | null; to?: Date | null; first?: number | null; appealState?: QaAppealState | "ANY" | null; now?: Date },
): Promise<InspectionView[]> {
  const scope: QaScope = await requireIndividualReader(db, input.actor);
  const params: unknown[] = [];
  const where = [scopeSql(scope, "i.call_taker_id", params)];
  if (input.callTakerId) {
    if (!isUuid(input.callTakerId)) {
      return [];
    }
    params.push(input.callTakerId);
    where.push(`i.call_taker_id = $${params.length}`);
  }
  if (input.teamId) {
    if (!isUuid(input.teamId) || !scopeLeadsOrInspects(scope, input.teamId)) {
      throw teamNotFound();
    }
    params.push(input.teamId);
    where.push(`i.call_taker_id IN (SELECT user_id FROM qa_team_member WHERE team_id = $${params.length})`);
  }
  if (input.from) {
    params.push(input.from);
    where.push(`i.call_started_at >= $${params.length}`);
  }
  if (input.to) {
    params.push(input.to);
    where.push(`i.call_started_at < $${params.length}`);
  }
  let order = "i.call_started_at DESC, i.id DESC";
  if (input.appealState) {
    where.push(input.appealState === "ANY" ? "a.id IS NOT NULL" : `a.state = '${input.appealState === QaAppealState.PENDING ? "PENDING" : input.appealState === QaAppealState.UPHELD ? "UPHELD" : "REJECTED"}'`);
    order = "a.filed_at ASC, i.id";
  }
  params.push(Math.min(Math.max(input.first ?? 50, 1), LIST_MAX));
  const ids: Array<{ id: string }> = await db.query(
    `SELECT i.id FROM qa_inspection i ${input.appealState ? "JOIN qa_appeal a ON a.inspection_id = i.id" : ""}
      WHERE ${where.join(" AND ")} ORDER BY ${order} LIMIT $${params.length}`,
    params,
  );
  if (ids.length === 0) {
    return [];
  }
  const rows = await db.getRepository(QaInspection).find({ where: { id: In(ids.map((row) => row.id)) } });
  const ordered = ids.map((row) => rows.find((inspection) => inspection.id === row.id)!);
  return inspectionViews(db, input.actor!, ordered, input.now);
}
