// Adds up the vitest JSON reports and the Playwright JSON report under a folder and prints the
// closing "N passed, N failed" line; exits 1 when anything failed or no test ran at all.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

const [dir = ".ci-reports", failedStepsArg = "0"] = process.argv.slice(2);

async function files(folder) {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? files(path.join(folder, entry.name)) : [path.join(folder, entry.name)])),
  );
  return nested.flat().filter((file) => file.endsWith(".json"));
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of await files(dir)) {
  const report = JSON.parse(await readFile(file, "utf8"));
  if (report.stats && "expected" in report.stats) {
    // Playwright
    passed += report.stats.expected + (report.stats.flaky ?? 0);
    failed += report.stats.unexpected;
    skipped += report.stats.skipped ?? 0;
    console.log(`${path.relative(dir, file)}: ${report.stats.expected} passed, ${report.stats.unexpected} failed`);
  } else if ("numPassedTests" in report) {
    // Vitest (jest-compatible JSON); a suite that failed to load counts as one failure
    const suiteFailures = (report.testResults ?? []).filter((r) => r.status === "failed" && (r.assertionResults ?? []).length === 0).length;
    passed += report.numPassedTests;
    failed += report.numFailedTests + suiteFailures;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    console.log(`${path.relative(dir, file)}: ${report.numPassedTests} passed, ${report.numFailedTests + suiteFailures} failed`);
  }
}
const failedSteps = Number(failedStepsArg);
// A failed step that produced no test report (install, build, lint, type check) still counts.
failed = Math.max(failed, failedSteps);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || failedSteps > 0 || passed === 0 ? 1 : 0);
