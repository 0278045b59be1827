import { chasingPayloadStats } from "@civicline/supervision";
import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type GraphQLResponse, type TestGateway } from "./harness.js";
import { pubsubSettled, subscribedOn } from "./subscriptions.js";

type Change = {
  chasingChanged: {
    id: string;
    moves: Array<{ trackingNumber: string; fromStage: string | null; toStage: string | null; toSeverity: string | null }>;
    stages: Array<{ stage: string; nearDue: number; overdue: number }>;
    units: Array<{ stage: string; unitNameZh: string | null; overdue: number }>;
    alarms: Array<{ trackingNumber: string }>;
    alarmCount: number;
  };
};
const SUBSCRIPTION = `subscription { chasingChanged { id moves { trackingNumber fromStage toStage toSeverity } stages { stage nearDue overdue } units { stage unitNameZh overdue } alarms { trackingNumber } alarmCount } }`;

let gateway: TestGateway;
const clients: Client[] = [];
const cookies: Record<string, string> = {};

beforeAll(async () => {
  gateway = await startTestGateway();
  for (const user of ["supervisor", "leader", "admin", "dispatcher", "handler", "operator"]) {
    cookies[user] = await gateway.login(user);
  }
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await gateway?.stop();
});

async function ok<T>(response: Promise<GraphQLResponse<T>>): Promise<T> {
  const result = await response;
  expect(result.errors).toBeUndefined();
  return result.data!;
}

async function listen(cookie: string): Promise<{ received: Change[]; errors: unknown[] }> {
  const client = gateway.wsClient(cookie);
  clients.push(client);
  const received: Change[] = [];
  const errors: unknown[] = [];
  await subscribedOn(
    gateway.app,
    () => client.subscribe<Change>({ query: SUBSCRIPTION }, { next: (value) => (value.data ? received.push(value.data as Change) : errors.push(value.errors)), error: (error) => errors.push(error), complete: () => undefined }),
    () => errors.length > 0,
  );
  return { received, errors };
}

/** Logs a call (as the operator) and answers the ticket. */
async function logCall(urgency: string): Promise<{ id: string; version: number; trackingNumber: string }> {
  const catalog = await ok(gateway.gql<{ categories: Array<{ id: string; code: string }>; areas: Array<{ id: string; nameZh: string }> }>("{ categories { id code } areas { id nameZh } }"));
  const data = await ok(
    gateway.gql<{ logCall: { id: string; version: number; trackingNumber: string } }>(
      "mutation($input: LogCallInput!) { logCall(input: $input) { id version trackingNumber } }",
      {
        input: {
          requestType: "HELP",
          urgency,
          categoryId: catalog.categories.find((c) => c.code === "URBAN.NOISE")!.id,
          description: "工地夜间施工噪音很大，影响休息。",
          districtId: catalog.areas.find((a) => a.nameZh === "张店区")!.id,
          address: "张店区共青团西路 88 号",
          citizenName: "王先生",
          phone: "13812345678",
        },
      },
      cookies.operator,
    ),
  );
  return data.logCall;
}

/** Time passes for one durable timer: it falls due now and the gateway's timer service fires it. */
async function fireTimer(key: string): Promise<void> {
  const rows = (await gateway.db.dataSource.query("WITH moved AS (UPDATE platform_timer SET due_at = now() - interval '1 second', available_at = now() - interval '1 second' WHERE key = $1 AND fired_at IS NULL RETURNING key) SELECT key FROM moved", [key])) as unknown[];
  expect(rows).toHaveLength(1);
  await gateway.app.timers.drain();
}

function movesOf(listener: { received: Change[] }, trackingNumber: string) {
  return listener.received.filter((change) => change.chasingChanged.moves.some((move) => move.trackingNumber === trackingNumber));
}

