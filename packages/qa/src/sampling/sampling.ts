import { randomBytes } from "node:crypto";
import { SATISFACTION_SQL } from "@civicline/callback";
import { RequestType } from "@civicline/intake";
import { ValidationError, assertNoFieldErrors, dayOf, loadWorkingCalendar, recordAudit, requireRole, type Actor, type AppServices, type FieldError, type ScheduledJob } from "@civicline/platform";
import type { DataSource, EntityManager } from "typeorm";
import { QA_FORM_EDITORS, QA_INSPECTORS } from "../access.js";
import { isDay, isUuid } from "../qa.errors.js";
import { QaSampleReason, QaSamplingSettings } from "./sample.entity.js";

type Queryable = DataSource | EntityManager;

const TIME_ZONE = "Asia/Shanghai";
const DAY_MS = 86_400_000;
/** On a working day the job samples each day of this many past days not sampled yet (weekends and holidays included). */
export const SAMPLING_CATCH_UP_DAYS = 7;
/** Flagged and dissatisfied calls older than this are no longer picked. */
const RISK_LOOKBACK_DAYS = 60;

export const DEFAULT_SAMPLING = { randomPerCallTaker: 2, longCallSeconds: 600 } as const;

export type SamplingSettingsValues = { randomPerCallTaker: number; longCallSeconds: number; sensitiveCategoryIds: string[]; seed: string; updatedAt: Date | null; updatedByName: string | null };

/** The settings row (created with a random seed the first time it is read). */
export async function loadSamplingSettings(db: Queryable): Promise<SamplingSettingsValues> {
  await db.query(
    `INSERT INTO qa_sampling_settings (id, random_per_call_taker, long_call_seconds, sensitive_category_ids, seed, updated_at, updated_by_name)
     VALUES (1, $1, $2, '{}', $3, now(), 'system') ON CONFLICT (id) DO NOTHING`,
    [DEFAULT_SAMPLING.randomPerCallTaker, DEFAULT_SAMPLING.longCallSeconds, randomBytes(8).toString("hex")],
  );
  const row = await db.getRepository(QaSamplingSettings).findOneByOrFail({ id: 1 });
  return { randomPerCallTaker: row.randomPerCallTaker, longCallSeconds: row.longCallSeconds, sensitiveCategoryIds: row.sensitiveCategoryIds, seed: row.seed, updatedAt: row.updatedAt, updatedByName: row.updatedByName };
}

export type SamplingSettingsRequest = { randomPerCallTaker: number; longCallSeconds: number; sensitiveCategoryIds: string[]; seed?: string | null };

/** Admins and QA inspectors change how many calls are sampled and what counts as a risk. Audited. */
export async function updateSamplingSettings(db: DataSource, input: { actor: Actor | null | undefined; request: SamplingSettingsRequest }): Promise<SamplingSettingsValues> {
  const actor = requireRole(input.actor, QA_FORM_EDITORS);
  const { request } = input;
  const errors: FieldError[] = [];
  if (!Number.isInteger(request.randomPerCallTaker) || request.randomPerCallTaker < 0 || request.randomPerCallTaker > 20) {
    errors.push({ field: "randomPerCallTaker", code: "OUT_OF_RANGE", message: "Pick 0 to 20 calls at random per call-taker and day." });
  }
  if (!Number.isInteger(request.longCallSeconds) || request.longCallSeconds < 60 || request.longCallSeconds > 7200) {
    errors.push({ field: "longCallSeconds", code: "OUT_OF_RANGE", message: "A long call lasts 60 to 7,200 seconds." });
  }
  const ids = [...new Set(request.sensitiveCategoryIds ?? [])];
  if (ids.some((id) => !isUuid(id)) || ids.length > 200) {
    errors.push({ field: "sensitiveCategoryIds", code: "INVALID_FORMAT", message: "Choose up to 200 categories from the list." });
  }
  if (request.seed !== null && request.seed !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(request.seed)) {
    errors.push({ field: "seed", code: "INVALID_FORMAT", message: "A seed is 1 to 64 letters, digits, dashes or underscores." });
  }
  assertNoFieldErrors(errors);
  return db.transaction(async (manager) => {
    const before = await loadSamplingSettings(manager);
    if (ids.length) {
      const known: Array<{ n: number }> = await manager.query(`SELECT count(*)::int AS n FROM intake_category WHERE id = ANY($1::uuid[])`, [ids]);
      if (known[0]!.n !== ids.length) {
        throw new ValidationError([{ field: "sensitiveCategoryIds", code: "UNKNOWN", message: "One of the categories does not exist." }]);
      }
    }
    const after = { randomPerCallTaker: request.randomPerCallTaker, longCallSeconds: request.longCallSeconds, sensitiveCategoryIds: ids, seed: request.seed || before.seed };
    await manager.update(QaSamplingSettings, { id: 1 }, { ...after, updatedAt: new Date(), updatedByName: actor.name });
    await recordAudit(manager, { actor, action: "qa.sampling_settings.updated", entity: { type: "qa_sampling_settings", id: null, label: "sampling" }, before, after });
    return loadSamplingSettings(manager);
  });
}

