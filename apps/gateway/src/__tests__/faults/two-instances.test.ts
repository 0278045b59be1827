import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { follow, openSocket } from "../ws-probe.js";
import { freeLowPort, gatewayEnv, gql, login, makeDataDir, queryDatabase, removeDataDir, spawnGateway, ticketPlace, waitReady, type GatewayProcess } from "./gateway-process.js";

// Two gateway processes on one database: live updates cross instances, a durable timer fires once,
// and a periodic job runs once per period whichever instance checks it.
const TICKETS = "subscription { ticketReceived { id trackingNumber } }";
const MINUTE_JOB = "knowledge.resume-imports";
const MINUTE = 60_000;
/** Each instance checks a one-minute job at least every 15 s: a period overlapping the window this long was checked by both. */
const CHECKED_BY_BOTH_MS = 16_000;
const TIMERS = 4;

type Received = { ticketReceived: { id: string; trackingNumber: string } };

let databaseName: string;
let adminUrl: string;
let databaseUrl: string;
let dataDir: string;
let first: GatewayProcess | undefined;
let second: GatewayProcess | undefined;
let bothReadyAt: number;
const sockets: Client[] = [];

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

function db<T>(sql: string, parameters: unknown[] = []): Promise<T[]> {
  return queryDatabase<T>(databaseUrl, sql, parameters);
}

beforeAll(async () => {
  adminUrl = inject("postgresAdminUrl");
  databaseName = `civicline_faults_${randomBytes(5).toString("hex")}`;
  await queryDatabase(adminUrl, `CREATE DATABASE ${databaseName} ENCODING 'UTF8' TEMPLATE template0`);
  databaseUrl = withDatabase(adminUrl, databaseName);
  dataDir = await makeDataDir("two");
  // Both start together on the empty database, as replicas do: one migrates and seeds, the other waits for it.
  first = spawnGateway(gatewayEnv({ port: await freeLowPort(), dataDir, databaseUrl }));
  second = spawnGateway(gatewayEnv({ port: await freeLowPort(), dataDir, databaseUrl }));
  await Promise.all([waitReady(first), waitReady(second)]);
  bothReadyAt = Date.now();
}, 80_000);

