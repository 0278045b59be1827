import { describe, it, expect } from "vitest";
import { demoCategories } from "./categories.js";

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