describe("chasingChanged over a real WebSocket", () => {
  it("a sign-for timer turns the ticket red for every supervisor, leader and admin at once, from one computation; dispatchers do not hear other stages", async () => {
    const viewers = [await listen(cookies.supervisor!), await listen(cookies.supervisor!), await listen(cookies.supervisor!), await listen(cookies.leader!), await listen(cookies.admin!)];
    const dispatcherView = await listen(cookies.dispatcher!);
    const ticket = await logCall("NORMAL");
    const units = await ok(gateway.gql<{ units: Array<{ id: string; code: string }> }>("{ units { id code } }", undefined, cookies.dispatcher));
    const [current] = (await gateway.db.dataSource.query("SELECT version FROM intake_ticket WHERE id = $1", [ticket.id])) as Array<{ version: number }>;
    const dispatched = await ok(
      gateway.gql<{ dispatchTicket: { id: string } }>("mutation($input: DispatchInput!) { dispatchTicket(input: $input) { id } }", {
        input: { ticketId: ticket.id, version: current!.version, leadUnitId: units.units.find((unit) => unit.code === "BUR-URBAN")!.id },
      }, cookies.dispatcher),
    );
    const computedBefore = chasingPayloadStats.computed;
    await fireTimer(`routing:assignment:${dispatched.dispatchTicket.id}:sign_for_overdue`);

    for (const viewer of viewers) {
      await expect.poll(() => movesOf(viewer, ticket.trackingNumber).length, { timeout: 10_000 }).toBe(1);
      expect(viewer.errors).toEqual([]);
    }
    const changes = viewers.map((viewer) => movesOf(viewer, ticket.trackingNumber)[0]!.chasingChanged);
    expect(changes[0]!.moves).toContainEqual({ trackingNumber: ticket.trackingNumber, fromStage: null, toStage: "WAITING_SIGN_FOR", toSeverity: "OVERDUE" });
    expect(changes[0]!.stages.find((stage) => stage.stage === "WAITING_SIGN_FOR")!.overdue).toBeGreaterThanOrEqual(1);
    expect(changes[0]!.units).toContainEqual(expect.objectContaining({ stage: "WAITING_SIGN_FOR", unitNameZh: expect.stringContaining("城市管理") }));
    // One computation for the five viewers: they all hold the same payload.
    expect(new Set(changes.map((change) => change.id)).size).toBe(1);
    // Every payload computed since has been delivered: each reached all its audience's viewers as one.
    await gateway.app.outbox.drain();
    await pubsubSettled(gateway.app);
    expect(new Set(viewers.map((viewer) => JSON.stringify(viewer.received.map((change) => change.chasingChanged.id).slice(-3)))).size).toBe(1);
    expect(chasingPayloadStats.computed - computedBefore).toBeLessThanOrEqual(new Set(viewers[0]!.received.map((change) => change.chasingChanged.id)).size + dispatcherView.received.length);
    expect(movesOf(dispatcherView, ticket.trackingNumber)).toEqual([]);

    const board = await ok(gateway.gql<{ chasingList: { items: Array<{ trackingNumber: string; severity: string; unitNameZh: string }> } }>(
      "{ chasingList(stage: WAITING_SIGN_FOR) { items { trackingNumber severity unitNameZh } } }", undefined, cookies.leader,
    ));
    expect(board.chasingList.items).toContainEqual(expect.objectContaining({ trackingNumber: ticket.trackingNumber, severity: "OVERDUE" }));
  });

  it("an urgent ticket not dispatched at once sounds the alarm for supervisors and dispatchers alike", async () => {
    const supervisorView = await listen(cookies.supervisor!);
    const dispatcherView = await listen(cookies.dispatcher!);
    const ticket = await logCall("URGENT");
    // Urgent tickets are dispatched at once: the dispatch timer is due on receipt and fires by itself.
    for (const view of [supervisorView, dispatcherView]) {
      await expect.poll(() => movesOf(view, ticket.trackingNumber).length, { timeout: 15_000 }).toBeGreaterThan(0);
      const change = movesOf(view, ticket.trackingNumber)[0]!.chasingChanged;
      expect(change.moves).toContainEqual({ trackingNumber: ticket.trackingNumber, fromStage: null, toStage: "WAITING_DISPATCH", toSeverity: "OVERDUE" });
      expect(change.alarmCount).toBeGreaterThanOrEqual(1);
      expect(change.alarms.map((alarm) => alarm.trackingNumber)).toContain(ticket.trackingNumber);
    }
    const board = await ok(gateway.gql<{ chasingBoard: { alarms: Array<{ trackingNumber: string }>; stages: Array<{ stage: string }> } }>("{ chasingBoard { alarms { trackingNumber } stages { stage } } }", undefined, cookies.dispatcher));
    expect(board.chasingBoard.alarms.map((alarm) => alarm.trackingNumber)).toContain(ticket.trackingNumber);
    expect(board.chasingBoard.stages.map((stage) => stage.stage)).toEqual(["WAITING_DISPATCH"]);
  });

  it("refuses handlers, operators and anonymous callers on the queries and the subscription", async () => {
    for (const user of ["handler", "operator"]) {
      const board = await gateway.gql("{ chasingBoard { alarmCount } }", undefined, cookies[user]);
      expect(board.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const list = await gateway.gql("{ chasingList(stage: IN_PROGRESS) { total } }", undefined, cookies[user]);
      expect(list.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const refused = await listen(cookies[user]!);
      await expect.poll(() => refused.errors.length, { timeout: 10_000 }).toBeGreaterThan(0);
      expect(JSON.stringify(refused.errors)).toContain("FORBIDDEN");
    }
    const stage = await gateway.gql("{ chasingList(stage: IN_PROGRESS) { total } }", undefined, cookies.dispatcher);
    expect(stage.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const anonymous = await gateway.gql("{ chasingBoard { alarmCount } }");
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const bad = await gateway.gql("{ chasingList(stage: IN_PROGRESS, first: 500) { total } }", undefined, cookies.supervisor);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
  });
});
