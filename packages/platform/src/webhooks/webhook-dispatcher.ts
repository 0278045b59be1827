import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { hostname } from "node:os";
import type { DataSource } from "typeorm";
import type { Logger } from "pino";
import { PgListener } from "../events/pg-listener.js";
import { literalPrivateHost, PrivateAddressError, safeLookup } from "./ssrf.js";
import { signWebhook, WEBHOOK_CHANNEL, WEBHOOK_HEADERS } from "./webhooks.js";

export type WebhookDispatcherOptions = {
  /** LISTEN here for new deliveries; without it they are noticed at the next poll. */
  connectionUrl?: string;
  /** Longest sleep between checks; default 2 s. */
  pollMs?: number;
  /** How long one attempt may take (connect + answer); default 10 s. */
  timeoutMs?: number;
  /** How long a claimed delivery stays another instance's (must exceed the timeout); default 60 s. */
  leaseMs?: number;
  /** Deliveries attempted at once by this instance; default 8. */
  concurrency?: number;
  /** The clock deciding what is due and when to retry (tests inject one and call `drain()`). */
  now?: () => Date;
  /** Delay before the attempt after the n-th failed one; default 30 s · 2^(n−1), at most 1 hour. */
  backoffMs?: (failedAttempts: number) => number;
  instanceName?: string;
};

/** 30 s, 1 min, 2 min, 4 min … capped at 1 hour: about 30 attempts in 24 hours. */
export const webhookBackoffMs = (failedAttempts: number): number => Math.min(3_600_000, 30_000 * 2 ** Math.min(failedAttempts - 1, 20));

const EXCERPT_CHARS = 500;

type Claimed = { id: string; event_id: string; event_type: string; body: string; attempts: number; give_up_at: Date; url: string; signing_secret: string; allow_private_network: boolean };

type Outcome = { statusCode: number | null; latencyMs: number; excerpt: string | null; error: string | null };

/**
 * Sends queued webhook deliveries (see `enqueueWebhookEvent`). Due rows are claimed in one short
 * transaction with `FOR UPDATE SKIP LOCKED` and a lease (`locked_until`), then posted outside any
 * transaction, then the outcome is written: 2xx delivers, anything else (status, timeout, refused
 * address) schedules the next attempt with exponential backoff until 24 hours after the event. With
 * several instances each delivery is attempted by one at a time; a crash mid-attempt leaves the
 * lease to expire and the delivery is attempted again (at least once — receivers de-duplicate on
 * the event id). Everything is in PostgreSQL: a restart loses nothing. A paused webhook's
 * deliveries wait (their 24 hours keep running) until it is resumed.
 */
export class WebhookDispatcher {
  private wake: NodeJS.Timeout | undefined;
  private running = false;
  private draining: Promise<number> | undefined;
  private again = false;
  private listener: PgListener | undefined;
  private readonly log: Logger;
  private readonly options: Required<Omit<WebhookDispatcherOptions, "connectionUrl" | "now" | "instanceName">> & WebhookDispatcherOptions;

  constructor(
    private readonly dataSource: DataSource,
    log: Logger,
    options: WebhookDispatcherOptions = {},
  ) {
    this.options = { pollMs: 2_000, timeoutMs: 10_000, leaseMs: 60_000, concurrency: 8, backoffMs: webhookBackoffMs, ...options };
    this.log = log.child({ component: "webhooks", instance: options.instanceName ?? `${hostname()}:${process.pid}` });
  }

