// Runs every benchmark in turn (pnpm bench). Benchmarks print their numbers; none is a timed test.
// Each builds what it measures first (the gateway and the domain packages compile with tsc -b).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const benches = [
  { name: "knowledge search (100,000 articles, GraphQL vs SQL)", cwd: "packages/knowledge", script: "bench/search.bench.mjs", key: "knowledge" },
  { name: "chasing board (1,000,000 tickets, GraphQL vs SQL)", cwd: "packages/supervision", script: "bench/chasing.bench.mjs", key: "chasing" },
  { name: "measures (10,000,000 tickets over three years, aggregates vs a plain query)", cwd: "packages/supervision", script: "bench/measures.bench.mjs", key: "measures" },
  { name: "ticket search (1,000,000 tickets, GraphQL vs SQL)", cwd: "packages/supervision", script: "bench/search.bench.mjs", key: "search" },
  { name: "gateway request overhead (GraphQL vs SQL)", cwd: "apps/gateway", script: "bench/request-overhead.bench.mjs", key: "overhead" },
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
for (const bench of selected) {
  console.log(`\n=== ${bench.name} ===`);
  execFileSync(process.execPath, [bench.script], { cwd: `${root}${bench.cwd}`, stdio: "inherit", env: process.env });
}
