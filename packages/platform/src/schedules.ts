import { createHash } from "node:crypto";
import { hostname } from "node:os";
import type { DataSource, EntityManager } from "typeorm";
import type { Logger } from "pino";
import type { ScheduledJob } from "./module.js";

/**
 * What one check of a job did: `ran` / `failed` — this instance claimed the current period and ran
 * the job; `taken` — the period was already claimed (here or elsewhere); `busy` — a run of this job
 * for an earlier period is still going, try again at the next check; `error` — the database could
 * not be asked, try again at the next check.
 */
export type ScheduleOutcome = "ran" | "failed" | "taken" | "busy" | "error";

/** How a ScheduleRunner tells time, names itself and tidies up. */
export type ScheduleRunnerOptions = {
  /** Milliseconds since the epoch; periods are computed from it. Default `Date.now`. */
  now?: () => number;
  /** Recorded as `claimed_by`; default host:pid. */
  instanceName?: string;
  /** Longest wait between two checks of a job (which is also at most a quarter of its interval); default 60 s. */
  maxCheckIntervalMs?: number;
  /** Runs older than this are deleted when a job claims a new period; default 7 days. */
  keepRunsMs?: number;
};

const SECOND = 1000;
const DAY = 86_400 * SECOND;
const MAX_ERROR_LENGTH = 2000;

/** The start of the period `now` falls in: a whole multiple of `everyMs` since the epoch, the same on every instance. */
export function periodStart(now: number, everyMs: number): number {
  return Math.floor(now / everyMs) * everyMs;
}

/** How long to wait before checking a job again: at most `maxCheckMs`, and no later than its next period's start. */
export function nextCheckDelay(now: number, everyMs: number, maxCheckMs: number): number {
  const untilNextPeriod = periodStart(now, everyMs) + everyMs - now;
  return Math.max(1, Math.min(maxCheckMs, untilNextPeriod));
}

function lockKey(name: string): string {
  // A stable 63-bit advisory-lock key per job name.
  return BigInt.asIntN(64, BigInt(`0x${createHash("sha256").update(`civicline:${name}`).digest("hex").slice(0, 16)}`)).toString();
}

function validate(jobs: ScheduledJob[]): void {
  const names = new Set<string>();
  for (const job of jobs) {
    if (!Number.isSafeInteger(job.everyMs) || job.everyMs < SECOND) {
      throw new Error(`scheduled job ${job.name}: everyMs must be a whole number of milliseconds, at least 1000 (got ${job.everyMs})`);
    }
    if (names.has(job.name)) {
      throw new Error(`scheduled job ${job.name} is registered twice`);
    }
    names.add(job.name);
  }
}

/**
 * Runs each periodic job once per period across all instances. Periods are whole multiples of the
 * job's interval since the epoch, so every instance agrees on them whatever its start time. Each
 * instance checks a job at its period's start and at least every min(interval / 4, 60 s); the
 * instance whose `INSERT` of the (job, period) row into `platform_schedule_run` succeeds runs it.
 * A run holds a transaction-level advisory lock named after the job, so runs of one job never
 * overlap (a run longer than its interval delays the next period's, which is skipped if it ends).
 * A job that throws is marked `failed` and is not retried in that period: the next period runs it
 * again (jobs are idempotent sweeps). A run whose instance died stays `running` until the next
 * period's run marks it `abandoned`; that period is not run again. Rows older than 7 days are deleted.
 */
