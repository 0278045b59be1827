import { useEffect, useRef } from "react";

/** How long to wait for a pushed ticket before deciding that a list needs a reload. */
export const REFRESH_DELAY_MS = 400;

/**
 * Reloads a queue when its live count and the list's total disagree (a ticket left or joined it
 * without a push), after a short pause so a `ticketReceived` push can land first.
 */
export function useQueueRefresh(count: number | undefined, total: number | undefined, refetch: () => Promise<unknown>): void {
  const latest = useRef({ count, total, refetch });
  useEffect(() => {
    latest.current = { count, total, refetch };
  });
  useEffect(() => {
    if (count === undefined || total === undefined || count === total) {
      return;
    }
    const timer = window.setTimeout(() => {
      const now = latest.current;
      if (now.count !== undefined && now.total !== undefined && now.count !== now.total) {
        void now.refetch().catch(() => undefined);
      }
    }, REFRESH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [count, total]);
}
