import { hostname } from "node:os";
import type { DataSource, EntityManager } from "typeorm";
import type { Logger } from "pino";
import { PgListener } from "../events/pg-listener.js";
import { TIMER_CHANNEL } from "./timers.js";

/** A due timer as its handler sees it. */
export type FiringTimer = {
  id: string;
  key: string;
  type: string;
  payload: Record<string, unknown>;
  /** The due time it was scheduled for; `now() - dueAt` is how late it runs (after a restart). */
  dueAt: Date;
  /** Failed attempts before this one. */
  attempts: number;
};

/**
 * Reacts to due timers of one type. `handle` runs inside the transaction that marks the timer
 * fired: write through `manager` and the effect commits exactly once with it; throw and the
 * effect rolls back and the timer is retried. Effects outside the database (mail, SMS) happen at
 * least once: record an outbox event through `manager` instead where you can.
 */
export type TimerHandler = {
  type: string;
  /** For logs; defaults to the type. */
  name?: string;
  handle(timer: FiringTimer, manager: EntityManager): Promise<void>;
};

/** How a TimerService listens, polls and backs off. */
export type TimerServiceOptions = {
  /** LISTEN here for timers scheduled elsewhere; without it, new timers are noticed at the next poll. */
  connectionUrl?: string;
  /** Longest sleep between checks (a safety net for a missed NOTIFY); default 5 s. */
  pollMs?: number;
  /** Delay before retrying after the n-th failed attempt; default 2^(n-1) s, at most 5 min. */
  retryDelayMs?: (attempts: number) => number;
  /** For logs; default host:pid. */
  instanceName?: string;
  /**
   * The clock that decides what is due, when to wake up, and the stored fired and retry times. Without
   * it the database's `now()` does (one clock for every instance); tests inject one and call `drain()`.
   */
  now?: () => Date;
};

type TimerRow = { id: string; key: string; type: string; payload: Record<string, unknown>; due_at: Date; attempts: number; revision: number };

const defaultRetryDelay = (attempts: number): number => Math.min(300_000, 1000 * 2 ** Math.min(attempts - 1, 9));

/**
 * Fires durable timers (see `scheduleTimer`). Each firing claims one due row with
 * `FOR UPDATE SKIP LOCKED` in its own transaction, runs the handler in that transaction and marks
 * the row fired there: when several instances run, one of them fires a timer, and a crash (or a
 * rollback) leaves it pending for the next attempt. It sleeps until the next due time, wakes on
 * NOTIFY when a timer is scheduled, and on start fires everything that fell due while it was down.
 */
export class TimerService {
  private readonly handlers = new Map<string, TimerHandler>();
  private wake: NodeJS.Timeout | undefined;
  private draining: Promise<number> | undefined;
  private again = false;
  /** Wake-ups are planned only while started. */
  private running = false;
  /** Set by stop(): a drain in progress finishes its current timer and returns. */
  private halted = false;
  private readonly cycles = new Set<Promise<void>>();
  private listener: PgListener | undefined;
  private readonly pollMs: number;
  private readonly retryDelayMs: (attempts: number) => number;
  private readonly log: Logger;
  private plannedWake: Date | undefined;

  constructor(
    private readonly dataSource: DataSource,
    log: Logger,
    private readonly options: TimerServiceOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 5000;
    this.retryDelayMs = options.retryDelayMs ?? defaultRetryDelay;
    this.log = log.child({ component: "timers", instance: options.instanceName ?? `${hostname()}:${process.pid}` });
  }

  /** Registers the handler of a timer type (one per type); only registered types are claimed. */
  register(handler: TimerHandler): void {
    if (this.handlers.has(handler.type)) {
      throw new Error(`a timer handler for ${handler.type} is already registered`);
    }
    this.handlers.set(handler.type, handler);
  }

  /** Starts firing: at once for everything already due (late after a restart), then at each due time. */
  async start(): Promise<void> {
    this.running = true;
    this.halted = false;
    if (this.options.connectionUrl) {
      this.listener = new PgListener(this.options.connectionUrl, this.log);
      await this.listener.listen(TIMER_CHANNEL, () => this.kick());
    }
    this.kick();
  }

  /** Stops waking up and waits for a firing in progress to finish. */
  async stop(): Promise<void> {
    this.running = false;
    this.halted = true;
    clearTimeout(this.wake);
    this.plannedWake = undefined;
    await this.listener?.close();
    this.listener = undefined;
    await Promise.allSettled([...this.cycles]);
    await this.draining?.catch(() => undefined);
  }

