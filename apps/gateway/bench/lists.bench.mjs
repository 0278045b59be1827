// Lists at a million tickets (pnpm bench lists; not a test): a fresh database (embedded PostgreSQL in
// a temp dir, or a new database on DATABASE_URL's server) with the real gateway and its demo data.
// Every list a console opens — queue counts, the emergency queue, the dispatcher's queue, a unit's
// inbox, a caller's history, the Open311 request list — is requested over HTTP exactly as the apps
// do (the operator app's own GraphQL documents), one at a time, first on the demo data alone (a few
// dozen tickets), then again after the shared bulk generator (packages/supervision/bench/generate.mjs)
// has added 1,000,000 tickets with history and assignments. Target per list: p95 at 1M at most 2×
// the p95 on the small database, and under 50 ms. Prints the rows each list returned and the plan of
// the ticket-table statement behind each.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { benchLog, benchLogin, machineLoad, openBenchDatabase, percentile, startBenchGateway } from "../../../packages/supervision/bench/bench-kit.mjs";
import { generateTickets } from "../../../packages/supervision/bench/generate.mjs";
import { hasGeneratedData, openGeneratedDatabase } from "../../../packages/supervision/bench/shared-data.mjs";
import { reportResult } from "../../../tooling/scripts/bench-report.mjs";

// pg is the platform's dependency (the gateway reaches PostgreSQL through it).
const pg = createRequire(new URL("../../../packages/platform/package.json", import.meta.url))("pg");

const TICKETS = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const WARMUP_ROUNDS = Number(process.env.BENCH_WARMUP_ROUNDS ?? 5);
const TARGET_MS = 50;
const MAX_GROWTH = 2;

/** The operator app's GraphQL documents (queries and the fragments they spread), read from its sources and the shared staff ones. */
function operatorDocuments() {
  const text = ["../../operator/src/", "../../../packages/ui/src/graphql/staff/"]
    .map((relative) => fileURLToPath(new URL(relative, import.meta.url)))
    .flatMap((dir) => readdirSync(dir, { recursive: true }).filter((name) => name.endsWith(".graphql")).map((name) => readFileSync(path.join(dir, name), "utf8")))
    .join("\n");
  const fragments = new Map();
  const operations = new Map();
  // Top-level definitions start at column 0 ("fragment X on Y {", "query X(…) {") and end at a "}" in column 0.
  for (const match of text.matchAll(/^(fragment|query|subscription|mutation) (\w+)[^\n]*\{\n[\s\S]*?^\}/gm)) {
    (match[1] === "fragment" ? fragments : operations).set(match[2], match[0]);
  }
  // A name: that query of the app; else a document of our own using the app's fragments.
  return (name) => {
    const operation = operations.get(name) ?? (name.includes("{") ? name : undefined);
    if (!operation) {
      throw new Error(`the operator app has no query ${name}`);
    }
    const needed = new Set();
    const visit = (source) => {
      for (const [, spread] of source.matchAll(/\.\.\.(\w+)/g)) {
        if (!needed.has(spread)) {
          needed.add(spread);
          visit(fragments.get(spread) ?? "");
        }
      }
    };
    visit(operation);
    return [operation, ...[...needed].map((fragment) => fragments.get(fragment))].join("\n");
  };
}

