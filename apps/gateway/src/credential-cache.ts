import { createHash } from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import {
  CREDENTIALS_CHANGED_TOPIC,
  reconnectDelay,
  SESSIONS_ENDED_TOPIC,
  type Actor,
  type AppServices,
  type CredentialsChanged,
  type RequestContext,
  type SessionInfo,
  type SessionsEnded,
} from "@civicline/platform";
import type { DataSource } from "typeorm";

/** How long a session or API key looked up in PostgreSQL is trusted without asking again. */
export const CREDENTIAL_TTL_MS = 5_000;
/** At most this many credentials are kept (the oldest go first); a login storm cannot grow it further. */
const MAX_ENTRIES = 10_000;
/** How long a session heard ended is remembered, for a logout that starts waiting after the news came. */
const HEARD_MEMORY_MS = 10_000;

type SessionEntry = { kind: "session"; session: SessionInfo; until: number };
type ApiKeyEntry = { kind: "apiKey"; actor: Actor; until: number };
type Entry = SessionEntry | ApiKeyEntry;

/** The SHA-256 of a token, as PostgreSQL stores it: the only form a token takes in the cache. */
function hashOf(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Sessions and API keys this instance looked up, for a few seconds (CREDENTIAL_TTL_MS, and never past
 * a session's expiry), keyed by the token's SHA-256 (never the token). An entry is dropped at once
 * when its session is logged out here (`dropToken`) and when any instance hears, over PostgreSQL
 * NOTIFY on commit, that a session ended (SESSIONS_ENDED_TOPIC) or that a user, session or API key
 * row changed (CREDENTIALS_CHANGED_TOPIC, published by triggers: deactivation, roles, password, a
 * revoked key, also by hand in SQL). Only found credentials are kept; unknown tokens ask every time.
 * Caching is off until the listener runs, and everything is dropped when listening fails.
 */
export class CredentialCache {
  private readonly entries = new Map<string, Entry>();
  private listening: Array<AsyncIterator<unknown>> = [];
  private active = false;
  private stopped = false;
  /** Bumped by every drop, so that a lookup racing with it is not kept. */
  private generation = 0;
  /** Logouts waiting to hear their session's end over NOTIFY, by session id (the token's SHA-256). */
  private readonly waiting = new Map<string, Array<() => void>>();
  /** Sessions heard ended lately, with when. */
  private readonly ended = new Map<string, number>();
  /** The logouts an HTTP request made, whose response waits for `heard` (see `apolloPlugin`). */
  private readonly logouts = new WeakMap<RequestContext, Promise<void>>();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly services: Pick<AppServices, "dataSource" | "pubsub" | "log">,
    options: { ttlMs?: number; now?: () => number } = {},
  ) {
    this.ttlMs = options.ttlMs ?? CREDENTIAL_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  /** Starts hearing ended sessions and changed credentials from every instance; caching starts with it. */
  start(attempt = 0): void {
    const iterators = [SESSIONS_ENDED_TOPIC, CREDENTIALS_CHANGED_TOPIC].map((topic) => this.services.pubsub.subscribe(topic)[Symbol.asyncIterator]());
    this.listening = iterators;
    this.active = true;
    const failed = (error: unknown): void => {
      if (this.listening !== iterators) {
        return;
      }
      // A notification may have been missed: trust nothing cached, and cache nothing until listening again.
      this.active = false;
      this.entries.clear();
      this.listening = [];
      for (const iterator of iterators) {
        void iterator.return?.();
      }
      this.services.log.error({ err: error, attempt }, "credential cache listener failed; caching stops until it listens again");
      setTimeout(() => {
        if (this.listening.length === 0 && !this.stopped) {
          this.start(attempt + 1);
        }
      }, reconnectDelay(attempt)).unref();
    };
    this.listen(iterators[0]!, (message) => this.onSessionsEnded(message as SessionsEnded)).catch(failed);
    this.listen(iterators[1]!, (message) => this.onCredentialsChanged(message as CredentialsChanged)).catch(failed);
  }

  private async listen(iterator: AsyncIterator<unknown>, handle: (message: unknown) => void): Promise<void> {
    for (;;) {
      const next = await iterator.next();
      if (next.done) {
        return;
      }
      handle(next.value);
    }
  }

  /** Stops listening and caching, and forgets every entry. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.active = false;
    const listening = this.listening;
    this.listening = [];
    this.entries.clear();
    for (const sessionId of [...this.waiting.keys()]) {
      this.wake(sessionId);
    }
    await Promise.all(listening.map((iterator) => iterator.return?.()));
  }

  /** The live session behind a token: from the cache when fresh, else from `load` (then kept). */
  async session(token: string, load: () => Promise<SessionInfo | null>): Promise<SessionInfo | null> {
    const key = hashOf(token);
    const cached = this.fresh(key);
    if (cached?.kind === "session" && cached.session.expiresAt.getTime() > this.now()) {
      return cached.session;
    }
    const generation = this.generation;
    const session = await load();
    // Not kept if something was dropped while it loaded: the row read may predate that change.
    if (session && this.active && generation === this.generation) {
      this.put(key, { kind: "session", session, until: Math.min(this.now() + this.ttlMs, session.expiresAt.getTime()) });
    }
    return session;
  }

  /** The integrator behind an API key: from the cache when fresh, else from `load` (then kept). */
  async apiKey(key: string, load: () => Promise<Actor | null>): Promise<Actor | null> {
    const hash = hashOf(key);
    const cached = this.fresh(hash);
    if (cached?.kind === "apiKey") {
      return cached.actor;
    }
    const generation = this.generation;
    const actor = await load();
    if (actor && this.active && generation === this.generation) {
      this.put(hash, { kind: "apiKey", actor, until: this.now() + this.ttlMs });
    }
    return actor;
  }

  /** Forgets a token at once (this instance's logout; other instances hear it over NOTIFY). */
  dropToken(token: string): void {
    this.drop((key) => key === hashOf(token));
  }

  /**
   * Resolves once this instance hears, over NOTIFY, that the token's session ended (or after
   * `timeoutMs`). PostgreSQL sends a commit's notifications to every instance's listener at once,
   * so a logout that answers only after hearing its own leaves no instance serving the session to
   * the client's next request.
   */
  heard(token: string, timeoutMs = 1_000): Promise<void> {
    if (!this.active) {
      return Promise.resolve();
    }
    const sessionId = hashOf(token);
    if (this.ended.has(sessionId)) {
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        const list = this.waiting.get(sessionId)?.filter((waiter) => waiter !== done) ?? [];
        if (list.length > 0) {
          this.waiting.set(sessionId, list);
        } else {
          this.waiting.delete(sessionId);
        }
        resolve();
      }, timeoutMs);
      timer.unref();
      this.waiting.set(sessionId, [...(this.waiting.get(sessionId) ?? []), done]);
    });
  }

  /** Forgets a logged-out token now, and holds the request's response until every instance has heard of it. */
  loggedOut(context: RequestContext, token: string): void {
    this.dropToken(token);
    this.logouts.set(context, this.heard(token));
  }

  /** Apollo's side of `loggedOut`: the response leaves once the logout was heard (or a second passed). */
  readonly apolloPlugin: ApolloServerPlugin<RequestContext> = {
    requestDidStart: async ({ contextValue }) => ({
      willSendResponse: async () => {
        await this.logouts.get(contextValue);
      },
    }),
  };

  /** How many credentials are cached (tests and diagnostics). */
  get size(): number {
    return this.entries.size;
  }

  private fresh(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) {
      return undefined;
    }
    if (entry.until <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private put(key: string, entry: Entry): void {
    this.entries.delete(key);
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) {
        this.entries.delete(oldest.value);
      }
    }
    this.entries.set(key, entry);
  }

  private drop(matches: (key: string, entry: Entry) => boolean): void {
    this.generation += 1;
    for (const [key, entry] of this.entries) {
      if (matches(key, entry)) {
        this.entries.delete(key);
      }
    }
  }

  private wake(sessionId: string | null | undefined): void {
    if (!sessionId) {
      return;
    }
    const now = this.now();
    for (const [id, at] of this.ended) {
      if (at > now - HEARD_MEMORY_MS) {
        break;
      }
      this.ended.delete(id);
    }
    this.ended.delete(sessionId);
    this.ended.set(sessionId, now);
    const list = this.waiting.get(sessionId);
    this.waiting.delete(sessionId);
    for (const waiter of list ?? []) {
      waiter();
    }
  }

  private onSessionsEnded(message: SessionsEnded): void {
    this.drop((key, entry) =>
      entry.kind === "session" && (message.sessionId === null ? entry.session.userId === message.userId : key === message.sessionId),
    );
    this.wake(message.sessionId);
  }

  private onCredentialsChanged(message: CredentialsChanged): void {
    this.drop((key, entry) => {
      if (entry.kind === "apiKey") {
        return key === message.apiKeyHash;
      }
      return key === message.sessionId || entry.session.userId === message.userId;
    });
    this.wake(message.sessionId);
  }
}

/** The cache of each running gateway by its DataSource: every route resolving credentials uses it. */
const caches = new WeakMap<DataSource, CredentialCache>();

export function attachCredentialCache(dataSource: DataSource, cache: CredentialCache): void {
  caches.set(dataSource, cache);
}

export function detachCredentialCache(dataSource: DataSource): void {
  caches.delete(dataSource);
}

export function credentialCacheOf(dataSource: DataSource): CredentialCache | undefined {
  return caches.get(dataSource);
}
