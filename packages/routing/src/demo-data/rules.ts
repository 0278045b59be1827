/**
 * Demo dispatch catalogue (派单目录) for Zibo, by codes: category codes of intake's
 * `demoCategories`, area codes of `loadZiboAreas()`, unit codes of `demoBureaus` and
 * `buildGovernmentUnits`. City-wide rules send each category group (or leaf) to its bureau;
 * illegal construction goes to the district or county government; refuse and sanitation go
 * straight to the township or street office (no district hop); 青城镇 (高青县) takes every urban
 * management ticket itself, dispatched automatically. Emergencies of the fire and gas kind are
 * dispatched automatically as well (急事急办).
 */
import { governmentUnitCode, type UnitArea } from "./units.js";

export type DemoRule = {
  categoryCode: string | null;
  areaCode: string | null;
  requestType?: "consultation" | "help" | "complaint" | "suggestion" | "report" | "praise" | "other";
  keywords?: string[];
  lead: string;
  assisting?: string[];
  autoDispatch?: boolean;
};

/** 青城镇, 高青县: the brief's "direct to township" case. */
export const QINGCHENG_AREA_CODE = "370322101";

const cityRules: DemoRule[] = [
  { categoryCode: "EDU", areaCode: null, lead: "BUR-EDU" },
  { categoryCode: "HOUSING", areaCode: null, lead: "BUR-HOUSING" },
  { categoryCode: "HOUSING.HEATING", areaCode: null, lead: "UTIL-HEATING", assisting: ["BUR-HOUSING"] },
  { categoryCode: "HOUSING.CABLE_TV_FEE", areaCode: null, lead: "BUR-HOUSING", assisting: ["BUR-MARKET"] },
  { categoryCode: "URBAN", areaCode: null, lead: "BUR-URBAN" },
  { categoryCode: "URBAN.NOISE", areaCode: null, keywords: ["工厂", "企业", "车间"], lead: "BUR-ECOENV" },
  { categoryCode: "SAFETY", areaCode: null, lead: "BUR-EMERGENCY" },
  { categoryCode: "SAFETY.FIRE_CHEMICAL", areaCode: null, lead: "BUR-FIRE", assisting: ["BUR-EMERGENCY", "BUR-ECOENV"], autoDispatch: true },
  { categoryCode: "SAFETY.FIRE_HAZARD", areaCode: null, lead: "BUR-FIRE" },
  { categoryCode: "SAFETY.FIRE_ACCEPTANCE", areaCode: null, lead: "BUR-HOUSING" },
  { categoryCode: "SAFETY.GAS_LEAK", areaCode: null, lead: "UTIL-GAS", assisting: ["BUR-FIRE"], autoDispatch: true },
  { categoryCode: "UTILITY.WATER_OUTAGE", areaCode: null, lead: "UTIL-WATER" },
  { categoryCode: "UTILITY.WATER_QUALITY", areaCode: null, lead: "UTIL-WATER", assisting: ["BUR-HEALTH"] },
  { categoryCode: "UTILITY.POWER_OUTAGE", areaCode: null, lead: "UTIL-POWER" },
  { categoryCode: "UTILITY.GAS_SUPPLY", areaCode: null, lead: "UTIL-GAS" },
  { categoryCode: "CONSUMER", areaCode: null, lead: "BUR-MARKET" },
  { categoryCode: "LABOUR", areaCode: null, lead: "BUR-HRSS" },
  { categoryCode: "TRANSPORT", areaCode: null, lead: "BUR-TRANSPORT" },
  { categoryCode: "ENV", areaCode: null, lead: "BUR-ECOENV" },
  { categoryCode: "HEALTH", areaCode: null, lead: "BUR-HEALTH" },
  { categoryCode: "HEALTH.MEDICAL_INSURANCE", areaCode: null, lead: "BUR-MEDINS" },
  { categoryCode: "CIVIL", areaCode: null, lead: "BUR-CIVIL" },
  { categoryCode: "POLICE", areaCode: null, lead: "BUR-POLICE" },
  { categoryCode: "OTHER.GOV_SERVICE", areaCode: null, requestType: "report", lead: "ORG-DISCIPLINE" },
];

/**
 * The whole demo catalogue: city-wide rules, one illegal-construction rule per district or
 * county, one sanitation rule per township or street, and 青城镇's own urban-management rule.
 */
export function buildDemoRules(areas: readonly UnitArea[]): DemoRule[] {
  const districts = areas.filter((area) => area.level === "DISTRICT");
  const townships = areas.filter((area) => area.level === "TOWNSHIP" && area.code !== QINGCHENG_AREA_CODE);
  return [
    ...cityRules,
    ...districts.map((area): DemoRule => ({ categoryCode: "URBAN.ILLEGAL_CONSTRUCTION", areaCode: area.code, lead: governmentUnitCode(area.code) })),
    ...townships.map((area): DemoRule => ({ categoryCode: "URBAN.SANITATION", areaCode: area.code, lead: governmentUnitCode(area.code) })),
    ...(areas.some((area) => area.code === QINGCHENG_AREA_CODE)
      ? [{ categoryCode: "URBAN", areaCode: QINGCHENG_AREA_CODE, lead: governmentUnitCode(QINGCHENG_AREA_CODE), autoDispatch: true }]
      : []),
  ];
}
