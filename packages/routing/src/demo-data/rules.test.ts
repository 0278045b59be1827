import { demoCategories, loadZiboAreas } from "@civicline/intake";
import { describe, expect, it } from "vitest";
import { chooseRule } from "../rules/rule-matching.js";
import { QINGCHENG_AREA_CODE, buildDemoRules } from "./rules.js";
import { demoSlaPolicies } from "./sla-policies.js";
import { buildGovernmentUnits, demoBureaus } from "./units.js";

const areas = loadZiboAreas();
const rules = buildDemoRules(areas);
const unitCodes = new Set([...demoBureaus, ...buildGovernmentUnits(areas)].map((unit) => unit.code));
const categoryCodes = new Set(demoCategories.map((category) => category.code));
/** The rules as matching sees them, with codes for ids (category, area) and the index as rule id. */
const candidates = rules.map((rule, index) => ({
  id: String(index),
  categoryId: rule.categoryCode,
  areaId: rule.areaCode,
  requestType: rule.requestType ?? null,
  keywords: rule.keywords ?? [],
  updatedAt: new Date(0),
}));
const cities = new Set(["3703"]);
const qingcheng = areas.find((area) => area.code === QINGCHENG_AREA_CODE)!;
const facts = { categoryId: "URBAN.ILLEGAL_CONSTRUCTION", categoryAncestorIds: ["URBAN"], districtId: qingcheng.parentCode!, townshipId: qingcheng.code as string | null, requestType: "complaint", text: "违建" };

describe("the demo dispatch catalogue", () => {
  it("refers only to demo units, categories and areas", () => {
    const areaCodes = new Set(areas.map((area) => area.code));
    for (const rule of rules) {
      expect(unitCodes.has(rule.lead), rule.lead).toBe(true);
      (rule.assisting ?? []).forEach((code) => expect(unitCodes.has(code), code).toBe(true));
      expect(rule.categoryCode === null || categoryCodes.has(rule.categoryCode), String(rule.categoryCode)).toBe(true);
      expect(rule.areaCode === null || areaCodes.has(rule.areaCode), String(rule.areaCode)).toBe(true);
    }
  });

  it("proposes a unit for every category but the catch-all OTHER ones, anywhere in the city", () => {
    const unmatched = demoCategories
      .filter((category) => category.parentCode)
      .filter((category) => !chooseRule(candidates, { ...facts, categoryId: category.code, categoryAncestorIds: [category.parentCode!], townshipId: null }, cities));
    expect(unmatched.map((category) => category.code)).toEqual(["OTHER.GOV_SERVICE", "OTHER.GENERAL"]);
  });

  it("sends 青城镇's urban-management tickets straight to the town government, automatically", () => {
    const choice = chooseRule(candidates, facts, cities);
    expect(choice?.clear).toBe(true);
    expect(rules[Number(choice!.rule.id)]).toMatchObject({ lead: "GOV-370322101", autoDispatch: true });
    const otherTownship = areas.find((area) => area.parentCode === qingcheng.parentCode && area.code !== qingcheng.code)!;
    const county = chooseRule(candidates, { ...facts, townshipId: otherTownship.code }, cities);
    expect(rules[Number(county!.rule.id)]).toMatchObject({ lead: "GOV-370322" });
  });

  it("sets the time limits of DOMAIN.md", () => {
    const policy = (requestType: string | null, urgency: string | null) => demoSlaPolicies.find((candidate) => candidate.requestType === requestType && candidate.urgency === urgency);
    expect(policy("complaint", null)).toMatchObject({ dispatchMinutes: 240, signForMinutes: 120, completionMinutes: 5 * 450, nearDuePercent: 80 });
    expect(policy("consultation", null)?.completionMinutes).toBe(3 * 450);
    expect(policy("help", null)?.completionMinutes).toBe(5 * 450);
    expect(policy("suggestion", null)?.completionMinutes).toBe(10 * 450);
    expect(policy(null, "urgent")?.dispatchMinutes).toBe(0);
    expect(policy(null, "emergency")).toMatchObject({ dispatchMinutes: 15, aroundTheClock: true });
  });
});