export type SamplePick = { callRecordId: string; callTakerId: string; reason: QaSampleReason; position: number };

const REASON_BY_RANK: Record<number, QaSampleReason> = {
  1: QaSampleReason.FLAGGED,
  2: QaSampleReason.DISSATISFIED,
  3: QaSampleReason.COMPLAINT,
  4: QaSampleReason.SENSITIVE_DIRECT,
  5: QaSampleReason.LONG_CALL,
  6: QaSampleReason.RANDOM,
};

/**
 * The picks of day `day` (centre time) as one statement, not yet stored:
 * - risk picks, every one of them: calls the call-taker flagged that day; calls whose ticket's
 *   callback answer given that day was not satisfied with the service (callback's definition,
 *   `SATISFACTION_SQL.processSatisfied`); the day's calls that logged a complaint; the day's direct
 *   answers in a sensitive category (or a sub-category of one); the day's calls talked at least
 *   `longCallSeconds`;
 * - then, per call-taker with calls that day, `randomPerCallTaker` of their other calls of the day,
 *   chosen by md5(seed:day:call id) — a seeded pseudo-random order, so the same day and seed
 *   give the same sample;
 * - never a call already sampled (any day).
 * Positions follow call-taker, reason, then the seeded order.
 */
function planSql(): string {
  return `
WITH day_calls AS (
  SELECT c.id, c.call_id, c.call_taker_id, c.talk_seconds FROM qa_call c
   WHERE c.started_at >= $6 AND c.started_at < $7 AND c.call_taker_id IS NOT NULL
), day_tickets AS (
  SELECT d.id, t.request_type, t.direct_answer, t.category_id, cat.parent_id
    FROM day_calls d JOIN qa_call_ticket l ON l.call_id = d.call_id JOIN intake_ticket t ON t.id = l.ticket_id
    LEFT JOIN intake_category cat ON cat.id = t.category_id
), flagged AS (
  SELECT c.id, c.call_taker_id FROM qa_call c
   WHERE c.flagged_at >= $6 AND c.flagged_at < $7 AND c.call_taker_id IS NOT NULL AND c.started_at >= $6::timestamptz - interval '${RISK_LOOKBACK_DAYS} days'
), unhappy AS (
  SELECT DISTINCT c.id, c.call_taker_id
    FROM (SELECT ticket_id FROM callback_survey WHERE answered_at >= $6 AND answered_at < $7 AND NOT ${SATISFACTION_SQL.processSatisfied}) s
    JOIN qa_call_ticket l ON l.ticket_id = s.ticket_id JOIN qa_call c ON c.call_id = l.call_id
   WHERE c.call_taker_id IS NOT NULL AND c.started_at >= $6::timestamptz - interval '${RISK_LOOKBACK_DAYS} days' AND c.started_at < $7
), risk AS (
  SELECT id, call_taker_id, min(rank) AS rank FROM (
    SELECT id, call_taker_id, 1 AS rank FROM flagged
    UNION ALL SELECT id, call_taker_id, 2 FROM unhappy
    UNION ALL SELECT d.id, d.call_taker_id, 3 FROM day_calls d WHERE EXISTS (SELECT 1 FROM day_tickets t WHERE t.id = d.id AND t.request_type = '${RequestType.COMPLAINT}')
    UNION ALL SELECT d.id, d.call_taker_id, 4 FROM day_calls d WHERE EXISTS (SELECT 1 FROM day_tickets t WHERE t.id = d.id AND t.direct_answer IS NOT NULL AND (t.category_id = ANY($4::uuid[]) OR t.parent_id = ANY($4::uuid[])))
    UNION ALL SELECT id, call_taker_id, 5 FROM day_calls WHERE talk_seconds >= $3
  ) r GROUP BY id, call_taker_id
), random_pool AS (
  SELECT d.id, d.call_taker_id,
         row_number() OVER (PARTITION BY d.call_taker_id ORDER BY md5($2 || ':' || to_char($1::date, 'YYYY-MM-DD') || ':' || d.id::text), d.id) AS n
    FROM day_calls d
   WHERE NOT EXISTS (SELECT 1 FROM risk r WHERE r.id = d.id) AND NOT EXISTS (SELECT 1 FROM qa_sample s WHERE s.call_record_id = d.id)
), picks AS (
  SELECT r.id, r.call_taker_id, r.rank FROM risk r WHERE NOT EXISTS (SELECT 1 FROM qa_sample s WHERE s.call_record_id = r.id)
  UNION ALL SELECT id, call_taker_id, 6 FROM random_pool WHERE n <= $5
)
SELECT id AS "callRecordId", call_taker_id AS "callTakerId", rank::int AS rank,
       row_number() OVER (ORDER BY call_taker_id, rank, md5($2 || ':' || to_char($1::date, 'YYYY-MM-DD') || ':' || id::text), id)::int AS position
  FROM picks ORDER BY position`;
}

