// Runs every benchmark in turn (pnpm bench). Benchmarks print their numbers; none is a timed test.
// Each builds what it measures first (the gateway and the domain packages compile with tsc -b).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const benches = [
  { name: "knowledge search (100,000 articles, GraphQL vs SQL)", cwd: "packages/knowledge", script: "bench/search.bench.mjs", key: "knowledge" },
  // Lists first of the 1 M sections: its Open311 "same rows" case asks for the last 20 minutes of tickets, so it comes
  // soonest after the generation (as when it generated its own); the others hardly depend on the minutes since.
  { name: "lists at 1,000,000 tickets vs the demo data (queue counts, emergency, dispatch, inbox, caller history, Open311)", cwd: "apps/gateway", script: "bench/lists.bench.mjs", key: "lists", data: { days: 730, readOnly: true } },
  { name: "chasing board (1,000,000 tickets, GraphQL vs SQL)", cwd: "packages/supervision", script: "bench/chasing.bench.mjs", key: "chasing", data: { days: 730 } },
  // In the full run the measures use 1,000,000 tickets (about 2 minutes); `pnpm bench measures` alone uses 10,000,000 (about 30).
  { name: "measures (10,000,000 tickets over three years alone, 1,000,000 in the full run; aggregates vs a plain query)", cwd: "packages/supervision", script: "bench/measures.bench.mjs", key: "measures", inFullRun: { BENCH_TICKETS: "1000000" } },
  { name: "ticket search (1,000,000 tickets, GraphQL vs SQL)", cwd: "packages/supervision", script: "bench/search.bench.mjs", key: "search", data: { days: 730, readOnly: true } },
  { name: "gateway request overhead (GraphQL vs SQL)", cwd: "apps/gateway", script: "bench/request-overhead.bench.mjs", key: "overhead" },
  { name: "two gateway instances on one database behind a proxy (live events, sessions, timers, periodic jobs)", cwd: "apps/gateway", script: "bench/instances.bench.mjs", key: "instances" },
  { name: "ticket writes and the console's ticket read (logCall vs pg, TicketDetail vs SQL, 300-ticket auto-dispatch burst)", cwd: "apps/gateway", script: "bench/write.bench.mjs", key: "write" },
  { name: "live updates to 2,000 WebSocket consoles (ticketReceived and queue counts vs a raw ws broadcast; memory with 2,000 subscriptions)", cwd: "apps/gateway", script: "bench/fanout.bench.mjs", key: "fanout" },
  { name: "staff QA (190 call-takers × a year: about 1,200,000 call records; daily sampling and the monthly assessment vs SQL)", cwd: "packages/qa", script: "bench/qa.bench.mjs", key: "qa", data: { days: Number(process.env.BENCH_DAYS ?? 365), searchRows: false } },
  { name: "initial JavaScript of the three apps, gzipped (entry + its static imports; portal ≤ 90 KB, operator and supervisor ≤ 180 KB)", cwd: "tooling/scripts", script: "bundle-size.bench.mjs", key: "bundle" },
];
// `pnpm bench <key>…` runs only those benchmarks (`pnpm bench search`, `pnpm bench chasing knowledge`);
// a word that is no key selects the benchmarks whose name contains it.
const wanted = process.argv.slice(2).map((word) => word.toLowerCase());
const matches = (bench, word) => (benches.some((b) => b.key === word) ? bench.key === word : bench.name.toLowerCase().includes(word));
const selected = wanted.length === 0 ? benches : benches.filter((bench) => wanted.some((word) => matches(bench, word)));
if (selected.length === 0) {
  console.error(`no benchmark matches ${wanted.join(", ")}; there are: ${benches.map((bench) => bench.name).join("; ")}`);
  process.exit(2);
}

