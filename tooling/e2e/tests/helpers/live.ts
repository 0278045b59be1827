import type { Page } from "@playwright/test";

/**
 * Watches the page's WebSockets for graphql-ws `subscribe` messages; `sent(name)` tells whether the
 * subscription operation of that name has been sent (wait on it with expect.poll, never a sleep).
 * Call before the page opens its socket.
 */
export function watchSubscriptions(page: Page): { sent(operationName: string): boolean } {
  const names = new Set<string>();
  page.on("websocket", (socket) => {
    socket.on("framesent", ({ payload }) => {
      if (typeof payload !== "string") {
        return;
      }
      const message = JSON.parse(payload) as { type?: string; payload?: { operationName?: string; query?: string } };
      if (message.type === "subscribe") {
        const name = message.payload?.operationName ?? /subscription\s+(\w+)/.exec(message.payload?.query ?? "")?.[1];
        if (name) {
          names.add(name);
        }
      }
    });
  });
  return { sent: (operationName) => names.has(operationName) };
}
