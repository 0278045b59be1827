import type { DataSource, EntityManager } from "typeorm";
import type { Logger } from "pino";
import { PgListener } from "./pg-listener.js";

const PUBSUB_CHANNEL = "civicline_pubsub";
const MAX_PAYLOAD_BYTES = 7900;

type Subscriber = { push(value: unknown): void };

/**
 * type-graphql's PubSub over PostgreSQL NOTIFY: a message published by any instance reaches the
 * subscribers connected to every instance. Payloads stay small (ids); resolvers load the rest.
 */
export class PgPubSub {
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private readonly listener: PgListener;
  private ready: Promise<void> | undefined;
  /** Key prefixes whose latest message a new subscriber still receives for a while (see `retainLatest`). */
  private readonly retained = new Map<string, number>();
  private readonly latest = new Map<string, { value: unknown; at: number }>();
  /** Messages published and not sent yet, and the round that sends them (see `sendPending`). */
  private pending: string[] = [];
  private sending: Promise<void> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    connectionUrl: string,
    private readonly log: Logger,
  ) {
    this.listener = new PgListener(connectionUrl, log);
  }

  /** Starts listening; call once at start-up. */
  start(): Promise<void> {
    this.ready ??= this.listener.listen(PUBSUB_CHANNEL, (raw) => this.deliver(raw));
    return this.ready;
  }

  async close(): Promise<void> {
    await this.sending;
    await this.listener.close();
  }

  publish(routingKey: string, ...args: unknown[]): void {
    const payload = JSON.stringify({ key: routingKey, value: args[0] ?? null });
    if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
      this.log.error({ routingKey }, "pubsub payload too large; publish ids only");
      return;
    }
    this.pending.push(payload);
    this.sending ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.sendPending());
  }

  /**
   * Sends what was published meanwhile, all of it in one statement, then again until nothing is left:
   * one NOTIFY transaction per round instead of one per message (PostgreSQL commits NOTIFYing
   * transactions one at a time, each waiting for its WAL flush), one round at a time, so messages keep
   * the order they were published in.
   */
  private async sendPending(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const payloads = this.pending.splice(0);
        await this.dataSource
          .query("SELECT pg_notify($1, m.payload) FROM unnest($2::text[]) WITH ORDINALITY AS m(payload, n) ORDER BY m.n", [PUBSUB_CHANNEL, payloads])
          .catch((error: unknown) => this.log.error({ err: error, messages: payloads.length }, "pubsub publish failed"));
      }
    } finally {
      this.sending = undefined;
    }
  }

  /**
   * Keys starting with `prefix` remember their latest message for `forMs`: a subscriber that arrives
   * within that time receives it first. For state that an event announces, such as a call ringing at a
   * seat: the console that (re)connects while it rings still shows it. Every instance receives every
   * message, so every instance remembers it.
   */
  retainLatest(prefix: string, forMs: number): void {
    this.retained.set(prefix, forMs);
  }

  /** How many subscriptions are open on this instance (a test waits on it instead of sleeping). */
  subscriberCount(): number {
    let count = 0;
    for (const subscribers of this.subscribers.values()) {
      count += subscribers.size;
    }
    return count;
  }

  subscribe(routingKey: string, dynamicId?: unknown): AsyncIterable<unknown> {
    const key = dynamicId === undefined ? routingKey : `${routingKey}:${String(dynamicId)}`;
    return { [Symbol.asyncIterator]: () => this.iterator(key) };
  }

  private deliver(raw: string): void {
    let message: { key: string; value: unknown };
    try {
      message = JSON.parse(raw) as { key: string; value: unknown };
    } catch {
      return;
    }
    if (this.retentionOf(message.key) !== undefined) {
      this.latest.set(message.key, { value: message.value, at: Date.now() });
    }
    for (const subscriber of this.subscribers.get(message.key) ?? []) {
      subscriber.push(message.value);
    }
  }

  private retentionOf(key: string): number | undefined {
    for (const [prefix, forMs] of this.retained) {
      if (key.startsWith(prefix)) {
        return forMs;
      }
    }
    return undefined;
  }

  /** The retained latest message of `key` if it is still fresh (expired ones are dropped). */
  private freshLatest(key: string): { value: unknown } | undefined {
    const latest = this.latest.get(key);
    if (!latest) {
      return undefined;
    }
    if (Date.now() - latest.at > (this.retentionOf(key) ?? 0)) {
      this.latest.delete(key);
      return undefined;
    }
    return latest;
  }

  private iterator(key: string): AsyncIterator<unknown> {
    const queue: unknown[] = [];
    const waiting: Array<(result: IteratorResult<unknown>) => void> = [];
    let done = false;
    const subscriber: Subscriber = {
      push: (value) => {
        const next = waiting.shift();
        if (next) {
          next({ value, done: false });
        } else if (queue.length < 1000) {
          queue.push(value);
        }
      },
    };
    const set = this.subscribers.get(key) ?? new Set<Subscriber>();
    set.add(subscriber);
    this.subscribers.set(key, set);
    const latest = this.freshLatest(key);
    if (latest) {
      queue.push(latest.value);
    }
    const finish = (): Promise<IteratorResult<unknown>> => {
      done = true;
      set.delete(subscriber);
      for (const resolve of waiting.splice(0)) {
        resolve({ value: undefined, done: true });
      }
      return Promise.resolve({ value: undefined, done: true });
    };
    return {
      next: () => {
        if (queue.length > 0) {
          return Promise.resolve({ value: queue.shift(), done: false });
        }
        if (done) {
          return Promise.resolve({ value: undefined, done: true });
        }
        return new Promise((resolve) => waiting.push(resolve));
      },
      return: finish,
      throw: async (error: unknown) => {
        await finish();
        throw error;
      },
    };
  }
}

/**
 * Publishes from inside a transaction: PostgreSQL delivers the NOTIFY only if it commits, to the
 * subscribers of every instance (the same channel and message shape as `PgPubSub.publish`).
 */
export async function publishOnCommit(manager: EntityManager, routingKey: string, value: unknown): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error(`publishOnCommit(${routingKey}) must run inside a transaction`);
  }
  await manager.query("SELECT pg_notify($1, $2)", [PUBSUB_CHANNEL, JSON.stringify({ key: routingKey, value })]);
}
