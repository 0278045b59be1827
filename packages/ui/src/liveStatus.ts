import { useSyncExternalStore } from "react";

/** State of the subscription socket: idle until a subscription needs it. */
export type LiveStatus = "idle" | "connected" | "reconnecting";

let status: LiveStatus = "idle";
const listeners = new Set<() => void>();

/** Called by the Apollo client factory from graphql-ws events. */
export function setLiveStatus(next: LiveStatus): void {
  if (next !== status) {
    status = next;
    listeners.forEach((listener) => listener());
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether live updates are flowing; "reconnecting" means pushed tickets may be delayed. */
export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(subscribe, () => status, () => status);
}
