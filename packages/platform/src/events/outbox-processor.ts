import type { DataSource, EntityManager } from "typeorm";
import type { Logger } from "pino";
import { OUTBOX_CHANNEL, type StoredEvent } from "./events.js";
import { PgListener } from "./pg-listener.js";

/** Reacts to one type of event after its transaction committed. Must be idempotent (at least once). */
export type EventHandler = {
  /** Unique name, for logs. */
  name: string;
  eventType: string;
  handle(event: StoredEvent): Promise<void>;
  /**
   * Optional: handles several events of `eventType`, each about a different ticket, with the same
   * effects as `handle` on each (for example in one transaction with statements shared by all). The
   * processor calls it for the first event of each ticket in a batch, at this handler's place among
   * the event's handlers. When it throws, the processor hands the same events to `handle` one by one.
   */
  handleMany?(events: StoredEvent[]): Promise<void>;
};

type OutboxRow = {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  actor_id: string | null;
  occurred_at: Date;
  attempts: number;
};

const BATCH = 50;

function eventOf(row: OutboxRow): StoredEvent {
  return { id: String(row.id), type: row.type, payload: row.payload, actorId: row.actor_id, occurredAt: row.occurred_at, attempts: row.attempts };
}
/**
 * Tickets whose events are handled side by side (each handler uses its own pooled connection, of the
 * pool's 20). Handlers mostly wait for PostgreSQL (round trips, commits' WAL flushes): on the 2-core
 * bench machine a burst was dispatched sooner with 8 than with 4.
 */
const CONCURRENCY = 8;
const MAX_BACKOFF_SECONDS = 300;

/** PostgreSQL's deadlock_detected and serialization_failure: the transaction was rolled back whole. */
const TRANSIENT_CODES = new Set(["40P01", "40001"]);

/** Whether an error is a deadlock or serialization failure (safe to run the whole transaction again). */
function isTransientDatabaseError(error: unknown): boolean {
  const code = (error as { driverError?: { code?: unknown }; code?: unknown } | null)?.driverError?.code ?? (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && TRANSIENT_CODES.has(code);
}

/**
 * Runs `work` (one whole transaction, or idempotent work) again after a few milliseconds, up to `attempts` times
 * when PostgreSQL rolled it back for a deadlock or a serialization failure; other errors pass.
 */
export async function retryTransient<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isTransientDatabaseError(error)) {
        throw error;
      }
      // A short random pause, longer each time, so that the same transactions do not meet again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

/**
 * Delivers outbox events to handlers after commit, at least once. Wakes on NOTIFY and polls as a
 * safety net; rows are claimed with `FOR UPDATE SKIP LOCKED`, so several instances share the work.
 */
