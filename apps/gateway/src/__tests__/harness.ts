import type { DestinationStream } from "@civicline/platform";
import { createTestDatabase, type TestDatabase } from "@civicline/platform/testing";
import { createClient, type Client } from "graphql-ws";
import { expect } from "vitest";
import WebSocket from "ws";
import { startApp, type RunningApp } from "../app.js";
import { allEntities, allMigrations } from "../modules.js";

export type GraphQLResponse<T = Record<string, unknown>> = {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; fields?: Array<{ field: string; message: string }> } & Record<string, unknown> }>;
};

export type TestGateway = {
  app: RunningApp;
  url: string;
  db: TestDatabase;
  /** POSTs a GraphQL document; `cookie` authenticates as a logged-in user. */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, cookie?: string): Promise<GraphQLResponse<T>>;
  /** Logs in a demo account and returns its session cookie. */
  login(username: string, password?: string): Promise<string>;
  /** A graphql-ws client sending the cookie with the upgrade request, as a browser does. */
  wsClient(cookie?: string): Client;
  stop(): Promise<void>;
};

/**
 * Waits until the gateway's background work is done for now: every outbox event handled and no durable
 * timer due (with the clock shifted a year ahead, every seeded timer is due at once). Tests that count the
 * SQL statements of a request call it first, so that the statements of that work do not land in their window.
 */
export async function settleBackground(gateway: TestGateway): Promise<void> {
  await gateway.app.outbox.drain();
  const dueTimers = async () =>
    ((await gateway.db.dataSource.query("SELECT count(*)::int AS n FROM platform_timer WHERE fired_at IS NULL AND available_at <= now()")) as Array<{ n: number }>)[0]!.n;
  await expect.poll(dueTimers, { timeout: 20_000, interval: 50 }).toBe(0);
}

/**
 * A real gateway (HTTP + WebSocket) on a fresh, migrated, demo-seeded database, in production mode
 * with the development SMS sender allowed. `logLevel` and `logDestination` let a test read its log.
 */
export async function startTestGateway(options: { logLevel?: string; logDestination?: DestinationStream } = {}): Promise<TestGateway> {
  const db = await createTestDatabase({ entities: allEntities, migrations: allMigrations });
  const app = await startApp(
    { databaseUrl: db.url, port: 0, seedDemoOnEmpty: true, logLevel: options.logLevel ?? "warn", nodeEnv: "production", allowDevSmsInProduction: true },
    { logDestination: options.logDestination },
  );
  const gql: TestGateway["gql"] = async (query, variables, cookie) => {
    const response = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<never>;
  };
  return {
    app,
    url: app.url,
    db,
    gql,
    login: async (username, password = "civicline-demo") => {
      const response = await fetch(`${app.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { token } }`, variables: { u: username, p: password } }),
      });
      const cookie = response.headers.get("set-cookie");
      if (!cookie) {
        throw new Error(`login as ${username} failed: ${await response.text()}`);
      }
      return cookie.split(";")[0]!;
    },
    wsClient: (cookie) =>
      createClient({
        url: `${app.url.replace("http", "ws")}/graphql`,
        retryAttempts: 0,
        lazy: false,
        webSocketImpl: class extends WebSocket {
          constructor(address: string, protocols?: string | string[]) {
            super(address, protocols, { headers: cookie ? { cookie } : {} });
          }
        },
      }),
    stop: async () => {
      await app.stop();
      await db.destroy();
    },
  };
}

/** Ids the slice needs: a selectable category and a district with one of its townships. */
export async function pickSliceIds(gateway: TestGateway): Promise<{ categoryId: string; districtId: string; townshipId: string }> {
  const catalog = await gateway.gql<{ categories: Array<{ id: string; code: string }>; areas: Array<{ id: string; nameZh: string }> }>(
    "{ categories { id code } areas { id nameZh } }",
  );
  const category = catalog.data!.categories.find((c) => c.code === "URBAN.NOISE") ?? catalog.data!.categories.find((c) => c.code.includes("."))!;
  const district = catalog.data!.areas.find((a) => a.nameZh === "张店区")!;
  const townships = await gateway.gql<{ areas: Array<{ id: string }> }>("query($p: ID) { areas(parentId: $p) { id } }", { p: district.id });
  return { categoryId: category.id, districtId: district.id, townshipId: townships.data!.areas[0]!.id };
}