/**
 * A centre day's bounds as instants (Asia/Shanghai has had no daylight saving since 1991), passed as
 * parameters so that the planner sees them and reads qa_call_started_idx for the day's calls.
 */
function dayBounds(day: string): [Date, Date] {
  const from = new Date(`${day}T00:00:00+08:00`);
  return [from, new Date(from.getTime() + DAY_MS)];
}

/** Checks a day and a seed. */
function checkDay(day: string, seed: string | undefined): void {
  const errors: FieldError[] = [];
  if (!isDay(day)) {
    errors.push({ field: "day", code: "INVALID_FORMAT", message: "Give the day as YYYY-MM-DD." });
  }
  if (seed !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(seed)) {
    errors.push({ field: "seed", code: "INVALID_FORMAT", message: "A seed is 1 to 64 letters, digits, dashes or underscores." });
  }
  assertNoFieldErrors(errors);
}

/** What day `day`'s sampling would pick now (nothing stored); the same day, seed and data give the same picks. */
export async function planSample(db: Queryable, day: string, options: { seed?: string } = {}): Promise<SamplePick[]> {
  checkDay(day, options.seed);
  const settings = await loadSamplingSettings(db);
  const rows: Array<{ callRecordId: string; callTakerId: string; rank: number; position: number }> = await db.query(planSql(), [
    day,
    options.seed ?? settings.seed,
    settings.longCallSeconds,
    settings.sensitiveCategoryIds,
    settings.randomPerCallTaker,
    ...dayBounds(day),
  ]);
  return rows.map((row) => ({ callRecordId: row.callRecordId, callTakerId: row.callTakerId, reason: REASON_BY_RANK[row.rank]!, position: row.position }));
}

export type SampleDayResult = { day: string; seed: string; samples: number; created: boolean };

/**
 * Samples day `day` once: the first call stores the picks (one INSERT … SELECT) and a
 * `qa_sampling_run` row; later calls (another instance, a restart, an inspector's button) find the
 * run and change nothing. A call already sampled on another day is skipped (unique call_record_id).
 */
