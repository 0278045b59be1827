import type { AppServices, SessionInfo, SessionsEnded } from "@civicline/platform";
import pino from "pino";
import { describe, expect, it, vi } from "vitest";
import { SESSION_ENDED_CLOSE_CODE, SocketSessions } from "./ws-sessions.js";

/** An in-process pub/sub whose first subscription fails on its first read, as a broken listener would. */
function flakyPubSub() {
  const waiting: Array<(message: SessionsEnded) => void> = [];
  let subscriptions = 0;
  const pubsub = {
    subscribe: () => ({
      [Symbol.asyncIterator]: () => {
        subscriptions += 1;
        const failing = subscriptions === 1;
        return {
          next: () => (failing ? Promise.reject(new Error("listener lost")) : new Promise<IteratorResult<unknown>>((resolve) => waiting.push((value) => resolve({ value, done: false })))),
          return: () => Promise.resolve({ value: undefined, done: true as const }),
        };
      },
    }),
  };
  return { pubsub, subscriptions: () => subscriptions, publish: (message: SessionsEnded) => waiting.splice(0).forEach((deliver) => deliver(message)) };
}

describe("SocketSessions", () => {
  it("survives a failing ended-session listener: logs it, listens again, and still closes the socket of a session that ends", async () => {
    const lines: string[] = [];
    const log = pino({ level: "error" }, { write: (line: string) => lines.push(line) });
    const { pubsub, subscriptions, publish } = flakyPubSub();
    const sessions = new SocketSessions({ pubsub, log, dataSource: {} } as unknown as Pick<AppServices, "dataSource" | "pubsub" | "log">);
    const socket = { close: vi.fn() };
    const session = { userId: "u1", sessionId: "s1", expiresAt: new Date(Date.now() + 3_600_000), actor: {} } as unknown as SessionInfo;
    sessions.start();
    sessions.track(socket, session);
    await vi.waitFor(() => expect(subscriptions()).toBe(2), { timeout: 10_000 });
    expect(lines.join("")).toMatch(/ended-session listener failed/);
    publish({ userId: "u1", sessionId: "s1", reason: "logout" });
    await vi.waitFor(() => expect(socket.close).toHaveBeenCalledWith(SESSION_ENDED_CLOSE_CODE, "Logged out"));
    await sessions.stop();
  });
});
