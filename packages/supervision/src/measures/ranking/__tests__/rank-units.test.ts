import { describe, expect, it } from "vitest";
import { compositeScore, rankUnits, type RankingWeights, type UnitFigures } from "../rank-units.js";

const DEFAULT: RankingWeights = { onTime: 40, satisfaction: 30, notReturned: 10, notReReported: 10, notExtended: 10, minTickets: 10 };
const r = (numerator: number, denominator: number) => ({ numerator, denominator });

function unit(name: string, figures: Partial<UnitFigures> = {}): UnitFigures {
  return { unitId: `id-${name}`, unitName: name, tickets: 20, onTime: r(18, 20), satisfaction: r(9, 10), returned: r(1, 20), reReported: r(0, 20), extended: r(2, 20), ...figures };
}

describe("the composite score", () => {
  it("is the weighted mean of the parts, worked by hand", () => {
    // on time 90, satisfaction 90, not returned 95, not re-reported 100, not extended 90
    // (40·90 + 30·90 + 10·95 + 10·100 + 10·90) / 100 = (3600 + 2700 + 950 + 1000 + 900) / 100 = 91.5
    const { ranked } = rankUnits([unit("城管局")], DEFAULT);
    expect(ranked[0]!.score).toBe(91.5);
    expect(ranked[0]!.parts.map((part) => part.score)).toEqual([90, 90, 95, 100, 90]);
  });

  it("leaves out a part without a denominator and re-weights the rest", () => {
    // no callbacks: (40·90 + 10·95 + 10·100 + 10·90) / 70 = 6450 / 70 = 92.142857 → 92.14
    const { ranked } = rankUnits([unit("住建局", { satisfaction: r(0, 0) })], DEFAULT);
    expect(ranked[0]!.score).toBe(92.14);
    expect(compositeScore([{ key: "onTime", weight: 0, ratio: r(1, 1), score: 100 }])).toBeNull();
  });
});

describe("the ranking", () => {
  it("orders by score, breaks ties by on-time rate, then satisfaction, then tickets, and shares a rank when all are equal", () => {
    const a = unit("甲局");
    const b = unit("乙局", { tickets: 30 });
    const c = unit("丙局", { onTime: r(20, 20) });
    const d = unit("丁局");
    const few = unit("少局", { tickets: 9 });
    const none = unit("无局", { onTime: r(0, 0), satisfaction: r(0, 0), returned: r(0, 0), reReported: r(0, 0), extended: r(0, 0) });
    const { ranked, apart } = rankUnits([a, b, c, d, few, none], DEFAULT);
    // c: 40·100 → 95.5 first; b: same figures as a and d but more tickets → 2; a and d share 3
    expect(ranked.map((entry) => [entry.unit.unitName, entry.rank, entry.tied, entry.score])).toEqual([
      ["丙局", 1, false, 95.5],
      ["乙局", 2, false, 91.5],
      ["丁局", 3, true, 91.5],
      ["甲局", 3, true, 91.5],
    ]);
    expect(apart.map((entry) => [entry.unit.unitName, entry.reason])).toEqual([
      ["无局", "NO_FIGURES"],
      ["少局", "TOO_FEW_TICKETS"],
    ]);
  });

  it("puts the higher on-time rate first at an equal score", () => {
    // X: on time 17/20 (85), not extended 19/20 (95): (3400 + 2700 + 950 + 1000 + 950) / 100 = 90.00
    // Y: on time 18/20 (90), satisfaction 26/30 (86.67), not extended 17/20 (85): (3600 + 2600 + 950 + 1000 + 850) / 100 = 90.00
    const x = unit("X", { onTime: r(17, 20), extended: r(1, 20) });
    const y = unit("Y", { satisfaction: r(26, 30), extended: r(3, 20) });
    const { ranked } = rankUnits([x, y], DEFAULT);
    expect(ranked.map((entry) => [entry.unit.unitName, entry.score, entry.rank])).toEqual([
      ["Y", 90, 1],
      ["X", 90, 2],
    ]);
  });

  it("ranks the same figures differently under other weights (and the same under the same)", () => {
    const fast = unit("快局", { onTime: r(20, 20), satisfaction: r(6, 10) });
    const liked = unit("好评局", { onTime: r(14, 20), satisfaction: r(10, 10) });
    const byTime = rankUnits([fast, liked], { ...DEFAULT, onTime: 80, satisfaction: 5 });
    const bySatisfaction = rankUnits([fast, liked], { ...DEFAULT, onTime: 5, satisfaction: 80 });
    expect(byTime.ranked.map((entry) => entry.unit.unitName)).toEqual(["快局", "好评局"]);
    expect(bySatisfaction.ranked.map((entry) => entry.unit.unitName)).toEqual(["好评局", "快局"]);
    expect(rankUnits([fast, liked], { ...DEFAULT, onTime: 80, satisfaction: 5 })).toEqual(byTime);
  });

  it("applies the minimum of the weights version", () => {
    expect(rankUnits([unit("甲局", { tickets: 9 })], DEFAULT).ranked).toEqual([]);
    expect(rankUnits([unit("甲局", { tickets: 9 })], { ...DEFAULT, minTickets: 5 }).ranked).toHaveLength(1);
  });
});
