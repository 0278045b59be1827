import "reflect-metadata";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createHmac, randomUUID } from "node:crypto";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor.js";
import { Role } from "../auth/roles.js";
import { platformModule } from "../platform.module.js";
import { createTestDatabase, type TestDatabase } from "../testing/index.js";
import { checkWebhookUrl, isPrivateAddress } from "./ssrf.js";
import { WebhookDispatcher } from "./webhook-dispatcher.js";
import { createWebhook, enqueueWebhookEvent, listDeliveries, redeliverWebhook, updateWebhook, verifyWebhookSignature, WEBHOOK_HEADERS, WebhookEventType } from "./webhooks.js";

const log = pino({ level: "silent" });
let db: TestDatabase;
const servers: Server[] = [];
const dispatchers: WebhookDispatcher[] = [];
const admin: Actor = { kind: "staff", id: randomUUID(), name: "admin", roles: [Role.ADMIN], unitId: null };

type Received = { headers: IncomingMessage["headers"]; body: string };

/** A test receiver on 127.0.0.1 answering with `answer` (status, or "hang" = never answer). */
async function receiver(answer: (n: number) => number | "hang"): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const status = answer(received.length);
      if (status !== "hang") {
        res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "thanks" : "receiver is down");
      }
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
}

async function integrator(): Promise<string> {
  const [row] = (await db.dataSource.query("INSERT INTO platform_integrator (name) VALUES ($1) RETURNING id", [`itg ${randomUUID()}`])) as Array<{ id: string }>;
  return row!.id;
}

