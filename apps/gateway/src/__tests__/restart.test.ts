import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freeLowPort as freePort } from "@civicline/vitest-config/free-port";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { citizenAccessToken } from "./citizen.js";

const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));


let dataDir: string;
let env: NodeJS.ProcessEnv;
let url: string;
let child: ChildProcess | undefined;

/** Starts `civicline-gateway start` as a separate process, as `pnpm start` does, and waits until it is ready. */
async function start(): Promise<void> {
  child = spawn(process.execPath, [CLI, "start"], { env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the gateway exited with ${child.exitCode}: ${stderr}`);
    }
    const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ready) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the gateway did not become ready: ${stderr}`);
}

function stop(signal: NodeJS.Signals): Promise<void> {
  const running = child;
  child = undefined;
  if (!running || running.exitCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    running.once("exit", () => resolve());
    running.kill(signal);
  });
}

async function gql<T>(query: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: Array<{ extensions?: { code?: string } }> }> {
  const response = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: T };
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "civicline-restart-"));
  await chmod(dataDir, 0o777);
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  env = { ...process.env, PORT: String(port), CIVICLINE_DATA_DIR: dataDir, CIVICLINE_EMBEDDED_PG_PORT: String(await freePort()), LOG_LEVEL: "warn", NODE_ENV: "production", CIVICLINE_ALLOW_DEV_SMS_IN_PRODUCTION: "true" };
  delete env.DATABASE_URL;
}, 30_000);

afterAll(async () => {
  await stop("SIGTERM");
  await rm(dataDir, { recursive: true, force: true });
}, 60_000);

describe("the app on embedded PostgreSQL keeps its data across restarts", () => {
  it("seeds once, survives a clean restart and a kill -9", async () => {
    await start();
    const catalog = await gql<{ categories: Array<{ id: string; selectable: boolean }>; areas: Array<{ id: string }> }>("{ categories { id selectable } areas { id } }");
    const categoryId = catalog.data!.categories.find((c) => c.selectable)!.id;
    const submitted = await gql<{ submitRequest: { trackingNumber: string } }>(
      `mutation($i: SubmitRequestInput!) { submitRequest(input: $i) { trackingNumber } }`,
      { i: { requestType: "HELP", categoryId, description: "小区停水两天了，请尽快恢复供水。", districtId: catalog.data!.areas[0]!.id, address: "某小区 5 号楼", citizenName: "赵女士", phone: "13700001234" } },
    );
    const trackingNumber = submitted.data!.submitRequest.trackingNumber;
    const accessToken = await citizenAccessToken(url, trackingNumber, "13700001234");
    const track = () => gql<{ trackTicket: { status: string } }>(`query($n: String!, $t: String!) { trackTicket(trackingNumber: $n, accessToken: $t) { status } }`, { n: trackingNumber, t: accessToken });
    const categoryCount = catalog.data!.categories.length;

    await stop("SIGTERM");
    await start();
    expect((await track()).data?.trackTicket.status).toBe("RECEIVED");

    await stop("SIGKILL");
    await start();
    expect((await track()).data?.trackTicket.status).toBe("RECEIVED");
    const again = await gql<{ categories: unknown[] }>("{ categories { id } }");
    expect(again.data!.categories).toHaveLength(categoryCount);
  }, 240_000);
});
