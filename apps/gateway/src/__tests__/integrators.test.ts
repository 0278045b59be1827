import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { DEMO_API_KEY, verifyWebhookSignature } from "@civicline/platform";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type GraphQLResponse, type TestGateway } from "./harness.js";
import { open311Post } from "./open311-client.js";

let gateway: TestGateway;
let admin: string;
let ids: { noise: string; zhangdian: string; township: string; noiseCode: string };
let receiver: Server;
let received: Array<{ headers: IncomingMessage["headers"]; body: string }> = [];

const CREATE = `mutation($i: CreateIntegratorInput!) { createIntegrator(input: $i) { key apiKey { id keyPrefix scopes state rateLimitPerMinute } integrator { id name } } }`;
const LOG_CALL = `mutation($input: LogCallInput!) { logCall(input: $input) { id trackingNumber } }`;
const MY_TICKETS = `{ integratorTickets(first: 50) { trackingNumber status timeline { status } } }`;

async function asKey<T = Record<string, unknown>>(key: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T> & { status: number; retryAfter: string | null }> {
  const response = await fetch(`${gateway.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", "x-api-key": key }, body: JSON.stringify({ query, variables }) });
  return { ...((await response.json()) as GraphQLResponse<T>), status: response.status, retryAfter: response.headers.get("retry-after") };
}

async function createIntegrator(scopes: string[], rateLimitPerMinute?: number): Promise<{ key: string; keyId: string; integratorId: string }> {
  const result = await gateway.gql<{ createIntegrator: { key: string; apiKey: { id: string }; integrator: { id: string } } }>(
    CREATE,
    { i: { name: `itg ${randomUUID().slice(0, 8)}`, scopes, ...(rateLimitPerMinute ? { rateLimitPerMinute } : {}) } },
    admin,
  );
  expect(result.errors).toBeUndefined();
  return { key: result.data!.createIntegrator.key, keyId: result.data!.createIntegrator.apiKey.id, integratorId: result.data!.createIntegrator.integrator.id };
}

function call(overrides: Record<string, unknown> = {}) {
  return {
    requestType: "COMPLAINT",
    categoryId: ids.noise,
    description: "楼下烧烤店每晚营业到凌晨两点，噪音和油烟扰民。",
    districtId: ids.zhangdian,
    townshipId: ids.township,
    address: "张店区共青团西路 88 号",
    citizenName: "王先生",
    phone: "13812345678",
    channel: "API",
    ...overrides,
  };
}

const codeOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  gateway = await startTestGateway();
  admin = await gateway.login("admin");
  const catalog = await gateway.gql<{ categories: Array<{ id: string; code: string }>; areas: Array<{ id: string; nameZh: string }> }>("{ categories { id code } areas { id nameZh } }");
  const zhangdian = catalog.data!.areas.find((a) => a.nameZh === "张店区")!.id;
  const townships = await gateway.gql<{ areas: Array<{ id: string }> }>("query($p: ID) { areas(parentId: $p) { id } }", { p: zhangdian });
  ids = { noise: catalog.data!.categories.find((c) => c.code === "URBAN.NOISE")!.id, noiseCode: "URBAN.NOISE", zhangdian, township: townships.data!.areas[0]!.id };
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
});

afterAll(async () => {
  receiver?.closeAllConnections();
  receiver?.close();
  await gateway?.stop();
});

describe("integrator keys", () => {
  it("shows the key once and stores only its hash; a telephony key cannot read or create tickets", async () => {
    const telephony = await createIntegrator(["TELEPHONY"]);
    expect(telephony.key).toMatch(/^cl_/);
    const stored = (await gateway.db.dataSource.query("SELECT key_hash, key_prefix FROM platform_api_key WHERE id = $1", [telephony.keyId])) as Array<{ key_hash: string; key_prefix: string }>;
    expect(stored[0]!.key_hash).not.toContain(telephony.key);
    expect(telephony.key.startsWith(stored[0]!.key_prefix.replace("…", ""))).toBe(true);
    const listed = await gateway.gql<{ integrators: Array<{ keys: Array<Record<string, unknown>> }> }>("{ integrators { keys { id keyPrefix } } }", {}, admin);
    expect(JSON.stringify(listed.data)).not.toContain(telephony.key);

    // Its scope works (an unknown seat is bad input, not a refusal) …
    const pop = await asKey(telephony.key, `mutation($i: IncomingCallInput!) { incomingCall(input: $i) { callId } }`, { i: { callId: "c-1", callerNumber: "13800000000", seat: "Z99" } });
    expect(codeOf(pop)).toBe("BAD_USER_INPUT");
    const missed = await asKey(telephony.key, "mutation($i: MissedCallInput!) { reportMissedCall(input: $i) { id } }", {
      i: { callId: `m-${randomUUID().slice(0, 8)}`, callerNumber: "13900006101", abandonedAt: new Date().toISOString(), waitedSeconds: 30, line: "12345-1" },
    });
    expect(missed.errors).toBeUndefined();
    // … nothing else does.
    expect(codeOf(await asKey(telephony.key, MY_TICKETS))).toBe("FORBIDDEN");
    expect(codeOf(await asKey(telephony.key, LOG_CALL, { input: call() }))).toBe("FORBIDDEN");
    expect(codeOf(await asKey(telephony.key, "{ webhooks { id } }"))).toBe("FORBIDDEN");
    const open311 = await open311Post(gateway, "requests.json", { service_code: ids.noiseCode, description: "路灯不亮已经三天了，晚上很危险。", lat: "36.81", long: "118.05" }, { "x-api-key": telephony.key });
    expect(open311.status).toBe(403);
    expect(open311.text).toContain("open311 scope");
    // A tickets:write key is refused the telephony operations.
    const writer = await createIntegrator(["TICKETS_WRITE"]);
    expect(codeOf(await asKey(writer.key, `mutation($i: IncomingCallInput!) { incomingCall(input: $i) { callId } }`, { i: { callId: "c-2", callerNumber: "13800000000", seat: "A01" } }))).toBe("FORBIDDEN");
  });

  it("a tickets:read key reads only the tickets its own integrator created (status and public timeline)", async () => {
    const mine = await createIntegrator(["TICKETS_WRITE", "TICKETS_READ"]);
    const theirs = await createIntegrator(["TICKETS_WRITE", "TICKETS_READ"]);
    const own = await asKey<{ logCall: { trackingNumber: string } }>(mine.key, LOG_CALL, { input: call() });
    const other = await asKey<{ logCall: { trackingNumber: string } }>(theirs.key, LOG_CALL, { input: call({ phone: "13912345678" }) });
    expect(own.errors).toBeUndefined();
    const list = await asKey<{ integratorTickets: Array<{ trackingNumber: string; status: string; timeline: Array<{ status: string }> }> }>(mine.key, MY_TICKETS);
    expect(list.data!.integratorTickets.map((ticket) => ticket.trackingNumber)).toEqual([own.data!.logCall.trackingNumber]);
    expect(list.data!.integratorTickets[0]!.timeline.length).toBeGreaterThan(0);
    const one = await asKey<{ integratorTicket: { status: string } }>(mine.key, `query($n: String!) { integratorTicket(trackingNumber: $n) { status timeline { at status } } }`, { n: own.data!.logCall.trackingNumber });
    expect(one.errors).toBeUndefined();
    const foreign = await asKey(mine.key, `query($n: String!) { integratorTicket(trackingNumber: $n) { status } }`, { n: other.data!.logCall.trackingNumber });
    expect(codeOf(foreign)).toBe("INTAKE/TICKET_NOT_FOUND");
    // Staff never use these queries.
    expect(codeOf(await gateway.gql(MY_TICKETS, {}, admin))).toBe("FORBIDDEN");
  });

  it("refuses a revoked key at once, and a rotated key after its overlap period", async () => {
    const integrator = await createIntegrator(["TICKETS_READ"]);
    expect((await asKey(integrator.key, MY_TICKETS)).errors).toBeUndefined();
    // Rotation with an overlap: both keys work.
    const rotated = await gateway.gql<{ rotateIntegratorKey: { key: string; apiKey: { id: string; scopes: string[] } } }>(
      "mutation($k: ID!) { rotateIntegratorKey(keyId: $k, overlapHours: 1) { key apiKey { id scopes } } }",
      { k: integrator.keyId },
      admin,
    );
    expect(rotated.data!.rotateIntegratorKey.apiKey.scopes).toEqual(["TICKETS_READ"]);
    const next = rotated.data!.rotateIntegratorKey.key;
    expect((await asKey(integrator.key, MY_TICKETS)).errors).toBeUndefined();
    expect((await asKey(next, MY_TICKETS)).errors).toBeUndefined();
    const states = await gateway.gql<{ integrator: { keys: Array<{ id: string; state: string }> } }>("query($id: ID!) { integrator(id: $id) { keys { id state } } }", { id: integrator.integratorId }, admin);
    expect(states.data!.integrator.keys.find((key) => key.id === integrator.keyId)!.state).toBe("EXPIRING");
    // Rotating the new one with no overlap: it stops at once (the cache was told over NOTIFY).
    const again = await gateway.gql<{ rotateIntegratorKey: { key: string } }>("mutation($k: ID!) { rotateIntegratorKey(keyId: $k, overlapHours: 0) { key } }", { k: rotated.data!.rotateIntegratorKey.apiKey.id }, admin);
    await waitFor(async () => codeOf(await asKey(next, MY_TICKETS)) === "UNAUTHENTICATED");
    // Revocation: refused on the very next request (cached for the first request, dropped on commit).
    const latest = again.data!.rotateIntegratorKey.key;
    expect((await asKey(latest, MY_TICKETS)).errors).toBeUndefined();
    const [latestRow] = (await gateway.db.dataSource.query("SELECT id FROM platform_api_key WHERE replaces_key_id = $1", [rotated.data!.rotateIntegratorKey.apiKey.id])) as Array<{ id: string }>;
    const revoked = await gateway.gql<{ revokeIntegratorKey: { state: string } }>("mutation($k: ID!) { revokeIntegratorKey(keyId: $k) { state revokedAt } }", { k: latestRow!.id }, admin);
    expect(revoked.data!.revokeIntegratorKey.state).toBe("REVOKED");
    await waitFor(async () => codeOf(await asKey(latest, MY_TICKETS)) === "UNAUTHENTICATED", 1_000);
    // Audit entries for each admin action.
    const audit = (await gateway.db.dataSource.query("SELECT action FROM platform_audit_entry WHERE action LIKE 'integrator.%' AND (entity_id = $1 OR entity_id = $2 OR entity_id = $3 OR entity_id = $4) ORDER BY at", [
      integrator.integratorId,
      integrator.keyId,
      rotated.data!.rotateIntegratorKey.apiKey.id,
      latestRow!.id,
    ])) as Array<{ action: string }>;
    expect(audit.map((row) => row.action)).toEqual(["integrator.create", "integrator.key_rotate", "integrator.key_rotate", "integrator.key_revoke"]);
  });

  it("answers 429 with Retry-After past the key's rate limit, and records the last use", async () => {
    await awayFromMinuteEnd();
    const limited = await createIntegrator(["TICKETS_READ"], 3);
    const answers = [];
    for (let n = 0; n < 5; n += 1) {
      answers.push(await asKey(limited.key, MY_TICKETS));
    }
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 429, 429]);
    expect(Number(answers[3]!.retryAfter)).toBeGreaterThan(0);
    expect(Number(answers[3]!.retryAfter)).toBeLessThanOrEqual(60);
    expect(codeOf(answers[3]!)).toBe("RATE_LIMITED");
    // Another key is not affected.
    expect((await asKey(DEMO_API_KEY, MY_TICKETS)).status).toBe(200);
    // Open311 creation counts against the key too, answered in Open311's error format.
    const open311 = await createIntegrator(["OPEN311"], 1);
    const form = { service_code: ids.noiseCode, description: "工地夜间施工噪音很大，影响休息。", lat: "36.81", long: "118.05" };
    expect((await open311Post(gateway, "requests.json", form, { "x-api-key": open311.key })).status).not.toBe(429);
    const second = await fetch(`${gateway.url}/open311/v2/requests.json`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-api-key": open311.key },
      body: new URLSearchParams(form).toString(),
    });
    expect(second.status).toBe(429);
    expect(Number(second.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await second.json()) as Array<{ code: number }>)[0]!.code).toBe(429);
    await waitFor(async () => {
      const view = await gateway.gql<{ integrator: { keys: Array<{ lastUsedAt: string | null }> } }>("query($id: ID!) { integrator(id: $id) { keys { lastUsedAt } } }", { id: limited.integratorId }, admin);
      return view.data!.integrator.keys[0]!.lastUsedAt !== null;
    }, 3_000);
  });

  it("refuses bad input with coded errors and stores nothing", async () => {
    const count = async () => ((await gateway.db.dataSource.query("SELECT (SELECT count(*) FROM platform_integrator)::int + (SELECT count(*) FROM platform_api_key)::int AS n")) as Array<{ n: number }>)[0]!.n;
    const before = await count();
    const name = `dup ${randomUUID().slice(0, 8)}`;
    await gateway.gql(CREATE, { i: { name, scopes: ["OPEN311"] } }, admin);
    const duplicate = await gateway.gql(CREATE, { i: { name, scopes: ["OPEN311"] } }, admin);
    expect(duplicate.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [expect.objectContaining({ field: "name", code: "TAKEN" })] });
    const noScope = await gateway.gql(CREATE, { i: { name: "x", scopes: [] } }, admin);
    expect(noScope.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [expect.objectContaining({ field: "scopes" })] });
    const badRate = await gateway.gql(CREATE, { i: { name: "y", scopes: ["OPEN311"], rateLimitPerMinute: 0 } }, admin);
    expect(badRate.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [expect.objectContaining({ field: "rateLimitPerMinute" })] });
    expect(await count()).toBe(before + 2);
    expect(codeOf(await gateway.gql(CREATE, { i: { name: "z", scopes: ["OPEN311"] } }, await gateway.login("supervisor")))).toBe("FORBIDDEN");
    expect(codeOf(await asKey(DEMO_API_KEY, CREATE, { i: { name: "z", scopes: ["OPEN311"] } }))).toBe("FORBIDDEN");
  });
});

describe("webhooks", () => {
  it("an admin subscribes an integrator; its ticket's events arrive signed, with an event id, and are logged", async () => {
    const integrator = await createIntegrator(["TICKETS_WRITE", "TICKETS_READ", "WEBHOOKS"]);
    const port = (receiver.address() as AddressInfo).port;
    const url = `http://127.0.0.1:${port}/civicline`;
    // Loopback is refused unless an admin allows it on the webhook.
    const refused = await gateway.gql("mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { signingSecret } }", { i: { integratorId: integrator.integratorId, url, events: ["TICKET_RECEIVED"] } }, admin);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [expect.objectContaining({ field: "url", code: "PRIVATE_ADDRESS" })] });
    const ftp = await gateway.gql("mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { signingSecret } }", { i: { integratorId: integrator.integratorId, url: "ftp://example.com/", events: ["TICKET_RECEIVED"], allowPrivateNetwork: true } }, admin);
    expect(ftp.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [expect.objectContaining({ field: "url", code: "SCHEME_NOT_ALLOWED" })] });
    // The integrator itself may not allow private addresses.
    expect(codeOf(await asKey(integrator.key, "mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { signingSecret } }", { i: { url, events: ["TICKET_RECEIVED"], allowPrivateNetwork: true } }))).toBe("FORBIDDEN");
    const created = await gateway.gql<{ createWebhook: { signingSecret: string; webhook: { id: string } } }>(
      "mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { signingSecret webhook { id url events allowPrivateNetwork } } }",
      { i: { integratorId: integrator.integratorId, url, events: ["TICKET_RECEIVED", "TICKET_CLOSED"], allowPrivateNetwork: true } },
      admin,
    );
    expect(created.errors).toBeUndefined();
    const { signingSecret, webhook } = created.data!.createWebhook;
    received = [];
    const ticket = await asKey<{ logCall: { trackingNumber: string } }>(integrator.key, LOG_CALL, { input: call() });
    // Another integrator's ticket is not sent to this webhook.
    await asKey(DEMO_API_KEY, LOG_CALL, { input: call() });
    await waitFor(async () => received.length >= 1, 10_000);
    const hit = received[0]!;
    expect(verifyWebhookSignature({ secret: signingSecret, body: hit.body, timestamp: hit.headers["x-civicline-timestamp"] as string, signature: hit.headers["x-civicline-signature"] as string })).toBe(true);
    const body = JSON.parse(hit.body) as { id: string; type: string; data: { trackingNumber: string } };
    expect(body).toMatchObject({ type: "ticket.received", data: { trackingNumber: ticket.data!.logCall.trackingNumber } });
    expect(hit.headers["x-civicline-event-id"]).toBe(body.id);
    const log = await gateway.gql<{ webhookDeliveries: Array<{ status: string; eventId: string; lastStatusCode: number; lastLatencyMs: number; lastResponseExcerpt: string }> }>(
      "query($w: ID!) { webhookDeliveries(webhookId: $w) { status eventId lastStatusCode lastLatencyMs lastResponseExcerpt attemptLog { statusCode } } }",
      { w: webhook.id },
      admin,
    );
    await waitFor(async () => {
      const again = await gateway.gql<{ webhookDeliveries: Array<{ status: string }> }>("query($w: ID!) { webhookDeliveries(webhookId: $w) { status } }", { w: webhook.id }, admin);
      return again.data!.webhookDeliveries[0]?.status === "DELIVERED";
    });
    expect(log.data!.webhookDeliveries).toHaveLength(1);
    expect(log.data!.webhookDeliveries[0]!.eventId).toBe(body.id);
    // The integrator reads its own webhook's log; others' webhooks look absent.
    expect((await asKey(integrator.key, "query($w: ID!) { webhookDeliveries(webhookId: $w) { status } }", { w: webhook.id })).errors).toBeUndefined();
    expect(codeOf(await asKey(DEMO_API_KEY, "query($w: ID!) { webhookDeliveries(webhookId: $w) { status } }", { w: webhook.id }))).toBe("WEBHOOK/NOT_FOUND");
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) {
      return;
    }
    if (Date.now() > until) {
      throw new Error("condition not met in time");
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits out the last seconds of a minute, so a short burst stays within one rate-limit window. */
async function awayFromMinuteEnd(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 8_000) {
    await new Promise((resolve) => setTimeout(resolve, left + 100));
  }
}