/** A clock the test moves; deliveries are queued on the database clock, so it starts a little ahead of it. */
function clock() {
  let now = Date.now() + 1_000;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

function dispatcher(now: () => Date, timeoutMs = 500): WebhookDispatcher {
  const created = new WebhookDispatcher(db.dataSource, log, { now, timeoutMs, leaseMs: 5_000 });
  dispatchers.push(created);
  return created;
}

beforeAll(async () => {
  db = await createTestDatabase({ entities: platformModule.entities, migrations: platformModule.migrations });
});

afterEach(async () => {
  await Promise.all(dispatchers.splice(0).map((d) => d.stop()));
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

afterAll(async () => {
  await db?.destroy();
});

async function subscribe(url: string, integratorId: string, allowPrivateNetwork = true) {
  return createWebhook(db.dataSource, admin, { integratorId, url, events: [WebhookEventType.TICKET_RECEIVED, WebhookEventType.TICKET_CLOSED], allowPrivateNetwork });
}

describe("webhook deliveries", () => {
  it("signs the raw body with the timestamp; a receiver verifies it and de-duplicates on the event id", async () => {
    const target = await receiver(() => 200);
    const integratorId = await integrator();
    const { signingSecret, webhook } = await subscribe(target.url, integratorId);
    const event = { integratorId, id: `evt_${randomUUID()}`, type: WebhookEventType.TICKET_RECEIVED, occurredAt: new Date(), data: { trackingNumber: "ZB-20261206-00001" } };
    expect(await enqueueWebhookEvent(db.dataSource, event)).toBe(1);
    // The outbox handing the same event over again queues nothing more.
    expect(await enqueueWebhookEvent(db.dataSource, event)).toBe(0);
    // Not subscribed to this type: nothing.
    expect(await enqueueWebhookEvent(db.dataSource, { ...event, id: `evt_${randomUUID()}`, type: WebhookEventType.TICKET_REPLIED })).toBe(0);

    const time = clock();
    expect(await dispatcher(time.now).drain()).toBe(1);
    expect(target.received).toHaveLength(1);
    const [hit] = target.received;
    const ok = verifyWebhookSignature({
      secret: signingSecret,
      body: hit!.body,
      timestamp: hit!.headers[WEBHOOK_HEADERS.timestamp] as string,
      signature: hit!.headers[WEBHOOK_HEADERS.signature] as string,
      nowSeconds: Math.floor(time.now().getTime() / 1000),
    });
    expect(ok).toBe(true);
    // What a receiver computes on its own (the README's snippet): HMAC-SHA256 of "<timestamp>.<raw body>".
    const expected = createHmac("sha256", signingSecret).update(`${String(hit!.headers[WEBHOOK_HEADERS.timestamp])}.${hit!.body}`).digest("hex");
    expect(hit!.headers[WEBHOOK_HEADERS.signature]).toBe(`v1=${expected}`);
    expect(Math.abs(Number(hit!.headers[WEBHOOK_HEADERS.timestamp]) - Math.floor(time.now().getTime() / 1000))).toBeLessThanOrEqual(1);
    // A changed body, another secret or an old timestamp fail.
    const base = { timestamp: hit!.headers[WEBHOOK_HEADERS.timestamp] as string, signature: hit!.headers[WEBHOOK_HEADERS.signature] as string, nowSeconds: Math.floor(time.now().getTime() / 1000) };
    expect(verifyWebhookSignature({ ...base, secret: signingSecret, body: hit!.body.replace("00001", "00002") })).toBe(false);
    expect(verifyWebhookSignature({ ...base, secret: "whsec_other", body: hit!.body })).toBe(false);
    expect(verifyWebhookSignature({ ...base, secret: signingSecret, body: hit!.body, nowSeconds: base.nowSeconds + 3600 })).toBe(false);
    expect(JSON.parse(hit!.body)).toMatchObject({ id: event.id, type: "ticket.received", data: { trackingNumber: "ZB-20261206-00001" } });
    expect(hit!.headers[WEBHOOK_HEADERS.eventId]).toBe(event.id);

    const [delivery] = await listDeliveries(db.dataSource, admin, { webhookId: webhook.id });
    expect(delivery).toMatchObject({ status: "delivered", attempts: 1, lastStatusCode: 200, lastResponseExcerpt: "thanks" });
    expect(delivery!.lastLatencyMs).toBeGreaterThanOrEqual(0);
    expect(delivery!.attemptLog).toHaveLength(1);

    // Redeliver sends the same event id and body again.
    await redeliverWebhook(db.dataSource, admin, { deliveryId: delivery!.id });
    expect(await dispatcher(time.now).drain()).toBe(1);
    expect(target.received).toHaveLength(2);
    expect(target.received[1]!.body).toBe(hit!.body);
    expect(target.received[1]!.headers[WEBHOOK_HEADERS.eventId]).toBe(event.id);
  });

  it("retries after 500s and timeouts with exponential backoff, delivers once the receiver is back", async () => {
    // 500, no answer (timeout), then 200.
    const target = await receiver((n) => (n === 1 ? 500 : n === 2 ? "hang" : 200));
    const integratorId = await integrator();
    const { webhook } = await subscribe(target.url, integratorId);
    await enqueueWebhookEvent(db.dataSource, { integratorId, id: `evt_${randomUUID()}`, type: WebhookEventType.TICKET_CLOSED, occurredAt: new Date(), data: {} });
    const time = clock();
    const sender = dispatcher(time.now, 300);

    expect(await sender.drain()).toBe(1);
    let [delivery] = await listDeliveries(db.dataSource, admin, { webhookId: webhook.id });
    expect(delivery).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500, lastResponseExcerpt: "receiver is down" });
    expect(delivery!.nextAttemptAt.getTime() - time.now().getTime()).toBe(30_000);
    // Not due yet.
    time.advance(29_000);
    expect(await sender.drain()).toBe(0);
    time.advance(1_000);
    expect(await sender.drain()).toBe(1);
    [delivery] = await listDeliveries(db.dataSource, admin, { webhookId: webhook.id });
    expect(delivery).toMatchObject({ status: "pending", attempts: 2, lastStatusCode: null });
    expect(delivery!.lastError).toMatch(/no answer within 300 ms/);
    // The second wait is twice the first.
    expect(delivery!.nextAttemptAt.getTime() - time.now().getTime()).toBe(60_000);
    time.advance(60_000);
    expect(await sender.drain()).toBe(1);
    [delivery] = await listDeliveries(db.dataSource, admin, { webhookId: webhook.id });
    expect(delivery).toMatchObject({ status: "delivered", attempts: 3, lastStatusCode: 200 });
    expect(delivery!.attemptLog.map((attempt) => attempt.statusCode)).toEqual([500, null, 200]);
    expect(new Set(target.received.map((hit) => hit.headers[WEBHOOK_HEADERS.eventId])).size).toBe(1);
  });

  it("keeps retrying a receiver that is down for an hour, then delivers; gives up after 24 hours", async () => {
    let down = true;
    const target = await receiver(() => (down ? 503 : 200));
    const integratorId = await integrator();
    const { webhook } = await subscribe(target.url, integratorId);
    await enqueueWebhookEvent(db.dataSource, { integratorId, id: `evt_${randomUUID()}`, type: WebhookEventType.TICKET_CLOSED, occurredAt: new Date(), data: {} });
    const time = clock();
    // A restart between attempts: each pass is a new dispatcher (all state is in PostgreSQL).
    for (let minute = 0; minute < 60; minute += 1) {
      await dispatcher(time.now).drain();
      time.advance(60_000);
    }
    down = false;
    time.advance(3_600_000);
    expect(await dispatcher(time.now).drain()).toBe(1);
    const [delivery] = await listDeliveries(db.dataSource, admin, { webhookId: webhook.id });
    expect(delivery!.status).toBe("delivered");
    expect(delivery!.attempts).toBeGreaterThan(3);

    // Another event to a receiver that never recovers: failed after 24 hours.
    down = true;
    const other = { integratorId, id: `evt_${randomUUID()}`, type: WebhookEventType.TICKET_CLOSED, occurredAt: new Date(), data: {} };
    await enqueueWebhookEvent(db.dataSource, other);
    const late = clock();
    for (let hour = 0; hour < 26; hour += 1) {
      await dispatcher(late.now).drain();
      late.advance(3_600_000);
    }
    const failed = (await listDeliveries(db.dataSource, admin, { webhookId: webhook.id })).find((row) => row.eventId === other.id);
    expect(failed!.status).toBe("failed");
  });

  it("holds a paused webhook's deliveries until it is resumed", async () => {
    const target = await receiver(() => 200);
    const integratorId = await integrator();
    const { webhook } = await subscribe(target.url, integratorId);
    await enqueueWebhookEvent(db.dataSource, { integratorId, id: `evt_${randomUUID()}`, type: WebhookEventType.TICKET_CLOSED, occurredAt: new Date(), data: {} });
    await updateWebhook(db.dataSource, admin, { id: webhook.id, active: false });
    const time = clock();
    await dispatcher(time.now).drain();
    expect(target.received).toHaveLength(0);
    await updateWebhook(db.dataSource, admin, { id: webhook.id, active: true });
    await dispatcher(time.now).drain();
    expect(target.received).toHaveLength(1);
  });

  it("attempts a delivery on one instance at a time", async () => {
    const target = await receiver(() => 200);
    const integratorId = await integrator();
    await subscribe(target.url, integratorId);
    for (let n = 0; n < 12; n += 1) {
      await enqueueWebhookEvent(db.dataSource, { integratorId, id: `evt_${randomUUID()}`, type: WebhookEventType.TICKET_CLOSED, occurredAt: new Date(), data: { n } });
    }
    const time = clock();
    const [a, b] = await Promise.all([dispatcher(time.now).drain(), dispatcher(time.now).drain()]);
    expect(a + b).toBe(12);
    expect(target.received).toHaveLength(12);
  });
});

describe("server-side request forgery", () => {
  it("knows private, loopback and link-local addresses", () => {
    for (const address of ["127.0.0.1", "10.1.2.3", "172.16.5.4", "192.168.1.1", "169.254.169.254", "0.0.0.0", "100.64.0.1", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ["8.8.8.8", "114.114.114.114", "2400:3200::1"]) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });

  it("refuses non-http(s) URLs and hosts resolving to private addresses unless allowed; stores nothing", async () => {
    const integratorId = await integrator();
    const publicDns = async () => ["93.184.216.34"];
    const rebinding = async () => ["93.184.216.34", "10.0.0.7"];
    expect(await checkWebhookUrl("ftp://example.com/x", { allowPrivateNetwork: false, resolve: publicDns })).toMatchObject({ code: "SCHEME_NOT_ALLOWED" });
    expect(await checkWebhookUrl("https://user:pw@example.com/x", { allowPrivateNetwork: false, resolve: publicDns })).toMatchObject({ code: "CREDENTIALS_IN_URL" });
    expect(await checkWebhookUrl("https://example.com/x", { allowPrivateNetwork: false, resolve: publicDns })).toBeNull();
    expect(await checkWebhookUrl("https://hooks.example.com/x", { allowPrivateNetwork: false, resolve: rebinding })).toMatchObject({ code: "PRIVATE_ADDRESS" });
    expect(await checkWebhookUrl("http://169.254.169.254/latest/meta-data", { allowPrivateNetwork: false })).toMatchObject({ code: "PRIVATE_ADDRESS" });
    expect(await checkWebhookUrl("http://[::1]:8080/", { allowPrivateNetwork: false })).toMatchObject({ code: "PRIVATE_ADDRESS" });
    expect(await checkWebhookUrl("http://localhost:8080/", { allowPrivateNetwork: false })).toMatchObject({ code: "PRIVATE_ADDRESS" });
    expect(await checkWebhookUrl("http://localhost:8080/", { allowPrivateNetwork: true })).toBeNull();
    expect(await checkWebhookUrl("javascript:alert(1)", { allowPrivateNetwork: true })).toMatchObject({ code: "SCHEME_NOT_ALLOWED" });

    const before = (await db.dataSource.query("SELECT count(*)::int AS n FROM platform_webhook")) as Array<{ n: number }>;
    for (const url of ["ftp://example.com/x", "http://127.0.0.1:9/x", "gopher://x"]) {
      await expect(createWebhook(db.dataSource, admin, { integratorId, url, events: [WebhookEventType.TICKET_RECEIVED] })).rejects.toMatchObject({ code: "BAD_USER_INPUT", details: { fields: [expect.objectContaining({ field: "url" })] } });
    }
    const integratorActor: Actor = { kind: "integrator", id: integratorId, name: "x", roles: [Role.INTEGRATOR], unitId: null, scopes: ["webhooks"] };
    await expect(createWebhook(db.dataSource, integratorActor, { url: "http://127.0.0.1:9/x", events: [WebhookEventType.TICKET_RECEIVED], allowPrivateNetwork: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const after = (await db.dataSource.query("SELECT count(*)::int AS n FROM platform_webhook")) as Array<{ n: number }>;
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it("does not connect to a private address at delivery time when the webhook does not allow it", async () => {
    const target = await receiver(() => 200);
    const integratorId = await integrator();
    const { webhook } = await subscribe(target.url, integratorId, true);
    // The address became private after it was saved (or an admin withdrew the permission).
    await db.dataSource.query("UPDATE platform_webhook SET allow_private_network = false, url = $2 WHERE id = $1", [webhook.id, target.url.replace("127.0.0.1", "localhost")]);
    await enqueueWebhookEvent(db.dataSource, { integratorId, id: `evt_${randomUUID()}`, type: WebhookEventType.TICKET_CLOSED, occurredAt: new Date(), data: {} });
    const time = clock();
    expect(await dispatcher(time.now).drain()).toBe(1);
    await db.dataSource.query("UPDATE platform_webhook SET url = $2 WHERE id = $1", [webhook.id, target.url]);
    await enqueueWebhookEvent(db.dataSource, { integratorId, id: `evt_${randomUUID()}`, type: WebhookEventType.TICKET_CLOSED, occurredAt: new Date(), data: {} });
    expect(await dispatcher(time.now).drain()).toBe(1);
    expect(target.received).toHaveLength(0);
    const deliveries = await listDeliveries(db.dataSource, admin, { webhookId: webhook.id });
    expect(deliveries.map((delivery) => delivery.lastError)).toEqual([expect.stringMatching(/private address/), expect.stringMatching(/private address/)]);
    expect(deliveries.every((delivery) => delivery.status === "pending")).toBe(true);
  });
});

describe("indexes", () => {
  it("finds due deliveries, a webhook's log, an integrator's keys and webhooks through indexes", async () => {
    const runner = db.dataSource.createQueryRunner();
    await runner.query("SET enable_seqscan = off");
    const plan = async (sql: string) => ((await runner.query(`EXPLAIN ${sql}`)) as Array<{ "QUERY PLAN": string }>).map((row) => row["QUERY PLAN"]).join("\n");
    try {
      expect(
        await plan(`SELECT id FROM platform_webhook_delivery WHERE status = 'pending' AND next_attempt_at <= now() AND (locked_until IS NULL OR locked_until <= now()) ORDER BY next_attempt_at LIMIT 8`),
      ).toContain("platform_webhook_delivery_due_idx");
      expect(await plan(`SELECT * FROM platform_webhook_delivery WHERE webhook_id = '00000000-0000-4000-8000-000000000001' ORDER BY created_at DESC LIMIT 50`)).toContain(
        "platform_webhook_delivery_log_idx",
      );
      expect(await plan(`SELECT * FROM platform_webhook_attempt WHERE delivery_id = ANY('{00000000-0000-4000-8000-000000000001}'::uuid[]) ORDER BY at`)).toContain(
        "platform_webhook_attempt_delivery_idx",
      );
      expect(await plan(`SELECT * FROM platform_api_key WHERE integrator_id = ANY('{00000000-0000-4000-8000-000000000001}'::uuid[]) ORDER BY created_at DESC`)).toContain(
        "platform_api_key_integrator_idx",
      );
      expect(await plan(`SELECT id FROM platform_webhook w WHERE w.integrator_id = '00000000-0000-4000-8000-000000000001' AND w.active`)).toContain("platform_webhook_integrator_idx");
    } finally {
      await runner.query("SET enable_seqscan = on");
      await runner.release();
    }
  });
});