export class ScheduleRunner {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  /** Per job, the period this instance already found claimed (saves a round trip per check). */
  private readonly handled = new Map<string, number>();
  private readonly active = new Set<string>();
  private readonly now: () => number;
  private readonly instance: string;
  private readonly maxCheckIntervalMs: number;
  private readonly keepRunsMs: number;
  private readonly log: Logger;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    log: Logger,
    options: ScheduleRunnerOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.instance = options.instanceName ?? `${hostname()}:${process.pid}`;
    this.maxCheckIntervalMs = options.maxCheckIntervalMs ?? 60 * SECOND;
    this.keepRunsMs = options.keepRunsMs ?? 7 * DAY;
    this.log = log.child({ component: "schedules", instance: this.instance });
  }

  /** Checks each job from now on (see the class comment); throws on a bad interval or a duplicate name. */
  start(jobs: ScheduledJob[]): void {
    validate(jobs);
    this.stopped = false;
    for (const job of jobs) {
      this.plan(job);
    }
  }

  /** Runs `job` if no instance has claimed its current period yet; never throws. */
  async runDue(job: ScheduledJob): Promise<ScheduleOutcome> {
    const period = periodStart(this.now(), job.everyMs);
    if (this.handled.get(job.name) === period) {
      return "taken";
    }
    if (this.active.has(job.name)) {
      return "busy";
    }
    this.active.add(job.name);
    try {
      return await this.dataSource.transaction((manager) => this.claimAndRun(manager, job, period));
    } catch (error) {
      this.log.error({ err: error, job: job.name }, "could not check a scheduled job; trying again at the next check");
      return "error";
    } finally {
      this.active.delete(job.name);
    }
  }

  /** Stops planning checks and waits for the checks (and runs) in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) {
      clearTimeout(timer);
    }
    this.timers.clear();
    await this.idle();
  }

  /** Resolves when no check started by `start` is in progress (tests step fake timers with it). */
  async idle(): Promise<void> {
    while (this.running.size > 0) {
      await Promise.allSettled([...this.running]);
    }
  }

  private plan(job: ScheduledJob): void {
    if (this.stopped) {
      return;
    }
    const delay = nextCheckDelay(this.now(), job.everyMs, Math.min(this.maxCheckIntervalMs, Math.floor(job.everyMs / 4)));
    const timer = setTimeout(() => {
      this.timers.delete(job.name);
      this.track(this.runDue(job).then(() => this.plan(job)));
    }, delay);
    timer.unref();
    this.timers.set(job.name, timer);
  }

  private async claimAndRun(manager: EntityManager, job: ScheduledJob, period: number): Promise<ScheduleOutcome> {
    const [lock] = (await manager.query("SELECT pg_try_advisory_xact_lock($1::bigint) AS locked", [lockKey(job.name)])) as Array<{ locked: boolean }>;
    if (!lock?.locked) {
      return "busy";
    }
    const at = new Date(period);
    // Outside the lock's transaction: the claim commits at once, so a crash mid-run never re-runs the period.
    const claimed = (await this.dataSource.query(
      `INSERT INTO platform_schedule_run (job, period_start, claimed_by, status, started_at) VALUES ($1, $2, $3, 'running', $4)
       ON CONFLICT (job, period_start) DO NOTHING RETURNING job`,
      [job.name, at, this.instance, new Date(this.now())],
    )) as unknown[];
    this.handled.set(job.name, period);
    if (claimed.length === 0) {
      return "taken";
    }
    await this.tidy(job, at);
    try {
      await job.run();
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH);
      await this.finish(job, at, "failed", message);
      this.log.error({ err: error, job: job.name, period: at }, "scheduled job failed; the next period runs it again");
      return "failed";
    }
    await this.finish(job, at, "succeeded", null);
    return "ran";
  }

  /** Under the job's lock no other run of it is going: earlier `running` rows are abandoned. Old rows go. */
  private async tidy(job: ScheduledJob, at: Date): Promise<void> {
    const abandoned = (await this.dataSource.query(
      `WITH abandoned AS (
         UPDATE platform_schedule_run SET status = 'abandoned', finished_at = $3
         WHERE job = $1 AND status = 'running' AND period_start < $2 RETURNING period_start, claimed_by)
       SELECT period_start, claimed_by FROM abandoned`,
      [job.name, at, new Date(this.now())],
    )) as Array<{ period_start: Date; claimed_by: string }>;
    for (const run of abandoned) {
      this.log.warn({ job: job.name, period: run.period_start, claimedBy: run.claimed_by }, "a scheduled run was abandoned mid-run (its instance stopped); that period is not run again");
    }
    await this.dataSource.query("DELETE FROM platform_schedule_run WHERE job = $1 AND period_start < $2", [job.name, new Date(at.getTime() - this.keepRunsMs)]);
  }

  private async finish(job: ScheduledJob, at: Date, status: "succeeded" | "failed", error: string | null): Promise<void> {
    await this.dataSource.query(
      "UPDATE platform_schedule_run SET status = $3, error = $4, finished_at = $5 WHERE job = $1 AND period_start = $2",
      [job.name, at, status, error, new Date(this.now())],
    );
  }

  private track(promise: Promise<unknown>): void {
    const settled = promise.then(() => undefined);
    this.running.add(settled);
    void settled.finally(() => this.running.delete(settled));
  }
}
