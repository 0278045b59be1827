// Chasing board benchmark (pnpm bench; not a test): a fresh database (embedded PostgreSQL in a temp
// dir, or a new database on DATABASE_URL's server) with the real gateway, 1,000,000 tickets from the
// shared bulk generator (generate.mjs, INSERT … SELECT), the routing timer marks that would have
// fired by now, the board rebuilt from them; then `chasingBoard` and `chasingList` (each stage, one
// unit, a second page) through GraphQL over HTTP as a supervisor, against the very same SQL
// statements replayed directly through pg. Prints p50/p95 of both, their ratio, and the plans.
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { rebuildChasing, reconcileChasing } from "../dist/index.js";
import { chasingBoard, listChasing } from "../dist/chasing/chasing-queries.js";
import { freeLowPort, openBenchDatabase, percentile } from "./bench-kit.mjs";
import { generateTickets } from "./generate.mjs";
import { openGeneratedDatabase } from "./shared-data.mjs";
import { reportResult } from "../../../tooling/scripts/bench-report.mjs";

const TICKETS = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const log = (message) => console.log(`[bench] ${message}`);

const ITEM = "ticketId trackingNumber stage severity urgency alarm requestType categoryNameZh categoryNameEn summary unitId unitNameZh unitNameEn receivedAt dueAt lateSince";
const BOARD = `{ chasingBoard { stages { stage nearDue overdue } units { stage unitId unitNameZh unitNameEn nearDue overdue } alarms { ${ITEM} } alarmCount } }`;
const LIST = `query($stage: ChasingStage!, $unitId: ID, $after: String) { chasingList(stage: $stage, unitId: $unitId, first: 50, after: $after) { items { ${ITEM} } total nextCursor } }`;

/**
 * What the routing timers would have recorded by now on generated data: the dispatch-overdue and
 * sign-for timers fired (platform_timer rows, fired) and the near-due marks; the generator sets
 * overdue_at itself.
 */
async function markFiredTimers(client) {
  await client.query(`UPDATE routing_assignment SET near_due_notified_at = near_due_at
    WHERE current AND state IN ('DISPATCHED', 'SIGNED_FOR', 'RETURN_REQUESTED') AND near_due_at <= now() AND near_due_notified_at IS NULL`);
  await client.query(`INSERT INTO platform_timer (key, type, payload, due_at, available_at, fired_at)
    SELECT 'routing:ticket:' || t.id || ':dispatch_overdue', 'routing.dispatch_overdue',
           jsonb_build_object('ticketId', t.id, 'dueAt', t.received_at + CASE WHEN t.urgency = 'normal' THEN interval '4 hours' ELSE interval '15 minutes' END),
           t.received_at + interval '4 hours', t.received_at + interval '4 hours', t.received_at + interval '4 hours'
      FROM intake_ticket t WHERE t.status IN ('received', 'awaiting_dispatch') AND t.received_at + interval '4 hours' <= now()
    ON CONFLICT (key) DO NOTHING`);
  await client.query(`INSERT INTO platform_timer (key, type, payload, due_at, available_at, fired_at)
    SELECT 'routing:assignment:' || a.id || ':sign_for_overdue', 'routing.sign_for_overdue',
           jsonb_build_object('assignmentId', a.id, 'ticketId', a.ticket_id, 'dueAt', a.sign_for_due_at), a.sign_for_due_at, a.sign_for_due_at, a.sign_for_due_at
      FROM routing_assignment a WHERE a.current AND a.state = 'DISPATCHED' AND a.signed_for_at IS NULL AND a.sign_for_due_at <= now()
    ON CONFLICT (key) DO NOTHING`);
}

