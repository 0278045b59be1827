import { isSessionLive, reconnectDelay, SESSIONS_ENDED_TOPIC, type AppServices, type SessionInfo, type SessionsEnded } from "@civicline/platform";

/** What the registry needs of a socket: a way to close it. */
export type ClosableSocket = { close(code: number, reason: string): void };

/** The close code a socket gets when its session ends (graphql-ws clients do not retry it). */
export const SESSION_ENDED_CLOSE_CODE = 4401;

/** The longest delay setTimeout accepts; longer waits are re-armed. */
const MAX_TIMER_MS = 2_147_483_647;
/** How stale a socket's last session check may be before the next message re-checks the database. */
const RECHECK_MS = 5_000;

/** Session checks asked for in one tick, answered by one query. */
type LiveCheck = { ids: Set<string>; live: Promise<Set<string>> };

type Tracked = { session: SessionInfo; timer: NodeJS.Timeout | undefined; checkedAt: number };

/**
 * This instance's open WebSockets by session, so that a logout, an expiry or a deactivation ends
 * them: every instance hears SESSIONS_ENDED_TOPIC over PostgreSQL NOTIFY and closes its matching
 * sockets; a timer closes each at its session's expiry; each message sent re-checks the session.
 */
export class SocketSessions {
  private readonly sockets = new Map<ClosableSocket, Tracked>();
  private listening: AsyncIterator<unknown> | undefined;
  private pendingChecks: LiveCheck | undefined;

  constructor(private readonly services: Pick<AppServices, "dataSource" | "pubsub" | "log">) {}

  /**
   * Starts hearing ended sessions from every instance. A failure never ends the process: it is
   * logged and the listening starts again with backoff (meanwhile each message sent still re-checks
   * its session at least every RECHECK_MS).
   */
  start(attempt = 0): void {
    const iterator = this.services.pubsub.subscribe(SESSIONS_ENDED_TOPIC)[Symbol.asyncIterator]();
    this.listening = iterator;
    this.listen(iterator).catch((error: unknown) => {
      this.services.log.error({ err: error, attempt }, "ended-session listener failed; listening again");
      if (this.listening === iterator) {
        setTimeout(() => {
          if (this.listening === iterator) {
            this.start(attempt + 1);
          }
        }, reconnectDelay(attempt)).unref();
      }
    });
  }

  private async listen(iterator: AsyncIterator<unknown>): Promise<void> {
    for (;;) {
      const next = await iterator.next();
      if (next.done) {
        return;
      }
      this.onSessionsEnded(next.value as SessionsEnded);
    }
  }

  /** Stops listening and forgets every socket (their timers too). */
  async stop(): Promise<void> {
    const listening = this.listening;
    this.listening = undefined;
    await listening?.return?.();
    for (const tracked of this.sockets.values()) {
      clearTimeout(tracked.timer);
    }
    this.sockets.clear();
  }

  /** Tracks a socket opened with a session; call `forget` when it closes. */
  track(socket: ClosableSocket, session: SessionInfo): void {
    const tracked: Tracked = { session, timer: undefined, checkedAt: Date.now() };
    this.sockets.set(socket, tracked);
    this.armExpiry(socket, tracked);
  }

  forget(socket: ClosableSocket): void {
    clearTimeout(this.sockets.get(socket)?.timer);
    this.sockets.delete(socket);
  }

  /**
   * Called before each message to the client: false (and the socket closed) when its session has
   * expired or ended. Re-reads the session when the last check is older than a few seconds, so a
   * notification lost while the listener reconnected cannot keep a socket alive.
   */
  async mayReceive(socket: ClosableSocket): Promise<boolean> {
    const tracked = this.sockets.get(socket);
    if (!tracked) {
      return true;
    }
    if (tracked.session.expiresAt.getTime() <= Date.now()) {
      this.end(socket, "Session expired");
      return false;
    }
    if (Date.now() - tracked.checkedAt >= RECHECK_MS) {
      if (!(await this.sessionLive(tracked.session.sessionId))) {
        this.end(socket, "Session ended");
        return false;
      }
      tracked.checkedAt = Date.now();
    }
    return true;
  }

  /**
   * Whether a session is still live. The sockets that re-check in the same tick (one event pushed to
   * many consoles) share one query for all their sessions instead of one query each.
   */
  private sessionLive(sessionId: string): Promise<boolean> {
    let batch = this.pendingChecks;
    if (!batch) {
      const ids = new Set<string>();
      const fresh: LiveCheck = {
        ids,
        live: new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
          if (this.pendingChecks === fresh) {
            this.pendingChecks = undefined;
          }
          if (ids.size === 1) {
            const [only] = ids;
            return (await isSessionLive(this.services.dataSource, only!)) ? ids : new Set<string>();
          }
          const rows = (await this.services.dataSource.query(
            `SELECT s.token_hash FROM platform_session s JOIN platform_user u ON u.id = s.user_id
              WHERE s.token_hash = ANY($1::text[]) AND s.expires_at > now() AND u.active`,
            [[...ids]],
          )) as Array<{ token_hash: string }>;
          return new Set(rows.map((row) => row.token_hash));
        }),
      };
      this.pendingChecks = fresh;
      batch = fresh;
    }
    batch.ids.add(sessionId);
    return batch.live.then((live) => live.has(sessionId));
  }

  /** How many sockets this instance tracks (for tests and diagnostics). */
  get size(): number {
    return this.sockets.size;
  }

  private onSessionsEnded(message: SessionsEnded): void {
    for (const [socket, tracked] of this.sockets) {
      const matches = message.sessionId === null ? tracked.session.userId === message.userId : tracked.session.sessionId === message.sessionId;
      if (matches) {
        this.end(socket, message.reason === "logout" ? "Logged out" : "Session ended");
      }
    }
  }

  private armExpiry(socket: ClosableSocket, tracked: Tracked): void {
    const wait = tracked.session.expiresAt.getTime() - Date.now();
    if (wait <= 0) {
      this.end(socket, "Session expired");
      return;
    }
    tracked.timer = setTimeout(() => {
      if (wait > MAX_TIMER_MS) {
        this.armExpiry(socket, tracked);
      } else {
        this.end(socket, "Session expired");
      }
    }, Math.min(wait, MAX_TIMER_MS));
    tracked.timer.unref();
  }

  private end(socket: ClosableSocket, reason: string): void {
    this.forget(socket);
    this.services.log.info({ reason }, "closing a WebSocket whose session ended");
    socket.close(SESSION_ENDED_CLOSE_CODE, reason);
  }
}
