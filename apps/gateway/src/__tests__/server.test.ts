import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { printGatewaySchema } from "../schema.js";
import { startTestGateway, type TestGateway } from "./harness.js";

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(() => gateway?.stop());

describe("HTTP endpoints", () => {
  it("answers /healthz and /readyz", async () => {
    expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${gateway.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });

  it("redirects / to the portal", async () => {
    const response = await fetch(`${gateway.url}/`, { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/portal/");
  });

  it("does not advertise the framework", async () => {
    expect((await fetch(`${gateway.url}/healthz`)).headers.get("x-powered-by")).toBeNull();
  });
});

describe("production defaults", () => {
  it("turns introspection off", async () => {
    const response = await gateway.gql("{ __schema { types { name } } }");
    expect(response.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(response.data ?? undefined).toBeUndefined();
  });

  it("hides field suggestions", async () => {
    const response = await gateway.gql("{ ticketQueu { total } }");
    expect(response.errors?.[0]?.message).not.toMatch(/did you mean|suggestion/i);
  });

  it("refuses a simple cross-site request (CSRF prevention)", async () => {
    const response = await fetch(`${gateway.url}/graphql?query=${encodeURIComponent("{ categories { id } }")}`);
    expect(response.status).toBe(400);
  });

  it("limits aliases and the size of a document", async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: categories { id }`).join(" ");
    const response = await gateway.gql(`{ ${aliases} }`);
    expect(response.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(response.errors?.[0]?.message).toMatch(/alias/i);
    const huge = await gateway.gql(`{ categories { ${"id ".repeat(4000)} } }`);
    expect(huge.errors?.[0]?.extensions?.code).toMatch(/GRAPHQL_(PARSE|VALIDATION)_FAILED|BAD_REQUEST/);
    expect(huge.data ?? undefined).toBeUndefined();
  });

  it("refuses a body larger than the limit with a code", async () => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ categories { id } }", variables: { pad: "x".repeat(600 * 1024) } }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
  });

  it("answers malformed JSON with a code and no stack", async () => {
    const response = await fetch(`${gateway.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: "{ nope" });
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(text).not.toMatch(/at .*\.(js|ts):\d+/);
  });
});

describe("authentication", () => {
  it("sets an HTTP-only session cookie and accepts the token as a bearer too", async () => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `mutation { login(input: { username: "Dispatcher", password: "civicline-demo" }) { token viewer { roles } } }` }),
    });
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/civicline_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const body = (await response.json()) as { data: { login: { token: string; viewer: { roles: string[] } } } };
    expect(body.data.login.viewer.roles).toEqual(["DISPATCHER"]);
    const me = await fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${body.data.login.token}` },
      body: JSON.stringify({ query: "{ me { username } }" }),
    });
    expect(await me.json()).toEqual({ data: { me: { username: "dispatcher" } } });
  });

  it("ends the session on logout", async () => {
    const cookie = await gateway.login("supervisor");
    expect((await gateway.gql("{ me { username } }", undefined, cookie)).data).toEqual({ me: { username: "supervisor" } });
    await gateway.gql("mutation { logout }", undefined, cookie);
    expect((await gateway.gql("{ me { username } }", undefined, cookie)).data).toEqual({ me: null });
  });

  it("tells an anonymous caller to log in, and a handler that the centre queue is not theirs", async () => {
    expect((await gateway.gql("{ ticketQueue { total } }")).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const handler = await gateway.login("handler");
    expect((await gateway.gql("{ ticketQueue { total } }", undefined, handler)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("refuses the live queue subscription without a login", async () => {
    const client = gateway.wsClient();
    const outcome = await new Promise<unknown>((resolve) => {
      client.subscribe({ query: "subscription { ticketReceived { id } }" }, { next: resolve, error: resolve, complete: () => resolve("complete") });
    });
    await client.dispose();
    expect(JSON.stringify(outcome)).toMatch(/UNAUTHENTICATED/);
  });

  it("authenticates an integrator by API key", async () => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": "cl_demo_integrator_0123456789abcdef" },
      body: JSON.stringify({ query: "{ me { username } }" }),
    });
    expect(await response.json()).toEqual({ data: { me: null } });
  });
});

describe("the committed schema", () => {
  it("matches what the code emits (run `pnpm --filter @civicline/gateway write:schema` when it does not)", async () => {
    const committed = await readFile(new URL("../../schema.graphql", import.meta.url), "utf8");
    expect(committed).toBe(await printGatewaySchema());
  });
});

describe("text that cannot be stored", () => {
  it("answers a NUL byte in a login with a coded input error naming the field, not a crash (nor a counted failure)", async () => {
    const login = await gateway.gql(`mutation($u: String!) { login(input: { username: $u, password: "x" }) { token } }`, { u: "oper\u0000ator" });
    expect(login.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(JSON.stringify(login.errors?.[0]?.extensions)).toMatch(/username/);
  });
});