async function main() {
  const benchStarted = performance.now();
  // In a run of several sections the generated tickets are shared (shared-data.mjs): a copy, same generator and options.
  const database = (await openGeneratedDatabase("chasing", { tickets: TICKETS, days: 730 })) ?? (await openBenchDatabase(pg, "chasing"));
  const { startApp } = await import("../../../apps/gateway/dist/index.js");
  let app;
  let pool;
  try {
    log("starting the gateway (embedded PostgreSQL unless DATABASE_URL, migrations, demo data)…");
    app = await startApp({
      databaseUrl: database.url || undefined,
      dataDir: database.dataDir,
      embeddedPostgresPort: await freeLowPort(),
      port: 0,
      seedDemoOnEmpty: true,
      logLevel: "warn",
      nodeEnv: "production",
      allowDevSmsInProduction: true,
    });
    const url = app.services.dataSource.options.url;
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    if (!database.generated) {
      log(`generating ${TICKETS.toLocaleString("en")} tickets with history and assignments (bulk SQL)…`);
    }
    const stats = database.generated ?? (await generateTickets(db, { tickets: TICKETS, log }));
    log(`generated in ${(stats.ms / 1000).toFixed(0)} s: ${stats.tickets.toLocaleString("en")} tickets, ${stats.assignments.toLocaleString("en")} assignments, ${stats.history.toLocaleString("en")} history rows`);
    await markFiredTimers(db);
    const rebuildStarted = performance.now();
    const late = await rebuildChasing(app.services.dataSource);
    await db.query("ANALYZE supervision_chasing_item; ANALYZE supervision_chasing_count; ANALYZE platform_timer");
    log(`board rebuilt from the timer marks in ${((performance.now() - rebuildStarted) / 1000).toFixed(1)} s: ${late.toLocaleString("en")} late tickets`);
    const byStage = (await db.query("SELECT stage, severity, sum(count)::int AS n FROM supervision_chasing_count GROUP BY 1, 2 ORDER BY 1, 2")).rows;
    log(`late by stage: ${byStage.map((row) => `${row.stage}/${row.severity} ${row.n}`).join(", ")}`);

    // One event's work at this size: reconcile a late ticket (rows and counters in one transaction).
    const sample = (await db.query("SELECT ticket_id FROM supervision_chasing_item ORDER BY due_at LIMIT 20")).rows.map((row) => row.ticket_id);
    const reconcileMs = [];
    for (const ticketId of sample) {
      const t = performance.now();
      await app.services.dataSource.transaction((manager) => reconcileChasing(manager, [ticketId]));
      reconcileMs.push(performance.now() - t);
    }

    const login = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `mutation { login(input: { username: "supervisor", password: "civicline-demo" }) { token viewer { id displayName } } }` }),
    });
    const { data } = await login.json();
    const cookie = login.headers.get("set-cookie").split(";")[0];
    const supervisor = { kind: "staff", id: data.login.viewer.id, name: data.login.viewer.displayName, roles: ["supervisor"], unitId: null };

    const [bigUnit] = (await db.query("SELECT unit_key FROM supervision_chasing_count WHERE stage = 'IN_PROGRESS' ORDER BY count DESC LIMIT 1")).rows;
    const firstPage = await listChasing(app.services.dataSource, { actor: supervisor, request: { stage: "IN_PROGRESS", first: 50 } });
    const cases = [
      { name: "board (counts per stage and unit, alarm)", query: BOARD, variables: {}, run: (recorder) => chasingBoard(recorder, { actor: supervisor }) },
      ...["WAITING_DISPATCH", "WAITING_SIGN_FOR", "IN_PROGRESS", "EXTENSION_PENDING"].map((stage) => ({
        name: `list ${stage}`,
        query: LIST,
        variables: { stage },
        run: (recorder) => listChasing(recorder, { actor: supervisor, request: { stage, first: 50 } }),
      })),
      {
        name: "list IN_PROGRESS of the unit with most",
        query: LIST,
        variables: { stage: "IN_PROGRESS", unitId: bigUnit?.unit_key },
        run: (recorder) => listChasing(recorder, { actor: supervisor, request: { stage: "IN_PROGRESS", unitId: bigUnit?.unit_key, first: 50 } }),
      },
      {
        name: "list IN_PROGRESS page 2 (cursor)",
        query: LIST,
        variables: { stage: "IN_PROGRESS", after: firstPage.nextCursor },
        run: (recorder) => listChasing(recorder, { actor: supervisor, request: { stage: "IN_PROGRESS", first: 50, after: firstPage.nextCursor } }),
      },
    ];

    // The statements each case runs, captured once (with which ran concurrently), then replayed through a pg pool the same way.
    pool = new pg.Pool({ connectionString: url, max: 4 });
    for (const entry of cases) {
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
      await entry.run(recorder);
      entry.statements = recorded;
    }
    const graphql = async (entry) => {
      const t = performance.now();
      const response = await fetch(`${app.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ query: entry.query, variables: entry.variables }) });
      const body = await response.json();
      if (body.errors) {
        throw new Error(`${entry.name}: ${JSON.stringify(body.errors)}`);
      }
      return performance.now() - t;
    };
    const sql = async (entry) => {
      const t = performance.now();
      for (let g = 0; g <= entry.statements.at(-1).group; g++) {
        await Promise.all(entry.statements.filter((s) => s.group === g).map((s) => pool.query(s.text, s.params)));
      }
      return performance.now() - t;
    };

    log(`warming up, then ${ROUNDS} rounds × ${cases.length} requests, one at a time…`);
    for (const entry of cases) {
      await graphql(entry);
      await sql(entry);
    }
    const baseline = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      await (await fetch(`${app.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ query: "{ me { id } }" }) })).json();
      baseline.push(performance.now() - t);
    }
    const all = { graphql: [], sql: [] };
    for (const entry of cases) {
      entry.graphql = [];
      entry.sql = [];
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const entry of cases) {
        const viaGraphql = await graphql(entry);
        const viaSql = await sql(entry);
        entry.graphql.push(viaGraphql);
        entry.sql.push(viaSql);
        all.graphql.push(viaGraphql);
        all.sql.push(viaSql);
      }
    }
    const p = (values, q) => percentile(values, q).toFixed(1);
    const [{ n: tickets }] = (await db.query("SELECT count(*)::int AS n FROM intake_ticket")).rows;
    console.log("");
    console.log(`chasing board, ${tickets.toLocaleString("en")} tickets, ${late.toLocaleString("en")} late; ${cases.length} requests × ${ROUNDS} rounds (sequential, as a supervisor):`);
    for (const entry of cases) {
      console.log(
        `  ${entry.name.padEnd(42)} GraphQL p50 ${p(entry.graphql, 50).padStart(6)} p95 ${p(entry.graphql, 95).padStart(6)} ms | SQL p50 ${p(entry.sql, 50).padStart(6)} p95 ${p(entry.sql, 95).padStart(6)} ms | ratio p95 ${(percentile(entry.graphql, 95) / percentile(entry.sql, 95)).toFixed(2)}  (${entry.statements.length} stmt)`,
      );
    }
    console.log(`  all requests   GraphQL p50 ${p(all.graphql, 50)} ms  p95 ${p(all.graphql, 95)} ms | same SQL via pg p50 ${p(all.sql, 50)} ms  p95 ${p(all.sql, 95)} ms`);
    console.log(`  ratio GraphQL/SQL   p50 ${(percentile(all.graphql, 50) / percentile(all.sql, 50)).toFixed(2)}   p95 ${(percentile(all.graphql, 95) / percentile(all.sql, 95)).toFixed(2)}`);
    console.log(`  baseline round trip  p50 ${p(baseline, 50)} ms  p95 ${p(baseline, 95)} ms  ({ me { id } }: HTTP, session lookup, GraphQL, no board)`);
    console.log(`  one event's reconcile (rows + counters, one transaction) p50 ${p(reconcileMs, 50)} ms  p95 ${p(reconcileMs, 95)} ms`);
    reportResult({
      benchmark: `chasing board at ${tickets.toLocaleString("en")} tickets, all lists and counts`,
      result: `p95 ${percentile(all.graphql, 95).toFixed(1)} ms`,
      baseline: `same SQL p95 ${percentile(all.sql, 95).toFixed(1)} ms`,
      ratio: percentile(all.graphql, 95) / percentile(all.sql, 95),
      target: "p95 < 100 ms, ≤ 3×",
      pass: percentile(all.graphql, 95) < 100 && percentile(all.graphql, 95) / percentile(all.sql, 95) <= 3,
    });
    console.log(`  target p95 < 100 ms through GraphQL: ${percentile(all.graphql, 95) < 100 ? "met" : "NOT met"}; at most 3× the direct SQL (p95): ${percentile(all.graphql, 95) / percentile(all.sql, 95) <= 3 ? "met" : "NOT met"}`);
    console.log(`  machine load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} on ${cpus().length} cores (other work on the machine inflates every figure)`);
    console.log("  plans (EXPLAIN ANALYZE of each list's page statement):");
    for (const entry of cases.slice(1)) {
      const statement = entry.statements[0];
      const plan = (await db.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${statement.text}`, statement.params)).rows.map((row) => row["QUERY PLAN"]);
      const scans = plan.filter((line) => /Scan|Limit|Execution Time/.test(line)).map((line) => line.trim());
      console.log(`    ${entry.name}: ${scans.join(" | ")}`);
    }
    await db.end();
  } finally {
    await pool?.end().catch(() => undefined);
    await app?.stop();
    await database.close();
    log(`done in ${((performance.now() - benchStarted) / 1000).toFixed(0)} s`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
