/**
 * Every connection civicline opens gives up after this long: a connect that hangs (a server
 * restarting, a dropped packet) must not hold a reconnect loop, or a socket, indefinitely.
 */
export const CONNECT_TIMEOUT_MS = 5_000;

/** Exponential backoff with jitter for reconnect loops: 0.25 s, 0.5 s, 1 s … capped at 10 s, each × 0.5–1. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  return Math.min(10_000, 250 * 2 ** Math.min(attempt, 10)) * (0.5 + random() / 2);
}
