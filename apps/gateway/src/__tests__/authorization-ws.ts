import type { PgPubSub } from "@civicline/platform";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { classify, probeOperation, type Credentials, type Outcome, type Principal, type RootField } from "./authorization-probe.js";
import type { GraphQLResponse } from "./harness.js";

/** A graphql-ws client sending `headers` (and the gateway's own Origin) with the upgrade request. */
export function wsClient(url: string, headers: Record<string, string>): Client {
  const origin = url;
  return createClient({
    url: `${url.replace("http", "ws")}/graphql`,
    retryAttempts: 0,
    lazy: true,
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers: { origin, ...headers } });
      }
    },
  });
}

export type Registrations = { next(): Promise<void>; restore(): void };

/**
 * Resolves when the gateway's pub/sub hands the next subscriber its event stream — the point a
 * subscription has passed every check made when it starts. Observes the real pub/sub; changes nothing.
 */
export function watchSubscriptionRegistrations(pubsub: PgPubSub): Registrations {
  const original = pubsub.subscribe;
  let waiting: (() => void) | undefined;
  pubsub.subscribe = (routingKey: string, dynamicId?: unknown) => {
    const iterable = original.call(pubsub, routingKey, dynamicId);
    return {
      [Symbol.asyncIterator]: () => {
        const iterator = iterable[Symbol.asyncIterator]();
        waiting?.();
        return iterator;
      },
    };
  };
  return {
    next: () => new Promise<void>((resolve) => (waiting = resolve)),
    restore: () => {
      pubsub.subscribe = original;
    },
  };
}

/** Starts one subscription: refused with an error, or allowed once its event stream is registered. */
export async function probeSubscription(options: {
  client: Client;
  root: RootField;
  principal: Principal;
  credentials: Credentials;
  registered: Registrations;
}): Promise<Outcome> {
  const { client, root, principal, registered } = options;
  const { query, variables } = probeOperation(root, options.credentials);
  let stop: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  const answered = new Promise<Outcome>((resolve, reject) => {
    const settle = (outcome: () => Outcome) => {
      try {
        resolve(outcome());
      } catch (error) {
        reject(error as Error);
      }
    };
    void registered.next().then(() => resolve({ allowed: true, codes: [] }));
    // Not a timing assertion: a guard so that a subscription neither refused nor registered fails clearly.
    timer = setTimeout(
      () => reject(new Error(`${root.key} as ${principal}: neither refused nor registered with the pub/sub (does the context still call services.pubsub.subscribe?)`)),
      15_000,
    );
    stop = client.subscribe(
      { query, variables },
      {
        // A subscription refused when it starts answers `errors` without `data`; its request errors are coded.
        next: (result) => settle(() => classify(root.key, principal, { data: null, ...(result as GraphQLResponse) })),
        error: (error) => {
          if (Array.isArray(error)) {
            settle(() => classify(root.key, principal, { data: null, errors: error as GraphQLResponse["errors"] }));
            return;
          }
          const code = (error as { code?: number }).code;
          if (code === 4401 || code === 4403) {
            resolve({ allowed: false, codes: [`WS_CLOSE_${code}`] });
            return;
          }
          reject(new Error(`${root.key} as ${principal}: the socket failed: ${String(code ?? error)}`));
        },
        complete: () => resolve({ allowed: true, codes: ["COMPLETED"] }),
      },
    );
  });
  try {
    return await answered;
  } finally {
    clearTimeout(timer);
    stop?.();
  }
}
