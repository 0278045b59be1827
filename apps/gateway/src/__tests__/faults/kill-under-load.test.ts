import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embeddedDatabaseUrl, freeLowPort, gatewayEnv, gql, makeDataDir, queryDatabase, removeDataDir, startGateway, ticketPlace, type GatewayProcess } from "./gateway-process.js";

// kill -9 of the gateway under a bounded load: every client retries each request that got no definite
// answer with the same idempotency key; afterwards no acknowledged request is lost and no key made two tickets.
const CLIENTS = 4;
const REQUESTS_PER_CLIENT = 20;
const KILL_AFTER_ACKS = 16;
const CLIENT_DEADLINE_MS = 60_000;
const KEY_PREFIX = `fault-load-${randomUUID().slice(0, 8)}`;
const SUBMIT = `mutation($i: SubmitRequestInput!) { submitRequest(input: $i) { trackingNumber } }`;

type Place = { categoryId: string; districtId: string };
type Answer = { kind: "ticket"; trackingNumber: string } | { kind: "refused"; code: string } | { kind: "indefinite"; reason: string };
type Acknowledged = { key: string; trackingNumber: string; phone: string };
type Tally = { acknowledged: Acknowledged[]; refused: string[]; retries: number };

let dataDir: string;
let env: NodeJS.ProcessEnv;
let pgPort: number;
let gateway: GatewayProcess | undefined;
/** Requests sent and not yet answered (the ones a kill leaves without a definite answer). */
let inFlight = 0;

beforeAll(async () => {
  dataDir = await makeDataDir("load");
  pgPort = await freeLowPort();
  env = gatewayEnv({ port: await freeLowPort(), dataDir, pgPort });
});

afterAll(async () => {
  await gateway?.kill("SIGTERM");
  await removeDataDir(dataDir);
}, 60_000);

function submitInput(place: Place, key: string, phone: string): Record<string, unknown> {
  return { requestType: "HELP", ...place, description: "夜间施工噪音扰民，请尽快处理。", address: "张店区华光路 9 号", citizenName: "孙先生", phone, clientRequestId: key };
}

/** One attempt: a ticket, a coded refusal (definite), or no definite answer (network error, time-out, server error). */
async function submitOnce(url: string, place: Place, key: string, phone: string): Promise<Answer> {
  inFlight += 1;
  try {
    const reply = await gql<{ submitRequest: { trackingNumber: string } }>(url, SUBMIT, { i: submitInput(place, key, phone) }, { timeoutMs: 10_000 });
    if (reply.data?.submitRequest) {
      return { kind: "ticket", trackingNumber: reply.data.submitRequest.trackingNumber };
    }
    const code = reply.errors?.[0]?.extensions?.code ?? "NONE";
    return reply.httpStatus >= 500 || code === "INTERNAL_SERVER_ERROR" ? { kind: "indefinite", reason: code } : { kind: "refused", code };
  } catch (error) {
    return { kind: "indefinite", reason: error instanceof Error ? error.message : String(error) };
  } finally {
    inFlight -= 1;
  }
}

/** A client sending its requests one after another, each retried with the same key until it gets a definite answer. */
async function runClient(url: string, place: Place, client: number, onAck: () => void): Promise<Tally> {
  const tally: Tally = { acknowledged: [], refused: [], retries: 0 };
  const phone = `1390000100${client}`;
  const deadline = Date.now() + CLIENT_DEADLINE_MS;
  for (let request = 0; request < REQUESTS_PER_CLIENT; request += 1) {
    const key = `${KEY_PREFIX}-${client}-${request}-${randomUUID()}`;
    for (let attempt = 0; ; attempt += 1) {
      if (Date.now() > deadline) {
        throw new Error(`client ${client} got no definite answer for ${key} within ${CLIENT_DEADLINE_MS} ms`);
      }
      const answer = await submitOnce(url, place, key, phone);
      if (answer.kind === "ticket") {
        tally.acknowledged.push({ key, trackingNumber: answer.trackingNumber, phone });
        onAck();
        break;
      }
      if (answer.kind === "refused") {
        tally.refused.push(`${key}: ${answer.code}`);
        break;
      }
      tally.retries += 1;
      // Back off before the retry (the gateway is down or restarting); not an assertion.
      await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, 50 * 2 ** attempt)));
    }
  }
  return tally;
}

