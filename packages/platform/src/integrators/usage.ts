import type { DataSource } from "typeorm";
import type { Logger } from "pino";

/** How often an instance adds its counts to the shared ones (and learns the other instances'). */
export const USAGE_FLUSH_MS = 1_000;
const WINDOW_MS = 60_000;

type KeyCount = {
  /** The minute (epoch ms of its start) the counts are for. */
  windowStart: number;
  /** Requests counted here and not yet added to the shared row. */
  pending: number;
  /** Requests being added to the shared row by a flush now (counted until its answer is known). */
  inFlight: number;
  /** The shared count (every instance) as last read, for `windowStart`. */
  shared: number;
  lastUsedAt: number;
};

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Per-key request counting for the rate limit (requests per one-minute window) and the last-used
 * time, without a database write per request: each gateway instance counts in memory and, once a
 * second, adds its counts to `platform_api_key_usage` in one statement (`count = count + delta`, so
 * instances never overwrite each other) and reads back the total every instance has counted. A
 * request is allowed while the total known here plus this instance's unflushed count is under the
 * key's limit. With N instances the limit can be overshot by what the other N−1 instances accept
 * within one flush period (at most a second's worth); a single instance is exact.
 */
export class IntegratorUsage {
  private readonly counts = new Map<string, KeyCount>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly log: Logger,
    private readonly options: { now?: () => number; flushMs?: number } = {},
  ) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  start(): void {
    this.timer = setInterval(() => void this.flush().catch((error: unknown) => this.log.warn({ err: error }, "API key usage flush failed; retried next second")), this.options.flushMs ?? USAGE_FLUSH_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush().catch(() => undefined);
  }

  /** Counts one request with a key and says whether it is within `limitPerMinute`. */
  hit(keyId: string, limitPerMinute: number): RateDecision {
    const now = this.now();
    const windowStart = now - (now % WINDOW_MS);
    let entry = this.counts.get(keyId);
    if (!entry || entry.windowStart !== windowStart) {
      // A new minute: unflushed counts of the old one no longer matter for the limit (last use is kept).
      entry = { windowStart, pending: 0, inFlight: 0, shared: 0, lastUsedAt: entry?.lastUsedAt ?? now };
      this.counts.set(keyId, entry);
    }
    if (entry.shared + entry.inFlight + entry.pending >= limitPerMinute) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStart + WINDOW_MS - now) / 1000)) };
    }
    entry.pending += 1;
    entry.lastUsedAt = now;
    return { allowed: true };
  }

  /** Adds this instance's counts to the shared ones and reads the totals back (one statement). */
  flush(): Promise<void> {
    this.flushing ??= this.flushNow().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private async flushNow(): Promise<void> {
    const entries = [...this.counts.entries()];
    if (entries.length === 0) {
      return;
    }
    const sent = entries.map(([keyId, entry]) => ({ keyId, entry, pending: entry.pending, windowStart: entry.windowStart }));
    for (const item of sent) {
      item.entry.pending -= item.pending;
      item.entry.inFlight += item.pending;
    }
    try {
      const rows = (await this.dataSource.query(
        `INSERT INTO platform_api_key_usage AS u (key_id, window_start, count, last_used_at)
         SELECT k.id, w.window_start, w.delta, w.last_used_at
         FROM unnest($1::uuid[], $2::timestamptz[], $3::int[], $4::timestamptz[]) AS w(key_id, window_start, delta, last_used_at)
         JOIN platform_api_key k ON k.id = w.key_id
         ON CONFLICT (key_id) DO UPDATE SET
           count = CASE WHEN u.window_start = EXCLUDED.window_start THEN u.count + EXCLUDED.count
                        WHEN u.window_start < EXCLUDED.window_start THEN EXCLUDED.count ELSE u.count END,
           window_start = GREATEST(u.window_start, EXCLUDED.window_start),
           last_used_at = GREATEST(u.last_used_at, EXCLUDED.last_used_at)
         RETURNING key_id, window_start, count`,
        [sent.map((item) => item.keyId), sent.map((item) => new Date(item.windowStart)), sent.map((item) => item.pending), sent.map((item) => new Date(item.entry.lastUsedAt))],
      )) as Array<{ key_id: string; window_start: Date; count: number }>;
      for (const item of sent) {
        item.entry.inFlight -= item.pending;
      }
      for (const row of rows) {
        const entry = this.counts.get(row.key_id);
        if (entry && entry.windowStart === new Date(row.window_start).getTime()) {
          // The shared total now includes what this flush added.
          entry.shared = Math.max(entry.shared, row.count);
        }
      }
      // Keys idle for two minutes are forgotten here (their shared row keeps the last use).
      const stale = this.now() - 2 * WINDOW_MS;
      for (const [keyId, entry] of this.counts) {
        if (entry.pending === 0 && entry.inFlight === 0 && entry.lastUsedAt < stale) {
          this.counts.delete(keyId);
        }
      }
    } catch (error) {
      for (const item of sent) {
        item.entry.inFlight -= item.pending;
        item.entry.pending += item.pending;
      }
      throw error;
    }
  }
}
