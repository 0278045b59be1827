import { Role, upsertUser } from "@civicline/platform";
import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type GraphQLResponse, type TestGateway } from "./harness.js";
import { subscribedOn } from "./subscriptions.js";

const API_KEY = "cl_demo_integrator_0123456789abcdef";
const INCOMING_CALL = `mutation($input: IncomingCallInput!) { incomingCall(input: $input) { callId callerNumber seat history { openCount tickets { id } } } }`;

type Pop = {
  callId: string;
  callerNumber: string;
  seat: string;
  receivedAt: string;
  history: { phone: string; openCount: number; tickets: Array<{ trackingNumber: string; citizenPhone: string; status: string; receivedAt: string }> };
};
type Counts = { waitingForDispatch: number; mineToday: number; emergencies: number; received: number };

let gateway: TestGateway;
const clients: Client[] = [];

beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await gateway?.stop();
});

function integratorGql<T>(query: string, variables: Record<string, unknown>): Promise<GraphQLResponse<T>> {
  return fetch(`${gateway.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": API_KEY },
    body: JSON.stringify({ query, variables }),
  }).then((response) => response.json() as Promise<GraphQLResponse<T>>);
}

async function logCallAs(cookie: string, phone: string, urgency = "NORMAL"): Promise<{ id: string; version: number; trackingNumber: string }> {
  const catalog = await gateway.gql<{ categories: Array<{ id: string; code: string }>; areas: Array<{ id: string; nameZh: string }> }>("{ categories { id code } areas { id nameZh } }");
  const logged = await gateway.gql<{ logCall: { id: string; version: number; trackingNumber: string } }>(
    `mutation($input: LogCallInput!) { logCall(input: $input) { id version trackingNumber } }`,
    {
      input: {
        requestType: "HELP",
        urgency,
        categoryId: catalog.data!.categories.find((c) => c.code === "SAFETY.GAS_LEAK")!.id,
        description: "楼道里燃气味很重，怀疑管道泄漏。",
        districtId: catalog.data!.areas.find((a) => a.nameZh === "张店区")!.id,
        address: "张店区华光路 1 号",
        citizenName: "钱女士",
        phone,
      },
    },
    cookie,
  );
  expect(logged.errors).toBeUndefined();
  return logged.data!.logCall;
}

/** Subscribes and collects what arrives; resolves once the server has registered the subscription or refused it. */
async function listen<T>(cookie: string | undefined, query: string): Promise<{ received: T[]; errors: unknown[] }> {
  const client = gateway.wsClient(cookie);
  clients.push(client);
  const received: T[] = [];
  const errors: unknown[] = [];
  await subscribedOn(
    gateway.app,
    () => client.subscribe<T>({ query }, { next: (value) => (value.data ? received.push(value.data) : errors.push(value.errors)), error: (error) => errors.push(error), complete: () => undefined }),
    () => errors.length > 0,
  );
  return { received, errors };
}

describe("screen-pop over a real WebSocket", () => {
  it("pops the caller's history on the console of the operator at the seat the telephony system names", async () => {
    const operator = await gateway.login("operator");
    const earlier = await logCallAs(operator, "13900007777");
    const screen = await listen<{ screenPop: Pop }>(
      operator,
      "subscription { screenPop { callId callerNumber seat receivedAt history { phone openCount tickets { trackingNumber citizenPhone status receivedAt } } } }",
    );
    const reply = await integratorGql<{ incomingCall: { callId: string; history: { openCount: number; tickets: unknown[] } } }>(INCOMING_CALL, {
      input: { callId: "cti-2026-0001", callerNumber: "+86 139 0000 7777", seat: "A01" },
    });
    expect(reply.errors).toBeUndefined();
    expect(reply.data!.incomingCall).toMatchObject({ callId: "cti-2026-0001", history: { openCount: 1, tickets: [] } });

    await expect.poll(() => screen.received.length, { timeout: 10_000 }).toBe(1);
    const pop = screen.received[0]!.screenPop;
    expect(pop).toMatchObject({ callId: "cti-2026-0001", callerNumber: "13900007777", seat: "A01", history: { phone: "13900007777", openCount: 1 } });
    expect(pop.history.tickets).toEqual([expect.objectContaining({ trackingNumber: earlier.trackingNumber, citizenPhone: "13900007777", status: "RECEIVED" })]);
    expect(screen.errors).toEqual([]);
  });

  it("does not pop a call for another seat, and refuses an unknown seat or a non-telephony caller", async () => {
    const operator = await gateway.login("operator");
    const screen = await listen<{ screenPop: Pop }>(operator, "subscription { screenPop { callId } }");
    await upsertUser(gateway.db.dataSource.manager, { username: "operator.b02", displayName: "孙丽", password: "civicline-demo", roles: [Role.OPERATOR], seat: "B02" });
    const atB02 = await listen<{ screenPop: Pop }>(await gateway.login("operator.b02"), "subscription { screenPop { callId } }");
    const other = await integratorGql(INCOMING_CALL, { input: { callId: "cti-b02", callerNumber: "13900000002", seat: "B02" } });
    expect(other.errors).toBeUndefined();
    const unknown = await integratorGql(INCOMING_CALL, { input: { callId: "cti-x", callerNumber: "13900000002", seat: "Z99" } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "seat", code: "UNKNOWN" }] });
    const asOperator = await gateway.gql(INCOMING_CALL, { input: { callId: "cti-y", callerNumber: "13900000002", seat: "A01" } }, operator);
    expect(asOperator.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    // The pop reached seat B02; a call for A01 after it reaches A01 — had B02's pop reached A01 too,
    // it would have come before it on the same subscription. (A01 may first get the call that rang
    // there in the previous test: a call still ringing is given to a console that subscribes.)
    await expect.poll(() => atB02.received, { timeout: 10_000 }).toEqual([{ screenPop: { callId: "cti-b02" } }]);
    expect(await integratorGql(INCOMING_CALL, { input: { callId: "cti-a01", callerNumber: "13900000003", seat: "A01" } })).not.toHaveProperty("errors");
    await expect.poll(() => screen.received.map((r) => r.screenPop.callId), { timeout: 10_000 }).toContain("cti-a01");
    expect(screen.received.map((r) => r.screenPop.callId)).not.toContain("cti-b02");
  });

  it("gives a console that subscribes while a call still rings at its seat that call at once (a reload, a reconnect)", async () => {
    await upsertUser(gateway.db.dataSource.manager, { username: "operator.c03", displayName: "周敏", password: "civicline-demo", roles: [Role.OPERATOR], seat: "C03" });
    const cookie = await gateway.login("operator.c03");
    expect(await integratorGql(INCOMING_CALL, { input: { callId: "cti-ringing", callerNumber: "13900000004", seat: "C03" } })).not.toHaveProperty("errors");
    // nobody was subscribed at C03 when it rang; the console opens now
    const late = await listen<{ screenPop: Pop }>(cookie, "subscription { screenPop { callId callerNumber } }");
    await expect.poll(() => late.received, { timeout: 10_000 }).toEqual([{ screenPop: { callId: "cti-ringing", callerNumber: "13900000004" } }]);
  });

  it("pops a call at a shared seat on the console of the call-taker the roster seats there now", async () => {
    // 郑洁 has no seat of her own; the roster (staff QA's shifts) puts her at D05 for these two hours.
    const { id } = await upsertUser(gateway.db.dataSource.manager, { username: "operator.shift", displayName: "郑洁", password: "civicline-demo", roles: [Role.OPERATOR], seat: null });
    await gateway.db.dataSource.query("INSERT INTO qa_seat (code, name) VALUES ('D05', 'D05') ON CONFLICT DO NOTHING");
    await gateway.db.dataSource.query(
      "INSERT INTO qa_shift (seat_code, user_id, starts_at, ends_at, created_by_name) VALUES ('D05', $1, now() - interval '1 hour', now() + interval '1 hour', 'test')",
      [id],
    );
    const screen = await listen<{ screenPop: Pop }>(await gateway.login("operator.shift"), "subscription { screenPop { callId seat } }");
    expect(screen.errors).toEqual([]);
    expect(await integratorGql(INCOMING_CALL, { input: { callId: "cti-d05", callerNumber: "13900000005", seat: "D05" } })).not.toHaveProperty("errors");
    await expect.poll(() => screen.received, { timeout: 10_000 }).toEqual([{ screenPop: { callId: "cti-d05", seat: "D05" } }]);
  });

  it.each([
    ["an anonymous client", null, "UNAUTHENTICATED"],
    ["a supervisor", "supervisor", "FORBIDDEN"],
    ["an operator without a seat", "operator.noseat", "INTAKE/NO_SEAT"],
  ])("refuses the screen-pop subscription for %s", async (_label, username, code) => {
    if (username === "operator.noseat") {
      await upsertUser(gateway.db.dataSource.manager, { username, displayName: "无座席", password: "civicline-demo", roles: [Role.OPERATOR], seat: null });
    }
    const cookie = username ? await gateway.login(username) : undefined;
    const screen = await listen<{ screenPop: Pop }>(cookie, "subscription { screenPop { callId } }");
    await expect.poll(() => screen.errors.length, { timeout: 5_000 }).toBeGreaterThan(0);
    expect(JSON.stringify(screen.errors)).toContain(code);
  });
});

describe("live queue counts", () => {
  it("pushes fresh counts when the operator logs a call and when it becomes an emergency", async () => {
    const operator = await gateway.login("operator");
    await gateway.app.outbox.drain(); // the demo data's own events (auto-dispatch) settle first
    const initial = await gateway.gql<{ queueCounts: Counts }>("{ queueCounts { waitingForDispatch mineToday emergencies received } }", undefined, operator);
    const before = initial.data!.queueCounts;
    const live = await listen<{ queueCountsChanged: Counts }>(operator, "subscription { queueCountsChanged { waitingForDispatch mineToday emergencies received } }");

    const logged = { data: { logCall: await logCallAs(operator, "13900000099") } };
    const expected = { ...before, mineToday: before.mineToday + 1, received: before.received + 1 };
    await expect.poll(() => live.received.at(-1)?.queueCountsChanged, { timeout: 10_000 }).toEqual(expected);

    const marked = await gateway.gql(`mutation($t: ID!, $v: Int!) { markEmergency(ticketId: $t, version: $v) { urgency } }`, { t: logged.data!.logCall.id, v: logged.data!.logCall.version }, operator);
    expect(marked.errors).toBeUndefined();
    await expect.poll(() => live.received.at(-1)?.queueCountsChanged, { timeout: 10_000 }).toEqual({ ...expected, emergencies: before.emergencies + 1 });
    const emergencies = await gateway.gql<{ ticketQueue: { items: Array<{ id: string }> } }>("{ ticketQueue(kind: EMERGENCIES) { items { id } } }", undefined, operator);
    expect(emergencies.data!.ticketQueue.items[0]!.id).toBe(logged.data!.logCall.id);
  });

  it("refuses the counts to someone outside the centre queues", async () => {
    const callback = await gateway.login("callback");
    expect((await gateway.gql("{ queueCounts { received } }", undefined, callback)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const live = await listen(callback, "subscription { queueCountsChanged { received } }");
    await expect.poll(() => live.errors.length, { timeout: 5_000 }).toBeGreaterThan(0);
    expect(JSON.stringify(live.errors)).toContain("FORBIDDEN");
  });
});