/** Tickets per idempotency key of this run, read from the database itself. */
async function ticketsByKey(): Promise<Map<string, string[]>> {
  const rows = await queryDatabase<{ key: string; tracking_numbers: string[] }>(
    embeddedDatabaseUrl(pgPort),
    "SELECT client_request_id AS key, array_agg(tracking_number) AS tracking_numbers FROM intake_ticket WHERE client_request_id LIKE $1 GROUP BY client_request_id",
    [`${KEY_PREFIX}-%`],
  );
  return new Map(rows.map((row) => [row.key, row.tracking_numbers]));
}

describe("kill -9 of the gateway under load, with idempotency keys", () => {
  it("loses no acknowledged request and duplicates none when clients retry with the same key", async () => {
    gateway = await startGateway(env);
    const url = gateway.url;
    const place = await ticketPlace(url);
    let acks = 0;
    let reachedKillPoint: () => void = () => undefined;
    const killPoint = new Promise<void>((resolve) => (reachedKillPoint = resolve));
    const onAck = (): void => {
      acks += 1;
      if (acks === KILL_AFTER_ACKS) {
        reachedKillPoint();
      }
    };
    const clients = Array.from({ length: CLIENTS }, (_, client) => runClient(url, place, client, onAck));
    const settled = Promise.allSettled(clients);

    await Promise.race([killPoint, settled]);
    const inFlightAtKill = inFlight;
    const exit = await gateway.kill("SIGKILL");
    expect(exit.signal).toBe("SIGKILL");
    const acksAtKill = acks;
    gateway = await startGateway(env);

    const results = await settled;
    const failures = results.flatMap((result) => (result.status === "rejected" ? [String(result.reason)] : []));
    expect(failures).toEqual([]);
    const tallies = results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    const acknowledged = tallies.flatMap((tally) => tally.acknowledged);
    const retries = tallies.reduce((sum, tally) => sum + tally.retries, 0);

    const stored = await ticketsByKey();
    const lost = acknowledged.filter((ack) => !stored.get(ack.key)?.includes(ack.trackingNumber)).length;
    const duplicated = [...stored.values()].filter((trackingNumbers) => trackingNumbers.length > 1).length;
    const unacknowledged = [...stored.keys()].filter((key) => !acknowledged.some((ack) => ack.key === key)).length;
    // A retry of an acknowledged request after the restart answers the very same ticket.
    const sample = acknowledged.slice(0, KILL_AFTER_ACKS);
    const replays = await Promise.all(sample.map((ack) => submitOnce(url, place, ack.key, ack.phone)));
    const replayMismatches = replays.filter((answer, index) => answer.kind !== "ticket" || answer.trackingNumber !== sample[index]!.trackingNumber).length;

    console.info(
      `[faults] kill -9 under load: ${acknowledged.length} acknowledged of ${CLIENTS * REQUESTS_PER_CLIENT} requests (${acksAtKill} before the kill, ${inFlightAtKill} in flight at the kill), ` +
        `${retries} retries with the same key, ${stored.size} keys stored; lost ${lost}, duplicated ${duplicated}, stored but unacknowledged ${unacknowledged}, ` +
        `replay mismatches ${replayMismatches}/${sample.length}`,
    );
    expect(tallies.flatMap((tally) => tally.refused)).toEqual([]);
    expect(acksAtKill).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(acksAtKill).toBeLessThan(CLIENTS * REQUESTS_PER_CLIENT);
    expect(retries).toBeGreaterThan(0);
    expect(acknowledged).toHaveLength(CLIENTS * REQUESTS_PER_CLIENT);
    expect({ lost, duplicated, unacknowledged, replayMismatches }).toEqual({ lost: 0, duplicated: 0, unacknowledged: 0, replayMismatches: 0 });
    expect(stored.size).toBe(CLIENTS * REQUESTS_PER_CLIENT);
  }, 85_000);
});
