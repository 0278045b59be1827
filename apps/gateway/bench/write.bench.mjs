// Ticket creation and the console's ticket read against what they must do in SQL (pnpm bench write;
// not a test). A fresh database (embedded PostgreSQL in a temp dir, or a new database on
// DATABASE_URL's server) with the real gateway and its demo data, then:
//  1. `logCall` over HTTP from 8 concurrent clients vs the minimal transaction (ticket + history +
//     outbox INSERTs) sent through `pg` by 8 clients — tickets per second, target ≥ 0.5×;
//  2. the operator console's ticket query (apps/operator TicketDetail.graphql) from 8 concurrent
//     clients vs hand-written SQL (one statement) behind a minimal node:http server — requests per
//     second, target ≥ 0.5×, and the SQL statements the query sends (target ≤ 3);
//  3. a burst of 300 API tickets in a category whose dispatch rule auto-dispatches: the time from
//     the last ticket's answer until all 300 are DISPATCHED (target ≤ 2 s).
// Each pair runs in alternating rounds after a warm-up and with the outbox drained in between, so
// that background work of one side does not land on the other's clock.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { PostgresQueryRunner } from "typeorm/driver/postgres/PostgresQueryRunner.js";
import { benchLog, freeLowPort, machineLoad, openBenchDatabase } from "../../../packages/supervision/bench/bench-kit.mjs";
import { coalesced } from "../../../packages/intake/dist/ticket/outbox-wake.js";
import { reportResult } from "../../../tooling/scripts/bench-report.mjs";

const pg = createRequire(new URL("../../../packages/platform/package.json", import.meta.url))("pg");

const CLIENTS = 8;
const LOG_CALLS = Number(process.env.BENCH_LOG_CALLS ?? 400);
const READS = Number(process.env.BENCH_READS ?? 1600);
const BURST = Number(process.env.BENCH_BURST ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const EMBEDDED_PORT = Number(process.env.BENCH_PG_PORT ?? 0);
// BENCH_PARTS=logcall,read,burst runs some of the three (all by default).
const PARTS = new Set((process.env.BENCH_PARTS ?? "logcall,read,burst").split(","));
const API_KEY = "cl_demo_integrator_0123456789abcdef";
const TICKET_DETAIL = readFileSync(new URL("../../operator/src/graphql/TicketDetail.graphql", import.meta.url), "utf8");

/** Runs `total` calls of `one(i)` on `clients` concurrent workers; the wall time in ms. */
async function concurrently(total, clients, one) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < total; i = next++) {
        await one(i);
      }
    }),
  );
  return performance.now() - started;
}

async function waitForOutbox(pool) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const { rows } = await pool.query("SELECT count(*)::int AS n FROM platform_outbox WHERE processed_at IS NULL AND available_at <= now()");
    if (rows[0].n === 0) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the outbox did not drain within 2 minutes");
}

async function gql(url, query, variables, headers) {
  const response = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  if (body.errors) {
    throw new Error(`GraphQL error: ${JSON.stringify(body.errors).slice(0, 500)}`);
  }
  return body.data;
}

const LOG_CALL = `mutation LogCall($input: LogCallInput!) { logCall(input: $input) { id trackingNumber status version receivedAt } }`;

