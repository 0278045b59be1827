// The gateway's fixed cost per request (pnpm bench overhead; not a test): a fresh database (embedded
// PostgreSQL in a temp dir) with the real gateway and its demo data; then, one request at a time,
// an anonymous `{ __typename }` (no credentials, no SQL), `{ me { id } }` with a session cookie (with
// and without the credential cache) and the demo API key's `{ __typename }`, each against what it must do in SQL sent directly
// through pg (the user's row). Prints p50/p95, the ratio, and the SQL statements each request ran.
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createRequire } from "node:module";
import { PostgresQueryRunner } from "typeorm/driver/postgres/PostgresQueryRunner.js";
import { reportResult } from "../../../tooling/scripts/bench-report.mjs";

// pg is the platform's dependency (the gateway reaches PostgreSQL through it).
const pg = createRequire(new URL("../../../packages/platform/package.json", import.meta.url))("pg");

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 400);

async function freeLowPort() {
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

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  const dir = await mkdtemp(path.join(tmpdir(), "civicline-overhead-bench-"));
  const { startApp } = await import("../dist/index.js");
  // Absent from builds before the credential cache (the bench then measures what there was).
  const credentialCache = await import("../dist/credential-cache.js").catch(() => null);
  const app = await startApp({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: dir,
    embeddedPostgresPort: await freeLowPort(),
    port: 0,
    seedDemoOnEmpty: true,
    logLevel: "warn",
    nodeEnv: "production",
    allowDevSmsInProduction: true,
  });
  const pool = new pg.Pool({ connectionString: app.services.dataSource.options.url, max: 4 });
  try {
    const login = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `mutation { login(input: { username: "supervisor", password: "civicline-demo" }) { viewer { id } } }` }),
    });
    const cookie = login.headers.get("set-cookie").split(";")[0];
    const userId = (await login.json()).data.login.viewer.id;
    const post = (query, headers) => fetch(`${app.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) }).then((r) => r.json());
    const cases = [
      { name: "anonymous { __typename }", run: () => post("{ __typename }", {}), sql: async () => {} },
      { name: "{ me { id } } (session cookie)", run: () => post("{ me { id } }", { cookie }), sql: () => pool.query("SELECT id, username, display_name, roles, unit_id FROM platform_user WHERE id = $1", [userId]) },
      credentialCache && {
        // The same request with this instance's credential cache set aside: the session looked up in PostgreSQL.
        name: "{ me { id } } (no credential cache)",
        run: async () => {
          const cache = credentialCache.credentialCacheOf(app.services.dataSource);
          credentialCache.detachCredentialCache(app.services.dataSource);
          try {
            return await post("{ me { id } }", { cookie });
          } finally {
            credentialCache.attachCredentialCache(app.services.dataSource, cache);
          }
        },
        sql: () => pool.query("SELECT id, username, display_name, roles, unit_id FROM platform_user WHERE id = $1", [userId]),
      },
      { name: "API key { __typename }", run: () => post("{ __typename }", { "x-api-key": "cl_demo_integrator_0123456789abcdef" }), sql: async () => {} },
      // BENCH_QUERY="{ … }" adds any document, sent as the supervisor (its statements listed; no SQL baseline).
      process.env.BENCH_QUERY && { name: "BENCH_QUERY", run: () => post(process.env.BENCH_QUERY, { cookie }), sql: async () => {} },
    ].filter(Boolean);
    // Statements each request sends (the outbox, timers and schedules poll meanwhile: their statements are left out).
    const BACKGROUND = /platform_outbox|platform_timer|platform_schedule_run|pg_notify|pg_advisory|SAVEPOINT|^(START TRANSACTION|COMMIT|ROLLBACK)/u;
    const original = PostgresQueryRunner.prototype.query;
    // The quietest of five runs counts; the first request of a kind (nothing cached yet) is shown apart.
    const statementsOf = async (run) => {
      const seen = [];
      PostgresQueryRunner.prototype.query = function (text, ...rest) {
        seen.push(String(text).replace(/\s+/gu, " "));
        return original.call(this, text, ...rest);
      };
      try {
        await run();
      } finally {
        PostgresQueryRunner.prototype.query = original;
      }
      return seen.filter((sql) => !BACKGROUND.test(sql));
    };
    // The demo data's events are still being handled when the gateway has just started (SMS notices, the
    // wallboard…): their statements would be counted as the request's. Wait until the outbox is empty.
    for (let waited = 0; waited < 120; waited++) {
      const { rows } = await pool.query("SELECT count(*)::int AS n FROM platform_outbox WHERE processed_at IS NULL AND available_at <= now()");
      if (rows[0].n === 0) {break;}
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    for (const entry of cases) {
      entry.firstStatements = await statementsOf(entry.run);
      const runs = [];
      for (let i = 0; i < 5; i++) {
        runs.push(await statementsOf(entry.run));
      }
      entry.statements = runs.reduce((best, run) => (run.length < best.length ? run : best));
    }
    for (const entry of cases) {
      for (let i = 0; i < 50; i++) {
        await entry.run();
        await entry.sql();
      }
      entry.http = [];
      entry.direct = [];
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const entry of cases) {
        let t = performance.now();
        await entry.run();
        entry.http.push(performance.now() - t);
        t = performance.now();
        await entry.sql();
        entry.direct.push(performance.now() - t);
      }
    }
    const p = (values, q) => percentile(values, q).toFixed(2);
    console.log(`\ngateway request overhead, ${ROUNDS} rounds (sequential), load average ${loadavg().map((n) => n.toFixed(2)).join(" ")}:`);
    for (const entry of cases) {
      console.log(`  ${entry.name.padEnd(36)} GraphQL p50 ${p(entry.http, 50).padStart(6)} p95 ${p(entry.http, 95).padStart(6)} ms | SQL p50 ${p(entry.direct, 50).padStart(6)} p95 ${p(entry.direct, 95).padStart(6)} ms | statements: first ${entry.firstStatements.length}, then ${entry.statements.length}`);
      reportResult({
        benchmark: `request overhead: ${entry.name}`,
        result: `p50 ${percentile(entry.http, 50).toFixed(2)} ms, ${entry.statements.length} stmt`,
        baseline: `same SQL p50 ${percentile(entry.direct, 50).toFixed(2)} ms`,
        ratio: null,
        target: "(informative)",
        pass: true,
      });
      for (const sql of process.env.BENCH_VERBOSE ? [...entry.firstStatements, "--- second:", ...entry.statements] : entry.firstStatements) {
        console.log(`      ${sql.slice(0, 150)}`);
      }
    }
  } finally {
    await pool.end();
    await app.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