afterAll(async () => {
  await Promise.all(sockets.map((socket) => socket.dispose()));
  await Promise.all([first?.kill("SIGTERM"), second?.kill("SIGTERM")]);
  await queryDatabase(adminUrl, `DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
  await removeDataDir(dataDir);
}, 60_000);

async function submitOn(url: string, phone: string): Promise<string> {
  const reply = await gql<{ submitRequest: { trackingNumber: string } }>(url, `mutation($i: SubmitRequestInput!) { submitRequest(input: $i) { trackingNumber } }`, {
    i: { requestType: "HELP", ...(await ticketPlace(url)), description: "小区门口积水严重，行人无法通过。", address: "张店区华光路 5 号", citizenName: "吴女士", phone },
  });
  if (!reply.data) {
    throw new Error(`submitRequest failed: ${JSON.stringify(reply.errors)}`);
  }
  return reply.data.submitRequest.trackingNumber;
}

describe("two gateway instances started together on one database", () => {
  it("delivers a ticket created through instance A to a subscription opened on instance B", async () => {
    const cookie = await login(first!.url, "operator");
    const probe = openSocket(second!.url, { cookie });
    sockets.push(probe.client);
    await probe.connected;
    const feed = follow<Received>(probe.client, TICKETS);
    const arrived = (trackingNumber: string) => feed.until((current) => current.data.some((entry) => entry.ticketReceived.trackingNumber === trackingNumber));
    // graphql-ws does not acknowledge a subscription: a first ticket (resent, bounded) shows it is registered on B.
    let registered = false;
    for (let attempt = 0; attempt < 5 && !registered; attempt += 1) {
      const warmUp = await submitOn(first!.url, `1390000300${attempt}`);
      registered = await Promise.race([arrived(warmUp).then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3_000))]);
    }
    expect(registered).toBe(true);

    const trackingNumber = await submitOn(first!.url, "13900003009");
    await arrived(trackingNumber);
    expect(feed.errors).toEqual([]);
    expect(feed.data.filter((entry) => entry.ticketReceived.trackingNumber === trackingNumber)).toHaveLength(1);
  }, 40_000);

  it("fires each due durable timer once across both instances", async () => {
    const trackingNumbers = await Promise.all(Array.from({ length: TIMERS }, (_, index) => submitOn(index % 2 === 0 ? first!.url : second!.url, `1390000400${index}`)));
    const keysOf = async (): Promise<Array<{ key: string; ticket_id: string }>> =>
      db<{ key: string; ticket_id: string }>(
        `SELECT tm.key, t.id AS ticket_id FROM platform_timer tm JOIN intake_ticket t ON tm.key = 'routing:ticket:' || t.id || ':dispatch_overdue'
         WHERE t.tracking_number = ANY($1) AND tm.fired_at IS NULL`,
        [trackingNumbers],
      );
    // Receiving a ticket arms its dispatch deadline (through the outbox, on either instance).
    await expect.poll(async () => (await keysOf()).length, { timeout: 20_000, interval: 200 }).toBe(TIMERS);
    const timers = await keysOf();
    // The deadline is hours away: bring it to now, and NOTIFY as scheduling does so both instances wake at once.
    await db("UPDATE platform_timer SET due_at = now(), available_at = now() WHERE key = ANY($1)", [timers.map((timer) => timer.key)]);
    await db("SELECT pg_notify('civicline_timer', key) FROM platform_timer WHERE key = ANY($1)", [timers.map((timer) => timer.key)]);

    await expect
      .poll(async () => (await db<{ fired: string }>("SELECT count(*) AS fired FROM platform_timer WHERE key = ANY($1) AND fired_at IS NOT NULL", [timers.map((timer) => timer.key)]))[0]?.fired, {
        timeout: 20_000,
        interval: 200,
      })
      .toBe(String(TIMERS));
    const ticketIds = timers.map((timer) => timer.ticket_id);
    const events = await db<{ ticket_id: string; events: string }>(
      "SELECT payload->>'ticketId' AS ticket_id, count(*) AS events FROM platform_outbox WHERE type = 'routing.dispatch_overdue' AND payload->>'ticketId' = ANY($1) GROUP BY 1",
      [ticketIds],
    );
    console.info(`[faults] two instances: ${TIMERS} due timers fired; dispatch-overdue events per ticket: ${events.map((row) => row.events).join(", ")}`);
    expect(Object.fromEntries(events.map((row) => [row.ticket_id, Number(row.events)]))).toEqual(Object.fromEntries(ticketIds.map((id) => [id, 1])));
  }, 60_000);

  it("runs the one-minute periodic job once per period across both instances", async () => {
    const instances = [first!, second!].map((gateway) => `${hostname()}:${gateway.pid}`);
    // The first period both instances run in for CHECKED_BY_BOTH_MS: the one they were ready in, or the next.
    const readyPeriod = Math.floor(bothReadyAt / MINUTE) * MINUTE;
    const firstChecked = readyPeriod + MINUTE - bothReadyAt >= CHECKED_BY_BOTH_MS ? bothReadyAt : readyPeriod + MINUTE;
    // Time for both instances' checks to happen (each checks at least every 15 s); the rows are then polled for.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, firstChecked + CHECKED_BY_BOTH_MS - Date.now())));
    const windowEnd = Date.now();
    // Periods that overlap [bothReadyAt, windowEnd] by CHECKED_BY_BOTH_MS were checked by both instances.
    const expected: number[] = [];
    for (let period = readyPeriod; period < windowEnd; period += MINUTE) {
      if (Math.min(period + MINUTE, windowEnd) - Math.max(period, bothReadyAt) >= CHECKED_BY_BOTH_MS) {
        expected.push(period);
      }
    }
    expect(expected.length).toBeGreaterThan(0);
    const runs = () =>
      db<{ period: string; claimed_by: string; status: string }>(
        "SELECT (extract(epoch FROM period_start) * 1000)::bigint AS period, claimed_by, status FROM platform_schedule_run WHERE job = $1 AND period_start >= $2 ORDER BY period_start",
        [MINUTE_JOB, new Date(expected[0]!)],
      );
    await expect
      .poll(async () => (await runs()).filter((run) => expected.includes(Number(run.period)) && run.status === "succeeded").length, { timeout: 30_000, interval: 250 })
      .toBe(expected.length);
    const rows = await runs();
    console.info(`[faults] two instances: ${MINUTE_JOB} ran ${rows.length} time(s) since both started (${expected.length} period(s) checked by both), claimed by ${rows.map((run) => run.claimed_by).join(", ")}`);
    for (const run of rows) {
      expect(instances).toContain(run.claimed_by);
    }
  }, 75_000);
});