export class OutboxProcessor {
  private readonly handlers = new Map<string, EventHandler[]>();
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private listener: PgListener | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly log: Logger,
    private readonly options: { pollMs?: number; connectionUrl?: string; concurrency?: number } = {},
  ) {}

  register(handler: EventHandler): void {
    const list = this.handlers.get(handler.eventType) ?? [];
    list.push(handler);
    this.handlers.set(handler.eventType, list);
  }

  async start(): Promise<void> {
    this.stopped = false;
    if (this.options.connectionUrl) {
      this.listener = new PgListener(this.options.connectionUrl, this.log);
      await this.listener.listen(OUTBOX_CHANNEL, () => this.kick());
    }
    this.timer = setInterval(() => this.kick(), this.options.pollMs ?? 2000);
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.listener?.close();
    await this.draining;
  }

  /** Processes everything pending now; resolves when the outbox is empty (used by tests too). */
  async drain(): Promise<void> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = (async () => {
      try {
        do {
          this.again = false;
          while ((await this.processBatch()) >= BATCH) {
            // keep going while full batches come back
          }
        } while (this.again);
      } finally {
        this.draining = undefined;
      }
    })();
    return this.draining;
  }

  private kick(): void {
    if (!this.stopped) {
      this.drain().catch((error: unknown) => this.log.error({ err: error }, "outbox drain failed"));
    }
  }

  /**
   * Claims up to BATCH events and handles them: the events of one ticket (`payload.ticketId`) in
   * order, one after the other; different tickets side by side, at most `concurrency` at a time;
   * events about no ticket in order among themselves. A handler with `handleMany` first gets the
   * first event of every ticket at once (see handleHeadsTogether). The handled ones are marked in
   * one statement. When a ticket's event fails, its later events in the batch wait as long as it
   * does, so that they still come after it.
   */
  private async processBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, type, payload, actor_id, occurred_at, attempts FROM platform_outbox
         WHERE processed_at IS NULL AND available_at <= now()
         ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length === BATCH) {
        rows.push(...(await this.claimFirstEvents(manager, rows.at(-1)!.id)));
      }
      const groups = new Map<string, OutboxRow[]>();
      for (const row of rows) {
        const ticketId = row.payload?.ticketId;
        const key = typeof ticketId === "string" && ticketId !== "" ? `ticket:${ticketId}` : "no-ticket";
        const group = groups.get(key);
        if (group) {
          group.push(row);
        } else {
          groups.set(key, [row]);
        }
      }
      const concurrency = this.options.concurrency ?? CONCURRENCY;
      const queue = [...groups.values()];
      const { startAt, failures } = await this.handleHeadsTogether(
        queue.map((group) => group[0]!),
        concurrency,
      );
      const handled: string[] = [];
      const failed: Array<{ row: OutboxRow; failure: string; backoff: number; waiting: OutboxRow[] }> = [];
      const worker = async () => {
        for (let group = queue.shift(); group; group = queue.shift()) {
          for (const [index, row] of group.entries()) {
            const failure = failures.get(row) ?? (await this.runHandlers(eventOf(row), startAt.get(row) ?? 0));
            if (failure) {
              const backoff = Math.min(MAX_BACKOFF_SECONDS, 2 ** Math.min(row.attempts, 8));
              failed.push({ row, failure, backoff, waiting: group.slice(index + 1) });
              break;
            }
            handled.push(row.id);
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
      if (handled.length > 0) {
        await manager.query("UPDATE platform_outbox SET processed_at = now(), attempts = attempts + 1 WHERE id = ANY($1::bigint[])", [handled]);
      }
      for (const { row, failure, backoff, waiting } of failed) {
        await manager.query(
          `UPDATE platform_outbox SET attempts = attempts + 1, last_error = $2,
             available_at = now() + make_interval(secs => $3) WHERE id = $1`,
          [row.id, failure, backoff],
        );
        if (waiting.length > 0) {
          await manager.query("UPDATE platform_outbox SET available_at = now() + make_interval(secs => $2) WHERE id = ANY($1::bigint[])", [waiting.map((other) => other.id), backoff]);
        }
      }
      return rows.length;
    });
  }

  /**
   * With more events waiting than a batch holds: up to BATCH more events, further on in the queue, of
   * the types that have a handler with `handleMany` and only where the event is its ticket's first
   * one not processed yet (nothing of the ticket before it waits, fails or is being handled) — in a
   * burst, the new tickets' `ticket_received`, which are then handled together with the batch's own
   * first events instead of after every earlier ticket's later events. Each ticket's events stay in
   * order; only different tickets' events are taken out of the queue's order.
   */
  private async claimFirstEvents(manager: EntityManager, after: string): Promise<OutboxRow[]> {
    const types = [...this.handlers].filter(([, handlers]) => handlers.some((handler) => handler.handleMany)).map(([type]) => type);
    if (types.length === 0) {
      return [];
    }
    return manager.query(
      `WITH firsts AS (
         SELECT min(id) AS id FROM platform_outbox
          WHERE processed_at IS NULL AND payload->>'ticketId' IS NOT NULL
          GROUP BY payload->>'ticketId')
       SELECT o.id, o.type, o.payload, o.actor_id, o.occurred_at, o.attempts
         FROM platform_outbox o JOIN firsts f ON f.id = o.id
        WHERE o.processed_at IS NULL AND o.available_at <= now() AND o.id > $1 AND o.type = ANY($2::text[])
        ORDER BY o.id LIMIT ${BATCH} FOR UPDATE OF o SKIP LOCKED`,
      [after, types],
    );
  }

  /**
   * The first event of each ticket in a batch (`heads`), for the types that have handlers with
   * `handleMany`: the handlers before such a handler run per event (side by side), then it gets all
   * those events at once, split into at most `concurrency` parts handled side by side (a part that
   * fails goes to `handle` one event at a time), and so on — so a burst of new tickets is, say,
   * dispatched in a few transactions instead of one per ticket, each ticket's handlers still in their
   * order and before the ticket's later events. Resolves to where each event's handlers go on in the
   * per-ticket pass, and the events a handler failed on.
   */
  private async handleHeadsTogether(
    heads: OutboxRow[],
    concurrency: number,
  ): Promise<{ startAt: Map<OutboxRow, number>; failures: Map<OutboxRow, string> }> {
    const startAt = new Map<OutboxRow, number>();
    const failures = new Map<OutboxRow, string>();
    const byType = new Map<string, OutboxRow[]>();
    for (const row of heads) {
      byType.set(row.type, [...(byType.get(row.type) ?? []), row]);
    }
    const sideBySide = async (rows: OutboxRow[], work: (row: OutboxRow) => Promise<void>) => {
      const pending = [...rows];
      const worker = async () => {
        for (let row = pending.shift(); row; row = pending.shift()) {
          await work(row);
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, pending.length) }, worker));
    };
    for (const [type, rows] of byType) {
      const handlers = this.handlers.get(type) ?? [];
      const positions = handlers.flatMap((handler, position) => (handler.handleMany ? [position] : []));
      // A lone event goes the usual way.
      if (rows.length < 2 || positions.length === 0) {
        continue;
      }
      let live = rows;
      let from = 0;
      const fail = (row: OutboxRow) => (failure: string | null) => {
        if (failure) {
          failures.set(row, failure);
        }
      };
      for (const position of positions) {
        const handler = handlers[position]!;
        if (position > from) {
          await sideBySide(live, async (row) => fail(row)(await this.runHandlers(eventOf(row), from, position)));
          live = live.filter((row) => !failures.has(row));
        }
        const size = Math.ceil(live.length / concurrency);
        const parts = Array.from({ length: Math.ceil(live.length / Math.max(size, 1)) }, (_, index) => live.slice(index * size, (index + 1) * size));
        await Promise.all(
          parts.map(async (part) => {
            try {
              await retryTransient(() => handler.handleMany!(part.map(eventOf)));
            } catch (error) {
              this.log.warn({ err: error, handler: handler.name, events: part.length }, "handling events together failed; handling them one by one");
              for (const row of part) {
                fail(row)(await this.runHandlers(eventOf(row), position, position + 1));
              }
            }
          }),
        );
        live = live.filter((row) => !failures.has(row));
        from = position + 1;
      }
      for (const row of live) {
        startAt.set(row, from);
      }
    }
    return { startAt, failures };
  }

  /** Runs the event's handlers from position `from` up to (not including) `to`, in order; the first failure, or null. */
  private async runHandlers(event: StoredEvent, from = 0, to?: number): Promise<string | null> {
    for (const handler of (this.handlers.get(event.type) ?? []).slice(from, to)) {
      try {
        await retryTransient(() => handler.handle(event));
      } catch (error) {
        this.log.error({ err: error, eventId: event.id, handler: handler.name }, "event handler failed; will retry");
        return `${handler.name}: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
    return null;
  }
}
