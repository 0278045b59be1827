// Proves that the project's commands tell the truth through their exit codes (CI and process
// supervisors trust them):
//   1. `vitest run` with the project's server preset exits non-zero on a failing test and 0 on a
//      passing one (on the embedded PostgreSQL, and on DATABASE_URL when it is set);
//   2. `civicline-gateway start` exits non-zero when it cannot start (its port taken; its database
//      unreachable), leaving no embedded PostgreSQL behind, and 0 after a clean SIGTERM.
// Usage: node tooling/scripts/check-exit-codes.mjs   (after `pnpm build`). Ends with "N passed, N failed".
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freeLowPort as freePort } from "../vitest-config/free-port.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FIXTURE = path.join(ROOT, "tooling/vitest-config/fixtures/exit-code");
const VITEST = path.join(ROOT, "packages/platform/node_modules/vitest/vitest.mjs");
const CLI = path.join(ROOT, "apps/gateway/dist/cli.js");
const results = [];

/** Runs a command to its end (at most `timeoutMs`) and resolves with its exit code and output. */
function run(command, args, { env = process.env, cwd = ROOT, timeoutMs = 180_000, onStart } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    onStart?.(child);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    });
  });
}

function check(name, ok, detail) {
  results.push(ok);
  console.log(`${ok ? "ok    " : "FAILED"} ${name}${ok ? "" : `\n${detail}`}`);
}

function postmasterAlive(dataDir) {
  const pidFile = path.join(dataDir, "postgres", "postmaster.pid");
  if (!existsSync(pidFile)) {
    return false;
  }
  const pid = Number.parseInt(readFileSync(pidFile, "utf8"), 10);
  try {
    process.kill(pid, 0);
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

async function gatewayEnv(extra = {}) {
  const dataDir = await mkdtemp(path.join(tmpdir(), "civicline-exit-code-"));
  await chmod(dataDir, 0o777);
  const env = { ...process.env, NODE_ENV: "production", CIVICLINE_ALLOW_DEV_SMS_IN_PRODUCTION: "true", LOG_LEVEL: "warn", CIVICLINE_DATA_DIR: dataDir, CIVICLINE_EMBEDDED_PG_PORT: String(await freePort()), ...extra };
  delete env.DATABASE_URL;
  Object.assign(env, extra);
  return { dataDir, env };
}

async function vitestChecks(label, env) {
  const failing = await run(process.execPath, [VITEST, "run", "src/fails-on-purpose.test.ts"], { cwd: FIXTURE, env });
  check(`vitest exits non-zero on a failing test (${label})`, failing.code !== 0 && /1 failed/.test(failing.output), failing.output.slice(-1500));
  const passing = await run(process.execPath, [VITEST, "run", "src/passes.test.ts"], { cwd: FIXTURE, env });
  check(`vitest exits 0 when every test passes (${label})`, passing.code === 0, passing.output.slice(-1500));
}

// The fixtures' results are not the project's: they never go into a CI test report.
const testEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== "CIVICLINE_TEST_REPORT"));
await vitestChecks("embedded PostgreSQL", Object.fromEntries(Object.entries(testEnv).filter(([key]) => key !== "DATABASE_URL")));
if (process.env.DATABASE_URL) {
  await vitestChecks("DATABASE_URL", testEnv);
}

{
  // The HTTP port is taken: the start fails after the embedded PostgreSQL came up, which must be stopped.
  const blocker = createServer();
  const port = await freePort();
  await new Promise((resolve) => blocker.listen(port, "0.0.0.0", resolve));
  const { dataDir, env } = await gatewayEnv({ PORT: String(port) });
  const result = await run(process.execPath, [CLI, "start"], { env });
  blocker.close();
  check("the gateway exits non-zero when its port is in use", result.code !== 0 && result.code !== null, `code ${result.code}, signal ${result.signal}\n${result.output.slice(-1500)}`);
  check("…and leaves no embedded PostgreSQL running", !postmasterAlive(dataDir), "postmaster still alive");
  await rm(dataDir, { recursive: true, force: true });
}

{
  const { dataDir, env } = await gatewayEnv({ PORT: String(await freePort()), DATABASE_URL: `postgres://nobody:nothing@127.0.0.1:${await freePort()}/none` });
  const result = await run(process.execPath, [CLI, "start"], { env, timeoutMs: 60_000 });
  check("the gateway exits non-zero when its database cannot be reached", result.code !== 0 && result.code !== null, `code ${result.code}, signal ${result.signal}\n${result.output.slice(-1500)}`);
  await rm(dataDir, { recursive: true, force: true });
}

for (const signal of ["SIGTERM", "SIGINT"]) {
  const port = await freePort();
  const { dataDir, env } = await gatewayEnv({ PORT: String(port) });
  let child;
  const ended = run(process.execPath, [CLI, "start"], { env, onStart: (started) => (child = started) });
  let ready = false;
  for (let waited = 0; waited < 120 && !ready && child.exitCode === null; waited += 1) {
    ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((response) => response.ok, () => false);
    if (!ready) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  child.kill(signal);
  const result = await ended;
  check(`the gateway exits 0 after a clean ${signal} shutdown`, ready && result.code === 0, `ready ${ready}, code ${result.code}, signal ${result.signal}\n${result.output.slice(-1500)}`);
  check(`…and stops its embedded PostgreSQL (${signal})`, !postmasterAlive(dataDir), "postmaster still alive");
  await rm(dataDir, { recursive: true, force: true });
}

const failed = results.filter((ok) => !ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