  async start(): Promise<void> {
    this.running = true;
    if (this.options.connectionUrl) {
      this.listener = new PgListener(this.options.connectionUrl, this.log);
      await this.listener.listen(WEBHOOK_CHANNEL, () => this.kick());
    }
    this.kick();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.wake);
    await this.listener?.close();
    this.listener = undefined;
    await this.draining?.catch(() => undefined);
  }

  private kick(): void {
    if (!this.running) {
      return;
    }
    void this.drain()
      .catch((error: unknown) => this.log.error({ err: error }, "webhook dispatch pass failed"))
      .finally(() => {
        if (this.running) {
          clearTimeout(this.wake);
          this.wake = setTimeout(() => this.kick(), this.options.pollMs);
          this.wake.unref();
        }
      });
  }

  /** Attempts every delivery due now (claimed batch by batch); resolves to how many were attempted. */
  drain(): Promise<number> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = (async () => {
      let total = 0;
      do {
        this.again = false;
        for (;;) {
          const batch = await this.claim();
          if (batch.length === 0) {
            break;
          }
          await Promise.all(batch.map((delivery) => this.attempt(delivery)));
          total += batch.length;
        }
      } while (this.again);
      return total;
    })().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  private nowParam(): Date | null {
    return this.options.now?.() ?? null;
  }

  private async claim(): Promise<Claimed[]> {
    return (await this.dataSource.query(
      // Wrapped in a SELECT: TypeORM answers [rows, count] for a bare UPDATE … RETURNING.
      `WITH claimed AS (UPDATE platform_webhook_delivery d SET locked_until = COALESCE($1::timestamptz, now()) + make_interval(secs => $2), attempts = d.attempts + 1
       FROM platform_webhook w
       WHERE w.id = d.webhook_id AND d.id IN (
         SELECT q.id FROM platform_webhook_delivery q JOIN platform_webhook qw ON qw.id = q.webhook_id AND qw.active
         WHERE q.status = 'pending' AND q.next_attempt_at <= COALESCE($1::timestamptz, now())
           AND (q.locked_until IS NULL OR q.locked_until <= COALESCE($1::timestamptz, now()))
         ORDER BY q.next_attempt_at LIMIT $3 FOR UPDATE OF q SKIP LOCKED)
       RETURNING d.id, d.event_id, d.event_type, d.body, d.attempts, d.give_up_at, w.url, w.signing_secret, w.allow_private_network)
       SELECT * FROM claimed`,
      [this.nowParam(), this.options.leaseMs / 1000, this.options.concurrency],
    )) as Claimed[];
  }

  private async attempt(delivery: Claimed): Promise<void> {
    const outcome = await this.post(delivery);
    const now = this.options.now?.() ?? new Date();
    const delivered = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
    const nextAt = new Date(now.getTime() + this.options.backoffMs(delivery.attempts));
    const status = delivered ? "delivered" : nextAt.getTime() > new Date(delivery.give_up_at).getTime() ? "failed" : "pending";
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO platform_webhook_attempt (delivery_id, at, status_code, latency_ms, response_excerpt, error) VALUES ($1, $2, $3, $4, $5, $6)`,
        [delivery.id, now, outcome.statusCode, outcome.latencyMs, outcome.excerpt, outcome.error],
      );
      await manager.query(
        `UPDATE platform_webhook_delivery SET status = $2, next_attempt_at = $3, locked_until = NULL, last_status_code = $4, last_latency_ms = $5,
           last_response_excerpt = $6, last_error = $7, last_attempt_at = $8, delivered_at = CASE WHEN $2 = 'delivered' THEN $8::timestamptz ELSE delivered_at END
         WHERE id = $1`,
        [delivery.id, status, delivered ? now : nextAt, outcome.statusCode, outcome.latencyMs, outcome.excerpt, outcome.error, now],
      );
    });
    this.log.info(
      { deliveryId: delivery.id, eventId: delivery.event_id, statusCode: outcome.statusCode, latencyMs: outcome.latencyMs, status, attempts: delivery.attempts },
      delivered ? "webhook delivered" : "webhook attempt failed",
    );
  }

  private post(delivery: Claimed): Promise<Outcome> {
    const started = performance.now();
    const latency = () => Math.round(performance.now() - started);
    return new Promise<Outcome>((resolve) => {
      let url: URL;
      try {
        url = new URL(delivery.url);
      } catch {
        resolve({ statusCode: null, latencyMs: 0, excerpt: null, error: "invalid URL" });
        return;
      }
      if (url.protocol !== "http:" && url.protocol !== "https:") {
        resolve({ statusCode: null, latencyMs: 0, excerpt: null, error: "only http and https URLs are allowed" });
        return;
      }
      const literal = delivery.allow_private_network ? null : literalPrivateHost(url);
      if (literal) {
        resolve({ statusCode: null, latencyMs: 0, excerpt: null, error: new PrivateAddressError(literal).message });
        return;
      }
      const timestamp = Math.floor((this.options.now?.() ?? new Date()).getTime() / 1000);
      const body = Buffer.from(delivery.body, "utf8");
      const send = url.protocol === "https:" ? httpsRequest : httpRequest;
      let settled = false;
      const finish = (outcome: Outcome) => {
        if (!settled) {
          settled = true;
          clearTimeout(timer);
          resolve(outcome);
        }
      };
      const req = send(
        url,
        {
          method: "POST",
          headers: {
            "content-type": "application/json; charset=utf-8",
            "content-length": body.length,
            "user-agent": "civicline-webhooks/1",
            [WEBHOOK_HEADERS.eventId]: delivery.event_id,
            [WEBHOOK_HEADERS.event]: delivery.event_type,
            [WEBHOOK_HEADERS.timestamp]: String(timestamp),
            [WEBHOOK_HEADERS.signature]: signWebhook(delivery.signing_secret, timestamp, delivery.body),
          },
          ...(delivery.allow_private_network ? {} : { lookup: safeLookup }),
        },
        (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on("data", (chunk: Buffer) => {
            if (size < EXCERPT_CHARS * 4) {
              chunks.push(chunk);
              size += chunk.length;
            }
          });
          res.on("end", () => finish({ statusCode: res.statusCode ?? null, latencyMs: latency(), excerpt: Buffer.concat(chunks).toString("utf8").slice(0, EXCERPT_CHARS), error: null }));
          res.on("error", (error) => finish({ statusCode: res.statusCode ?? null, latencyMs: latency(), excerpt: null, error: error.message }));
        },
      );
      const timer = setTimeout(() => {
        req.destroy(new Error(`no answer within ${this.options.timeoutMs} ms`));
      }, this.options.timeoutMs);
      req.on("error", (error) => finish({ statusCode: null, latencyMs: latency(), excerpt: null, error: error.message.slice(0, 300) }));
      req.end(body);
    });
  }
}
