import { useSyncExternalStore } from "react";

/**
 * The session ended while the page was open (issue 16 bug 3). Requests that were refused as signed
 * out wait here for the person to sign in again in place (the staff gate's dialog); then they are
 * sent again exactly as they were (same variables, so the same idempotency key), or given their
 * error when the person chose to sign out instead. One store per page (one Apollo client per app).
 */
type Waiter = (signedIn: boolean) => void;

const waiters = new Set<Waiter>();
const listeners = new Set<() => void>();
let expired = false;

function notify(): void {
  listeners.forEach((listener) => listener());
}

/** Marks the session as ended and resolves when the person signed in again (true) or gave up (false). */
export function waitForSignIn(): Promise<boolean> {
  return new Promise((resolve) => {
    waiters.add(resolve);
    if (!expired) {
      expired = true;
      notify();
    }
  });
}

/** Ends the wait: `true` sends the waiting requests again, `false` gives them their error. */
export function settleSignIn(signedIn: boolean): void {
  const waiting = [...waiters];
  waiters.clear();
  expired = false;
  waiting.forEach((resolve) => resolve(signedIn));
  notify();
}

/** Whether requests wait for the person to sign in again. */
export function useSessionExpired(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => expired,
  );
}
