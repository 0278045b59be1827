import { describe, expect, it } from "vitest";
import { HOT_DEFAULTS, expectedCount, findHotIssues, poissonUpperTail, type HotCell } from "../hot-statistic.js";

const WEEK = { ...HOT_DEFAULTS, windowDays: 7 };

/** A deterministic "noisy" steady series around `mean` (±30 %), 8 weeks + the window. */
function steady(mean: number, seed: number): { weeks: number[]; count: number } {
  const values = Array.from({ length: 9 }, (_, index) => Math.round(mean * (1 + 0.3 * Math.sin(seed * 7.3 + index * 2.1))));
  return { weeks: values.slice(0, 8), count: values[8]! };
}

describe("the Poisson tail", () => {
  it("matches values computed by hand", () => {
    // P(X ≥ 1 | 1) = 1 − e^-1
    expect(poissonUpperTail(1, 1)).toBeCloseTo(1 - Math.exp(-1), 12);
    // P(X ≥ 5 | 0.5) = 1 − e^-0.5 (1 + 0.5 + 0.125 + 0.0208333 + 0.0026042) = 0.000172116
    expect(poissonUpperTail(5, 0.5)).toBeCloseTo(0.000172116, 8);
    // P(X ≥ 3 | 2) = 1 − e^-2 (1 + 2 + 2) = 0.323323584
    expect(poissonUpperTail(3, 2)).toBeCloseTo(0.323323584, 8);
    expect(poissonUpperTail(0, 3)).toBe(1);
    expect(poissonUpperTail(400, 100)).toBeGreaterThan(0);
    expect(poissonUpperTail(400, 100)).toBeLessThan(1e-60);
  });

  it("scales the 8 weeks to the window and keeps a floor", () => {
    expect(expectedCount([7, 7, 7, 7, 7, 7, 7, 7], { windowDays: 7, lambdaFloor: 0.5 })).toBe(7);
    expect(expectedCount([7, 7, 7, 7, 7, 7, 7, 7], { windowDays: 1, lambdaFloor: 0.5 })).toBe(1);
    expect(expectedCount([0, 0, 0, 0, 0, 0, 0, 0], { windowDays: 7, lambdaFloor: 0.5 })).toBe(0.5);
  });
});

describe("hot issues", () => {
  it("finds a planted burst among steady series, and only it", () => {
    const cells: Array<HotCell<string>> = [];
    for (let index = 0; index < 200; index += 1) {
      cells.push({ key: `steady-${index}`, ...steady(2 + (index % 40), index) });
    }
    cells.push({ key: "burst", weeks: [3, 2, 4, 3, 2, 3, 4, 3], count: 19 });
    const found = findHotIssues(cells, WEEK);
    expect(found.map((cell) => cell.key)).toEqual(["burst"]);
    expect(found[0]!.expected).toBe(3);
    expect(found[0]!.pValue).toBeLessThan(1e-6);
  });

  it("finds nothing in steady series (a quiet week, a busy week, a large steady cell)", () => {
    const cells: Array<HotCell<string>> = Array.from({ length: 500 }, (_, index) => ({ key: `s${index}`, ...steady(1 + (index % 60), index) }));
    cells.push({ key: "big", weeks: [400, 410, 395, 405, 390, 400, 415, 398], count: 430 });
    expect(findHotIssues(cells, WEEK)).toEqual([]);
  });

  it("needs the minimum count: 4 new tickets where there were none is not hot, 5 is", () => {
    const quiet = [0, 0, 0, 0, 0, 0, 0, 0];
    expect(findHotIssues([{ key: "four", weeks: quiet, count: 4 }], WEEK)).toEqual([]);
    expect(findHotIssues([{ key: "five", weeks: quiet, count: 5 }], WEEK).map((cell) => cell.key)).toEqual(["five"]);
  });

  it("orders the most unusual first", () => {
    const found = findHotIssues(
      [
        { key: "mild", weeks: [2, 2, 2, 2, 2, 2, 2, 2], count: 10 },
        { key: "strong", weeks: [1, 1, 1, 1, 1, 1, 1, 1], count: 12 },
      ],
      WEEK,
    );
    expect(found.map((cell) => cell.key)).toEqual(["strong", "mild"]);
  });
});
