import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import type { TestGateway } from "./harness.js";

export type CloseInfo = { code: number; reason: string };

/** A graphql-ws client whose connection and close are promises to wait on (no sleeps). */
export type SocketProbe = { client: Client; connected: Promise<void>; closed: Promise<CloseInfo> };

/** Opens a graphql-ws connection with the given cookie and Origin, as a browser on that page would. */
export function openSocket(baseUrl: string, options: { cookie?: string; origin?: string } = {}): SocketProbe {
  let onConnected: () => void = () => undefined;
  let onClosed: (info: CloseInfo) => void = () => undefined;
  const connected = new Promise<void>((resolve) => (onConnected = resolve));
  const closed = new Promise<CloseInfo>((resolve) => (onClosed = resolve));
  const headers = { ...(options.cookie ? { cookie: options.cookie } : {}), ...(options.origin ? { origin: options.origin } : {}) };
  const client = createClient({
    url: `${baseUrl.replace("http", "ws")}/graphql`,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
    on: {
      connected: () => onConnected(),
      closed: (event) => {
        const close = event as { code?: number; reason?: string };
        onClosed({ code: close.code ?? 0, reason: String(close.reason ?? "") });
      },
    },
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers });
      }
    },
  });
  return { client, connected, closed };
}

/** What a subscription delivered; `until(check)` resolves once `check` holds (wait on it, never sleep). */
export type Feed<T> = { data: T[]; errors: unknown[]; until(check: (feed: Feed<T>) => boolean): Promise<void> };

/** Subscribes and records every result. */
export function follow<T>(client: Client, query: string): Feed<T> {
  const waiters = new Set<{ check: (feed: Feed<T>) => boolean; resolve: () => void }>();
  const feed: Feed<T> = {
    data: [],
    errors: [],
    until: (check) => (check(feed) ? Promise.resolve() : new Promise<void>((resolve) => waiters.add({ check, resolve }))),
  };
  const arrived = (): void => {
    for (const waiter of [...waiters].filter((entry) => entry.check(feed))) {
      waiters.delete(waiter);
      waiter.resolve();
    }
  };
  client.subscribe<T>(
    { query },
    {
      next: (value) => {
        if (value.errors) {
          feed.errors.push(value.errors);
        } else if (value.data) {
          feed.data.push(value.data);
        }
        arrived();
      },
      error: (error) => {
        feed.errors.push(error);
        arrived();
      },
      complete: () => undefined,
    },
  );
  return feed;
}

/** Opens a WebSocket upgrade with an Origin header; resolves with the HTTP status of a refusal or 101. */
export function upgradeStatus(baseUrl: string, origin: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${baseUrl.replace("http", "ws")}/graphql`, "graphql-transport-ws", { headers: origin ? { origin } : {} });
    socket.once("open", () => {
      socket.close();
      resolve(101);
    });
    socket.once("unexpected-response", (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once("error", (error) => reject(error));
  });
}

/** Logs a call (a new ticket) as the operator behind `cookie`; returns its id. */
export async function logTicket(gateway: TestGateway, cookie: string, phone: string): Promise<string> {
  const catalog = await gateway.gql<{ categories: Array<{ id: string; code: string }>; areas: Array<{ id: string; nameZh: string }> }>(
    "{ categories { id code } areas { id nameZh } }",
  );
  const logged = await gateway.gql<{ logCall: { id: string } }>(
    `mutation($input: LogCallInput!) { logCall(input: $input) { id } }`,
    {
      input: {
        requestType: "HELP",
        urgency: "NORMAL",
        categoryId: catalog.data!.categories.find((c) => c.code === "URBAN.NOISE")!.id,
        description: "楼下施工噪音持续到深夜。",
        districtId: catalog.data!.areas.find((a) => a.nameZh === "张店区")!.id,
        address: "张店区华光路 2 号",
        citizenName: "李先生",
        phone,
      },
    },
    cookie,
  );
  if (!logged.data) {
    throw new Error(`logCall failed: ${JSON.stringify(logged.errors)}`);
  }
  return logged.data.logCall.id;
}
