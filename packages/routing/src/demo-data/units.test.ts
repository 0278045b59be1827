import { describe, it, expect } from "vitest";
import { buildGovernmentUnits, demoBureaus, HOTLINE_CENTRE_CODE, type UnitArea } from "./units.js";

const areas: UnitArea[] = [
  { code: "3703", nameZh: "淄博市", nameEn: "Zibo", level: "CITY", parentCode: null },
  { code: "370305", nameZh: "临淄区", nameEn: "Linzi District", level: "DISTRICT", parentCode: "3703" },
  { code: "370322", nameZh: "高青县", nameEn: "Gaoqing County", level: "DISTRICT", parentCode: "3703" },
  { code: "370302", nameZh: "淄川区", nameEn: null, level: "DISTRICT", parentCode: "3703" },
  { code: "370305107", nameZh: "金岭回族镇", nameEn: null, level: "TOWNSHIP", parentCode: "370305" },
  { code: "370305001", nameZh: "闻韶街道", nameEn: null, level: "TOWNSHIP", parentCode: "370305" },
  { code: "370322101", nameZh: "青城镇", nameEn: null, level: "TOWNSHIP", parentCode: "370322" },
  { code: "370322102", nameZh: "高城镇", nameEn: null, level: "TOWNSHIP", parentCode: "370322" },
  { code: "370399001", nameZh: "某某乡", nameEn: null, level: "TOWNSHIP", parentCode: "370302" },
];

describe("demoBureaus", () => {
  it("has about 20 city-level units with unique codes, all in the city", () => {
    expect(demoBureaus.length).toBeGreaterThanOrEqual(18);
    expect(new Set(demoBureaus.map((u) => u.code)).size).toBe(demoBureaus.length);
    for (const u of demoBureaus) {
      expect(u.areaCode).toBe("3703");
      expect(u.parentCode).toBeNull();
      expect(u.nameZh).toMatch(/\p{Script=Han}/u);
      expect(u.nameEn).toMatch(/^[A-Z]/);
    }
  });

  it("has exactly one hotline centre", () => {
    const centres = demoBureaus.filter((u) => u.kind === "CITY_CENTRE");
    expect(centres.map((c) => c.code)).toEqual([HOTLINE_CENTRE_CODE]);
  });

  it("has the units the brief's cases and joint supervision need", () => {
    const names = demoBureaus.map((u) => u.nameZh);
    for (const n of ["淄博市教育局", "淄博市住房和城乡建设局", "淄博市市场监督管理局", "淄博市消防救援支队"]) {
      expect(names).toContain(n);
    }
    expect(names.some((n) => n.startsWith("淄博市城市管理局"))).toBe(true);
    expect(names.some((n) => n.includes("纪律检查委员会"))).toBe(true);
    expect(names.some((n) => n.includes("机构编制委员会办公室"))).toBe(true);
    expect(demoBureaus.find((u) => u.code === "UTIL-POWER")?.kind).toBe("OTHER");
  });
});

describe("buildGovernmentUnits", () => {
  const units = buildGovernmentUnits(areas);
  const byArea = new Map(units.map((u) => [u.areaCode, u]));

  it("makes one unit per district and township, none for the city", () => {
    expect(units).toHaveLength(areas.length - 1);
    expect(byArea.has("3703")).toBe(false);
    expect(new Set(units.map((u) => u.code)).size).toBe(units.length);
  });

  it("names district and county governments", () => {
    expect(byArea.get("370305")).toEqual({
      code: "GOV-370305",
      nameZh: "临淄区人民政府",
      nameEn: "Linzi District Government",
      kind: "DISTRICT_GOVERNMENT",
      areaCode: "370305",
      parentCode: null,
    });
    expect(byArea.get("370322")?.nameZh).toBe("高青县人民政府");
    expect(byArea.get("370322")?.nameEn).toBe("Gaoqing County Government");
    expect(byArea.get("370302")?.nameEn).toBe("District government (淄川区)");
  });

  it("names township governments and street offices, under their district", () => {
    const qingcheng = byArea.get("370322101")!;
    expect(qingcheng.nameZh).toBe("青城镇人民政府");
    expect(qingcheng.nameEn).toBe("Qingcheng Town Government");
    expect(qingcheng.kind).toBe("TOWNSHIP_OFFICE");
    expect(qingcheng.parentCode).toBe("GOV-370322");

    expect(byArea.get("370305107")?.nameZh).toBe("金岭回族镇人民政府");
    expect(byArea.get("370305001")?.nameZh).toBe("闻韶街道办事处");
    expect(byArea.get("370305001")?.nameEn).toBe("Sub-district office (闻韶街道)");
    expect(byArea.get("370322102")?.nameEn).toBe("Town government (高城镇)");
    expect(byArea.get("370399001")?.nameEn).toBe("Township government (某某乡)");
  });

  it("lists parents before children", () => {
    const seen = new Set<string>();
    for (const u of units) {
      if (u.parentCode) {expect(seen.has(u.parentCode)).toBe(true);}
      seen.add(u.code);
    }
  });

  it("rejects a township whose district is missing", () => {
    expect(() =>
      buildGovernmentUnits([
        { code: "370399002", nameZh: "孤镇", nameEn: null, level: "TOWNSHIP", parentCode: "370399" },
      ]),
    ).toThrow(/370399/);
  });
});
