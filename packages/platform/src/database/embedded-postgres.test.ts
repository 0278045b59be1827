import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { freeLowPort as freePort } from "@civicline/vitest-config/free-port";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirInUseError, startEmbeddedPostgres, type EmbeddedPostgresHandle } from "./embedded-postgres.js";
import { isAlive } from "./postgres-process.js";

const FIXTURE = fileURLToPath(new URL("./__fixtures__/orphan-postgres.mjs", import.meta.url));
const TIMEOUT = 60_000;

const handles: EmbeddedPostgresHandle[] = [];
const dirs: string[] = [];
const strayServers: Array<{ pid: number; dataDir: string }> = [];

afterEach(async () => {
  await Promise.all(handles.splice(0).map((handle) => handle.stop()));
  // A server this file orphaned and failed to take over (only if that pid still serves its directory).
  for (const { pid, dataDir } of strayServers.splice(0)) {
    if (isAlive(pid) && readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").includes(dataDir)) {
      process.kill(pid, "SIGKILL");
    }
  }
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});


/** A fresh directory the `postgres` system user can enter (tests run as root here). */
async function freshDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "civicline-embedded-test-"));
  await chmod(dir, 0o777);
  dirs.push(dir);
  return path.join(dir, "pg");
}

async function start(dataDir: string, port: number): Promise<EmbeddedPostgresHandle> {
  const handle = await startEmbeddedPostgres({ dataDir, port });
  handles.push(handle);
  return handle;
}

async function stop(handle: EmbeddedPostgresHandle): Promise<void> {
  handles.splice(handles.indexOf(handle), 1);
  await handle.stop();
}

async function sql<T>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

async function writeNotes(url: string, ...notes: string[]): Promise<void> {
  await sql(url, "CREATE TABLE IF NOT EXISTS note (body text NOT NULL)");
  for (const note of notes) {
    await sql(url, "INSERT INTO note (body) VALUES ($1)", [note]);
  }
}

async function readNotes(url: string): Promise<string[]> {
  const rows = await sql<{ body: string }>(url, "SELECT body FROM note ORDER BY body");
  return rows.map((row) => row.body);
}

/** Runs the fixture: PostgreSQL started by a child Node process; resolves with the child and the server pid. */
async function startInChildProcess(dataDir: string, port: number) {
  const child = spawn(process.execPath, [FIXTURE, dataDir, String(port)], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const serverPid = await new Promise<number>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready (\d+)/.exec(output);
      if (match) {
        resolve(Number(match[1]));
      }
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) => reject(new Error(`fixture exited (${code}) before the server was ready: ${output}`)));
  });
  strayServers.push({ pid: serverPid, dataDir });
  return { child, serverPid };
}

describe("startEmbeddedPostgres", () => {
  it(
    "initialises a new cluster, serves connections and keeps data across a restart",
    async () => {
      const dataDir = await freshDataDir();
      const port = await freePort();
      const first = await start(dataDir, port);
      expect(first.adminUrl).toBe(`postgres://civicline:civicline@127.0.0.1:${port}/postgres`);
      const [row] = await sql<{ version: string }>(first.adminUrl, "SELECT version()");
      expect(row?.version).toMatch(/^PostgreSQL \d+/);
      await writeNotes(first.adminUrl, "来电 1", "来电 2");
      await stop(first);
      expect(existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false);
      await expect(sql(first.adminUrl, "SELECT 1")).rejects.toThrow();

      const second = await start(dataDir, port);
      expect(await readNotes(second.adminUrl)).toEqual(["来电 1", "来电 2"]);
    },
    TIMEOUT,
  );

  it(
    "takes over from a server orphaned by a SIGKILLed parent, keeping its data",
    async () => {
      const dataDir = await freshDataDir();
      const port = await freePort();
      await stop(await start(dataDir, port));

      const { child, serverPid } = await startInChildProcess(dataDir, port);
      const url = `postgres://civicline:civicline@127.0.0.1:${port}/postgres`;
      await writeNotes(url, "written before the crash");
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
      expect(isAlive(serverPid)).toBe(true);
      expect(await readNotes(url)).toEqual(["written before the crash"]);

      const handle = await start(dataDir, port);
      expect(isAlive(serverPid)).toBe(false);
      expect(await readNotes(handle.adminUrl)).toEqual(["written before the crash"]);
      const pidFile = await readFile(path.join(dataDir, "postmaster.pid"), "utf8");
      expect(Number.parseInt(pidFile, 10)).not.toBe(serverPid);
    },
    TIMEOUT,
  );

  it(
    "starts when postmaster.pid names a process that no longer exists",
    async () => {
      const dataDir = await freshDataDir();
      const port = await freePort();
      const first = await start(dataDir, port);
      await writeNotes(first.adminUrl, "before the power cut");
      await stop(first);

      const gone = spawnSync(process.execPath, ["-e", ""]).pid;
      expect(gone).toBeGreaterThan(0);
      expect(isAlive(gone)).toBe(false);
      await writeFile(path.join(dataDir, "postmaster.pid"), `${gone}\n${dataDir}\n${Math.floor(Date.now() / 1000)}\n${port}\n/tmp\n127.0.0.1\n`);

      const handle = await start(dataDir, port);
      expect(await readNotes(handle.adminUrl)).toEqual(["before the power cut"]);
    },
    TIMEOUT,
  );

  it(
    "reports a port already in use instead of hanging",
    async () => {
      const port = await freePort();
      await start(await freshDataDir(), port);
      const other = await freshDataDir();
      await expect(startEmbeddedPostgres({ dataDir: other, port })).rejects.toThrow(/did not start .* on port/);
    },
    TIMEOUT,
  );
});

describe("the embedded server's owner", () => {
  it(
    "refuses a data directory a live instance owns, and leaves that instance's server running",
    async () => {
      const dataDir = await freshDataDir();
      const port = await freePort();
      const first = await start(dataDir, port);
      await writeNotes(first.adminUrl, "owned by the first instance");
      const refused = await startEmbeddedPostgres({ dataDir, port: await freePort() }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(DataDirInUseError);
      expect((refused as Error).message).toMatch(/in use by another civicline process \(pid \d+\)/);
      expect(await readNotes(first.adminUrl)).toEqual(["owned by the first instance"]);
      expect(first.health()).toMatchObject({ state: "running", restarts: 0 });
    },
    TIMEOUT,
  );

  it(
    "restarts its PostgreSQL when that process dies, keeping the data",
    async () => {
      const dataDir = await freshDataDir();
      const port = await freePort();
      const handle = await start(dataDir, port);
      await writeNotes(handle.adminUrl, "before the kill");
      const killed = handle.health().pid!;
      process.kill(killed, "SIGKILL");
      await expect.poll(() => handle.health(), { timeout: 30_000, interval: 100 }).toMatchObject({ state: "running", restarts: 1 });
      expect(handle.health().pid).not.toBe(killed);
      expect(await readNotes(handle.adminUrl)).toEqual(["before the kill"]);
    },
    TIMEOUT,
  );
});
