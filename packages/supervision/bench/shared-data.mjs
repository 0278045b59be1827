// Generated tickets shared by the benchmarks of one run (pnpm bench). The chasing, ticket search,
// lists and staff QA benches each need a database with the demo data and 1,000,000 tickets from the
// bulk generator (generate.mjs); generating them takes minutes, so a run of several of them
// generates each data set once and hands every section its own copy:
//
// - tooling/scripts/bench.mjs calls `prepareSharedData` before the first such section: it starts one
//   embedded PostgreSQL cluster, and for each distinct data set (tickets × days) runs this file as a
//   child process, which creates a database, starts the real gateway on it (migrations, demo data) and
//   generates the tickets exactly as the section would have (same function, same options), then
//   stops the gateway. The data sets are generated side by side (one per core); nothing is measured
//   meanwhile.
// - a section calls `openGeneratedDatabase(pg, prefix, { tickets, days })`: when the run shares a
//   data set with those parameters (environment variable CIVICLINE_BENCH_SHARED_DATA, set by
//   bench.mjs), it gets a database of its own, `CREATE DATABASE … TEMPLATE` of the generated one
//   (the last section to use a data set takes the generated database itself, and one that only reads
//   uses it in place), so what one section writes never reaches another's figures; the section then adds only what it needs on top (timer
//   marks…; the QA section's call records are made with its data set when it is that set's only
//   user). Otherwise (`pnpm bench search` alone, or DATABASE_URL) it gets null and
//   generates its own tickets as before.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { createBenchDatabase, freeLowPort, startBenchGateway } from "./bench-kit.mjs";
import { generateTickets } from "./generate.mjs";

const pg = createRequire(import.meta.url)("pg");
const SHARED_ENV = "CIVICLINE_BENCH_SHARED_DATA";
const here = fileURLToPath(import.meta.url);
const log = (message) => console.log(`[bench] ${message}`);

/** The name of a data set's generated database. */
const databaseName = (set) => `bench_generated_${set.tickets}_${set.days}d`;
const sameSet = (a, b) => Number(a.tickets) === Number(b.tickets) && Number(a.days) === Number(b.days);

/**
 * Starts the shared cluster and generates each data set ({ tickets, days, users: section keys in run
 * order, readOnly: those of them that only read the generated data }) in a child process of its own, side by side. Returns `envFor(sectionKey)` (the environment
 * a section gets: which databases to copy or take) and `stop()`.
 */