/** The ticket read as one hand-written statement: the row, its references and every list, as JSON. */
const HAND_WRITTEN_READ = `
SELECT json_build_object(
  'id', t.id, 'trackingNumber', t.tracking_number, 'status', t.status, 'channel', t.channel, 'requestType', t.request_type,
  'urgency', t.urgency, 'description', t.description, 'address', t.address, 'citizenName', t.citizen_name,
  'citizenPhone', t.citizen_phone, 'receivedAt', t.received_at, 'version', t.version, 'privacy', t.privacy,
  'extraFields', t.extra_fields, 'answeredArticleIds', t.answered_article_ids, 'directAnswer', t.direct_answer,
  'category', (SELECT json_build_object('id', c.id, 'code', c.code, 'nameZh', c.name_zh, 'nameEn', c.name_en, 'fields', c.fields) FROM intake_category c WHERE c.id = t.category_id),
  'district', (SELECT json_build_object('id', a.id, 'nameZh', a.name_zh, 'nameEn', a.name_en) FROM intake_area a WHERE a.id = t.district_id),
  'township', (SELECT json_build_object('id', a.id, 'nameZh', a.name_zh, 'nameEn', a.name_en) FROM intake_area a WHERE a.id = t.township_id),
  'attachments', (SELECT coalesce(json_agg(json_build_object('id', x.file_id, 'filename', x.filename, 'contentType', x.content_type, 'size', x.size) ORDER BY x.created_at, x.id), '[]') FROM intake_ticket_attachment x WHERE x.ticket_id = t.id),
  'links', (SELECT coalesce(json_agg(json_build_object('kind', l.kind, 'ticket', json_build_object('id', o.id, 'trackingNumber', o.tracking_number, 'status', o.status))), '[]')
              FROM intake_ticket_link l JOIN intake_ticket o ON o.id = CASE WHEN l.ticket_id = t.id THEN l.other_ticket_id ELSE l.ticket_id END
             WHERE l.ticket_id = t.id OR (l.other_ticket_id = t.id AND l.kind = 'related')),
  'coReporters', (SELECT coalesce(json_agg(json_build_object('name', r.name, 'phone', r.phone, 'addedAt', r.added_at) ORDER BY r.added_at, r.id), '[]') FROM intake_co_reporter r WHERE r.ticket_id = t.id),
  'emergencyHandoffs', (SELECT coalesce(json_agg(json_build_object('service', h.service, 'reference', h.reference, 'handedOffAt', h.handed_off_at, 'handedOffBy', h.handed_off_by, 'checklist', h.checklist) ORDER BY h.handed_off_at, h.id), '[]') FROM intake_emergency_handoff h WHERE h.ticket_id = t.id),
  'history', (SELECT coalesce(json_agg(json_build_object('id', s.id, 'at', s.at, 'fromStatus', s.from_status, 'toStatus', s.to_status, 'kind', s.kind, 'actorName', s.actor_name, 'actorKind', s.actor_kind, 'reason', s.reason, 'noteCode', s.note_code, 'noteParams', s.note_params) ORDER BY s.id), '[]') FROM intake_ticket_history s WHERE s.ticket_id = t.id)
) AS ticket
FROM intake_ticket t WHERE t.id = $1`;

