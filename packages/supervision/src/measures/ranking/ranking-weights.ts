import { assertNoFieldErrors, normalizeText, recordAudit, recordEvent, requireRole, textProblem, type Actor, type FieldError } from "@civicline/platform";
import { DataSource, type EntityManager } from "typeorm";
import { RANKING_EDITORS, weightsVersionNotFound } from "./ranking.errors.js";
import { RankingWeightsVersion } from "./ranking-weights.entity.js";
import { RANKING_PARTS, type RankingWeights } from "./rank-units.js";

/** Outbox event: an admin saved a new weights version; payload `{ version }`. */
export const RANKING_WEIGHTS_SAVED = "supervision.ranking_weights_saved";

/** Accepted values: each weight 0–100 (at least one above 0), minimum tickets 1–10,000, a note up to 200 characters. */
export const WEIGHT_LIMITS = { weight: 100, minTickets: 10_000, note: 200 } as const;

function manager(db: DataSource | EntityManager): EntityManager {
  return db instanceof DataSource ? db.manager : db;
}

/** Every version, newest first. */
export async function listWeightVersions(db: DataSource | EntityManager): Promise<RankingWeightsVersion[]> {
  return manager(db).find(RankingWeightsVersion, { order: { version: "DESC" } });
}

/**
 * The version a period is ranked with: `version` when given (WEIGHTS_VERSION_NOT_FOUND if unknown),
 * else the version in force at the period's end (the last saved before `end`), else version 1.
 * So last month keeps its weights after an admin changes them today.
 */
export async function weightsForPeriod(db: DataSource | EntityManager, options: { version?: number | null; end: Date }): Promise<RankingWeightsVersion> {
  const rows = manager(db);
  if (options.version !== null && options.version !== undefined) {
    const row = Number.isInteger(options.version) ? await rows.findOne(RankingWeightsVersion, { where: { version: options.version } }) : null;
    if (!row) {
      throw weightsVersionNotFound(options.version);
    }
    return row;
  }
  const found: Array<{ version: number }> = await rows.query(
    `SELECT version FROM supervision_ranking_weights WHERE created_at < $1 ORDER BY version DESC LIMIT 1`,
    [options.end],
  );
  const version = found[0]?.version ?? 1;
  const row = await rows.findOne(RankingWeightsVersion, { where: { version } });
  if (!row) {
    throw weightsVersionNotFound(version);
  }
  return row;
}

/** What an admin sends: the weights and minimum, and why. */
export type RankingWeightsRequest = RankingWeights & { note?: string | null };

/** Every rule a new version must meet, as field errors (all at once). */
export function validateWeights(request: RankingWeightsRequest): FieldError[] {
  const errors: FieldError[] = [];
  for (const { key } of RANKING_PARTS) {
    const value = request[key];
    if (!Number.isInteger(value) || value < 0 || value > WEIGHT_LIMITS.weight) {
      errors.push({ field: key, code: "OUT_OF_RANGE", message: `Give a whole number from 0 to ${WEIGHT_LIMITS.weight}.` });
    }
  }
  if (errors.length === 0 && RANKING_PARTS.every(({ key }) => request[key] === 0)) {
    errors.push({ field: "onTime", code: "REQUIRED", message: "At least one weight must be above 0." });
  }
  if (!Number.isInteger(request.minTickets) || request.minTickets < 1 || request.minTickets > WEIGHT_LIMITS.minTickets) {
    errors.push({ field: "minTickets", code: "OUT_OF_RANGE", message: `Give a whole number of tickets from 1 to ${WEIGHT_LIMITS.minTickets}.` });
  }
  const problem = textProblem(request.note ?? "", "text");
  if (problem) {
    errors.push({ field: "note", code: "INVALID_CHARACTERS", message: `The note ${problem}.` });
  } else if ([...normalizeText(request.note ?? "")].length > WEIGHT_LIMITS.note) {
    errors.push({ field: "note", code: "TOO_LONG", message: `Keep the note under ${WEIGHT_LIMITS.note} characters.` });
  }
  return errors;
}

/**
 * Saves the weights as the next version (admins). Earlier versions stay as they were: a period
 * ranked before keeps its version. One transaction; the table is locked so that two admins saving
 * at once get versions n and n + 1.
 */
export async function saveRankingWeights(dataSource: DataSource, input: { actor: Actor | null; request: RankingWeightsRequest; now?: Date }): Promise<RankingWeightsVersion> {
  const actor = requireRole(input.actor, RANKING_EDITORS);
  assertNoFieldErrors(validateWeights(input.request));
  const { request } = input;
  return dataSource.transaction(async (manager) => {
    await manager.query("LOCK TABLE supervision_ranking_weights IN SHARE ROW EXCLUSIVE MODE");
    const previous = await manager.findOne(RankingWeightsVersion, { where: {}, order: { version: "DESC" } });
    const next = (previous?.version ?? 0) + 1;
    const note = normalizeText(request.note ?? "");
    const row = Object.assign(new RankingWeightsVersion(), {
      version: next,
      onTime: request.onTime,
      satisfaction: request.satisfaction,
      notReturned: request.notReturned,
      notReReported: request.notReReported,
      notExtended: request.notExtended,
      minTickets: request.minTickets,
      note: note || null,
      createdAt: input.now ?? new Date(),
      createdByName: actor.name,
    });
    await manager.insert(RankingWeightsVersion, row);
    const values = (weights: RankingWeightsVersion | null) =>
      weights && { version: weights.version, ...Object.fromEntries(RANKING_PARTS.map(({ key }) => [key, weights[key]])), minTickets: weights.minTickets, note: weights.note };
    await recordAudit(manager, {
      actor,
      action: "ranking_weights.save",
      entity: { type: "ranking_weights", id: String(row.version), label: `v${row.version}` },
      before: values(previous),
      after: values(row),
    });
    await recordEvent(manager, { type: RANKING_WEIGHTS_SAVED, payload: { version: row.version }, actorId: actor.kind === "staff" ? actor.id : null });
    return row;
  });
}
