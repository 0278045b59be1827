import { randomUUID } from "node:crypto";
import DataLoader from "dataloader";
import type { Logger } from "pino";
import type { Actor } from "./auth/actor.js";

/** Per-request DataLoaders, created on first use under a key, so a list never issues one query per row. */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(key: string, batch: (keys: readonly K[]) => Promise<Array<V | Error>>): DataLoader<K, V> {
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = new DataLoader<K, V>(batch) as DataLoader<unknown, unknown>;
      this.loaders.set(key, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/** How a resolver opens or closes the session cookie without knowing about HTTP. */
export type SessionControl = {
  open(token: string, expiresAt: Date): void;
  close(): void;
  /** The token this request authenticated with, if any. */
  currentToken(): string | null;
};

/** Everything a resolver knows about the request it serves. */
export type RequestContext = {
  requestId: string;
  actor: Actor | null;
  loaders: LoaderRegistry;
  log: Logger;
  session: SessionControl;
  /** The client's address, for rate limits and audit. */
  clientIp: string;
  /** Opens a subscription stream (subscription resolvers check access first, then call this). */
  subscribe(topic: string): AsyncIterable<unknown>;
};

/** Builds a request context; the gateway supplies the actor and the session control. */
export function createRequestContext(input: {
  log: Logger;
  actor: Actor | null;
  session?: SessionControl;
  requestId?: string;
  clientIp?: string;
  subscribe?: (topic: string) => AsyncIterable<unknown>;
}): RequestContext {
  const requestId = input.requestId ?? randomUUID();
  // The request's child logger is made on first use: most requests never log (Apollo's per-operation copy of
  // an HTTP context reads it at once; subscription contexts are not copied).
  let log: Logger | undefined;
  return {
    requestId,
    actor: input.actor,
    loaders: new LoaderRegistry(),
    get log() {
      log ??= input.log.child({ requestId });
      return log;
    },
    session: input.session ?? { open: () => undefined, close: () => undefined, currentToken: () => null },
    clientIp: input.clientIp ?? "unknown",
    subscribe:
      input.subscribe ??
      (() => {
        throw new Error("subscriptions are not available in this context");
      }),
  };
}
