import type { EntityManager } from "typeorm";
import { DurableTimer } from "./timer.entity.js";

/** The channel PostgreSQL NOTIFYs on commit of a (re-)scheduled timer, so services re-plan their wake-up. */
export const TIMER_CHANNEL = "civicline_timer";

const KEY_MAX = 200;

/** What to schedule: `key` is the idempotency key of the logical timer. */
export type TimerRequest = {
  key: string;
  type: string;
  dueAt: Date;
  payload?: Record<string, unknown>;
};

function requireTransaction(manager: EntityManager, what: string): void {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error(`${what} must run inside a transaction`);
  }
}

function validate(request: TimerRequest): void {
  if (!request.key || request.key.length > KEY_MAX) {
    throw new Error(`timer key must be 1–${KEY_MAX} characters: "${request.key}"`);
  }
  if (!request.type) {
    throw new Error(`timer ${request.key} needs a type`);
  }
  if (!(request.dueAt instanceof Date) || Number.isNaN(request.dueAt.getTime())) {
    throw new Error(`timer ${request.key} needs a valid due time`);
  }
}

/**
 * Schedules a timer inside the caller's transaction, so it exists if and only if the change that
 * needs it commits. Scheduling a key again replaces its type, payload and due time and re-arms it
 * even if it already fired (an extension moves the overdue timer; a re-dispatch starts it afresh).
 */
export async function scheduleTimer(manager: EntityManager, request: TimerRequest): Promise<void> {
  requireTransaction(manager, `scheduleTimer(${request.key})`);
  // One statement (one round trip): the timer, and the NOTIFY PostgreSQL sends when the transaction commits.
  await scheduleTimers(manager, [request]);
}

/**
 * Cancels a timer inside the caller's transaction (the ticket was replied to, the deadline no longer
 * applies). Resolves to whether a pending timer was cancelled; cancelling an unknown key is a no-op.
 */
export async function cancelTimer(manager: EntityManager, key: string): Promise<boolean> {
  requireTransaction(manager, `cancelTimer(${key})`);
  const rows = (await manager.query(
    // Wrapped in a SELECT: TypeORM returns [rows, count] for a bare DELETE.
    "WITH gone AS (DELETE FROM platform_timer WHERE key = $1 RETURNING fired_at) SELECT fired_at IS NULL AS pending FROM gone",
    [key],
  )) as Array<{
    pending: boolean;
  }>;
  return rows[0]?.pending ?? false;
}

/** The stored state of a timer by key (pending or fired), or null; for screens and tests. */
export async function findTimer(manager: EntityManager, key: string): Promise<DurableTimer | null> {
  return manager.getRepository(DurableTimer).findOneBy({ key });
}

/**
 * `scheduleTimer` for several timers in one statement (inside the caller's transaction); a key given
 * twice keeps its last request.
 */
export async function scheduleTimers(manager: EntityManager, requests: readonly TimerRequest[]): Promise<void> {
  if (requests.length === 0) {
    return;
  }
  requireTransaction(manager, `scheduleTimers(${requests[0]!.key}, …)`);
  requests.forEach(validate);
  const byKey = [...new Map(requests.map((request) => [request.key, request])).values()];
  await manager.query(
    `WITH stored AS (
       INSERT INTO platform_timer (key, type, payload, due_at, available_at)
       SELECT t.key, t.type, t.payload::jsonb, t.due_at, t.due_at FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[]) AS t(key, type, payload, due_at)
       ON CONFLICT (key) DO UPDATE
         SET type = EXCLUDED.type, payload = EXCLUDED.payload, due_at = EXCLUDED.due_at,
             available_at = EXCLUDED.due_at, fired_at = NULL, attempts = 0, last_error = NULL,
             revision = platform_timer.revision + 1, updated_at = now()
       RETURNING key)
     SELECT pg_notify($5, key) FROM stored`,
    [
      byKey.map((request) => request.key),
      byKey.map((request) => request.type),
      byKey.map((request) => JSON.stringify(request.payload ?? {})),
      byKey.map((request) => request.dueAt.toISOString()),
      TIMER_CHANNEL,
    ],
  );
}
