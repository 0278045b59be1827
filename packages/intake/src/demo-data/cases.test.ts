import { describe, it, expect } from "vitest";
import { demoCases } from "./cases.js";
import { demoCategories } from "./categories.js";
import { loadZiboAreas } from "./areas.js";

describe("demoCases", () => {
  const areas = loadZiboAreas();
  const districts = new Map(
    areas.filter((a) => a.level === "DISTRICT").map((a) => [a.nameZh, a.code]),
  );

  it("has unique keys", () => {
    expect(new Set(demoCases.map((c) => c.key)).size).toBe(demoCases.length);
  });

  it("uses existing, selectable categories", () => {
    for (const c of demoCases) {
      const category = demoCategories.find((cat) => cat.code === c.categoryCode);
      expect(category, c.key).toBeDefined();
      expect(category!.selectable, c.key).toBe(true);
    }
  });

  it("uses existing districts and townships, each township in its district", () => {
    for (const c of demoCases) {
      const districtCode = districts.get(c.districtNameZh);
      expect(districtCode, c.key).toBeDefined();
      if (c.townshipNameZh !== null) {
        const township = areas.find(
          (a) => a.level === "TOWNSHIP" && a.nameZh === c.townshipNameZh,
        );
        expect(township, c.key).toBeDefined();
        expect(township!.parentCode, c.key).toBe(districtCode);
      }
      expect(c.address.startsWith(c.districtNameZh) || c.address.startsWith("淄博"), c.key).toBe(
        true,
      );
    }
  });

  it("has valid mainland mobile numbers", () => {
    for (const c of demoCases) {expect(c.phone, c.key).toMatch(/^1[3-9]\d{9}$/);}
  });

  it("covers the cases from the brief", () => {
    const has = (pred: (c: (typeof demoCases)[number]) => boolean) =>
      expect(demoCases.some(pred)).toBe(true);
    has((c) => c.categoryCode === "EDU.BULLYING");
    has(
      (c) =>
        c.categoryCode === "SAFETY.FIRE_CHEMICAL" &&
        c.townshipNameZh === "金岭回族镇" &&
        c.urgency !== "NORMAL",
    );
    has((c) => c.categoryCode === "HOUSING.CABLE_TV_FEE" && c.districtNameZh === "沂源县");
    has((c) => c.townshipNameZh === "青城镇" && c.districtNameZh === "高青县");
    has((c) => c.categoryCode === "URBAN.ROAD_FACILITIES" && c.districtNameZh === "张店区");
    has((c) => c.categoryCode === "URBAN.ILLEGAL_CONSTRUCTION");
    has((c) => c.categoryCode === "CONSUMER.GOODS");
    has((c) => c.categoryCode === "CONSUMER.SERVICES");
  });

  it("has sensible days and descriptions", () => {
    for (const c of demoCases) {
      expect(Number.isInteger(c.daysAgo) && c.daysAgo >= 0, c.key).toBe(true);
      expect(c.description.length, c.key).toBeGreaterThan(40);
      expect(c.description, c.key).not.toMatch(/[A-Za-z]{3,}/);
    }
  });
});

describe("demo phone cases and their categories' extra fields", () => {
  it("give every required extra field (the seed logs them as calls)", () => {
    for (const c of demoCases.filter((c) => c.channel === "PHONE")) {
      const category = demoCategories.find((cat) => cat.code === c.categoryCode)!;
      for (const f of category.fields.filter((f) => f.required)) {
        expect(c.extraFields?.[f.key], `${c.key}.${f.key}`).toBeTruthy();
      }
      for (const key of Object.keys(c.extraFields ?? {})) {
        expect(category.fields.map((f) => f.key), `${c.key}.${key}`).toContain(key);
      }
    }
  });
});
