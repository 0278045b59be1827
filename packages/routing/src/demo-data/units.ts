/**
 * Demo handling units (承办单位) for the reference city, Zibo.
 *
 * `demoBureaus` lists the city-level units: the 12345 hotline centre, the
 * municipal bureaus, public-utility companies, and the two bodies that sit on
 * joint supervision (三方联动督办) with the centre — the discipline commission
 * and the staffing office, which owns who-is-responsible-for-what.
 * Bureau names follow Zibo's current government structure; the water, gas and
 * heating companies are illustrative stand-ins, not specific companies.
 *
 * `buildGovernmentUnits` derives one government per district/county and one
 * office per town/township/street from an area list (the intake package's
 * `loadZiboAreas()`), so that tickets can be dispatched straight to townships.
 *
 * Codes: "CENTRE-12345", "BUR-*" for bureaus, "UTIL-*" for utility companies,
 * "ORG-*" for other bodies, "GOV-<area code>" for district and township units.
 */
export type DemoUnit = {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: "CITY_CENTRE" | "BUREAU" | "DISTRICT_GOVERNMENT" | "TOWNSHIP_OFFICE" | "OTHER";
  areaCode: string | null;
  parentCode: string | null;
};

/** The area shape this module needs; structurally compatible with intake's DemoArea. */
export type UnitArea = {
  code: string;
  nameZh: string;
  nameEn: string | null;
  level: string;
  parentCode: string | null;
};

export const ZIBO_CITY_AREA_CODE = "3703";
export const HOTLINE_CENTRE_CODE = "CENTRE-12345";

type U = [code: string, nameZh: string, nameEn: string, kind: DemoUnit["kind"]];

const cityUnits: U[] = [
  [HOTLINE_CENTRE_CODE, "淄博市12345政务服务便民热线中心", "Zibo 12345 Government Service Hotline Centre", "CITY_CENTRE"],
  ["BUR-EDU", "淄博市教育局", "Zibo Municipal Education Bureau", "BUREAU"],
  ["BUR-HOUSING", "淄博市住房和城乡建设局", "Zibo Municipal Bureau of Housing and Urban-Rural Development", "BUREAU"],
  ["BUR-URBAN", "淄博市城市管理局（淄博市综合行政执法局）", "Zibo Municipal Urban Management Bureau (Comprehensive Administrative Law Enforcement Bureau)", "BUREAU"],
  ["BUR-MARKET", "淄博市市场监督管理局", "Zibo Municipal Administration for Market Regulation", "BUREAU"],
  ["BUR-HRSS", "淄博市人力资源和社会保障局", "Zibo Municipal Bureau of Human Resources and Social Security", "BUREAU"],
  ["BUR-FIRE", "淄博市消防救援支队", "Zibo Fire and Rescue Detachment", "BUREAU"],
  ["BUR-EMERGENCY", "淄博市应急管理局", "Zibo Municipal Emergency Management Bureau", "BUREAU"],
  ["BUR-ECOENV", "淄博市生态环境局", "Zibo Municipal Ecology and Environment Bureau", "BUREAU"],
  ["BUR-TRANSPORT", "淄博市交通运输局", "Zibo Municipal Transport Bureau", "BUREAU"],
  ["BUR-POLICE", "淄博市公安局", "Zibo Municipal Public Security Bureau", "BUREAU"],
  ["BUR-HEALTH", "淄博市卫生健康委员会", "Zibo Municipal Health Commission", "BUREAU"],
  ["BUR-MEDINS", "淄博市医疗保障局", "Zibo Municipal Healthcare Security Bureau", "BUREAU"],
  ["BUR-NATRES", "淄博市自然资源和规划局", "Zibo Municipal Bureau of Natural Resources and Planning", "BUREAU"],
  ["BUR-CIVIL", "淄博市民政局", "Zibo Municipal Civil Affairs Bureau", "BUREAU"],
  ["BUR-WATER", "淄博市水利局", "Zibo Municipal Water Resources Bureau", "BUREAU"],
  ["BUR-CULTOUR", "淄博市文化和旅游局", "Zibo Municipal Bureau of Culture and Tourism", "BUREAU"],
  ["UTIL-POWER", "国网淄博供电公司", "State Grid Zibo Power Supply Company", "OTHER"],
  ["UTIL-WATER", "淄博市供水公司", "Zibo Water Supply Company", "OTHER"],
  ["UTIL-GAS", "淄博市燃气公司", "Zibo Gas Company", "OTHER"],
  ["UTIL-HEATING", "淄博市热力公司", "Zibo Heating Company", "OTHER"],
  ["ORG-DISCIPLINE", "中共淄博市纪律检查委员会 淄博市监察委员会", "Zibo Municipal Commission for Discipline Inspection and Supervisory Commission", "OTHER"],
  ["ORG-STAFFING", "中共淄博市委机构编制委员会办公室", "Zibo Municipal Commission Office for Public Sector Reform (Staffing Office)", "OTHER"],
];

