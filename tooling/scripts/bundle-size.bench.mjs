#!/usr/bin/env node
// Initial JavaScript of the three apps, gzipped (issue 15): the entry script named in dist/index.html
// plus every chunk it imports statically (transitively) — what a browser must load before the first
// page can render. Chunks reached only through import() (lazy routes, markdown, charts, the editor…)
// are not counted; they are listed with their sizes so that a growing lazy chunk is visible too.
//
// Builds the apps first (turbo; cached when nothing changed), unless CIVICLINE_BUNDLE_NO_BUILD=1.
// Usage: node tooling/scripts/bundle-size.bench.mjs [portal|operator|supervisor…]   (pnpm bench bundle)
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { constants, gzipSync } from "node:zlib";
import { reportResult } from "./bench-report.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
/** Targets from issue 15, in kilobytes (1 KB = 1,000 bytes, as Vite's build report counts). */
const APPS = [
  { name: "portal", target: 90 },
  { name: "operator", target: 180 },
  { name: "supervisor", target: 180 },
];
const wanted = process.argv.slice(2);
const apps = wanted.length > 0 ? APPS.filter((app) => wanted.includes(app.name)) : APPS;

if (process.env.CIVICLINE_BUNDLE_NO_BUILD !== "1") {
  const filters = apps.flatMap((app) => ["--filter", `@civicline/${app.name}`]);
  console.log(`building ${apps.map((app) => app.name).join(", ")} (turbo)…`);
  execFileSync("pnpm", ["turbo", "run", "build", ...filters, "--output-logs=errors-only"], { cwd: root, stdio: "inherit" });
}

/** The gzipped size the gateway serves: the precompressed .gz when there is one, else gzip -9 of the file. */
function gzippedBytes(file) {
  if (existsSync(`${file}.gz`)) return readFileSync(`${file}.gz`).length;
  return gzipSync(readFileSync(file), { level: constants.Z_BEST_COMPRESSION }).length;
}

// Static imports in Rolldown's minified ESM output: `import{a as b}from"./x.js"` and `import"./x.js"`.
// A dynamic `import("./x.js")` has a parenthesis after the keyword and is not matched.
const STATIC_IMPORT = /(?:^|[^\w$.])import\s*(?:[\w$]+\s*,?\s*)?(?:\{[^}]*\}|\*\s*as\s*[\w$]+)?\s*(?:from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /import\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/g;

/** The entry chunk's file and the set of chunks loaded before any page (entry + transitive static imports). */
export function initialChunks(dist) {
  const html = readFileSync(path.join(dist, "index.html"), "utf8");
  const entries = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((match) => match[1]);
  if (entries.length === 0) throw new Error(`${dist}/index.html names no module script`);
  const base = (src) => path.join(dist, "assets", path.basename(src));
  const initial = new Set();
  const lazy = new Set();
  const visit = (file) => {
    if (initial.has(file)) return;
    initial.add(file);
    const code = readFileSync(file, "utf8");
    for (const match of code.matchAll(STATIC_IMPORT)) visit(path.resolve(path.dirname(file), match[1]));
    for (const match of code.matchAll(DYNAMIC_IMPORT)) lazy.add(path.resolve(path.dirname(file), match[1]));
  };
  entries.forEach((src) => visit(base(src)));
  // Vite's preload helper names lazy chunks in a dependency map rather than in import("…").
  for (const file of initial) {
    const code = readFileSync(file, "utf8");
    for (const match of code.matchAll(/["'](assets\/[^"']+\.js)["']/g)) lazy.add(path.join(dist, match[1]));
  }
  return { initial: [...initial], lazy: [...lazy].filter((file) => !initial.has(file) && existsSync(file)) };
}

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
for (const app of apps) {
  const dist = path.join(root, "apps", app.name, "dist");
  const { initial, lazy } = initialChunks(dist);
  const sizes = initial.map((file) => ({ file: path.basename(file), gz: gzippedBytes(file), raw: readFileSync(file).length }));
  const total = sizes.reduce((sum, size) => sum + size.gz, 0);
  const raw = sizes.reduce((sum, size) => sum + size.raw, 0);
  console.log(`\n${app.name}: initial JavaScript ${kb(total)} gzipped (${kb(raw)} minified) in ${sizes.length} file(s)`);
  for (const size of sizes.sort((a, b) => b.gz - a.gz)) console.log(`  initial ${kb(size.gz).padStart(9)}  ${size.file}`);
  const lazySizes = lazy.map((file) => ({ file: path.basename(file), gz: gzippedBytes(file) })).sort((a, b) => b.gz - a.gz);
  for (const size of lazySizes.slice(0, 8)) console.log(`  lazy    ${kb(size.gz).padStart(9)}  ${size.file}`);
  if (lazySizes.length > 8) console.log(`  … and ${lazySizes.length - 8} more lazy chunks`);
  const pass = total <= app.target * 1000;
  reportResult({
    benchmark: `${app.name} initial JS, gzipped`,
    result: kb(total),
    baseline: "—",
    ratio: null,
    target: `≤ ${app.target} KB`,
    pass,
  });
}