  /**
   * Fires every timer due now, then resolves to how many were attempted. Called while a pass is
   * running, it makes that pass look again and resolves when it is done: either way a whole pass
   * starts after the call (tests use this after moving an injected clock).
   */
  async drain(): Promise<number> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = (async () => {
      let attempted = 0;
      // A timer that failed is not tried again in the same drain, whatever its retry delay.
      const failed: string[] = [];
      try {
        do {
          this.again = false;
          while (!this.halted) {
            const outcome = await this.fireOne(failed);
            if (!outcome) {
              break;
            }
            attempted += 1;
            if (!outcome.fired) {
              failed.push(outcome.id);
            }
          }
        } while (this.again && !this.halted);
        return attempted;
      } finally {
        this.draining = undefined;
      }
    })();
    return this.draining;
  }

  /**
   * When the service means to check next (on its clock; the system clock by default), or undefined
   * while no wake-up is planned. A NOTIFY of a newly scheduled timer re-plans it for its due time.
   */
  get nextWakeAt(): Date | undefined {
    return this.plannedWake;
  }

  /** The injected clock's time as a query parameter; null lets the database's `now()` decide. */
  private clockParam(): Date | null {
    return this.options.now?.() ?? null;
  }

  private kick(): void {
    if (!this.running) {
      return;
    }
    const cycle = this.drain()
      .catch((error: unknown) => this.log.error({ err: error }, "firing timers failed; retrying at the next wake-up"))
      .then(() => this.planWake())
      .catch((error: unknown) => {
        this.log.error({ err: error }, "could not plan the next timer wake-up");
        this.sleep(this.pollMs);
      });
    this.cycles.add(cycle);
    void cycle.finally(() => this.cycles.delete(cycle));
  }

  private async planWake(): Promise<void> {
    if (!this.running) {
      return;
    }
    const types = [...this.handlers.keys()];
    const [row] = (await this.dataSource.query(
      // Not GREATEST(0, …) in SQL: it ignores a NULL (nothing pending) and answered 0, a wake-up every 5 ms.
      `SELECT (EXTRACT(EPOCH FROM (min(available_at) - COALESCE($2::timestamptz, now()))) * 1000)::float8 AS wait_ms
       FROM platform_timer WHERE fired_at IS NULL AND type = ANY($1::text[])`,
      [types, this.clockParam()],
    )) as Array<{ wait_ms: number | null }>;
    const wait = row?.wait_ms;
    this.sleep(wait === null || wait === undefined ? this.pollMs : Math.min(Math.ceil(Math.max(0, wait)) + 5, this.pollMs));
  }

  private sleep(ms: number): void {
    if (!this.running) {
      return;
    }
    clearTimeout(this.wake);
    this.plannedWake = new Date((this.options.now?.() ?? new Date()).getTime() + ms);
    this.wake = setTimeout(() => {
      this.plannedWake = undefined;
      this.kick();
    }, ms);
    this.wake.unref();
  }

  /** Claims and fires one due timer in its own transaction; null when none is due. */
  private async fireOne(skipIds: readonly string[]): Promise<{ id: string; fired: boolean } | null> {
    const types = [...this.handlers.keys()];
    if (types.length === 0) {
      return null;
    }
    const now = this.clockParam();
    return this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `SELECT id, key, type, payload, due_at, attempts, revision FROM platform_timer
         WHERE fired_at IS NULL AND available_at <= COALESCE($3::timestamptz, now()) AND type = ANY($1::text[]) AND id <> ALL($2::bigint[])
         ORDER BY available_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [types, skipIds, now],
      )) as TimerRow[];
      if (!row) {
        return null;
      }
      const handler = this.handlers.get(row.type)!;
      const timer: FiringTimer = { id: String(row.id), key: row.key, type: row.type, payload: row.payload, dueAt: row.due_at, attempts: row.attempts };
      await manager.query("SAVEPOINT timer_handler");
      try {
        await handler.handle(timer, manager);
        await manager.query("RELEASE SAVEPOINT timer_handler");
      } catch (error) {
        await manager.query("ROLLBACK TO SAVEPOINT timer_handler");
        const message = `${handler.name ?? handler.type}: ${error instanceof Error ? error.message : String(error)}`;
        const delay = this.retryDelayMs(row.attempts + 1);
        this.log.error({ err: error, timer: row.key, attempts: row.attempts + 1, retryInMs: delay }, "timer handler failed; will retry");
        await manager.query(
          `UPDATE platform_timer SET attempts = attempts + 1, last_error = $3,
             available_at = COALESCE($5::timestamptz, now()) + make_interval(secs => $4), updated_at = now()
           WHERE id = $1 AND revision = $2`,
          [row.id, row.revision, message, delay / 1000, now],
        );
        return { id: timer.id, fired: false };
      }
      // A handler that re-scheduled its own key bumped the revision: the new timer stays armed.
      await manager.query("UPDATE platform_timer SET fired_at = COALESCE($3::timestamptz, now()), updated_at = now() WHERE id = $1 AND revision = $2", [
        row.id,
        row.revision,
        now,
      ]);
      this.log.debug({ timer: row.key, lateMs: (now ?? new Date()).getTime() - row.due_at.getTime() }, "timer fired");
      return { id: timer.id, fired: true };
    });
  }
}
