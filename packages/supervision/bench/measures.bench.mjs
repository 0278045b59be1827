// Measures benchmark (pnpm bench measures; not a test): its own database (embedded PostgreSQL in a temp
// dir, or a new database on DATABASE_URL's server; dropped at the end), the real gateway, 10,000,000
// tickets received over three years with their assignments, returns, extensions, replies, history,
// callback answers and re-reports (generate-years.mjs; rows/s printed), the maintained aggregates
// rebuilt exactly (rebuildMeasures), then the dashboard's figures for a month, a quarter and a year —
// all units and one district — through GraphQL `measures` over HTTP, against a plain query over the
// ticket tables computing the same numbers (checked equal). Prints p50/p95 of both and their ratio.
//
// BENCH_TICKETS (default 10,000,000), BENCH_ROUNDS (default 10), BENCH_PLAIN_ROUNDS (default 3),
// BENCH_WORKERS (default 2). About an hour at 10M on a 2-core machine, most of it generating,
// rebuilding and running the plain query.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { SATISFACTION_SQL } from "../../callback/dist/index.js";
import { rebuildMeasures } from "../dist/index.js";
import { benchLog as log, benchLogin, machineLoad, openBenchDatabase, percentile, startBenchGateway } from "./bench-kit.mjs";
import { generateYears } from "./generate-years.mjs";
import { reportResult } from "../../../tooling/scripts/bench-report.mjs";

