import { describe, it, expect } from "vitest";
import { CATEGORY_KEYWORDS, demoCategories } from "./categories.js";

describe("demoCategories", () => {
  const codes = new Set(demoCategories.map((c) => c.code));
  const groups = demoCategories.filter((c) => c.parentCode === null);
  const leaves = demoCategories.filter((c) => c.parentCode !== null);

  it("has unique codes", () => {
    expect(codes.size).toBe(demoCategories.length);
  });

  it("has about 12 groups and 45 leaves", () => {
    expect(groups.length).toBeGreaterThanOrEqual(10);
    expect(leaves.length).toBeGreaterThanOrEqual(40);
  });

  it("is a two-level tree: groups not selectable, leaves selectable", () => {
    for (const g of groups) {
      expect(g.selectable, g.code).toBe(false);
      expect(g.code).toMatch(/^[A-Z]+$/);
    }
    for (const l of leaves) {
      expect(codes.has(l.parentCode!), l.code).toBe(true);
      expect(demoCategories.find((c) => c.code === l.parentCode)!.parentCode).toBeNull();
      expect(l.selectable, l.code).toBe(true);
      expect(l.code.startsWith(`${l.parentCode}.`)).toBe(true);
    }
    for (const g of groups) {
      expect(leaves.some((l) => l.parentCode === g.code), g.code).toBe(true);
    }
  });

  it("has names in both languages", () => {
    for (const c of demoCategories) {
      expect(c.nameZh).toMatch(/\p{Script=Han}/u);
      expect(c.nameEn).toMatch(/^[A-Z]/);
    }
  });

  it.each([
    "EDU.BULLYING",
    "HOUSING.PROPERTY_FEE",
    "HOUSING.CABLE_TV_FEE",
    "URBAN.ILLEGAL_CONSTRUCTION",
    "SAFETY.FIRE_CHEMICAL",
    "URBAN.ROAD_FACILITIES",
    "CONSUMER.GOODS",
    "CONSUMER.SERVICES",
  ])("has the required leaf %s", (code) => {
    expect(leaves.find((l) => l.code === code)?.selectable).toBe(true);
  });
});

describe("demo categories' extra fields and templates", () => {
  const leaves = demoCategories.filter((c) => c.parentCode !== null);
  const field = (code: string, key: string) => demoCategories.find((c) => c.code === code)!.fields.find((f) => f.key === key);

  it("asks every housing case for the estate and every education case for the school (required)", () => {
    for (const leaf of leaves.filter((l) => l.code.startsWith("HOUSING."))) {
      expect(field(leaf.code, "estateName"), leaf.code).toMatchObject({ labelZh: "小区名称", required: true });
    }
    for (const leaf of leaves.filter((l) => l.code.startsWith("EDU."))) {
      expect(field(leaf.code, "schoolName"), leaf.code).toMatchObject({ labelZh: "学校名称", required: true });
    }
  });

  it("asks consumer complaints for the business", () => {
    for (const leaf of leaves.filter((l) => l.code.startsWith("CONSUMER."))) {
      expect(field(leaf.code, "businessName"), leaf.code).toMatchObject({ labelZh: "商家名称", labelEn: "Business name" });
    }
  });

  it("gives every leaf a template in both languages, unique field keys and options for SELECT fields", () => {
    for (const leaf of leaves) {
      expect(leaf.templateZh, leaf.code).toMatch(/\p{Script=Han}/u);
      expect(leaf.templateEn, leaf.code).toMatch(/^The caller/);
      const keys = leaf.fields.map((f) => f.key);
      expect(new Set(keys).size, leaf.code).toBe(keys.length);
      for (const f of leaf.fields.filter((f) => f.type === "SELECT")) {
        expect(f.options?.length, `${leaf.code}.${f.key}`).toBeGreaterThan(1);
      }
    }
    expect(demoCategories.filter((c) => c.parentCode === null).every((g) => g.fields.length === 0)).toBe(true);
  });

  it("seeds everyday words for the categories callers name loosely (坑, 坑洼, pothole → roads), only on real leaves", () => {
    expect(demoCategories.find((c) => c.code === "URBAN.ROAD_FACILITIES")?.keywords).toEqual(expect.arrayContaining(["坑", "坑洼", "pothole"]));
    expect(Object.keys(CATEGORY_KEYWORDS).filter((code) => !demoCategories.some((leaf) => leaf.code === code && leaf.selectable))).toEqual([]);
    expect(demoCategories.filter((c) => !c.selectable).every((g) => g.keywords.length === 0)).toBe(true);
  });
});
