// One row of `pnpm bench`'s summary table. Every benchmark calls reportResult() for each target it
// measures; the row is printed at once and, when the bench runs under `pnpm bench`, appended to the
// file named by CIVICLINE_BENCH_RESULTS so that the runner prints one table at the end.
import { appendFileSync } from "node:fs";

/**
 * @param {object} row
 * @param {string} row.benchmark  what was measured, e.g. "logCall, 8 clients"
 * @param {string} row.result     the measured figure as a person reads it, e.g. "412 tickets/s"
 * @param {string} row.baseline   the baseline measured in the same run, e.g. "780 tx/s (pg)"
 * @param {number|null} row.ratio result relative to the baseline (null when there is no baseline)
 * @param {string} row.target     the target as written in the issue, e.g. "≥ 0.5×"
 * @param {boolean} row.pass      whether the target is met in this run
 * @param {string} [row.section]  the bench section (its key), filled in from CIVICLINE_BENCH_SECTION
 */
export function reportResult(row) {
  const full = { section: process.env.CIVICLINE_BENCH_SECTION ?? "", ...row };
  const ratio = full.ratio === null || full.ratio === undefined ? "—" : `${Number(full.ratio).toFixed(2)}×`;
  console.log(`[result] ${full.benchmark}: ${full.result} vs ${full.baseline} → ${ratio} (target ${full.target}) ${full.pass ? "PASS" : "MISS"}`);
  const file = process.env.CIVICLINE_BENCH_RESULTS;
  if (file) appendFileSync(file, `${JSON.stringify(full)}\n`);
}
