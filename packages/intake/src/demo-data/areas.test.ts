import { describe, it, expect } from "vitest";
import { loadZiboAreas, ZIBO_CITY_CODE, type DemoArea } from "./areas.js";

describe("loadZiboAreas", () => {
  const areas = loadZiboAreas();
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const byName = (nameZh: string): DemoArea => {
    const found = areas.filter((a) => a.nameZh === nameZh);
    expect(found, nameZh).toHaveLength(1);
    return found[0]!;
  };

  it("has the city as the single root", () => {
    const roots = areas.filter((a) => a.parentCode === null);
    expect(roots).toEqual([
      { code: ZIBO_CITY_CODE, nameZh: "淄博市", nameEn: "Zibo", level: "CITY", parentCode: null },
    ]);
  });

  it("has the 8 districts and counties with English names", () => {
    const districts = areas.filter((a) => a.level === "DISTRICT");
    expect(districts.map((d) => d.nameZh).sort()).toEqual(
      ["张店区", "淄川区", "博山区", "临淄区", "周村区", "桓台县", "高青县", "沂源县"].sort(),
    );
    for (const d of districts) {
      expect(d.parentCode).toBe(ZIBO_CITY_CODE);
      expect(d.nameEn).toMatch(/^[A-Z][a-z]+ (District|County)$/);
    }
    expect(byName("临淄区").nameEn).toBe("Linzi District");
    expect(byName("沂源县").nameEn).toBe("Yiyuan County");
  });

  it("puts every township under a district", () => {
    const townships = areas.filter((a) => a.level === "TOWNSHIP");
    expect(townships.length).toBeGreaterThan(50);
    for (const t of townships) {
      expect(byCode.get(t.parentCode ?? "")?.level, t.nameZh).toBe("DISTRICT");
      expect(t.code.startsWith(t.parentCode!)).toBe(true);
      expect(t.code).toMatch(/^\d{9}$/);
    }
  });

  it("uses the official name 金岭回族镇 under 临淄区", () => {
    expect(byName("金岭回族镇").parentCode).toBe(byName("临淄区").code);
    expect(areas.some((a) => a.nameZh === "金岭镇")).toBe(false);
  });

  it("has 青城镇 under 高青县", () => {
    expect(byName("青城镇").parentCode).toBe(byName("高青县").code);
  });

  it("has unique codes, listed parents first", () => {
    expect(new Set(areas.map((a) => a.code)).size).toBe(areas.length);
    const seen = new Set<string>();
    for (const a of areas) {
      if (a.parentCode) {expect(seen.has(a.parentCode)).toBe(true);}
      seen.add(a.code);
    }
  });

  it("returns copies, so callers cannot corrupt the cache", () => {
    loadZiboAreas()[0]!.nameZh = "changed";
    expect(loadZiboAreas()[0]!.nameZh).toBe("淄博市");
  });
});
