/**
 * Hot issues (热点): a category × area (a district, or one township of it) × window whose count is
 * unusually high against its own previous 8 weeks. The statistic (stated on the page):
 *
 *   λ = (tickets of the same category and district in the 56 days before the window) × windowDays / 56,
 *       at least LAMBDA_FLOOR;
 *   p = P(X ≥ count) for X ~ Poisson(λ)  (one-sided Poisson test);
 *   hot when count ≥ minCount and p < alpha.
 */

/** How the test is set: the defaults are what the page states. */
export type HotSettings = { windowDays: number; baselineWeeks: number; minCount: number; alpha: number; lambdaFloor: number };

export const HOT_DEFAULTS: Omit<HotSettings, "windowDays"> = { baselineWeeks: 8, minCount: 5, alpha: 0.001, lambdaFloor: 0.5 };

/** The statistic in words, for the API and the page's help. */
export const HOT_STATISTIC =
  "One-sided Poisson test per category × area (a township, and its whole district): λ = the same cell's tickets in the 8 weeks before the window, scaled to the window's length (at least 0.5); a window is hot when it has at least 5 tickets and P(X ≥ count | λ) < 0.001. A district whose hot townships explain it is not listed again.";

/** One category × district: the window's count and the 8 weekly counts before it (oldest first). */
export type HotCell<K> = { key: K; count: number; weeks: number[] };

export type HotFinding<K> = HotCell<K> & { expected: number; pValue: number; ratio: number; zScore: number };

const LOG_FACTORIALS: number[] = [0];

function logFactorial(n: number): number {
  for (let i = LOG_FACTORIALS.length; i <= n; i += 1) {
    LOG_FACTORIALS[i] = LOG_FACTORIALS[i - 1]! + Math.log(i);
  }
  return LOG_FACTORIALS[n]!;
}

/** P(X ≥ k) for X ~ Poisson(λ), summed from k upward in log space (exact enough for tails of 1e-300). */
export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) {
    return 1;
  }
  if (lambda <= 0) {
    return 0;
  }
  let term = Math.exp(-lambda + k * Math.log(lambda) - logFactorial(k));
  let sum = 0;
  for (let i = k; i < k + 100_000; i += 1) {
    sum += term;
    term *= lambda / (i + 1);
    if (i > lambda && term < sum * 1e-15) {
      break;
    }
  }
  return Math.min(1, sum);
}

/** λ for a window of `windowDays` from the weekly counts before it. */
export function expectedCount(weeks: readonly number[], settings: Pick<HotSettings, "windowDays" | "lambdaFloor">): number {
  const total = weeks.reduce((sum, value) => sum + value, 0);
  const days = weeks.length * 7;
  return Math.max(settings.lambdaFloor, days > 0 ? (total * settings.windowDays) / days : 0);
}

/**
 * The cells that are hot under `settings`, most unusual first (smallest p, then the larger count).
 * Pure; cells below the minimum count are never hot, however quiet their history.
 */
export function findHotIssues<K>(cells: ReadonlyArray<HotCell<K>>, settings: HotSettings): Array<HotFinding<K>> {
  const found: Array<HotFinding<K>> = [];
  for (const cell of cells) {
    if (cell.count < settings.minCount) {
      continue;
    }
    const expected = expectedCount(cell.weeks, settings);
    const pValue = poissonUpperTail(cell.count, expected);
    if (pValue < settings.alpha) {
      found.push({ ...cell, expected, pValue, ratio: cell.count / expected, zScore: (cell.count - expected) / Math.sqrt(expected) });
    }
  }
  return found.sort((a, b) => a.pValue - b.pValue || b.count - a.count);
}