const TICKETS = Number(process.env.BENCH_TICKETS ?? 10_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
// The plain query reads years of tickets (seconds to minutes at 10M): fewer rounds of it.
const PLAIN_ROUNDS = Number(process.env.BENCH_PLAIN_ROUNDS ?? Math.min(ROUNDS, 3));
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const TARGET_P95_MS = 100;
const TARGET_FRACTION = 1 / 20;
const TARGET_ROWS_PER_SECOND = 100_000;

const COUNTS = `received direct merged dispatched returned extended replied handlingMs handlingWorkMs rereported due onTime
  surveyAnswered surveyReasonable resultSatisfied processAnswered processSatisfied orders`;
const FIGURES = ["volume", "dailyAverage", "directHandlingRate", "onTimeRate", "averageHandlingDays", "averageHandlingWorkingDays", "resultSatisfactionRate",
  "processSatisfactionRate", "returnRate", "reReportRate", "overdueCount", "supervisionOrders", "extensionRate"];
const HEADLINE = `query($filter: MeasureFilterInputType!) { measures(filter: $filter) {
  period { from to days } current { counts { ${COUNTS} } ${FIGURES.map((f) => `${f} { numerator denominator value }`).join(" ")} } } }`;

/** The same counters straight from the ticket tables, for [from, to) and an optional district (the ticket's). */
function plainSql() {
  const inDistrict = (ticket) => `($3::uuid IS NULL OR EXISTS (SELECT 1 FROM intake_ticket dt WHERE dt.id = ${ticket} AND dt.district_id = $3))`;
  const survey = (expr) => `count(*) FILTER (WHERE ${expr.replace(/\b(full_survey|reasonable|result_satisfaction|process_satisfaction)\b/g, "s.$1")})`;
  return `SELECT * FROM
    (SELECT count(*) FILTER (WHERE t.status <> 'merged') AS received, count(*) FILTER (WHERE t.status = 'closed_direct') AS direct,
            count(*) FILTER (WHERE t.status = 'merged') AS merged
       FROM intake_ticket t WHERE t.received_at >= $1 AND t.received_at < $2 AND ($3::uuid IS NULL OR t.district_id = $3)) received,
    (SELECT count(*) AS dispatched,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM routing_return_request r WHERE r.ticket_id = a.ticket_id AND r.assignment_id = a.id)) AS returned,
            count(*) FILTER (WHERE a.extension_status = 'APPROVED') AS extended
       FROM routing_assignment a WHERE a.dispatched_at >= $1 AND a.dispatched_at < $2 AND ${inDistrict("a.ticket_id")}) dispatched,
    (SELECT count(*) AS replied, coalesce(sum(floor(extract(epoch FROM a.replied_at - a.dispatched_at) * 1000)), 0) AS handling_ms,
            coalesce(sum(supervision_measure_working_ms(a.dispatched_at, a.replied_at)), 0) AS handling_work_ms,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM callback_re_report_proposal p WHERE p.assignment_id = a.id AND p.state = 'ACCEPTED')) AS rereported
       FROM routing_assignment a WHERE a.replied_at >= $1 AND a.replied_at < $2 AND ${inDistrict("a.ticket_id")}) replied,
    (SELECT count(*) AS due, count(*) FILTER (WHERE a.replied_at IS NOT NULL AND a.replied_at <= a.completion_due_at) AS on_time
       FROM routing_assignment a
      WHERE a.state <> 'RETURNED' AND (a.replied_at IS NOT NULL OR a.overdue_at IS NOT NULL) AND ${inDistrict("a.ticket_id")}
        AND ((a.replied_at <= a.completion_due_at AND a.replied_at >= $1 AND a.replied_at < $2)
          OR (NOT (a.replied_at IS NOT NULL AND a.replied_at <= a.completion_due_at) AND a.completion_due_at >= $1 AND a.completion_due_at < $2))) due,
    (SELECT ${survey(SATISFACTION_SQL.answered)} AS survey_answered, ${survey(SATISFACTION_SQL.reasonableAnswered)} AS survey_reasonable,
            ${survey(SATISFACTION_SQL.resultSatisfied)} AS result_satisfied, ${survey(SATISFACTION_SQL.processAnswered)} AS process_answered,
            ${survey(SATISFACTION_SQL.processSatisfied)} AS process_satisfied
       FROM callback_survey s WHERE s.answered_at >= $1 AND s.answered_at < $2 AND ${inDistrict("s.ticket_id")}) surveys,
    (SELECT count(*) AS orders FROM supervision_order o WHERE o.issued_at >= $1 AND o.issued_at < $2 AND ${inDistrict("o.ticket_id")}) orders`;
}

const camel = (name) => name.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

/** Asia/Shanghai midnight of a YYYY-MM-DD day, as an instant. */
const shanghaiMidnight = (day) => new Date(`${day}T00:00:00+08:00`);
const nextDay = (day) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

async function main() {
  const benchStarted = performance.now();
  const database = await openBenchDatabase(pg, "measures");
  let app;
  let pool;
  try {
    log("starting the gateway (embedded PostgreSQL unless DATABASE_URL, migrations, demo data)…");
    app = await startBenchGateway(database);
    const url = app.services.dataSource.options.url;
    pool = new pg.Pool({ connectionString: url, max: WORKERS + 2 });
    log(`generating ${TICKETS.toLocaleString("en")} tickets over three years with ${WORKERS} connections (bulk SQL)…`);
    const generated = await generateYears(pool, { tickets: TICKETS, days: 1095, workers: WORKERS, log });
    log(`generated ${generated.rows.toLocaleString("en")} rows in ${generated.seconds.toFixed(0)} s: ${generated.rowsPerSecond.toLocaleString("en")} rows/s ` +
      `(${Object.entries(generated.counts).map(([k, v]) => `${k} ${v.toLocaleString("en")}`).join(", ")})`);
    log("rebuilding the measures' aggregates from the raw tables (rebuildMeasures)…");
    const rebuilt = await rebuildMeasures(app.services.dataSource);
    log(`rebuilt in ${(rebuilt.ms / 1000).toFixed(0)} s: ${rebuilt.facts.toLocaleString("en")} per-ticket facts, ${rebuilt.cells.toLocaleString("en")} aggregate cells`);
    await pool.query("VACUUM (ANALYZE) supervision_measure_day");
    const [{ size }] = (await pool.query("SELECT pg_size_pretty(pg_total_relation_size('supervision_measure_day')) AS size")).rows;

    const supervisor = await benchLogin(app, "supervisor");
    const district = (await pool.query(`SELECT d.id, d.name_zh FROM intake_area d WHERE d.level = 'DISTRICT' AND EXISTS (SELECT 1 FROM intake_ticket t WHERE t.district_id = d.id) ORDER BY d.code LIMIT 1`)).rows[0];
    // Whole periods before today: last month, last quarter, last year (Asia/Shanghai).
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const [y, m] = today.split("-").map(Number);
    const lastMonth = m === 1 ? `${y - 1}-12-15` : `${y}-${String(m - 1).padStart(2, "0")}-15`;
    const quarterStartMonth = Math.floor((m - 1) / 3) * 3 + 1;
    const lastQuarter = quarterStartMonth === 1 ? `${y - 1}-11-15` : `${y}-${String(quarterStartMonth - 2).padStart(2, "0")}-15`;
    const lastYear = `${y - 1}-06-15`;
    const periods = [
      { kind: "MONTH", anchor: lastMonth },
      { kind: "QUARTER", anchor: lastQuarter },
      { kind: "YEAR", anchor: lastYear },
    ];
    const cases = periods.flatMap((period) => [
      { name: `${period.kind.toLowerCase()} (${period.anchor.slice(0, 7)}), all units`, filter: { period } },
      { name: `${period.kind.toLowerCase()} (${period.anchor.slice(0, 7)}), ${district.name_zh}`, filter: { period, districtId: district.id }, district: district.id },
    ]);

    const graphql = async (entry) => {
      const t = performance.now();
      const response = await fetch(`${app.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: supervisor.cookie },
        body: JSON.stringify({ query: HEADLINE, variables: { filter: entry.filter } }),
      });
      const body = await response.json();
      if (body.errors) {
        throw new Error(`${entry.name}: ${JSON.stringify(body.errors)}`);
      }
      return { ms: performance.now() - t, result: body.data.measures };
    };
    const sql = plainSql();
    const plain = async (entry, range) => {
      const t = performance.now();
      const { rows } = await pool.query(sql, [range.from, range.to, entry.district ?? null]);
      return { ms: performance.now() - t, row: rows[0] };
    };

    log(`warming up and checking that both give the same numbers, then ${ROUNDS} rounds × ${cases.length} cases, one at a time…`);
    const mismatches = [];
    for (const entry of cases) {
      log(`  ${entry.name}`);
      const first = await graphql(entry);
      entry.range = { from: shanghaiMidnight(first.result.period.from), to: shanghaiMidnight(nextDay(first.result.period.to)) };
      const direct = await plain(entry, entry.range);
      for (const [column, value] of Object.entries(direct.row)) {
        const viaMeasures = first.result.current.counts[camel(column)];
        if (Number(value) !== Number(viaMeasures)) {
          mismatches.push(`${entry.name}: ${camel(column)} measures ${viaMeasures} ≠ plain ${value}`);
        }
      }
      entry.figures = first.result.current;
      entry.viaGraphql = [];
      entry.viaSql = [];
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const entry of cases) {
        entry.viaGraphql.push((await graphql(entry)).ms);
        if (round < PLAIN_ROUNDS) {
          entry.viaSql.push((await plain(entry, entry.range)).ms);
        }
      }
      log(`round ${round + 1} of ${ROUNDS} done`);
    }

    const f = (ms) => ms.toFixed(1).padStart(8);
    console.log("");
    console.log(`measures, ${generated.counts.tickets.toLocaleString("en")} tickets over three years, ${ROUNDS} rounds per case (${PLAIN_ROUNDS} of the plain query; GraphQL over HTTP from the aggregates vs a plain query over the ticket tables), ms:`);
    console.log(`  ${"period, scope".padEnd(34)} ${"received".padStart(10)}  ${"GQL p50".padStart(8)} ${"GQL p95".padStart(8)}  ${"plain p50".padStart(9)} ${"plain p95".padStart(9)}  ${"p95 ratio".padStart(9)}  target`);
    let allMet = true;
    for (const entry of cases) {
      const g95 = percentile(entry.viaGraphql, 95);
      const s95 = percentile(entry.viaSql, 95);
      const met = g95 < TARGET_P95_MS && g95 <= s95 * TARGET_FRACTION;
      allMet &&= met;
      reportResult({ benchmark: `measures at ${generated.counts.tickets.toLocaleString("en")}: ${entry.name}`, result: `p95 ${g95.toFixed(1)} ms`, baseline: `plain query p95 ${s95.toFixed(0)} ms`, ratio: g95 / s95, target: `p95 < ${TARGET_P95_MS} ms, ≤ 1/20`, pass: met });
      console.log(
        `  ${entry.name.padEnd(34)} ${entry.figures.counts.received.toLocaleString("en").padStart(10)}  ${f(percentile(entry.viaGraphql, 50))} ${f(g95)}  ` +
          `${f(percentile(entry.viaSql, 50)).padStart(9)} ${f(s95).padStart(9)}  ${`1/${(s95 / g95).toFixed(0)}`.padStart(9)}  ${met ? "met" : "NOT met"}`,
      );
    }
    const sample = cases[0].figures;
    const pct = (figure) => (figure.value === null ? "—" : `${(figure.value * 100).toFixed(2)} %`);
    console.log(`  ${cases[0].name}: direct handling ${pct(sample.directHandlingRate)}, on time ${pct(sample.onTimeRate)}, average handling ${sample.averageHandlingDays.value?.toFixed(2)} days ` +
      `(${sample.averageHandlingWorkingDays.value?.toFixed(2)} working days), result satisfaction ${pct(sample.resultSatisfactionRate)}, process ${pct(sample.processSatisfactionRate)}`);
    reportResult({ benchmark: "measures: every counter equal to the plain query", result: `${mismatches.length} differences`, baseline: "plain query over the ticket tables", ratio: null, target: "0 differences", pass: mismatches.length === 0 });
    console.log(`  the same numbers both ways: ${mismatches.length === 0 ? "yes, every counter of every case" : `NO — ${mismatches.length} differences:`}`);
    for (const line of mismatches.slice(0, 20)) {
      console.log(`    ${line}`);
    }
    console.log(`  aggregate: ${rebuilt.cells.toLocaleString("en")} cells (${size} with indexes), rebuilt exactly in ${(rebuilt.ms / 1000).toFixed(0)} s`);
    console.log(`  generation: ${generated.rowsPerSecond.toLocaleString("en")} rows/s (${generated.rows.toLocaleString("en")} rows in ${generated.seconds.toFixed(0)} s; target ≥ ${TARGET_ROWS_PER_SECOND.toLocaleString("en")}: ${generated.rowsPerSecond >= TARGET_ROWS_PER_SECOND ? "met" : "NOT met"})`);
    console.log(`  ${machineLoad()}`);
    console.log(`  target: p95 < ${TARGET_P95_MS} ms and at most 1/20 of the plain query's p95: ${allMet ? "met for every case" : "NOT met for every case"}`);
    log(`done in ${((performance.now() - benchStarted) / 1000).toFixed(0)} s`);
    if (mismatches.length > 0) {
      process.exitCode = 1;
    }
  } finally {
    await pool?.end().catch(() => undefined);
    await app?.stop().catch(() => undefined);
    await database.close().catch(() => undefined);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