async function graphqlOf(app, cookie, query, variables) {
  const response = await fetch(`${app.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  if (body.errors) {
    throw new Error(JSON.stringify(body.errors));
  }
  return body.data;
}

/** The lists, as the consoles request them; `rows` says how many items an answer carried. */
function listCases(app, document, logins, phone) {
  const gql = (login, name, variables, rows) => ({
    run: () => graphqlOf(app, logins[login], document(name), variables),
    rows,
  });
  return [
    { name: "queue counts", ...gql("operator", "QueueCounts", {}, () => 1) },
    { name: "emergency queue", ...gql("operator", "TicketQueue", { kind: "EMERGENCIES", limit: 50 }, (data) => data.ticketQueue.items.length) },
    { name: "received queue", ...gql("operator", "TicketQueue", { kind: "RECEIVED", limit: 50 }, (data) => data.ticketQueue.items.length) },
    { name: "dispatch queue", ...gql("dispatcher", "DispatchQueue", {}, (data) => data.dispatchQueue.length) },
    { name: "unit inbox", ...gql("handler", "UnitInbox", { includeClosed: false }, (data) => data.unitInbox.length) },
    { name: "caller history", ...gql("operator", "CallerHistory", { phone }, (data) => data.callerHistory.tickets.length) },
    {
      name: "Open311 request list",
      run: async () => {
        const response = await fetch(`${app.url}/open311/v2/requests.json`);
        if (!response.ok) {
          throw new Error(`Open311 list answered ${response.status}: ${await response.text()}`);
        }
        return response.json();
      },
      rows: (data) => data.length,
    },
  ];
}

/**
 * The same lists asked for exactly as many rows as they had on the small database (a page of that
 * size; the Open311 list over the 20 minutes up to its newest request, about as many as the demo data has):
 * what the table's size alone adds, apart from the larger answers a full page carries.
 */
function sameRowCases(app, document, logins, small, newest) {
  const rowsOf = (name) => Math.max(1, small.get(name).rows);
  const gql = (login, source, variables, rows) => ({ run: () => graphqlOf(app, logins[login], document(source), variables), rows });
  const queue = "query($kind: QueueKind!, $limit: Int!) { ticketQueue(kind: $kind, limit: $limit) { total items { ...QueueTicket } } }";
  return [
    { name: "emergency queue", ...gql("operator", queue, { kind: "EMERGENCIES", limit: rowsOf("emergency queue") }, (data) => data.ticketQueue.items.length) },
    { name: "received queue", ...gql("operator", queue, { kind: "RECEIVED", limit: rowsOf("received queue") }, (data) => data.ticketQueue.items.length) },
    {
      name: "dispatch queue",
      ...gql("dispatcher", "query($limit: Int) { dispatchQueue(limit: $limit) { ...DispatchQueueItemFields } }", { limit: rowsOf("dispatch queue") }, (data) => data.dispatchQueue.length),
    },
    {
      name: "Open311 request list",
      run: async () => {
        // The 20 minutes up to the newest ticket, not up to the clock: the generated tickets' times are set when
        // the generation starts, and a shared run measures minutes later.
        const w3c = (at) => at.toISOString().replace(/\.\d+Z$/, "Z");
        const window = `start_date=${w3c(new Date(newest.getTime() - 20 * 60_000))}&end_date=${w3c(new Date(newest.getTime() + 1000))}`;
        const response = await fetch(`${app.url}/open311/v2/requests.json?${window}`);
        if (!response.ok) {
          throw new Error(`Open311 list answered ${response.status}: ${await response.text()}`);
        }
        return response.json();
      },
      rows: (data) => data.length,
    },
  ];
}

async function measure(cases, label) {
  // Warm-up rounds, not timed: the gateway may have just started (a shared run restarts it on the generated
  // database), and a single request leaves the list's code unoptimised for the first timed rounds, which a
  // p95 of 40 then reports. Same rounds and the same client (fetch's keep-alive pool) on both databases.
  for (let round = 0; round < WARMUP_ROUNDS; round++) {
    for (const entry of cases) {
      await entry.run();
    }
  }
  const times = new Map(cases.map((entry) => [entry.name, []]));
  const rows = new Map();
  for (let round = 0; round < ROUNDS; round++) {
    for (const entry of cases) {
      const t = performance.now();
      const data = await entry.run();
      times.get(entry.name).push(performance.now() - t);
      rows.set(entry.name, entry.rows(data));
    }
  }
  benchLog(`${label}: ${cases.map((entry) => `${entry.name} p95 ${percentile(times.get(entry.name), 95).toFixed(1)} ms (${rows.get(entry.name)} rows)`).join("; ")}`);
  return new Map(cases.map((entry) => [entry.name, { p50: percentile(times.get(entry.name), 50), p95: percentile(times.get(entry.name), 95), rows: rows.get(entry.name) }]));
}

/** The plan of each list's ticket-table statement at this size, scans only. */
async function plans(db, handlerUnitId, operatorId) {
  const statements = {
    "emergency queue": [`SELECT * FROM intake_ticket t WHERE t.urgency = 'emergency' AND t.status NOT IN ('closed', 'closed_direct', 'merged')
      ORDER BY CASE t.urgency WHEN 'emergency' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END, t.received_at DESC, t.id LIMIT 50`],
    "queue counts (mine today)": [`SELECT count(*) FROM intake_ticket WHERE created_by = $1 AND received_at >= now() - interval '1 day'`, [operatorId]],
    "dispatch queue": [`SELECT t.id FROM intake_ticket t LEFT JOIN routing_assignment a ON a.ticket_id = t.id AND a.current
      WHERE t.status IN ('received', 'awaiting_dispatch') AND (a.id IS NULL OR a.state NOT IN ('DISPATCHED', 'SIGNED_FOR'))
      ORDER BY CASE t.urgency WHEN 'emergency' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END, t.received_at, t.id LIMIT 200`],
    "Open311 list": [`SELECT * FROM intake_ticket t WHERE t.received_at BETWEEN now() - interval '90 days' AND now() ORDER BY t.received_at DESC, t.tracking_number DESC LIMIT 1000`],
    "unit inbox": [`SELECT a.id FROM routing_assignment a WHERE a.current AND a.state IN ('DISPATCHED', 'SIGNED_FOR', 'RETURN_REQUESTED')
      AND (a.lead_unit_id = $1 OR a.assisting_unit_ids @> ARRAY[$1]::uuid[]) ORDER BY a.last_follow_up_at DESC NULLS LAST, a.completion_due_at, a.id LIMIT 500`, [handlerUnitId]],
  };
  for (const [name, [sql, params]] of Object.entries(statements)) {
    const plan = (await db.query(`EXPLAIN (ANALYZE, COSTS OFF) ${sql}`, params)).rows.map((row) => row["QUERY PLAN"]);
    benchLog(`  plan ${name}: ${plan.filter((line) => /Scan|Execution Time/.test(line)).map((line) => line.trim()).join(" | ")}`);
  }
}

async function main() {
  const started = performance.now();
  let database = await openBenchDatabase(pg, "lists");
  let app;
  let db;
  try {
    benchLog("starting the gateway (embedded PostgreSQL unless DATABASE_URL, migrations, demo data)…");
    app = await startBenchGateway(database);
    db = new pg.Client({ connectionString: app.services.dataSource.options.url });
    await db.connect();
    const document = operatorDocuments();
    const logins = {};
    const actors = {};
    for (const username of ["operator", "dispatcher", "handler"]) {
      const login = await benchLogin(app, username);
      logins[username] = login.cookie;
      actors[username] = login.actor;
    }
    let [{ unit_id: handlerUnitId }] = (await db.query(`SELECT unit_id FROM platform_user WHERE username = 'handler'`)).rows;
    const smallPhone = (await db.query(`SELECT citizen_phone FROM intake_ticket GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`)).rows[0].citizen_phone;
    const [{ n: smallTickets }] = (await db.query("SELECT count(*)::int AS n FROM intake_ticket")).rows;
    benchLog(`${smallTickets} demo tickets; ${ROUNDS} rounds of each list, one request at a time…`);
    const small = await measure(listCases(app, document, logins, smallPhone), `${smallTickets} tickets`);

    // In a run of several sections the generated tickets are shared (shared-data.mjs): the gateway moves to a
    // database of demo data + the same generated tickets (same generator and options), and logs in again.
    let generated = null;
    if (hasGeneratedData({ tickets: TICKETS, days: 730 })) {
      await db.end();
      await app.stop();
      await database.close();
      generated = await openGeneratedDatabase("lists", { tickets: TICKETS, days: 730 });
      database = generated;
      app = await startBenchGateway(database);
      db = new pg.Client({ connectionString: app.services.dataSource.options.url });
      await db.connect();
      for (const username of ["operator", "dispatcher", "handler"]) {
        const login = await benchLogin(app, username);
        logins[username] = login.cookie;
        actors[username] = login.actor;
      }
      [{ unit_id: handlerUnitId }] = (await db.query(`SELECT unit_id FROM platform_user WHERE username = 'handler'`)).rows;
    } else {
      benchLog(`generating ${TICKETS.toLocaleString("en")} tickets with history and assignments (bulk SQL, shared generator)…`);
    }
    const stats = generated?.generated ?? (await generateTickets(db, { tickets: TICKETS, log: benchLog }));
    benchLog(`generated in ${(stats.ms / 1000).toFixed(0)} s: ${stats.tickets.toLocaleString("en")} tickets, ${stats.assignments.toLocaleString("en")} assignments, ${stats.history.toLocaleString("en")} history rows`);
    // The caller who called most often (the generator repeats phones).
    const largePhone = (await db.query(`SELECT citizen_phone FROM intake_ticket GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`)).rows[0].citizen_phone;
    const [{ n: largeTickets }] = (await db.query("SELECT count(*)::int AS n FROM intake_ticket")).rows;
    // Write out what the generation left dirty first, so that the checkpointer does not flush it while the lists are timed.
    await db.query("CHECKPOINT").catch((error) => benchLog(`CHECKPOINT not run (${error.message}); the first rounds may share the disk with it`));
    const large = await measure(listCases(app, document, logins, largePhone), `${largeTickets.toLocaleString("en")} tickets`);
    const [{ newest }] = (await db.query("SELECT max(received_at) AS newest FROM intake_ticket")).rows;
    const sameRows = await measure(sameRowCases(app, document, logins, small, newest), `${largeTickets.toLocaleString("en")} tickets, as many rows as on the small database`);
    await plans(db, handlerUnitId, actors.operator.id);

    console.log("");
    console.log(`lists, ${smallTickets} vs ${largeTickets.toLocaleString("en")} tickets, ${ROUNDS} rounds each (sequential, over HTTP as the consoles ask):`);
    for (const [name, big] of large) {
      const base = small.get(name);
      const ratio = big.p95 / base.p95;
      console.log(`  ${name.padEnd(22)} small p50 ${base.p50.toFixed(1).padStart(6)} p95 ${base.p95.toFixed(1).padStart(6)} ms (${base.rows} rows) | large p50 ${big.p50.toFixed(1).padStart(6)} p95 ${big.p95.toFixed(1).padStart(6)} ms (${big.rows} rows) | growth ${ratio.toFixed(2)}×`);
      reportResult({
        benchmark: `${name} at ${(largeTickets / 1e6).toFixed(1)}M tickets (p95, ${big.rows} rows)`,
        result: `${big.p95.toFixed(1)} ms`,
        baseline: `${base.p95.toFixed(1)} ms at ${smallTickets} tickets (${base.rows} rows)`,
        ratio,
        target: `growth ≤ ${MAX_GROWTH}×, p95 < ${TARGET_MS} ms`,
        pass: ratio <= MAX_GROWTH && big.p95 < TARGET_MS,
      });
    }
    for (const [name, big] of sameRows) {
      const base = small.get(name);
      const ratio = big.p95 / base.p95;
      console.log(`  ${`${name}, same rows`.padEnd(22)} small p95 ${base.p95.toFixed(1).padStart(6)} ms (${base.rows} rows) | large p50 ${big.p50.toFixed(1).padStart(6)} p95 ${big.p95.toFixed(1).padStart(6)} ms (${big.rows} rows) | growth ${ratio.toFixed(2)}×`);
      reportResult({
        benchmark: `${name} at ${(largeTickets / 1e6).toFixed(1)}M tickets, as many rows as at ${smallTickets} (p95, ${big.rows} rows)`,
        result: `${big.p95.toFixed(1)} ms`,
        baseline: `${base.p95.toFixed(1)} ms at ${smallTickets} tickets (${base.rows} rows)`,
        ratio,
        target: `growth ≤ ${MAX_GROWTH}×, p95 < ${TARGET_MS} ms`,
        pass: ratio <= MAX_GROWTH && big.p95 < TARGET_MS,
      });
    }
    console.log(`  ${machineLoad()}`);
  } finally {
    await db?.end().catch(() => undefined);
    await app?.stop();
    await database.close();
    benchLog(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
