import { satisfactionSummary } from "@civicline/callback";
import { Role } from "@civicline/platform";
import { wallboardPayloadStats } from "@civicline/supervision";
import { freeLowPort } from "@civicline/vitest-config/free-port";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { startApp, type RunningApp } from "../app.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type GraphQLResponse, type TestGateway } from "./harness.js";
import { pubsubSettled, subscribedOn } from "./subscriptions.js";

type Wall = {
  id: string;
  day: string;
  received: number;
  answeredOnSpot: number;
  dispatched: number;
  overdueNow: number;
  nearDueNow: number;
  callbacksWaiting: number;
  month: string;
  resultSatisfaction: { numerator: number; denominator: number; rate: number | null };
  processSatisfaction: { numerator: number; denominator: number; rate: number | null };
};
const FIELDS = "id day month received answeredOnSpot dispatched overdueNow nearDueNow callbacksWaiting resultSatisfaction { numerator denominator rate } processSatisfaction { numerator denominator rate }";

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

async function listen(cookie: string): Promise<{ received: Wall[]; errors: unknown[] }> {
  const client = gateway.wsClient(cookie);
  clients.push(client);
  const received: Wall[] = [];
  const errors: unknown[] = [];
  await subscribedOn(
    gateway.app,
    () =>
      client.subscribe<{ wallboardChanged: Wall }>(
        { query: `subscription { wallboardChanged { ${FIELDS} } }` },
        { next: (value) => (value.data ? received.push((value.data as { wallboardChanged: Wall }).wallboardChanged) : errors.push(value.errors)), error: (error) => errors.push(error), complete: () => undefined },
      ),
    () => errors.length > 0,
  );
  return { received, errors };
}

async function logCall(): Promise<{ id: string; trackingNumber: string }> {
  const catalog = await ok(gateway.gql<{ categories: Array<{ id: string; code: string }>; areas: Array<{ id: string; nameZh: string }> }>("{ categories { id code } areas { id nameZh } }"));
  const data = await ok(
    gateway.gql<{ logCall: { id: string; trackingNumber: string } }>(
      "mutation($input: LogCallInput!) { logCall(input: $input) { id trackingNumber } }",
      {
        input: {
          requestType: "HELP",
          urgency: "NORMAL",
          categoryId: catalog.categories.find((c) => c.code === "URBAN.NOISE")!.id,
          description: "小区门口路灯坏了三天，晚上很黑。",
          districtId: catalog.areas.find((a) => a.nameZh === "张店区")!.id,
          address: "张店区人民西路 1 号",
          citizenName: "李女士",
          phone: "13812345679",
        },
      },
      cookies.operator,
    ),
  );
  return data.logCall;
}

async function wallNow(cookie: string): Promise<Wall> {
  return (await ok(gateway.gql<{ wallboard: Wall }>(`{ wallboard { ${FIELDS} } }`, undefined, cookie))).wallboard;
}