export async function sampleDay(db: DataSource, day: string, options: { seed?: string; now?: Date } = {}): Promise<SampleDayResult> {
  checkDay(day, options.seed);
  return db.transaction((manager) => sampleDayIn(manager, day, options));
}

/** `sampleDay` inside the caller's transaction (the demo seed). */
export async function sampleDayIn(manager: EntityManager, day: string, options: { seed?: string; now?: Date } = {}): Promise<SampleDayResult> {
  checkDay(day, options.seed);
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('qa_sampling:' || $1))`, [day]);
  const existing: Array<{ seed: string; samples: number }> = await manager.query(`SELECT seed, samples FROM qa_sampling_run WHERE day = $1`, [day]);
  if (existing[0]) {
    return { day, seed: existing[0].seed, samples: existing[0].samples, created: false };
  }
  const settings = await loadSamplingSettings(manager);
  const seed = options.seed ?? settings.seed;
  const inserted: Array<{ n: number }> = await manager.query(
    `WITH plan AS (${planSql()}), stored AS (
       INSERT INTO qa_sample (call_record_id, day, call_taker_id, reason, position)
       SELECT "callRecordId", $1::date, "callTakerId",
              (ARRAY['${REASON_BY_RANK[1]}','${REASON_BY_RANK[2]}','${REASON_BY_RANK[3]}','${REASON_BY_RANK[4]}','${REASON_BY_RANK[5]}','${REASON_BY_RANK[6]}'])[rank], position
         FROM plan ON CONFLICT (call_record_id) DO NOTHING RETURNING 1)
     SELECT count(*)::int AS n FROM stored`,
    [day, seed, settings.longCallSeconds, settings.sensitiveCategoryIds, settings.randomPerCallTaker, ...dayBounds(day)],
  );
  const samples = inserted[0]!.n;
  await manager.query(`INSERT INTO qa_sampling_run (day, seed, ran_at, samples) VALUES ($1, $2, $3, $4)`, [day, seed, options.now ?? new Date(), samples]);
  return { day, seed, samples, created: true };
}

/** An inspector or admin samples a past day now (idempotent: a day already sampled is left as it is). */
export async function runSampling(db: DataSource, input: { actor: Actor | null | undefined; day: string; now?: Date }): Promise<SampleDayResult> {
  requireRole(input.actor, [...QA_INSPECTORS, ...QA_FORM_EDITORS]);
  const now = input.now ?? new Date();
  if (isDay(input.day) && input.day >= dayOf(now, TIME_ZONE)) {
    throw new ValidationError([{ field: "day", code: "NOT_OVER", message: "Only a day that is over can be sampled." }]);
  }
  return sampleDay(db, input.day, { now });
}

/**
 * The daily run: on a working day (the platform's calendar), samples each of the last
 * `SAMPLING_CATCH_UP_DAYS` days not sampled yet, oldest first — so Monday samples the weekend too,
 * and a day missed while no instance ran is caught up. Returns the days it sampled.
 */
export async function runDailySampling(db: DataSource, now: Date): Promise<string[]> {
  const today = dayOf(now, TIME_ZONE);
  const calendar = await loadWorkingCalendar(db);
  if (!calendar.isWorkingDay(today)) {
    return [];
  }
  const done: string[] = [];
  for (let back = SAMPLING_CATCH_UP_DAYS; back >= 1; back--) {
    const day = dayOf(new Date(now.getTime() - back * DAY_MS), TIME_ZONE);
    const result = await sampleDay(db, day, { now });
    if (result.created) {
      done.push(day);
    }
  }
  return done;
}

/** The daily sampling job: once per day (00:00 UTC = 08:00 centre time) across all instances and restarts. */
export function samplingSchedules(services: AppServices): ScheduledJob[] {
  return [
    {
      name: "qa.daily-sampling",
      everyMs: DAY_MS,
      run: async () => {
        const days = await runDailySampling(services.dataSource, services.now?.() ?? new Date());
        if (days.length) {
          services.log.info({ days }, "qa: daily inspection sample taken");
        }
      },
    },
  ];
}
