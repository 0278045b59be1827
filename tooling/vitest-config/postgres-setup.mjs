import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import pg from "pg";

const CHILD = fileURLToPath(new URL("./embedded-postgres-child.mjs", import.meta.url));
const START_TIMEOUT_MS = 60_000;

/** Forks the embedded server's process and waits for its port. */
function startEmbeddedChild() {
  const child = fork(CHILD, [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the embedded PostgreSQL for the tests did not start in 60 s")), START_TIMEOUT_MS);
    child.on("message", (message) => {
      if (message?.ready) {
        clearTimeout(timer);
        resolve(message.ready.port);
      } else if (message?.failed) {
        clearTimeout(timer);
        reject(new Error(`the embedded PostgreSQL for the tests did not start: ${message.failed}`));
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the embedded PostgreSQL process ended before it was ready (code ${code}, signal ${signal})`));
    });
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        resolve();
        return;
      }
      child.once("exit", () => resolve());
      child.send({ stop: true });
    });
  return { ready, stop };
}

/**
 * Vitest global setup: integration tests run against `DATABASE_URL` when it is set (CI runs them
 * once against Debian's PostgreSQL 15), otherwise against an embedded PostgreSQL that this setup
 * runs in a child process it owns (never in vitest's own process: embedded-postgres's exit hook
 * would turn vitest's exit code into 0). Each test file creates its own database on that server.
 */
export default async function setup({ provide }) {
  if (process.env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.end();
    provide("postgresAdminUrl", process.env.DATABASE_URL);
    return undefined;
  }
  const server = startEmbeddedChild();
  let port;
  try {
    port = await server.ready;
  } catch (error) {
    await server.stop();
    throw error;
  }
  provide("postgresAdminUrl", `postgres://civicline:civicline@127.0.0.1:${port}/postgres`);
  return () => server.stop();
}