describe("the wallboard over a real WebSocket", () => {
  it("a received ticket reaches every viewer at once, as one computation whose figures are the counters'", async () => {
    const viewers = [await listen(cookies.supervisor!), await listen(cookies.supervisor!), await listen(cookies.leader!), await listen(cookies.admin!)];
    // Whatever was still on its way (the demo data's events) is delivered before the ticket.
    await gateway.app.outbox.drain();
    await pubsubSettled(gateway.app);
    const seen = viewers.map((viewer) => viewer.received.length);
    const before = await wallNow(cookies.supervisor!);
    const computedBefore = wallboardPayloadStats.computed;
    await logCall();
    await gateway.app.outbox.drain();
    await pubsubSettled(gateway.app);
    for (const viewer of viewers) {
      await expect.poll(() => viewer.received.some((wall) => wall.received === before.received + 1), { timeout: 10_000 }).toBe(true);
      expect(viewer.errors).toEqual([]);
    }
    // Every viewer holds the same payloads (same ids): computed once per event, not once per viewer.
    const since = viewers.map((viewer, index) => viewer.received.slice(seen[index]));
    const ids = since.map((walls) => JSON.stringify(walls.map((wall) => wall.id)));
    expect(new Set(ids).size).toBe(1);
    expect(since[0]!.length).toBeGreaterThan(0);
    expect(wallboardPayloadStats.computed - computedBefore).toBe(since[0]!.length);
    const last = since[0]!.at(-1)!;
    expect(last).toEqual({ ...(await wallNow(cookies.leader!)), id: last.id });
  });

  it("figures equal a direct count of the tables behind them", async () => {
    const wall = await wallNow(cookies.admin!);
    const [row] = (await gateway.db.dataSource.query(
      `SELECT (SELECT count(*)::int FROM callback_task WHERE state = 'OPEN') AS callbacks,
              (SELECT count(*)::int FROM supervision_chasing_item WHERE severity = 'OVERDUE') AS overdue,
              (SELECT count(*)::int FROM supervision_chasing_item WHERE severity = 'NEAR_DUE') AS near_due,
              (SELECT count(*)::int FROM intake_ticket WHERE (received_at AT TIME ZONE 'Asia/Shanghai')::date = $1::date AND status <> 'MERGED') AS received,
              (SELECT count(*)::int FROM intake_ticket WHERE (received_at AT TIME ZONE 'Asia/Shanghai')::date = $1::date AND status = 'CLOSED_DIRECT') AS direct,
              (SELECT count(*)::int FROM routing_assignment WHERE (dispatched_at AT TIME ZONE 'Asia/Shanghai')::date = $1::date) AS dispatched`,
      [wall.day],
    )) as Array<{ callbacks: number; overdue: number; near_due: number; received: number; direct: number; dispatched: number }>;
    expect({ callbacks: wall.callbacksWaiting, overdue: wall.overdueNow, nearDue: wall.nearDueNow, received: wall.received, direct: wall.answeredOnSpot, dispatched: wall.dispatched }).toEqual({
      callbacks: row!.callbacks,
      overdue: row!.overdue,
      nearDue: row!.near_due,
      received: row!.received,
      direct: row!.direct,
      dispatched: row!.dispatched,
    });
    // This month's satisfaction is callback's own figure (satisfactionSummary over the month's China days).
    const [year, month] = wall.month.split("-").map(Number) as [number, number];
    const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, "0")}`;
    const summary = await satisfactionSummary(gateway.db.dataSource, {
      actor: { kind: "staff", id: "00000000-0000-4000-8000-000000000001", name: "test", roles: [Role.SUPERVISOR], unitId: null },
      from: new Date(`${wall.month}-01T00:00:00+08:00`),
      to: new Date(`${next}-01T00:00:00+08:00`),
    });
    expect(wall.resultSatisfaction).toEqual({ numerator: summary.resultSatisfied, denominator: summary.reasonableAnswered, rate: summary.resultSatisfactionRate });
    expect(wall.processSatisfaction).toEqual({ numerator: summary.processSatisfied, denominator: summary.processAnswered, rate: summary.processSatisfactionRate });
    // The demo data has answered surveys this month, so the comparison is not between two zeros.
    expect(wall.processSatisfaction.denominator).toBeGreaterThan(0);
    // Each read is an index lookup (the aggregate's primary key starts with the day), never a scan of the table.
    await gateway.db.dataSource.transaction(async (manager) => {
      await manager.query("SET LOCAL enable_seqscan = off");
      for (const [sql, params] of [
        ["SELECT sum(received) FROM supervision_measure_day WHERE day = $1::date", [wall.day]],
        ["SELECT sum(result_satisfied) FROM supervision_measure_day WHERE day >= $1::date AND day <= $2::date", [`${wall.month}-01`, `${wall.month}-28`]],
        ["SELECT count FROM supervision_wall_count WHERE key = $1", ["callbacks_waiting"]],
      ] as const) {
        const plan = JSON.stringify(await manager.query(`EXPLAIN ${sql}`, [...params]));
        expect(plan, sql).toMatch(/Index|Bitmap/);
        expect(plan, sql).not.toMatch(/Seq Scan/);
      }
    });
  });

  it("the callbacks-waiting counter follows tasks opening and closing in the same transaction", async () => {
    const count = async () => ((await gateway.db.dataSource.query("SELECT count FROM supervision_wall_count WHERE key = 'callbacks_waiting'")) as Array<{ count: number }>)[0]!.count;
    const open = async () => ((await gateway.db.dataSource.query("SELECT count(*)::int AS n FROM callback_task WHERE state = 'OPEN'")) as Array<{ n: number }>)[0]!.n;
    expect(await count()).toBe(await open());
    const [task] = (await gateway.db.dataSource.query("SELECT id FROM callback_task WHERE state = 'OPEN' LIMIT 1")) as Array<{ id: string }>;
    expect(task).toBeDefined();
    const before = await open();
    await gateway.db.dataSource.transaction(async (manager) => {
      await manager.query("UPDATE callback_task SET state = 'CANCELLED' WHERE id = $1", [task!.id]);
      const [inside] = (await manager.query(
        "SELECT (SELECT count FROM supervision_wall_count WHERE key = 'callbacks_waiting') AS counter, (SELECT count(*)::int FROM callback_task WHERE state = 'OPEN') AS open",
      )) as Array<{ counter: number; open: number }>;
      // Moved in the same transaction as the task, not later.
      expect(inside!.counter).toBe(inside!.open);
      expect(inside!.open).toBe(before - 1);
      throw new Error("roll back");
    }).catch((error: unknown) => expect(String(error)).toContain("roll back"));
    expect(await count()).toBe(await open());
  });

  it("refuses handlers, operators, dispatchers and anonymous callers", async () => {
    for (const user of ["handler", "operator", "dispatcher"]) {
      const result = await gateway.gql("{ wallboard { received } }", undefined, cookies[user]);
      expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const refused = await listen(cookies[user]!);
      await expect.poll(() => refused.errors.length, { timeout: 10_000 }).toBeGreaterThan(0);
      expect(JSON.stringify(refused.errors)).toContain("FORBIDDEN");
    }
    const anonymous = await gateway.gql("{ wallboard { received } }");
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("a wall's socket reconnects by itself after the server restarts, and the next ticket reaches it", async () => {
    const port = await freeLowPort();
    const settings = { databaseUrl: gateway.db.url, port, seedDemoOnEmpty: false, logLevel: "warn", nodeEnv: "production" as const, allowDevSmsInProduction: true };
    let app: RunningApp = await startApp(settings);
    const cookie = cookies.supervisor!;
    const received: Wall[] = [];
    const connected: number[] = [];
    // The browser app's socket settings (packages/ui apollo.ts): retried for ever, back-off; here short waits.
    const client = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      lazy: true,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      retryWait: () => new Promise((resolve) => setTimeout(resolve, 200)),
      on: { connected: () => connected.push(Date.now()) },
      webSocketImpl: class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers: { cookie } });
        }
      },
    });
    try {
      await subscribedOn(app, () =>
        client.subscribe<{ wallboardChanged: Wall }>({ query: `subscription { wallboardChanged { ${FIELDS} } }` }, { next: (value) => value.data && received.push((value.data as { wallboardChanged: Wall }).wallboardChanged), error: () => undefined, complete: () => undefined }),
      );
      await app.stop();
      await new Promise((resolve) => setTimeout(resolve, 500));
      app = await startApp(settings);
      const restarted = app;
      const idle = restarted.services.pubsub.subscriberCount();
      // The client comes back by itself and subscribes again on the new server.
      await expect.poll(() => connected.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
      await expect.poll(() => restarted.services.pubsub.subscriberCount(), { timeout: 15_000 }).toBeGreaterThan(idle);
      const before = received.length;
      await logCall();
      await expect.poll(() => received.length, { timeout: 15_000 }).toBeGreaterThan(before);
    } finally {
      await client.dispose();
      await app.stop();
    }
  });
});
