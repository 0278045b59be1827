// Runs every benchmark in turn (pnpm bench). Benchmarks print their numbers; none is a timed test.
// Each builds what it measures first (the gateway and the domain packages compile with tsc -b).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const benches = [
  { name: "knowledge search (100,000 articles, GraphQL vs SQL)", cwd: "packages/knowledge", script: "bench/search.bench.mjs" },
  { name: "chasing board (1,000,000 tickets, GraphQL vs SQL)", cwd: "packages/supervision", script: "bench/chasing.bench.mjs" },
];

console.log("building the gateway and its packages (tsc -b)…");
execFileSync("npx", ["tsc", "-b", "apps/gateway"], { cwd: root, stdio: "inherit" });
for (const bench of benches) {
  console.log(`\n=== ${bench.name} ===`);
  execFileSync(process.execPath, [bench.script], { cwd: `${root}${bench.cwd}`, stdio: "inherit", env: process.env });
}