/** City-level units; all located in the city area, none with a parent unit. */
export const demoBureaus: DemoUnit[] = cityUnits.map(([code, nameZh, nameEn, kind]) => ({
  code,
  nameZh,
  nameEn,
  kind,
  areaCode: ZIBO_CITY_AREA_CODE,
  parentCode: null,
}));

/** English names of a few township governments we know; others get a descriptive fallback. */
const KNOWN_TOWNSHIP_EN: Readonly<Record<string, string>> = {
  "370322101": "Qingcheng Town Government",
  "370305107": "Jinling Hui Ethnic Town Government",
};

/** The unit code of the government or office responsible for an area. */
export function governmentUnitCode(areaCode: string): string {
  return `GOV-${areaCode}`;
}

function districtUnit(area: UnitArea): DemoUnit {
  return {
    code: governmentUnitCode(area.code),
    nameZh: `${area.nameZh}人民政府`,
    nameEn: area.nameEn ? `${area.nameEn} Government` : `District government (${area.nameZh})`,
    kind: "DISTRICT_GOVERNMENT",
    areaCode: area.code,
    parentCode: null,
  };
}

function townshipUnit(area: UnitArea, parentCode: string): DemoUnit {
  // 街道 (sub-district) is run by an office of the district government (街道办事处);
  // 镇 (town) and 乡 (township) have their own people's government (人民政府).
  const isStreet = area.nameZh.endsWith("街道");
  const nameZh = isStreet ? `${area.nameZh}办事处` : `${area.nameZh}人民政府`;
  let nameEn = KNOWN_TOWNSHIP_EN[area.code];
  if (!nameEn && area.nameEn) {
    nameEn = isStreet ? `${area.nameEn} Sub-district Office` : `${area.nameEn} Government`;
  }
  if (!nameEn) {
    const kind = isStreet
      ? "Sub-district office"
      : area.nameZh.endsWith("乡")
        ? "Township government"
        : "Town government";
    nameEn = `${kind} (${area.nameZh})`;
  }
  return {
    code: governmentUnitCode(area.code),
    nameZh,
    nameEn,
    kind: "TOWNSHIP_OFFICE",
    areaCode: area.code,
    parentCode,
  };
}

/**
 * One DISTRICT_GOVERNMENT per DISTRICT area and one TOWNSHIP_OFFICE per TOWNSHIP
 * area (parent: its district's government). CITY areas are skipped: the city
 * level is represented by `demoBureaus`. District units come first, so parents
 * always precede children. Throws if a township's district is not in the list.
 */
export function buildGovernmentUnits(areas: UnitArea[]): DemoUnit[] {
  const districts = areas.filter((a) => a.level === "DISTRICT");
  const districtCodes = new Set(districts.map((d) => d.code));
  const units = districts.map(districtUnit);
  for (const area of areas) {
    if (area.level !== "TOWNSHIP") {continue;}
    if (!area.parentCode || !districtCodes.has(area.parentCode)) {
      throw new Error(
        `Township ${area.nameZh} (${area.code}): parent district ${area.parentCode ?? "(none)"} not in the area list`,
      );
    }
    units.push(townshipUnit(area, governmentUnitCode(area.parentCode)));
  }
  return units;
}
