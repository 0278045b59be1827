import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  embeddedDatabaseUrl,
  freeLowPort,
  gatewayEnv,
  gql,
  makeDataDir,
  queryDatabase,
  readiness,
  removeDataDir,
  spawnGateway,
  startGateway,
  ticketPlace,
  type GatewayProcess,
  type Readiness,
} from "./gateway-process.js";

// The embedded PostgreSQL the gateway supervises is killed: /readyz says so, the gateway restarts it
// and recovers without being restarted itself. A second gateway on the same data directory is refused.
const RECOVERY_DEADLINE_MS = 30_000;

let dataDir: string;
let pgPort: number;
let env: NodeJS.ProcessEnv;
let gateway: GatewayProcess | undefined;

beforeAll(async () => {
  dataDir = await makeDataDir("pg-kill");
  pgPort = await freeLowPort();
  env = gatewayEnv({ port: await freeLowPort(), dataDir, pgPort });
  gateway = await startGateway(env);
});

afterAll(async () => {
  await gateway?.kill("SIGTERM");
  await removeDataDir(dataDir);
}, 60_000);

/** Polls /readyz (bounded) and records every answer until `done` holds for one. */
async function watchReadiness(url: string, done: (answer: Readiness) => boolean): Promise<Readiness[]> {
  const answers: Readiness[] = [];
  const deadline = Date.now() + RECOVERY_DEADLINE_MS;
  while (Date.now() < deadline) {
    const answer = await readiness(url);
    answers.push(answer);
    if (done(answer)) {
      return answers;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  // What the gateway said and whether it is still running, so that a failure here can be explained.
  const running = gateway?.child.exitCode === null && gateway.child.signalCode === null;
  const state = running ? "still running" : `exited (${gateway?.child.exitCode ?? gateway?.child.signalCode})`;
  throw new Error(
    `/readyz did not reach the expected state in ${RECOVERY_DEADLINE_MS} ms: first ${JSON.stringify(answers.slice(0, 3))}, last ${JSON.stringify(answers.slice(-3))} of ${answers.length}; ` +
      `the gateway ${state}; its output ends: ${gateway?.output().slice(-4000)}`,
  );
}

function submit(url: string, place: { categoryId: string; districtId: string }, phone: string) {
  return gql<{ submitRequest: { trackingNumber: string } }>(url, `mutation($i: SubmitRequestInput!) { submitRequest(input: $i) { trackingNumber } }`, {
    i: { requestType: "HELP", ...place, description: "路灯不亮已经一周。", address: "张店区华光路 3 号", citizenName: "周先生", phone },
  });
}

describe("the embedded PostgreSQL killed and back", () => {
  it("answers 503 while its PostgreSQL restarts, then 200 and GraphQL again, with the same gateway process", async () => {
    const running = gateway!;
    const place = await ticketPlace(running.url);
    const before = await readiness(running.url);
    expect(before.status).toBe(200);
    expect(before.body.embeddedPostgres).toMatchObject({ state: "running" });
    const postgresPid = before.body.embeddedPostgres!.pid!;
    const restartsBefore = before.body.embeddedPostgres!.restarts;

    process.kill(postgresPid, "SIGKILL");
    const answers = await watchReadiness(running.url, (answer) => answer.status === 200 && (answer.body.embeddedPostgres?.restarts ?? 0) > restartsBefore);

    const restarting = answers.filter((answer) => answer.status === 503 && answer.body.embeddedPostgres?.state === "restarting");
    expect(restarting.length).toBeGreaterThan(0);
    expect(restarting[0]!.body.status).toBe("database unreachable");
    const after = answers.at(-1)!;
    expect(after.body).toMatchObject({ status: "ready", embeddedPostgres: { state: "running", restarts: restartsBefore + 1 } });
    expect(after.body.embeddedPostgres!.pid).not.toBe(postgresPid);
    expect(running.child.exitCode).toBeNull();
    expect(running.child.signalCode).toBeNull();
    console.info(`[faults] PostgreSQL ${postgresPid} killed: ${restarting.length} answers 503 (restarting), then 200 with PostgreSQL ${after.body.embeddedPostgres!.pid}; gateway ${running.pid} kept running`);

    // GraphQL works again on the same process, and the outbox (its LISTEN connection was cut too) handles new tickets.
    const catalog = await gql<{ categories: unknown[] }>(running.url, "{ categories { id } }");
    expect(catalog.errors).toBeUndefined();
    expect(catalog.data!.categories.length).toBeGreaterThan(0);
    const submitted = await submit(running.url, place, "13900002001");
    expect(submitted.errors).toBeUndefined();
    const trackingNumber = submitted.data!.submitRequest.trackingNumber;
    await expect
      .poll(
        async () => {
          const rows = await queryDatabase<{ processed: boolean }>(
            embeddedDatabaseUrl(pgPort),
            "SELECT o.processed_at IS NOT NULL AS processed FROM platform_outbox o JOIN intake_ticket t ON o.payload->>'ticketId' = t.id::text WHERE t.tracking_number = $1 AND o.type = 'intake.ticket_received'",
            [trackingNumber],
          );
          return rows.map((row) => row.processed);
        },
        { timeout: RECOVERY_DEADLINE_MS, interval: 200 },
      )
      .toEqual([true]);
  }, 60_000);

  it("refuses a second gateway on the same data directory and leaves the first one's PostgreSQL running", async () => {
    const first = gateway!;
    const pidBefore = (await readiness(first.url)).body.embeddedPostgres?.pid;
    const second = spawnGateway(gatewayEnv({ port: await freeLowPort(), dataDir, pgPort: await freeLowPort() }));
    const exit = await second.exited;
    expect(exit.code).not.toBe(0);
    expect(exit.code).not.toBeNull();
    expect(second.output()).toContain("in use by another civicline process");
    const after = await readiness(first.url);
    expect(after.status).toBe(200);
    expect(after.body.embeddedPostgres).toMatchObject({ state: "running", pid: pidBefore });
    const catalog = await gql<{ categories: unknown[] }>(first.url, "{ categories { id } }");
    expect(catalog.errors).toBeUndefined();
  }, 60_000);
});
