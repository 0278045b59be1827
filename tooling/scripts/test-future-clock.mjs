// Runs the server packages' test suites with the clock moved ahead (a year by default) for the
// tests, the code under test and the embedded PostgreSQL alike, through Debian's libfaketime
// (`apt-get install faketime`). A test that mixes the real clock with a fixed date, or demo data
// that only works this year, fails here long before the calendar reaches it.
// Usage: node tooling/scripts/test-future-clock.mjs [+365d]   (after `pnpm build`; exits non-zero on any failure)
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SHIFT = process.argv[2] ?? process.env.CIVICLINE_CLOCK_SHIFT ?? "+365d";
const LIBRARIES = ["/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1", "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1"];
const library = LIBRARIES.find((file) => existsSync(file));
if (!library) {
  console.error("libfaketime is not installed: apt-get install faketime");
  process.exit(2);
}

/** Workspace packages whose vitest config uses the server preset (they hold the integration tests). */
function serverPackages() {
  return ["packages", "apps"].flatMap((group) =>
    readdirSync(path.join(ROOT, group))
      .map((name) => path.join(ROOT, group, name))
      .filter((dir) => ["vitest.config.ts", "vitest.config.mjs"].some((file) => existsSync(path.join(dir, file)) && readFileSync(path.join(dir, file), "utf8").includes("serverConfig"))),
  );
}

function runSuite(dir) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(dir, "node_modules/vitest/vitest.mjs"), "run"], {
      cwd: dir,
      stdio: "inherit",
      // Only the test processes see the shifted clock: FAKETIME_DONT_FAKE_MONOTONIC keeps timers and timeouts real.
      env: { ...process.env, LD_PRELOAD: library, FAKETIME: SHIFT, FAKETIME_DONT_FAKE_MONOTONIC: "1" },
    });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

const failed = [];
for (const dir of serverPackages()) {
  const name = path.relative(ROOT, dir);
  console.log(`\n=== ${name} with the clock at ${SHIFT}`);
  if ((await runSuite(dir)) !== 0) {
    failed.push(name);
  }
}
console.log(failed.length ? `\nfailed with the clock at ${SHIFT}: ${failed.join(", ")}` : `\nevery server suite passed with the clock at ${SHIFT}`);
process.exit(failed.length ? 1 : 0);
