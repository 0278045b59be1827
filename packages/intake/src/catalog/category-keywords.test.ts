import { randomUUID } from "node:crypto";
import { AuditEntry, Role, type Actor } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCatalog, dispatcher, intakeTestDatabase, operator, supervisor } from "../__tests__/factories.js";
import { listCategories } from "./catalog.service.js";
import { Category } from "./category.entity.js";
import { setCategoryKeywords } from "./category-keywords.js";

const admin: Actor = { kind: "staff", id: randomUUID(), name: "管理员", roles: [Role.ADMIN], unitId: null };

let db: TestDatabase;
beforeAll(async () => {
  db = await intakeTestDatabase();
});
afterAll(() => db?.destroy());

const stored = async (id: string) => (await db.dataSource.getRepository(Category).findOneByOrFail({ id })).keywords;

describe("setCategoryKeywords", () => {
  it("saves trimmed keywords without case-insensitive duplicates; the public category list reads them back", async () => {
    const { leaf } = await buildCatalog(db);
    const { category } = await setCategoryKeywords(db.dataSource, { actor: admin, categoryId: leaf.id, keywords: [" 坑 ", "坑洼", "Pothole", "pothole", "", "  "] });
    expect(category.keywords).toEqual(["坑", "坑洼", "Pothole"]);
    expect(await stored(leaf.id)).toEqual(["坑", "坑洼", "Pothole"]);
    expect((await listCategories(db.dataSource)).find((c) => c.id === leaf.id)?.keywords).toEqual(["坑", "坑洼", "Pothole"]);

    const { before } = await setCategoryKeywords(db.dataSource, { actor: admin, categoryId: leaf.id, keywords: [] });
    expect(before).toEqual(["坑", "坑洼", "Pothole"]);
    expect(await stored(leaf.id)).toEqual([]);
    const audit = await db.dataSource.getRepository(AuditEntry).find({ where: { entityType: "category", entityId: leaf.id, action: "category.keywords" }, order: { at: "ASC" } });
    expect(audit.map((entry) => [entry.before, entry.after, entry.actorId])).toEqual([
      [{ keywords: [] }, { keywords: ["坑", "坑洼", "Pothole"] }, admin.id],
      [{ keywords: ["坑", "坑洼", "Pothole"] }, { keywords: [] }, admin.id],
    ]);
  });

  it.each([
    ["a keyword over 30 characters", ["好", "长".repeat(31)], "keywords[1]", "TOO_LONG"],
    ["a control character", ["坑\n洼"], "keywords[0]", "INVALID_CHARACTERS"],
    ["31 distinct keywords", Array.from({ length: 31 }, (_, i) => `词${i}`), "keywords", "TOO_MANY"],
  ])("refuses %s with BAD_USER_INPUT and stores nothing", async (_label, keywords, field, code) => {
    const { leaf } = await buildCatalog(db);
    await setCategoryKeywords(db.dataSource, { actor: admin, categoryId: leaf.id, keywords: ["原来的"] });
    await expect(setCategoryKeywords(db.dataSource, { actor: admin, categoryId: leaf.id, keywords })).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      details: { fields: [expect.objectContaining({ field, code })] },
    });
    expect(await stored(leaf.id)).toEqual(["原来的"]);
  });

  it("accepts exactly 30 keywords of 30 characters (duplicates do not count)", async () => {
    const { leaf } = await buildCatalog(db);
    const keywords = Array.from({ length: 30 }, (_, i) => `${i}`.padStart(30, "字"));
    const { category } = await setCategoryKeywords(db.dataSource, { actor: admin, categoryId: leaf.id, keywords: [...keywords, keywords[0]!.toUpperCase()] });
    expect(category.keywords).toHaveLength(30);
  });

  it("answers INTAKE/CATEGORY_NOT_FOUND for an unknown or malformed id", async () => {
    await expect(setCategoryKeywords(db.dataSource, { actor: admin, categoryId: randomUUID(), keywords: ["坑"] })).rejects.toMatchObject({ code: "INTAKE/CATEGORY_NOT_FOUND" });
    await expect(setCategoryKeywords(db.dataSource, { actor: admin, categoryId: "nope", keywords: ["坑"] })).rejects.toMatchObject({ code: "INTAKE/CATEGORY_NOT_FOUND" });
  });

  it("refuses non-admins (FORBIDDEN) and anonymous callers (UNAUTHENTICATED), storing nothing", async () => {
    const { leaf } = await buildCatalog(db);
    for (const actor of [operator, dispatcher, supervisor]) {
      await expect(setCategoryKeywords(db.dataSource, { actor, categoryId: leaf.id, keywords: ["坑"] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(setCategoryKeywords(db.dataSource, { actor: null, categoryId: leaf.id, keywords: ["坑"] })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await stored(leaf.id)).toEqual([]);
  });
});
