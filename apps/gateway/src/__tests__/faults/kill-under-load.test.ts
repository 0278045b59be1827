import { randomUUID } from "node:crypto";
import { createDataSource } from "@civicline/platform";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embeddedDatabaseUrl, freeLowPort, gatewayEnv, gql, makeDataDir, queryDatabase, removeDataDir, startGateway, ticketPlace, type GatewayProcess } from "./gateway-process.js";

// kill -9 of the gateway under a bounded load: every client retries each request that got no definite
// answer with the same idempotency key; afterwards no acknowledged request is lost and no key made two tickets.
const CLIENTS = 4;
const REQUESTS_PER_CLIENT = 20;
const KILL_AFTER_ACKS = 16;
const CLIENT_DEADLINE_MS = 60_000;
/** How long to look for a request stored but not yet answered before killing anyway (see killWhenStoredButUnanswered). */
const KILL_WINDOW_MS = 5_000;
const KEY_PREFIX = `fault-load-${randomUUID().slice(0, 8)}`;
const SUBMIT = `mutation($i: SubmitRequestInput!) { submitRequest(input: $i) { trackingNumber } }`;

type Place = { categoryId: string; districtId: string };
type Answer = { kind: "ticket"; trackingNumber: string } | { kind: "refused"; code: string } | { kind: "indefinite"; reason: string };
type Acknowledged = { key: string; trackingNumber: string; phone: string; retried: boolean };
type Tally = { acknowledged: Acknowledged[]; refused: string[]; retries: number };

let dataDir: string;
let env: NodeJS.ProcessEnv;
let pgPort: number;
let gateway: GatewayProcess | undefined;
/** Keys of the requests sent and not yet answered (the ones a kill leaves without a definite answer). */
const inFlight = new Set<string>();

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
  inFlight.add(key);
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
    inFlight.delete(key);
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
        tally.acknowledged.push({ key, trackingNumber: answer.trackingNumber, phone, retried: attempt > 0 });
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
async function ticketsByKey(): Promise<Map<string, { trackingNumbers: string[]; firstReceivedAt: Date }>> {
  const rows = await queryDatabase<{ key: string; tracking_numbers: string[]; first_received_at: Date }>(
    embeddedDatabaseUrl(pgPort),
    `SELECT client_request_id AS key, array_agg(tracking_number) AS tracking_numbers, min(received_at) AS first_received_at
     FROM intake_ticket WHERE client_request_id LIKE $1 GROUP BY client_request_id`,
    [`${KEY_PREFIX}-%`],
  );
  return new Map(rows.map((row) => [row.key, { trackingNumbers: row.tracking_numbers, firstReceivedAt: new Date(row.first_received_at) }]));
}

/**
 * Kills the gateway while a request in flight is already stored but not yet answered, when it can:
 * freezes the process (SIGSTOP), looks in the database, and kills it (SIGKILL) if such a request
 * exists, else lets it run a few milliseconds and looks again; after `windowMs` it kills anyway.
 * Resolves with the key of that request, if there was one.
 */
async function killWhenStoredButUnanswered(target: GatewayProcess, windowMs: number): Promise<string | undefined> {
  const dataSource = createDataSource({ url: embeddedDatabaseUrl(pgPort), entities: [], migrations: [], poolSize: 1 });
  await dataSource.initialize();
  try {
    const until = Date.now() + windowMs;
    while (Date.now() < until) {
      process.kill(target.pid, "SIGSTOP");
      const keys = [...inFlight];
      const stored = keys.length > 0 ? ((await dataSource.query("SELECT client_request_id AS key FROM intake_ticket WHERE client_request_id = ANY($1)", [keys])) as Array<{ key: string }>) : [];
      const unanswered = stored.find((row) => inFlight.has(row.key));
      if (unanswered) {
        await target.kill("SIGKILL");
        return unanswered.key;
      }
      process.kill(target.pid, "SIGCONT");
      await new Promise((resolve) => setTimeout(resolve, 1 + Math.random() * 4));
    }
    await target.kill("SIGKILL");
    return undefined;
  } finally {
    void dataSource.destroy();
  }
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
    const acksAtKill = acks;
    const inFlightAtKill = inFlight.size;
    const committedAtKill = await killWhenStoredButUnanswered(gateway, KILL_WINDOW_MS);
    const killedAt = new Date();
    expect((await gateway.exited).signal).toBe("SIGKILL");
    gateway = await startGateway(env);
    // The PostgreSQL the killed gateway supervised outlived it; the new gateway took it over.
    expect(gateway.output()).toContain("a PostgreSQL left by a previous owner is still running on this directory");

    const results = await settled;
    const failures = results.flatMap((result) => (result.status === "rejected" ? [String(result.reason)] : []));
    expect(failures).toEqual([]);
    const tallies = results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    const acknowledged = tallies.flatMap((tally) => tally.acknowledged);
    const retries = tallies.reduce((sum, tally) => sum + tally.retries, 0);

    const stored = await ticketsByKey();
    const lost = acknowledged.filter((ack) => !stored.get(ack.key)?.trackingNumbers.includes(ack.trackingNumber)).length;
    const duplicated = [...stored.values()].filter((ticket) => ticket.trackingNumbers.length > 1).length;
    // Stored before the kill but answered only to a retry: the retry found the first ticket by its key.
    const answeredByReplay = acknowledged.filter((ack) => ack.retried && (stored.get(ack.key)?.firstReceivedAt ?? killedAt) < killedAt).length;
    const unacknowledged = [...stored.keys()].filter((key) => !acknowledged.some((ack) => ack.key === key)).length;
    // A retry of an acknowledged request after the restart answers the very same ticket.
    const sample = acknowledged.slice(0, KILL_AFTER_ACKS);
    const replays = await Promise.all(sample.map((ack) => submitOnce(url, place, ack.key, ack.phone)));
    const replayMismatches = replays.filter((answer, index) => answer.kind !== "ticket" || answer.trackingNumber !== sample[index]!.trackingNumber).length;

    console.info(
      `[faults] kill -9 under load: ${acknowledged.length} acknowledged of ${CLIENTS * REQUESTS_PER_CLIENT} requests (${acksAtKill} before the kill, ${inFlightAtKill} in flight at the kill${committedAtKill ? ", one of them already stored" : ", none of them stored yet"}), ` +
        `${retries} retries with the same key (${answeredByReplay} answered by the ticket stored before the kill), ${stored.size} keys stored; lost ${lost}, duplicated ${duplicated}, stored but unacknowledged ${unacknowledged}, ` +
        `replay mismatches ${replayMismatches}/${sample.length}`,
    );
    expect(tallies.flatMap((tally) => tally.refused)).toEqual([]);
    // The kill fell between a request's commit and its answer: the case the idempotency key exists for.
    expect(committedAtKill).toBeDefined();
    expect(acksAtKill).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(acksAtKill).toBeLessThan(CLIENTS * REQUESTS_PER_CLIENT);
    expect(retries).toBeGreaterThan(0);
    expect(acknowledged).toHaveLength(CLIENTS * REQUESTS_PER_CLIENT);
    expect({ lost, duplicated, unacknowledged, replayMismatches }).toEqual({ lost: 0, duplicated: 0, unacknowledged: 0, replayMismatches: 0 });
    expect(stored.size).toBe(CLIENTS * REQUESTS_PER_CLIENT);
  }, 85_000);
});
