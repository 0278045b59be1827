import { describe, expect, it } from "vitest";
import { chooseRule, matchRule, type RuleCandidate, type TicketFacts } from "./rule-matching.js";

const CITY = "city";
const cities = new Set([CITY]);
const facts: TicketFacts = {
  categoryId: "urban.sanitation",
  categoryAncestorIds: ["urban"],
  districtId: "gaoqing",
  townshipId: "qingcheng",
  requestType: "complaint",
  text: "青城镇某村垃圾清运不及时，工厂附近堆积。",
};

let serial = 0;
function rule(overrides: Partial<RuleCandidate> & { id?: string }): RuleCandidate {
  serial += 1;
  return { id: `r${serial}`, categoryId: null, areaId: null, requestType: null, keywords: [], updatedAt: new Date(Date.UTC(2026, 0, 1, 0, serial)), ...overrides };
}

describe("dispatch rule matching", () => {
  it("sends a township's ticket to the township rule over the district and the city (direct to township)", () => {
    const city = rule({ id: "city", categoryId: "urban.sanitation", areaId: CITY });
    const district = rule({ id: "district", categoryId: "urban.sanitation", areaId: "gaoqing" });
    const township = rule({ id: "township", categoryId: "urban", areaId: "qingcheng" });
    const choice = chooseRule([city, district, township], facts, cities);
    expect(choice?.rule.id).toBe("township");
    expect(choice?.clear).toBe(true);
    expect(choice?.matches.map((match) => match.rule.id)).toEqual(["township", "district", "city"]);
    // Another township of the same district: the district rule decides.
    expect(chooseRule([city, district, township], { ...facts, townshipId: "gaocheng" }, cities)?.rule.id).toBe("district");
  });

  it("prefers the category leaf over its group, and request type and keywords add specificity", () => {
    const group = rule({ id: "group", categoryId: "urban" });
    const leaf = rule({ id: "leaf", categoryId: "urban.sanitation" });
    expect(chooseRule([group, leaf], facts, cities)?.rule.id).toBe("leaf");
    const complaints = rule({ id: "complaints", categoryId: "urban.sanitation", requestType: "complaint" });
    expect(chooseRule([group, leaf, complaints], facts, cities)?.rule.id).toBe("complaints");
    const factory = rule({ id: "factory", categoryId: "urban.sanitation", requestType: "complaint", keywords: ["工厂"] });
    expect(chooseRule([group, leaf, complaints, factory], facts, cities)?.rule.id).toBe("factory");
  });

  it("does not match another category, area, request type or missing keywords", () => {
    expect(matchRule(rule({ categoryId: "edu" }), facts, cities)).toBeNull();
    expect(matchRule(rule({ areaId: "zhangdian" }), facts, cities)).toBeNull();
    expect(matchRule(rule({ requestType: "consultation" }), facts, cities)).toBeNull();
    expect(matchRule(rule({ keywords: ["燃气"] }), facts, cities)).toBeNull();
    expect(matchRule(rule({ keywords: ["燃气", "垃圾"] }), facts, cities)).toEqual([0, 0, 0, 1]);
    expect(matchRule(rule({ areaId: CITY }), facts, cities)).toEqual([0, 0, 0, 0]);
    expect(chooseRule([rule({ categoryId: "edu" })], facts, cities)).toBeNull();
  });

  it("ranks the area before the category", () => {
    const cityLeaf = rule({ id: "city-leaf", categoryId: "urban.sanitation", requestType: "complaint" });
    const townshipAny = rule({ id: "township-any", areaId: "qingcheng" });
    expect(chooseRule([cityLeaf, townshipAny], facts, cities)?.rule.id).toBe("township-any");
  });

  it("is not clear on a tie, and proposes the most recently changed of the tied rules", () => {
    const older = rule({ id: "older", categoryId: "urban", areaId: "qingcheng", updatedAt: new Date("2026-01-01T00:00:00Z") });
    const newer = rule({ id: "newer", categoryId: "urban", areaId: "qingcheng", updatedAt: new Date("2026-02-01T00:00:00Z") });
    const weaker = rule({ id: "weaker", categoryId: "urban.sanitation", areaId: "gaoqing" });
    const choice = chooseRule([older, weaker, newer], facts, cities);
    expect(choice?.rule.id).toBe("newer");
    expect(choice?.clear).toBe(false);
  });
});