export async function prepareSharedData(sets) {
  const { startEmbeddedPostgres } = await import("../../platform/dist/index.js");
  const dir = await mkdtemp(path.join(tmpdir(), "civicline-shared-bench-"));
  const started = performance.now();
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, "postgres"), port: await freeLowPort() });
  const stop = async () => {
    await embedded.stop().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const generated = await Promise.all(
      sets.map(
        (set) =>
          new Promise((resolve, reject) => {
            // The QA section's call records go into its data set too when it is that set's only user.
            const extra = [set.users.length === 1 && set.users[0] === "qa" ? "qa" : "", set.searchRows === false ? "no-search-rows" : ""].join(",");
            const child = spawn(process.execPath, [here, "--generate", embedded.adminUrl, databaseName(set), String(set.tickets), String(set.days), extra], {
              stdio: ["ignore", "pipe", "inherit"],
            });
            let last = "";
            child.stdout.setEncoding("utf8");
            child.stdout.on("data", (text) => {
              for (const line of text.split("\n").filter(Boolean)) {
                if (line.startsWith("{")) {
                  last = line;
                } else {
                  console.log(`[${set.days} days] ${line}`);
                }
              }
            });
            child.on("error", reject);
            child.on("exit", (code) =>
              code === 0 && last ? resolve({ ...set, database: databaseName(set), stats: JSON.parse(last) }) : reject(new Error(`generating ${databaseName(set)} failed (exit ${code})`)),
            );
          }),
      ),
    );
    log(`shared data generated in ${((performance.now() - started) / 1000).toFixed(0)} s: ${generated.map((set) => `${set.database} (${(set.stats.ms / 1000).toFixed(0)} s)`).join(", ")}`);
    const envFor = (key) => ({
      [SHARED_ENV]: JSON.stringify({
        adminUrl: embedded.adminUrl,
        sets: generated
          .filter((set) => set.users.includes(key))
          .map((set) => ({
            tickets: set.tickets,
            days: set.days,
            database: set.database,
            stats: set.stats,
            take: set.users.at(-1) === key,
            inPlace: set.readOnly.includes(key) && set.users.at(-1) !== key,
          })),
      }),
    });
    return { envFor, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Whether this run shares a generated data set with these parameters (then `openGeneratedDatabase` gives a database holding it). */
export function hasGeneratedData({ tickets, days }) {
  const shared = process.env[SHARED_ENV] ? JSON.parse(process.env[SHARED_ENV]) : null;
  return Boolean(shared?.sets.some((candidate) => sameSet(candidate, { tickets, days })));
}

/**
 * A database of the section's own holding the shared generated data set with these parameters, or null
 * when the run shares none (then the section generates its own). `generated` is the generator's
 * statistics from when the set was made; `close` drops the database.
 */
export async function openGeneratedDatabase(prefix, { tickets, days }) {
  const shared = process.env[SHARED_ENV] ? JSON.parse(process.env[SHARED_ENV]) : null;
  const set = shared?.sets.find((candidate) => sameSet(candidate, { tickets, days }));
  if (!set) {
    return null;
  }
  const dir = await mkdtemp(path.join(tmpdir(), `civicline-${prefix}-bench-`));
  const url = new URL(shared.adminUrl);
  if (set.inPlace) {
    // A section that only reads (then logs in and leaves its sessions) uses the generated database itself.
    log(`using the ${set.stats.tickets.toLocaleString("en")} tickets generated once for this run (${days} days, shared with the other sections; this section only reads)`);
    url.pathname = `/${set.database}`;
    return { url: url.toString(), dataDir: dir, generated: set.stats, copyMs: 0, close: () => rm(dir, { recursive: true, force: true }) };
  }
  const name = `civicline_bench_${prefix}`;
  const admin = new pg.Client({ connectionString: shared.adminUrl });
  await admin.connect();
  const t = performance.now();
  try {
    // A section before this one that used the database in place has stopped; a connection it left behind would block the copy.
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [set.database]);
    if (set.take) {
      await admin.query(`ALTER DATABASE ${set.database} RENAME TO ${name}`);
    } else {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${set.database} STRATEGY FILE_COPY`);
    }
  } finally {
    await admin.end();
  }
  const copyMs = performance.now() - t;
  log(
    `${set.take ? "taking" : "a copy of"} the ${set.stats.tickets.toLocaleString("en")} tickets generated once for this run (${days} days, shared with the other sections)` +
      `${set.take ? "" : `: CREATE DATABASE … TEMPLATE in ${(copyMs / 1000).toFixed(1)} s`}`,
  );
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dataDir: dir,
    generated: set.stats,
    copyMs,
    close: async () => {
      const client = new pg.Client({ connectionString: shared.adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Child process: creates the database, starts the gateway on it (migrations, demo data) and generates the tickets, as a section does. */
async function generateChild([adminUrl, name, tickets, days, extra = ""]) {
  const options = extra.split(",");
  const url = await createBenchDatabase(pg, adminUrl, name);
  const dir = await mkdtemp(path.join(tmpdir(), `civicline-${name}-`));
  const app = await startBenchGateway({ url, dataDir: dir });
  const db = new pg.Client({ connectionString: url });
  try {
    await db.connect();
    console.log(`generating ${Number(tickets).toLocaleString("en")} tickets over ${days} days (bulk SQL, shared generator)…`);
    const stats = await generateTickets(db, { tickets: Number(tickets), days: Number(days), searchRows: !options.includes("no-search-rows"), log: console.log });
    console.log(`generated in ${(stats.ms / 1000).toFixed(0)} s: ${stats.tickets.toLocaleString("en")} tickets, ${stats.assignments.toLocaleString("en")} assignments, ${stats.history.toLocaleString("en")} history rows`);
    if (options.includes("qa")) {
      // What the QA section adds on top of the tickets before it measures (qa-data.mjs), made here once, with the same functions.
      const { generateCalls, linkTickets, TAKERS, DAYS } = await import("../../qa/bench/qa-data.mjs");
      const today = new Date().toLocaleDateString("en-CA", { timeZone: "Asia/Shanghai" });
      let t = performance.now();
      const calls = await generateCalls(db, today);
      const callsMs = performance.now() - t;
      console.log(`${calls.toLocaleString("en")} call records for ${TAKERS} call-takers × ${DAYS} days in ${(callsMs / 1000).toFixed(1)} s`);
      t = performance.now();
      const linked = await linkTickets(db, today);
      const linkedMs = performance.now() - t;
      console.log(`${linked.toLocaleString("en")} phone tickets linked to their calls, with callback answers, in ${(linkedMs / 1000).toFixed(1)} s`);
      stats.qa = { today, calls, callsMs, linked, linkedMs };
    }
    console.log(JSON.stringify(stats));
  } finally {
    await db.end().catch(() => undefined);
    await app.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--generate") {
  generateChild(process.argv.slice(3)).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
