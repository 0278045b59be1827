import type { IncomingMessage } from "node:http";
import { loadConfig } from "@civicline/platform";
import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GRAPHQL_LIMITS } from "../graphql-limits.js";
import { startTestGateway, type TestGateway } from "./harness.js";
import { socketOriginAllowed, socketOrigins } from "../ws-guard.js";
import { follow, openSocket, upgradeStatus } from "./ws-probe.js";

type Outcome = { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };

let gateway: TestGateway;
let socket: Client;

beforeAll(async () => {
  gateway = await startTestGateway();
  const probe = openSocket(gateway.url);
  socket = probe.client;
  await probe.connected;
});
afterAll(async () => {
  await socket?.dispose();
  await gateway?.stop();
});

/** One operation over the anonymous socket: its data, or the errors of its `error` message. */
async function overSocket(query: string): Promise<Outcome> {
  const feed = follow<unknown>(socket, query);
  await feed.until((current) => current.data.length + current.errors.length > 0);
  return feed.data.length > 0 ? { data: feed.data[0] } : { errors: feed.errors[0] as Outcome["errors"] };
}

const DEEP = `{ ${"... on Query { ".repeat(GRAPHQL_LIMITS.maxDepth + 2)}__typename ${"} ".repeat(GRAPHQL_LIMITS.maxDepth + 2)}}`;
const MANY_TOKENS = `{ categories { ${"id ".repeat(GRAPHQL_LIMITS.maxTokens + 100)} } }`;

describe("operations over the WebSocket meet the same rules as over HTTP (production)", () => {
  it("refuses introspection without a login", async () => {
    const outcome = await overSocket("{ __schema { types { name } } }");
    expect(outcome.data).toBeUndefined();
    expect(outcome.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(outcome.errors?.[0]?.message).toMatch(/introspection/i);
  });

  it("refuses a too-deep document with HTTP's answer", async () => {
    const http = await gateway.gql(DEEP);
    const ws = await overSocket(DEEP);
    expect(http.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(ws.errors?.map((error) => ({ message: error.message, code: error.extensions?.code }))).toEqual(
      http.errors?.map((error) => ({ message: error.message, code: error.extensions?.code })),
    );
  });

  it("refuses a document over the token limit, and a syntax error, without closing the socket", async () => {
    const tokens = await overSocket(MANY_TOKENS);
    expect(tokens.errors?.[0]).toMatchObject({ extensions: { code: "GRAPHQL_PARSE_FAILED" } });
    expect(tokens.errors?.[0]?.message).toMatch(/tokens/i);
    const syntax = await overSocket("{ categories { id ");
    expect(syntax.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(await overSocket("{ __typename }")).toEqual({ data: { __typename: "Query" } });
  });

  it("hides field suggestions", async () => {
    const outcome = await overSocket("{ categorie { id } }");
    expect(outcome.errors?.[0]?.message).not.toMatch(/did you mean|suggestion/i);
  });
});

describe("the WebSocket's Origin check", () => {
  it("refuses a page of another site and accepts the gateway's own origin", async () => {
    expect(await upgradeStatus(gateway.url, "https://evil.example")).toBe(403);
    expect(await upgradeStatus(gateway.url, "null")).toBe(403);
    expect(await upgradeStatus(gateway.url, new URL(gateway.url).origin)).toBe(101);
  });

  it("accepts a client that sends no Origin (not a browser: it brings its own credentials)", async () => {
    expect(await upgradeStatus(gateway.url, undefined)).toBe(101);
  });
});

describe("which origins may open the socket", () => {
  const upgrade = (origin: string, host = "gateway.internal:4000") => ({ headers: { origin, host } }) as unknown as IncomingMessage;
  const configured = loadConfig({ CIVICLINE_ALLOWED_ORIGINS: "https://ops.example.org, https://wall.example.org:8443", CIVICLINE_PUBLIC_URL: "https://12345.zibo.gov.cn/" });

  it("takes CIVICLINE_ALLOWED_ORIGINS and the public URL's origin; localhost dev ports only in development", () => {
    const production = socketOrigins({ ...configured, development: false });
    expect([...production].sort()).toEqual(["https://12345.zibo.gov.cn", "https://ops.example.org", "https://wall.example.org:8443"]);
    expect(socketOriginAllowed(upgrade("https://wall.example.org:8443"), production)).toBe(true);
    expect(socketOriginAllowed(upgrade("https://wall.example.org"), production)).toBe(false);
    expect(socketOriginAllowed(upgrade("http://localhost:5173"), production)).toBe(false);
    expect(socketOriginAllowed(upgrade("http://localhost:5173"), socketOrigins({ ...configured, development: true }))).toBe(true);
    expect(socketOriginAllowed(upgrade("http://gateway.internal:4000"), production)).toBe(true);
  });

  it("refuses a setting that is not a list of origins", () => {
    expect(() => loadConfig({ CIVICLINE_ALLOWED_ORIGINS: "ops.example.org" })).toThrow(/CIVICLINE_ALLOWED_ORIGINS/);
    expect(() => loadConfig({ CIVICLINE_ALLOWED_ORIGINS: "https://ops.example.org/app" })).toThrow(/CIVICLINE_ALLOWED_ORIGINS/);
  });
});
