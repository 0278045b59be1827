// What every supervision benchmark needs before it measures: its own database (created and dropped),
// a free port, a gateway started on it with the demo data, staff logins, and percentiles.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";

export const benchLog = (message) => console.log(`[bench] ${message}`);

/**
 * A fresh database: a new one on DATABASE_URL's server (dropped by `close`), or none, in which case
 * the gateway starts embedded PostgreSQL in a temporary directory (removed by `close`).
 */
export async function openBenchDatabase(pg, prefix) {
  const dir = await mkdtemp(path.join(tmpdir(), `civicline-${prefix}-bench-`));
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    return { url: "", dataDir: dir, close: () => rm(dir, { recursive: true, force: true }) };
  }
  const name = `civicline_bench_${randomBytes(4).toString("hex")}`;
  const url = await createBenchDatabase(pg, adminUrl, name);
  return {
    url,
    dataDir: dir,
    close: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Creates database `name` on the server of `adminUrl` (UTF-8, from template0); its URL. */
export async function createBenchDatabase(pg, adminUrl, name) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A free port below the ranges the tests and e2e runs use (and below Linux's ephemeral range). */
export async function freeLowPort() {
  for (;;) {
    const port = 12_000 + Math.floor(Math.random() * 4_000);
    const free = await new Promise((resolve) => {
      const server = createServer();
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
    });
    if (free) {
      return port;
    }
  }
}

/** The gateway (apps/gateway/dist) on the bench database, with the demo data seeded. */
export async function startBenchGateway(database) {
  const { startApp } = await import("../../../apps/gateway/dist/index.js");
  return startApp({
    databaseUrl: database.url || undefined,
    dataDir: database.dataDir,
    embeddedPostgresPort: await freeLowPort(),
    port: 0,
    seedDemoOnEmpty: true,
    logLevel: "warn",
    nodeEnv: "production",
    allowDevSmsInProduction: true,
  });
}

/** Logs a demo account in: its session cookie and the actor the services take. */
export async function benchLogin(app, username) {
  const response = await fetch(`${app.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `mutation { login(input: { username: "${username}", password: "civicline-demo" }) { token viewer { id displayName roles } } }` }),
  });
  const { data } = await response.json();
  return {
    cookie: response.headers.get("set-cookie").split(";")[0],
    actor: { kind: "staff", id: data.login.viewer.id, name: data.login.viewer.displayName, roles: data.login.viewer.roles.map((r) => r.toLowerCase()), unitId: null },
  };
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function machineLoad() {
  return `machine load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} on ${cpus().length} cores (other work on the machine inflates every figure)`;
}