async function main() {
  const database = await openBenchDatabase(pg, "write");
  const { startApp } = await import("../dist/index.js");
  const app = await startApp({
    databaseUrl: database.url || undefined,
    dataDir: database.dataDir,
    embeddedPostgresPort: EMBEDDED_PORT || (await freeLowPort()),
    port: 0,
    seedDemoOnEmpty: true,
    logLevel: "warn",
    nodeEnv: "production",
    allowDevSmsInProduction: true,
  });
  const pool = new pg.Pool({ connectionString: app.services.dataSource.options.url, max: CLIENTS });
  let rawServer;
  try {
    const login = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `mutation { login(input: { username: "operator", password: "civicline-demo" }) { viewer { id } } }` }),
    });
    const cookie = login.headers.get("set-cookie").split(";")[0];
    const operatorId = (await login.json()).data.login.viewer.id;
    const { rows: categories } = await pool.query("SELECT id, code FROM intake_category WHERE code = ANY($1)", [["SAFETY.GAS_LEAK"]]);
    const gasLeak = categories.find((row) => row.code === "SAFETY.GAS_LEAK");
    if (!gasLeak) {
      throw new Error("the demo category SAFETY.GAS_LEAK (auto-dispatched by the demo catalogue) is missing");
    }
    const { rows: districts } = await pool.query("SELECT id FROM intake_area WHERE level = 'DISTRICT' ORDER BY code LIMIT 1");
    const draft = (i, extra = {}) => ({
      requestType: "COMPLAINT",
      categoryId: gasLeak.id,
      description: `燃气味很重，请尽快派人查看 (bench ${i})`,
      districtId: districts[0].id,
      address: `张店区共青团西路 ${i} 号`,
      citizenName: "王女士",
      phone: "13812345678",
      ...extra,
    });

    // --- 1. logCall vs the minimal transaction -------------------------------------------------
    if (PARTS.has("logcall")) {
    let serial = 0;
    const logCallOnce = () => gql(app.url, LOG_CALL, { input: draft(serial++) }, { cookie });
    // The minimal transaction stores what a received ticket is: the ticket, its history row and the real
    // `intake.ticket_received` event, and then wakes the outbox processors the way logCall does (one
    // NOTIFY after the commit, shared by the calls that arrive while one is being sent). So the processor
    // does the same work for either side's tickets during the timed rounds (auto-dispatch of this category,
    // the SMS notice, timers, webhooks …). Until this change the baseline's event was a type with no handler,
    // and logCall's rounds alone carried that work (0.31× in the last full run; see the README).
    // logCall's own coalescing (intake's outbox-wake.ts): one NOTIFY in flight, the next shared by those who wait.
    const wakeOutbox = coalesced(() => pool.query("SELECT pg_notify('civicline_outbox', 'wake')").then(() => undefined, () => undefined));
    const minimalOnce = async () => {
      const client = await pool.connect();
      const n = serial++;
      try {
        await client.query("BEGIN");
        const { rows } = await client.query(
          `INSERT INTO intake_ticket (tracking_number, status, channel, request_type, urgency, category_id, description, district_id, address,
             citizen_name, citizen_phone, privacy, received_at, created_by, version)
           VALUES ($1, 'received', 'phone', 'complaint', 'normal', $2, $3, $4, $5, '王女士', '13812345678', 'none', now(), $6, 1) RETURNING id`,
          [`PG-${process.pid}-${n}`, gasLeak.id, `燃气味很重，请尽快派人查看 (bench ${n})`, districts[0].id, `张店区共青团西路 ${n} 号`, operatorId],
        );
        await client.query(
          `INSERT INTO intake_ticket_history (ticket_id, at, from_status, to_status, kind, actor_id, actor_name, actor_kind, is_public)
           VALUES ($1, now(), NULL, 'received', 'status', $2, 'operator', 'staff', true)`,
          [rows[0].id, operatorId],
        );
        await client.query("INSERT INTO platform_outbox (type, payload, actor_id) VALUES ('intake.ticket_received', $1::jsonb, $2)", [
          JSON.stringify({ ticketId: rows[0].id, trackingNumber: `PG-${process.pid}-${n}` }),
          operatorId,
        ]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        client.release();
      }
      await wakeOutbox();
    };
    benchLog(`logCall: warming up, then ${ROUNDS} alternating rounds of ${LOG_CALLS} tickets from ${CLIENTS} clients each`);
    await concurrently(40, CLIENTS, logCallOnce);
    await concurrently(40, CLIENTS, minimalOnce);
    let logCallMs = 0;
    let minimalMs = 0;
    for (let round = 0; round < ROUNDS; round++) {
      await waitForOutbox(pool);
      logCallMs += await concurrently(LOG_CALLS, CLIENTS, logCallOnce);
      await waitForOutbox(pool);
      minimalMs += await concurrently(LOG_CALLS, CLIENTS, minimalOnce);
    }
    const logCallRate = (LOG_CALLS * ROUNDS * 1000) / logCallMs;
    const minimalRate = (LOG_CALLS * ROUNDS * 1000) / minimalMs;
    reportResult({
      benchmark: `logCall, ${CLIENTS} concurrent clients`,
      result: `${logCallRate.toFixed(0)} tickets/s`,
      baseline: `${minimalRate.toFixed(0)} tx/s (ticket + history + outbox via pg, ${CLIENTS} clients)`,
      ratio: logCallRate / minimalRate,
      target: "≥ 0.5×",
      pass: logCallRate / minimalRate >= 0.5,
    });
    const { rows: gaps } = await pool.query(
      `SELECT count(*)::int AS tickets, count(DISTINCT tracking_number)::int AS numbers FROM intake_ticket WHERE tracking_number NOT LIKE 'PG-%'`,
    );
    benchLog(`tracking numbers: ${gaps[0].numbers} distinct for ${gaps[0].tickets} tickets`);
    // Informative: creation alone. Above, the outbox processor handles each side's tickets' events
    // (auto-dispatch of this category, SMS notice, timers, webhooks …) during the timed rounds. Here both
    // sides run with the processor paused (it catches up untimed in between): what creation itself costs.
    await waitForOutbox(pool);
    await app.outbox.stop();
    let aloneMs = 0;
    let minimalAloneMs = 0;
    try {
      aloneMs = await concurrently(LOG_CALLS, CLIENTS, logCallOnce);
      minimalAloneMs = await concurrently(LOG_CALLS, CLIENTS, minimalOnce);
    } finally {
      await app.outbox.start();
    }
    const aloneRate = (LOG_CALLS * 1000) / aloneMs;
    const minimalAloneRate = (LOG_CALLS * 1000) / minimalAloneMs;
    benchLog(`creation alone (outbox processor paused): logCall ${aloneRate.toFixed(0)} tickets/s, minimal ${minimalAloneRate.toFixed(0)} tx/s → ${(aloneRate / minimalAloneRate).toFixed(2)}×`);
    reportResult({
      benchmark: `logCall, ${CLIENTS} clients, outbox processor paused on both sides`,
      result: `${aloneRate.toFixed(0)} tickets/s (${(aloneRate / minimalAloneRate).toFixed(2)}×)`,
      baseline: `${minimalAloneRate.toFixed(0)} tx/s (the same minimal transaction)`,
      ratio: null,
      target: "(informative)",
      pass: true,
    });
    }

    // --- 2. the console's ticket query vs hand-written SQL behind node:http ---------------------
    if (PARTS.has("read")) {
    await waitForOutbox(pool);
    const { rows: richest } = await pool.query(
      `SELECT t.id FROM intake_ticket t WHERE t.tracking_number NOT LIKE 'PG-%'
        ORDER BY (SELECT count(*) FROM intake_ticket_history h WHERE h.ticket_id = t.id) DESC, t.received_at LIMIT 1`,
    );
    const ticketId = richest[0].id;
    rawServer = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", async () => {
        try {
          const { id } = JSON.parse(body);
          const { rows } = await pool.query(HAND_WRITTEN_READ, [id]);
          response.writeHead(200, { "content-type": "application/json" });
          response.end(JSON.stringify({ data: { ticket: rows[0]?.ticket ?? null } }));
        } catch (error) {
          response.writeHead(500);
          response.end(String(error));
        }
      });
    });
    await new Promise((resolve) => rawServer.listen(0, "127.0.0.1", resolve));
    const rawUrl = `http://127.0.0.1:${rawServer.address().port}/`;
    const readOnce = () => gql(app.url, TICKET_DETAIL, { id: ticketId }, { cookie });
    const rawOnce = async () => {
      const response = await fetch(rawUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ id: ticketId }) });
      const body = await response.json();
      if (!body.data.ticket) {
        throw new Error("the hand-written read found no ticket");
      }
    };
    // The statements one read sends (the outbox, timers and schedules poll meanwhile: left out).
    const BACKGROUND = /platform_outbox|platform_timer|platform_schedule_run|pg_notify|pg_advisory|SAVEPOINT|^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)/u;
    const original = PostgresQueryRunner.prototype.query;
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
    await readOnce();
    const counts = [];
    let statements = [];
    for (let i = 0; i < 5; i++) {
      const seen = await statementsOf(readOnce);
      counts.push(seen.length);
      if (statements.length === 0 || seen.length < statements.length) {
        statements = seen;
      }
    }
    benchLog(`the console's ticket query sends ${statements.length} SQL statements:`);
    for (const sql of statements) {
      benchLog(`    ${sql.slice(0, 160)}`);
    }
    benchLog(`ticket query: warming up, then ${ROUNDS} alternating rounds of ${READS} reads from ${CLIENTS} clients each`);
    await concurrently(200, CLIENTS, readOnce);
    await concurrently(200, CLIENTS, rawOnce);
    let readMs = 0;
    let rawMs = 0;
    for (let round = 0; round < ROUNDS; round++) {
      readMs += await concurrently(READS, CLIENTS, readOnce);
      rawMs += await concurrently(READS, CLIENTS, rawOnce);
    }
    const readRate = (READS * ROUNDS * 1000) / readMs;
    const rawRate = (READS * ROUNDS * 1000) / rawMs;
    const fewest = Math.min(...counts);
    reportResult({
      benchmark: `operator console's ticket query, ${CLIENTS} clients`,
      result: `${readRate.toFixed(0)} reads/s, ${fewest} SQL statements`,
      baseline: `${rawRate.toFixed(0)} reads/s (1 hand-written statement, node:http)`,
      ratio: readRate / rawRate,
      target: "≥ 0.5×, ≤ 3 statements",
      pass: readRate / rawRate >= 0.5 && fewest <= 3,
    });
    }

    // --- 3. a burst of 300 auto-dispatched tickets -----------------------------------------------
    if (PARTS.has("burst")) {
    await waitForOutbox(pool);
    benchLog(`burst: ${BURST} API tickets (SAFETY.GAS_LEAK, auto-dispatched) from ${CLIENTS} clients`);
    const ids = [];
    // BENCH_WAITS=1: samples what the database's sessions wait on during the burst (for diagnosis).
    const waits = new Map();
    const sampler = process.env.BENCH_WAITS
      ? setInterval(async () => {
          const { rows } = await pool.query("SELECT coalesce(wait_event_type || ':' || wait_event, 'running') AS w, left(regexp_replace(query, '\\s+', ' ', 'g'), 60) AS q FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid() AND datname = current_database()");
          for (const row of rows) {
            const key = `${row.w} | ${row.q}`;
            waits.set(key, (waits.get(key) ?? 0) + 1);
          }
        }, 100)
      : null;
    // Every SQL statement the gateway sends from the first ticket until the outbox is empty again.
    let burstStatements = 0;
    const countStatement = PostgresQueryRunner.prototype.query;
    PostgresQueryRunner.prototype.query = function (...args) {
      burstStatements += 1;
      return countStatement.apply(this, args);
    };
    const burstStarted = performance.now();
    await concurrently(BURST, CLIENTS, async (i) => {
      const data = await gql(app.url, LOG_CALL, { input: draft(`burst ${i}`, { channel: "API" }) }, { "x-api-key": API_KEY });
      ids.push(data.logCall.id);
    });
    const lastCreated = performance.now();
    let dispatched = 0;
    const deadline = lastCreated + 60_000;
    while (performance.now() < deadline) {
      const { rows } = await pool.query("SELECT count(*)::int AS n FROM intake_ticket WHERE id = ANY($1) AND status = 'dispatched'", [ids]);
      dispatched = rows[0].n;
      if (dispatched === ids.length) {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const allDispatched = performance.now();
    await waitForOutbox(pool);
    const outboxEmpty = performance.now();
    PostgresQueryRunner.prototype.query = countStatement;
    if (sampler) {
      clearInterval(sampler);
      for (const [key, count] of [...waits].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
        benchLog(`  waits ${String(count).padStart(5)} × ${key}`);
      }
    }
    const after = (allDispatched - lastCreated) / 1000;
    benchLog(`burst: created in ${((lastCreated - burstStarted) / 1000).toFixed(2)} s; ${dispatched} of ${ids.length} dispatched ${after.toFixed(2)} s after the last one`);
    benchLog(
      `burst: every other event handler (notices, chasing, wallboard, webhooks …) done ${((outboxEmpty - lastCreated) / 1000).toFixed(2)} s after the last one; ` +
        `${(burstStatements / ids.length).toFixed(1)} SQL statements per ticket in all (creation and every handler)`,
    );
    reportResult({
      benchmark: `burst of ${BURST} new tickets auto-dispatched`,
      result: dispatched === ids.length ? `all ${after.toFixed(2)} s after the last` : `${dispatched} of ${ids.length} after 60 s`,
      baseline: `created in ${((lastCreated - burstStarted) / 1000).toFixed(2)} s`,
      ratio: null,
      target: "≤ 2 s after the last",
      pass: dispatched === ids.length && after <= 2,
    });
    }
    benchLog(machineLoad());
  } finally {
    rawServer?.close();
    await pool.end();
    await app.stop();
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
