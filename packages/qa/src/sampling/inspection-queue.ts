import { DomainError, ForbiddenError, assertNoFieldErrors, hasAnyRole, type Actor, type FieldError } from "@civicline/platform";
import type { DataSource, EntityManager } from "typeorm";
import { QA_INSPECTORS, qaScope, requireIndividualReader, scopeCovers } from "../access.js";
import { QaErrorCode, isDay, isUuid } from "../qa.errors.js";
import { QaSample } from "./sample.entity.js";

export type QueueRequest = { day?: string | null; callTakerId?: string | null; limit?: number | null; offset?: number | null };

/**
 * Marks a sample inspected, in the scoring transaction (H2's scoreQaCall calls it): it leaves the
 * inspection queue. Returns false when it was already inspected.
 */
export async function markSampleInspected(manager: EntityManager, sampleId: string, at: Date): Promise<boolean> {
  const result = await manager.query(`UPDATE qa_sample SET inspected_at = $2 WHERE id = $1 AND inspected_at IS NULL`, [sampleId, at]);
  return (result as [unknown, number])[1] > 0;
}

/**
 * The inspection queue: sampled calls not inspected yet, oldest day first, in the sample's order
 * (the partial index qa_sample_pending_idx holds exactly these rows). QA inspectors see every
 * call-taker's; a team lead their team's. Filter by day and call-taker.
 */
export async function inspectionQueue(db: DataSource, input: { actor: Actor | null | undefined; request: QueueRequest }): Promise<{ total: number; items: QaSample[] }> {
  const scope = await qaScope(db, input.actor);
  if (!hasAnyRole(input.actor, QA_INSPECTORS) && scope.ledTeamIds.length === 0) {
    throw new ForbiddenError("Only QA inspectors and team leads work the inspection queue.");
  }
  const { request } = input;
  const limit = request.limit ?? 50;
  const offset = request.offset ?? 0;
  const errors: FieldError[] = [];
  if (request.day && !isDay(request.day)) {
    errors.push({ field: "day", code: "INVALID_FORMAT", message: "Give the day as YYYY-MM-DD." });
  }
  if (request.callTakerId && !isUuid(request.callTakerId)) {
    errors.push({ field: "callTakerId", code: "INVALID_FORMAT", message: "Choose a call-taker from the list." });
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
    errors.push({ field: "limit", code: "OUT_OF_RANGE", message: "Ask for 1 to 200 samples at a time." });
  }
  if (!Number.isInteger(offset) || offset < 0 || offset > 100_000) {
    errors.push({ field: "offset", code: "OUT_OF_RANGE", message: "Skip 0 to 100,000 samples." });
  }
  assertNoFieldErrors(errors);
  const params: unknown[] = [];
  const conditions = ["s.inspected_at IS NULL"];
  if (scope.kind !== "all") {
    // A team lead works their members' samples, not their own.
    const members = scope.kind === "people" ? scope.userIds.filter((id) => id !== scope.actorId) : [];
    params.push(members);
    conditions.push(`s.call_taker_id = ANY($${params.length}::uuid[])`);
  }
  if (request.day) {
    params.push(request.day);
    conditions.push(`s.day = $${params.length}::date`);
  }
  if (request.callTakerId) {
    params.push(request.callTakerId);
    conditions.push(`s.call_taker_id = $${params.length}`);
  }
  const where = conditions.join(" AND ");
  const [{ total }] = (await db.query(`SELECT count(*)::int AS total FROM qa_sample s WHERE ${where}`, params)) as [{ total: number }];
  const items = await db
    .getRepository(QaSample)
    .createQueryBuilder("s")
    .where(where.replace(/\$(\d+)/g, ":p$1"), Object.fromEntries(params.map((value, index) => [`p${index + 1}`, value])))
    .orderBy("s.day", "ASC")
    .addOrderBy("s.position", "ASC")
    .limit(limit)
    .offset(offset)
    .getMany();
  return { total, items };
}

/** One sample (QA/SAMPLE_NOT_FOUND when not visible to the actor: inspectors, the call-taker's team lead, the call-taker). */
export async function loadSample(db: DataSource, actor: Actor | null | undefined, id: string): Promise<QaSample> {
  const scope = await requireIndividualReader(db, actor);
  const sample = isUuid(id) ? await db.getRepository(QaSample).findOne({ where: { id } }) : null;
  if (!sample || !scopeCovers(scope, sample.callTakerId)) {
    throw new DomainError(QaErrorCode.SAMPLE_NOT_FOUND, "This sampled call does not exist, or you may not see it.");
  }
  return sample;
}

