import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import { OperationTypeNode } from "graphql";
import { createClient } from "graphql-ws";
import { from, mergeMap, of } from "rxjs";
import { waitForSignIn } from "./auth/sessionExpiry.ts";
import { setLiveStatus } from "./liveStatus.ts";
import { routingTypePolicies } from "./routing/cache.ts";

export type CreateApolloClientOptions = {
  /** HTTP endpoint; the WebSocket endpoint is the same path on ws:// or wss://. */
  uri?: string;
};

/** `/graphql` on this page's origin → `ws(s)://host/graphql`. */
export function webSocketUrl(uri: string, location: Pick<Location, "href">): string {
  const url = new URL(uri, location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.toString();
}

/** 1 s, 2 s, 4 s … capped at 30 s, with jitter so many desks do not reconnect in step. */
export function retryDelayMs(retries: number, random: () => number = Math.random): number {
  return Math.min(30_000, 1000 * 2 ** retries) + Math.floor(random() * 1000);
}

/** The close code the gateway sends when a socket's session ends (log-out, expiry, deactivation). */
export const SESSION_ENDED_CLOSE_CODE = 4401;

/**
 * What a closed socket means: `normal` (closed on purpose), `session-ended` (the gateway ended the
 * session: no retry; the app asks who is signed in, which brings the login page back), or `retry`.
 */
export function socketCloseMeaning(event: unknown): "normal" | "session-ended" | "retry" {
  const code = typeof event === "object" && event !== null && "code" in event ? (event as { code: unknown }).code : undefined;
  if (code === 1000) {
    return "normal";
  }
  return code === SESSION_ENDED_CLOSE_CODE ? "session-ended" : "retry";
}

/** The sign-in gate's own operations: never held back waiting for a sign-in. */
const SIGN_IN_OPERATIONS = new Set(["Me", "Login", "Logout"]);

/**
 * Whether an answer says the caller is not signed in (any error coded UNAUTHENTICATED) for an
 * operation other than the sign-in gate's own (`Me`, `Login`, `Logout`).
 */
export function saysSignedOut(operationName: string | undefined, result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }): boolean {
  return !SIGN_IN_OPERATIONS.has(operationName ?? "") && (result.errors ?? []).some((error) => error.extensions?.code === "UNAUTHENTICATED");
}

/** Tells the server which language the user reads, so its own messages can match. */
const languageLink = new ApolloLink((operation, forward) => {
  const lang = typeof document === "undefined" ? "" : document.documentElement.lang;
  if (lang) {
    operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({
      headers: { ...headers, "accept-language": lang },
    }));
  }
  return forward(operation);
});

/**
 * Apollo client for a civicline app served by the gateway: queries and mutations over HTTP with the
 * session cookie (same origin), subscriptions over graphql-ws on the same path. The socket opens only
 * when a subscription starts, reconnects with back-off on dropped connections, and after a reconnect refetches active
 * queries so nothing published while offline is missed.
 */
export function createApolloClient({ uri = "/graphql" }: CreateApolloClientOptions = {}): ApolloClient {
  const httpLink = new HttpLink({ uri, credentials: "same-origin" });
  // The socket callbacks need the client, which is created after the socket.
  const created: { client?: ApolloClient } = {};
  const wsClient = createClient({
    url: webSocketUrl(uri, window.location),
    lazy: true,
    retryAttempts: Number.POSITIVE_INFINITY,
    // Browsers report a failed handshake as a plain error event, which graphql-ws would not retry by
    // default; a session the gateway ended is not retried (a reconnect would only be anonymous).
    shouldRetry: (event) => socketCloseMeaning(event) !== "session-ended",
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelayMs(retries))),
    on: {
      connected: (_socket, _payload, wasRetry) => {
        setLiveStatus("connected");
        if (wasRetry) {
          // Each refetched query shows its own error; nothing else waits for them.
          void created.client?.refetchQueries({ include: "active" }).catch(() => undefined);
        }
      },
      closed: (event) => {
        const meaning = socketCloseMeaning(event);
        setLiveStatus(meaning === "retry" ? "reconnecting" : "idle");
        if (meaning === "session-ended") {
          // The sign-in gate's `me` query is active: refetched, it answers null and shows the login page.
          void created.client?.refetchQueries({ include: "active" }).catch(() => undefined);
        }
      },
    },
  });
  // An answer saying "not signed in" (the session ended while the page was open) is held back: the
  // staff gate asks the person to sign in again over the page, then the same request (same
  // variables, so the same idempotency key) is sent again and its answer delivered instead.
  const sessionLink = new ApolloLink((operation, forward) =>
    forward(operation).pipe(
      mergeMap((result) =>
        saysSignedOut(operation.operationName, result)
          ? from(waitForSignIn()).pipe(mergeMap((signedIn) => (signedIn ? forward(operation) : of(result))))
          : of(result),
      ),
    ),
  );
  const transport = ApolloLink.split(
    (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
    new GraphQLWsLink(wsClient),
    httpLink,
  );
  const client = new ApolloClient({
    link: ApolloLink.from([languageLink, sessionLink, transport]),
    cache: new InMemoryCache({
      typePolicies: {
        PublicTicket: { keyFields: ["trackingNumber"] },
        TicketQueue: { keyFields: false },
        LoginPayload: { keyFields: false },
        ...routingTypePolicies,
      },
    }),
  });
  created.client = client;
  return client;
}
