import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDataSource } from "@civicline/platform";
import type { GraphQLResponse } from "../harness.js";

export { freeLowPort } from "@civicline/vitest-config/free-port";

/** The built CLI, as `pnpm start` runs it (`pnpm build` first). */
const CLI = fileURLToPath(new URL("../../../dist/cli.js", import.meta.url));

/** A temporary data directory the embedded PostgreSQL (run as the `postgres` user under root) can use. */
export async function makeDataDir(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `civicline-fault-${name}-`));
  await chmod(dir, 0o777);
  return dir;
}

/** Removes a data directory after killing a PostgreSQL still running on it (one orphaned by a failed test). */
export async function removeDataDir(dir: string): Promise<void> {
  const pid = Number((await readFile(path.join(dir, "postgres", "postmaster.pid"), "utf8").catch(() => "")).split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
  await rm(dir, { recursive: true, force: true });
}

/** The environment of a production gateway on port `port`: embedded PostgreSQL in `dataDir` unless `databaseUrl`. */
export function gatewayEnv(options: { port: number; dataDir: string; pgPort?: number; databaseUrl?: string }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.port),
    CIVICLINE_DATA_DIR: options.dataDir,
    CIVICLINE_PUBLIC_URL: `http://127.0.0.1:${options.port}`,
    LOG_LEVEL: "warn",
    NODE_ENV: "production",
    CIVICLINE_ALLOW_DEV_SMS_IN_PRODUCTION: "true",
  };
  delete env.DATABASE_URL;
  if (options.pgPort !== undefined) {
    env.CIVICLINE_EMBEDDED_PG_PORT = String(options.pgPort);
  }
  if (options.databaseUrl) {
    env.DATABASE_URL = options.databaseUrl;
  }
  return env;
}

/** The database URL of the embedded PostgreSQL a gateway started on `pgPort`. */
export function embeddedDatabaseUrl(pgPort: number): string {
  return `postgres://civicline:civicline@127.0.0.1:${pgPort}/civicline`;
}

/** Runs one SQL query on the database at `url` over a connection of its own (the test reads the rows itself). */
export async function queryDatabase<T>(url: string, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const dataSource = createDataSource({ url, entities: [], migrations: [], poolSize: 1, applicationName: "civicline-fault-test" });
  await dataSource.initialize();
  try {
    return (await dataSource.query(sql, parameters)) as T[];
  } finally {
    await dataSource.destroy();
  }
}

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export type GatewayProcess = {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<Exit>;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Sends `signal` and waits for the exit. */
  kill(signal: NodeJS.Signals): Promise<Exit>;
};

/** Spawns `civicline-gateway start` with `env` (see gatewayEnv) without waiting for it. */
export function spawnGateway(env: NodeJS.ProcessEnv): GatewayProcess {
  const child = spawn(process.execPath, [CLI, "start"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const append = (chunk: Buffer): void => {
    output += chunk.toString();
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const exited = new Promise<Exit>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  return {
    url: `http://127.0.0.1:${env.PORT}`,
    pid: child.pid ?? 0,
    child,
    exited,
    output: () => output,
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
      }
      return exited;
    },
  };
}

export type Readiness = { status: number; body: { status?: string; embeddedPostgres?: { state: string; restarts: number; pid?: number } } };

/** GET /readyz; a refused connection answers status 0. */
export async function readiness(url: string): Promise<Readiness> {
  try {
    const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(5_000) });
    return { status: response.status, body: (await response.json()) as Readiness["body"] };
  } catch {
    return { status: 0, body: {} };
  }
}

/** Waits until the gateway answers /readyz 200; throws with its output if it exits or `timeoutMs` passes. */
export async function waitReady(gateway: GatewayProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gateway.child.exitCode !== null || gateway.child.signalCode !== null) {
      throw new Error(`the gateway exited (${gateway.child.exitCode ?? gateway.child.signalCode}): ${gateway.output()}`);
    }
    if ((await readiness(gateway.url)).status === 200) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the gateway did not become ready in ${timeoutMs} ms: ${gateway.output()}`);
}

/** Spawns a gateway and waits until it is ready. */
export async function startGateway(env: NodeJS.ProcessEnv, timeoutMs?: number): Promise<GatewayProcess> {
  const gateway = spawnGateway(env);
  try {
    await waitReady(gateway, timeoutMs);
  } catch (error) {
    await gateway.kill("SIGTERM");
    throw error;
  }
  return gateway;
}

/** POSTs a GraphQL document (rejects on a network error or after `timeoutMs`). */
export async function gql<T>(url: string, query: string, variables?: Record<string, unknown>, options: { cookie?: string; timeoutMs?: number } = {}): Promise<GraphQLResponse<T> & { httpStatus: number }> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(options.cookie ? { cookie: options.cookie } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
  });
  return { ...((await response.json()) as GraphQLResponse<T>), httpStatus: response.status };
}

/** Logs a demo account in (password civicline-demo) and returns its session cookie. */
export async function login(url: string, username: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { token } }`, variables: { u: username, p: "civicline-demo" } }),
  });
  const cookie = response.headers.get("set-cookie");
  if (!cookie) {
    throw new Error(`login as ${username} failed: ${await response.text()}`);
  }
  return cookie.split(";")[0]!;
}

/** A selectable category and a district, for new tickets. */
export async function ticketPlace(url: string): Promise<{ categoryId: string; districtId: string }> {
  const catalog = await gql<{ categories: Array<{ id: string; code: string }>; areas: Array<{ id: string; nameZh: string }> }>(url, "{ categories { id code } areas { id nameZh } }");
  const category = catalog.data?.categories.find((c) => c.code === "URBAN.NOISE");
  const district = catalog.data?.areas.find((a) => a.nameZh === "张店区");
  if (!category || !district) {
    throw new Error(`the demo catalogue is missing: ${JSON.stringify(catalog.errors)}`);
  }
  return { categoryId: category.id, districtId: district.id };
}
