import pg from "pg";
import type { Logger } from "pino";
import { CONNECT_TIMEOUT_MS, reconnectDelay } from "../database/reconnect.js";

/**
 * One dedicated connection that LISTENs on channels and reconnects when the server goes away.
 * This is how events reach every gateway instance sharing one PostgreSQL.
 */
export class PgListener {
  private client: pg.Client | undefined;
  private readonly channels = new Map<string, Array<(payload: string) => void>>();
  private closed = false;
  private connecting: Promise<void> | undefined;
  private failures = 0;

  constructor(
    private readonly url: string,
    private readonly log: Logger,
  ) {}

  async listen(channel: string, onMessage: (payload: string) => void): Promise<void> {
    const list = this.channels.get(channel) ?? [];
    list.push(onMessage);
    this.channels.set(channel, list);
    await this.connect();
    if (list.length === 1) {
      await this.client?.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
  }

  private connect(): Promise<void> {
    if (this.client) {
      return this.connecting ?? Promise.resolve();
    }
    const client = new pg.Client({ connectionString: this.url, application_name: "civicline-listener", connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    this.client = client;
    client.on("notification", (message) => {
      for (const callback of this.channels.get(message.channel) ?? []) {
        callback(message.payload ?? "");
      }
    });
    client.on("error", (error) => {
      this.log.warn({ err: error }, "listener connection lost; reconnecting");
      this.client = undefined;
      client.end().catch(() => undefined);
      this.reconnectSoon();
    });
    this.connecting = (async () => {
      await client.connect();
      for (const channel of this.channels.keys()) {
        await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      }
      this.failures = 0;
    })();
    return this.connecting;
  }

  private reconnectSoon(): void {
    if (this.closed) {
      return;
    }
    setTimeout(() => {
      this.connect().catch((error: unknown) => {
        this.log.warn({ err: error, attempt: this.failures }, "listener reconnect failed");
        const failed = this.client;
        this.client = undefined;
        failed?.end().catch(() => undefined);
        this.reconnectSoon();
      });
    }, reconnectDelay(this.failures++)).unref();
  }
}