console.log("building the gateway and its packages (tsc -b)…");
execFileSync("npx", ["tsc", "-b", "apps/gateway"], { cwd: root, stdio: "inherit" });
// Each bench appends its rows (tooling/scripts/bench-report.mjs) to one file; the table comes at the end.
const resultsFile = path.join(mkdtempSync(path.join(tmpdir(), "civicline-bench-results-")), "results.jsonl");
const loads = [];
const sectionSeconds = [];
const failed = [];
const started = Date.now();
// The chasing, search, lists and QA sections each need 1,000,000 generated tickets (the same generator
// and options as when run alone). When two or more of them run, each distinct data set is generated once,
// side by side, before the first of them, and every section that writes gets its own copy (packages/supervision/bench/shared-data.mjs).
const tickets = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const users = selected.filter((bench) => bench.data);
const sets = [];
for (const bench of users) {
  const set = sets.find((candidate) => candidate.days === bench.data.days) ?? sets[sets.push({ tickets, days: bench.data.days, users: [], readOnly: [], searchRows: false }) - 1];
  set.users.push(bench.key);
  set.searchRows ||= bench.data.searchRows !== false; // with the ticket search rows when any of its users reads them
  if (bench.data.readOnly) {
    set.readOnly.push(bench.key); // reads the generated data and writes nothing into it but its logins: may use it in place
  }
}
const share = users.length >= 2 && !process.env.DATABASE_URL;
let shared;
for (const bench of selected) {
  if (share && bench.data && !shared) {
    console.log(`\n=== generated data shared by ${users.map((user) => user.key).join(", ")}: ${sets.map((set) => `${tickets.toLocaleString("en")} tickets over ${set.days} days`).join(" and ")}, generated once ===`);
    const { prepareSharedData } = await import("../../packages/supervision/bench/shared-data.mjs");
    const generationStarted = Date.now();
    try {
      shared = await prepareSharedData(sets);
    } catch (error) {
      console.error(`generating the shared data failed (${error.message}); each section generates its own`);
      shared = { envFor: () => ({}), stop: async () => undefined };
    }
    sectionSeconds.push(`shared data ${Math.round((Date.now() - generationStarted) / 1000)}`);
  }
  console.log(`\n=== ${bench.name} ===`);
  const env = {
    // The gateways the sections start run as a deployment does (graphql-js checks less in production).
    NODE_ENV: "production",
    ...(wanted.length === 0 ? bench.inFullRun : {}),
    ...process.env,
    ...(shared && bench.data ? shared.envFor(bench.key) : {}),
    CIVICLINE_BENCH_RESULTS: resultsFile,
    CIVICLINE_BENCH_SECTION: bench.key,
  };
  const sectionStarted = Date.now();
  try {
    execFileSync(process.execPath, [bench.script], { cwd: `${root}${bench.cwd}`, stdio: "inherit", env });
  } catch {
    failed.push(bench.key);
    console.error(`bench ${bench.key} failed; its rows (if any) are in the table below`);
  }
  sectionSeconds.push(`${bench.key} ${Math.round((Date.now() - sectionStarted) / 1000)}`);
  loads.push(loadavg()[0]);
  if (shared && bench.key === users.at(-1).key) {
    await shared.stop();
  }
}

const rows = existsSync(resultsFile) ? readFileSync(resultsFile, "utf8").trim().split("\n").filter(Boolean).map((line) => JSON.parse(line)) : [];
const header = ["section", "benchmark", "result", "baseline", "ratio", "target", "pass"];
const cells = rows.map((row) => [row.section, row.benchmark, row.result, row.baseline, row.ratio === null || row.ratio === undefined ? "—" : `${Number(row.ratio).toFixed(2)}×`, row.target, row.pass ? "yes" : "NO"]);
const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => String(line[column]).length)));
const line = (values) => `| ${values.map((value, column) => String(value).padEnd(widths[column])).join(" | ")} |`;
console.log(`\n=== summary (${rows.filter((row) => row.pass).length} of ${rows.length} targets met, ${Math.round((Date.now() - started) / 1000)} s) ===`);
console.log(line(header));
console.log(`|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`);
for (const values of cells) console.log(line(values));
console.log(`time per section (s): ${sectionSeconds.join(", ")}; the whole run ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`machine: ${cpus().length} cores; load average after each section: ${loads.map((load) => load.toFixed(1)).join(", ")} (now ${loadavg().map((load) => load.toFixed(1)).join(" ")})`);
if (failed.length > 0) {
  console.error(`failed sections: ${failed.join(", ")}`);
  process.exit(1);
}
