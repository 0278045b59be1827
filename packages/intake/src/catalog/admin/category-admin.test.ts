import { randomUUID } from "node:crypto";
import { AuditEntry, LoaderRegistry, Role, type Actor } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCatalog, buildTicket, callbackAgent, dispatcher, integrator, intakeTestDatabase, operator, supervisor } from "../../__tests__/factories.js";
import { Ticket } from "../../ticket/ticket.entity.js";
import { RequestType } from "../../ticket/ticket.enums.js";
import { CategoryFieldType } from "../category-field.js";
import { Category } from "../category.entity.js";
import { catalogLoaders, listCategories } from "../catalog.service.js";
import { categoryHistory, createCategory, moveCategory, setCategoryActive, updateCategory, type CategoryRequest } from "./category-admin.js";
import { CategoryChange, CategoryVersion } from "./category-version.entity.js";

const admin: Actor = { kind: "staff", id: randomUUID(), name: "管理员", roles: [Role.ADMIN], unitId: null };

let db: TestDatabase;
beforeAll(async () => {
  db = await intakeTestDatabase();
});
afterAll(() => db?.destroy());

let n = 0;
const unique = () => `${Date.now().toString(36).toUpperCase()}${++n}`;
const leafRequest = (overrides: Partial<CategoryRequest> = {}): CategoryRequest => ({ nameZh: `楼道堆物${unique()}`, nameEn: `Stairwell clutter ${unique()}`, ...overrides });

async function counts(): Promise<[number, number]> {
  return [await db.dataSource.getRepository(Category).count(), await db.dataSource.getRepository(CategoryVersion).count()];
}

async function newGroup(): Promise<Category> {
  const { category } = await createCategory(db.dataSource, { actor: admin, code: `G${unique()}`, request: leafRequest({ selectable: false }) });
  return category;
}

const publicEntry = async (id: string) => (await listCategories(db.dataSource)).find((category) => category.id === id);

describe("createCategory", () => {
  it("adds a leaf under a group with extra fields, template, request types: version 1, recorded, offered in the public list at once", async () => {
    const group = await newGroup();
    const code = `${group.code}.CLUTTER`;
    const { category } = await createCategory(db.dataSource, {
      actor: admin,
      code: code.toLowerCase(),
      parentId: group.id,
      request: {
        nameZh: " 楼道堆物 ",
        nameEn: "Stairwell clutter",
        fields: [
          { key: "floor", labelZh: "楼层", labelEn: "Floor", type: CategoryFieldType.NUMBER, required: true },
          { key: "kind", labelZh: "物品", labelEn: "Kind", type: CategoryFieldType.SELECT, options: [" 纸箱 ", "电动车", ""] },
        ],
        templateZh: "在____小区____楼道堆放杂物",
        requestTypes: [RequestType.REPORT, RequestType.COMPLAINT, RequestType.REPORT],
      },
    });
    expect(category).toMatchObject({ code, nameZh: "楼道堆物", version: 1, active: true, selectable: true, parentId: group.id, requestTypes: [RequestType.COMPLAINT, RequestType.REPORT] });
    expect(category.fields[1]).toMatchObject({ key: "kind", options: ["纸箱", "电动车"] });
    expect(await publicEntry(category.id)).toMatchObject({ code, nameEn: "Stairwell clutter", parentId: group.id });
    const history = await categoryHistory(db.dataSource, { actor: admin, id: category.id });
    expect(history).toEqual([expect.objectContaining({ version: 1, change: CategoryChange.CREATED, nameZh: "楼道堆物", updatedByName: "管理员" })]);
    expect(await db.dataSource.getRepository(AuditEntry).findBy({ entityType: "category", entityId: category.id })).toEqual([
      expect.objectContaining({ action: "category.create", actorId: admin.id, before: null, after: expect.objectContaining({ code, nameZh: "楼道堆物", version: 1 }) }),
    ]);
  });

  it.each<[string, (group: Category) => { code: string; parentId?: string | null; request: CategoryRequest }, string, string]>([
    ["a choice field with no options", (g) => ({ code: `${g.code}.A`, parentId: g.id, request: leafRequest({ fields: [{ key: "kind", labelZh: "种类", labelEn: "Kind", type: CategoryFieldType.SELECT, options: [" ", ""] }] }) }), "fields[0].options", "OPTIONS_REQUIRED"],
    ["options on a text field", (g) => ({ code: `${g.code}.A`, parentId: g.id, request: leafRequest({ fields: [{ key: "kind", labelZh: "种类", labelEn: "Kind", type: CategoryFieldType.TEXT, options: ["a"] }] }) }), "fields[0].options", "OPTIONS_NOT_ALLOWED"],
    ["two fields with one key", (g) => ({ code: `${g.code}.A`, parentId: g.id, request: leafRequest({ fields: [{ key: "k", labelZh: "一", labelEn: "One", type: CategoryFieldType.TEXT }, { key: "k", labelZh: "二", labelEn: "Two", type: CategoryFieldType.TEXT }] }) }), "fields[1].key", "DUPLICATE"],
    ["a bad field key", (g) => ({ code: `${g.code}.A`, parentId: g.id, request: leafRequest({ fields: [{ key: "Estate Name", labelZh: "小区", labelEn: "Estate", type: CategoryFieldType.TEXT }] }) }), "fields[0].key", "INVALID_FORMAT"],
    ["a field without its English label", (g) => ({ code: `${g.code}.A`, parentId: g.id, request: leafRequest({ fields: [{ key: "k", labelZh: "小区", labelEn: " ", type: CategoryFieldType.TEXT }] }) }), "fields[0].labelEn", "REQUIRED"],
    ["maxLength on a number field", (g) => ({ code: `${g.code}.A`, parentId: g.id, request: leafRequest({ fields: [{ key: "k", labelZh: "数", labelEn: "N", type: CategoryFieldType.NUMBER, maxLength: 5 }] }) }), "fields[0].maxLength", "NOT_ALLOWED"],
    ["a missing Chinese name", (g) => ({ code: `${g.code}.A`, parentId: g.id, request: leafRequest({ nameZh: "  " }) }), "nameZh", "REQUIRED"],
    ["a name over 40 characters", (g) => ({ code: `${g.code}.A`, parentId: g.id, request: leafRequest({ nameEn: "x".repeat(41) }) }), "nameEn", "TOO_LONG"],
    ["a code with spaces", (g) => ({ code: "URBAN NOISE", parentId: g.id, request: leafRequest() }), "code", "INVALID_FORMAT"],
    ["an existing code", (g) => ({ code: g.code, parentId: null, request: leafRequest() }), "code", "DUPLICATE"],
    ["a sibling's Chinese name", (g) => ({ code: `G${unique()}`, parentId: null, request: leafRequest({ nameZh: g.nameZh, selectable: false }) }), "nameZh", "DUPLICATE"],
    ["an unknown parent", () => ({ code: `G${unique()}.A`, parentId: randomUUID(), request: leafRequest() }), "parentId", "UNKNOWN"],
    ["an unknown SLA policy", (g) => ({ code: `${g.code}.A`, parentId: g.id, request: leafRequest({ slaPolicyId: randomUUID() }) }), "slaPolicyId", "UNKNOWN"],
    ["an unknown request type", (g) => ({ code: `${g.code}.A`, parentId: g.id, request: leafRequest({ requestTypes: ["bribe"] }) }), "requestTypes", "INVALID_FORMAT"],
    ["a group with extra fields", (g) => ({ code: `${g.code}.A`, parentId: g.id, request: leafRequest({ selectable: false, fields: [{ key: "k", labelZh: "一", labelEn: "One", type: CategoryFieldType.TEXT }] }) }), "fields", "NOT_ALLOWED"],
  ])("refuses %s with BAD_USER_INPUT and stores nothing", async (_label, make, field, code) => {
    const group = await newGroup();
    const before = await counts();
    await expect(createCategory(db.dataSource, { actor: admin, ...make(group) })).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      details: { fields: expect.arrayContaining([expect.objectContaining({ field, code })]) },
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses a parent that is a leaf (NOT_A_GROUP)", async () => {
    const { leaf } = await buildCatalog(db);
    const before = await counts();
    await expect(createCategory(db.dataSource, { actor: admin, code: `X${unique()}`, parentId: leaf.id, request: leafRequest() })).rejects.toMatchObject({
      details: { fields: [expect.objectContaining({ field: "parentId", code: "NOT_A_GROUP" })] },
    });
    expect(await counts()).toEqual(before);
  });
});

describe("updateCategory", () => {
  it("renames in both languages as version 2; the public list shows the new names at once; a stale version is refused and stores nothing", async () => {
    const group = await newGroup();
    const { category } = await createCategory(db.dataSource, { actor: admin, code: `${group.code}.R`, parentId: group.id, request: leafRequest() });
    const { category: renamed, before } = await updateCategory(db.dataSource, {
      actor: admin,
      id: category.id,
      expectedVersion: 1,
      request: { nameZh: "楼道乱堆放", nameEn: "Clutter in stairwells", requestTypes: [RequestType.REPORT] },
    });
    expect(before?.nameZh).toBe(category.nameZh);
    expect(renamed).toMatchObject({ version: 2, nameZh: "楼道乱堆放", nameEn: "Clutter in stairwells", requestTypes: [RequestType.REPORT] });
    expect(await publicEntry(category.id)).toMatchObject({ nameZh: "楼道乱堆放", nameEn: "Clutter in stairwells" });

    const stored = await counts();
    await expect(updateCategory(db.dataSource, { actor: admin, id: category.id, expectedVersion: 1, request: { nameZh: "旧版", nameEn: "Old" } })).rejects.toMatchObject({
      code: "INTAKE/CATEGORY_VERSION_CONFLICT",
    });
    await expect(updateCategory(db.dataSource, { actor: admin, id: category.id, request: leafRequest({ fields: [{ key: "k", labelZh: "选", labelEn: "Pick", type: CategoryFieldType.SELECT, options: [] }] }) })).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      details: { fields: [expect.objectContaining({ field: "fields[0].options", code: "OPTIONS_REQUIRED" })] },
    });
    expect(await counts()).toEqual(stored);
    expect(await publicEntry(category.id)).toMatchObject({ nameZh: "楼道乱堆放", fields: [] });
    expect((await db.dataSource.getRepository(AuditEntry).findBy({ entityType: "category", entityId: category.id, action: "category.update" })).map((e) => [(e.before as { nameZh: string }).nameZh, (e.after as { nameZh: string }).nameZh])).toEqual([[category.nameZh, "楼道乱堆放"]]);
    expect((await categoryHistory(db.dataSource, { actor: admin, id: category.id })).map((v) => [v.version, v.change, v.nameEn])).toEqual([
      [2, CategoryChange.UPDATED, "Clutter in stairwells"],
      [1, CategoryChange.CREATED, category.nameEn],
    ]);
  });

  it("answers INTAKE/CATEGORY_NOT_FOUND for an unknown or malformed id", async () => {
    await expect(updateCategory(db.dataSource, { actor: admin, id: randomUUID(), request: leafRequest() })).rejects.toMatchObject({ code: "INTAKE/CATEGORY_NOT_FOUND" });
    await expect(updateCategory(db.dataSource, { actor: admin, id: "nope", request: leafRequest() })).rejects.toMatchObject({ code: "INTAKE/CATEGORY_NOT_FOUND" });
  });

  it("a category that allows only some request types refuses a ticket of another type (INTAKE/REQUEST_TYPE_NOT_ALLOWED), storing no ticket", async () => {
    const { leaf } = await buildCatalog(db);
    await updateCategory(db.dataSource, { actor: admin, id: leaf.id, request: { nameZh: leaf.nameZh, nameEn: leaf.nameEn, requestTypes: [RequestType.REPORT] } });
    const tickets = await db.dataSource.getRepository(Ticket).count();
    await expect(buildTicket(db, { categoryId: leaf.id, requestType: RequestType.COMPLAINT })).rejects.toMatchObject({
      code: "INTAKE/REQUEST_TYPE_NOT_ALLOWED",
      details: { fields: [expect.objectContaining({ field: "requestType" })] },
    });
    expect(await db.dataSource.getRepository(Ticket).count()).toBe(tickets);
    const ticket = await buildTicket(db, { categoryId: leaf.id, requestType: RequestType.REPORT });
    expect(ticket.categoryId).toBe(leaf.id);
  });
});

describe("moveCategory", () => {
  it("refuses moving a group under itself or its own descendant (INTAKE/CATEGORY_CYCLE), storing nothing", async () => {
    const top = await newGroup();
    const { category: middle } = await createCategory(db.dataSource, { actor: admin, code: `${top.code}.MID`, parentId: top.id, request: leafRequest({ selectable: false }) });
    const { category: bottom } = await createCategory(db.dataSource, { actor: admin, code: `${top.code}.MID.LOW`, parentId: middle.id, request: leafRequest({ selectable: false }) });
    const before = await counts();
    for (const parentId of [top.id, middle.id, bottom.id]) {
      await expect(moveCategory(db.dataSource, { actor: admin, id: top.id, parentId })).rejects.toMatchObject({
        code: "INTAKE/CATEGORY_CYCLE",
        details: { fields: [expect.objectContaining({ field: "parentId", code: "CYCLE" })] },
      });
    }
    expect(await counts()).toEqual(before);
    expect((await db.dataSource.getRepository(Category).findOneByOrFail({ id: top.id })).parentId).toBeNull();
  });

  it("moves a leaf to another group: the public list shows the new group at once; a ticket keeps its category", async () => {
    const { leaf } = await buildCatalog(db);
    const ticket = await buildTicket(db, { categoryId: leaf.id });
    const target = await newGroup();
    const { category } = await moveCategory(db.dataSource, { actor: admin, id: leaf.id, parentId: target.id, expectedVersion: leaf.version ?? 1 });
    expect(category).toMatchObject({ parentId: target.id, version: 2 });
    expect(await publicEntry(leaf.id)).toMatchObject({ parentId: target.id });
    expect((await db.dataSource.getRepository(Ticket).findOneByOrFail({ id: ticket.id })).categoryId).toBe(leaf.id);
    const { leaf: other } = await buildCatalog(db);
    await expect(moveCategory(db.dataSource, { actor: admin, id: leaf.id, parentId: other.id })).rejects.toMatchObject({
      details: { fields: [expect.objectContaining({ field: "parentId", code: "NOT_A_GROUP" })] },
    });
  });
});

describe("setCategoryActive", () => {
  it("deactivates a group with its leaves: gone from the public list, tickets keep theirs and still read its name, new tickets refused; reactivating needs an active group", async () => {
    const { group, leaf } = await buildCatalog(db);
    const ticket = await buildTicket(db, { categoryId: leaf.id });
    const { affectedIds } = await setCategoryActive(db.dataSource, { actor: admin, id: group.id, active: false });
    expect(new Set(affectedIds)).toEqual(new Set([group.id, leaf.id]));
    expect(await publicEntry(group.id)).toBeUndefined();
    expect(await publicEntry(leaf.id)).toBeUndefined();

    const kept = await db.dataSource.getRepository(Ticket).findOneByOrFail({ id: ticket.id });
    expect(kept.categoryId).toBe(leaf.id);
    expect(await catalogLoaders(db.dataSource, new LoaderRegistry()).category.load(leaf.id)).toMatchObject({ nameZh: leaf.nameZh, active: false });
    await expect(buildTicket(db, { categoryId: leaf.id })).rejects.toMatchObject({ code: "INTAKE/UNKNOWN_CATEGORY" });

    await expect(setCategoryActive(db.dataSource, { actor: admin, id: leaf.id, active: true })).rejects.toMatchObject({ code: "INTAKE/CATEGORY_PARENT_INACTIVE" });
    await setCategoryActive(db.dataSource, { actor: admin, id: group.id, active: true });
    expect(await publicEntry(group.id)).toBeDefined();
    expect(await publicEntry(leaf.id)).toBeUndefined();
    await setCategoryActive(db.dataSource, { actor: admin, id: leaf.id, active: true });
    expect(await publicEntry(leaf.id)).toBeDefined();
    expect((await categoryHistory(db.dataSource, { actor: admin, id: leaf.id })).map((v) => v.change)).toEqual([CategoryChange.REACTIVATED, CategoryChange.DEACTIVATED]);
    const audits = await db.dataSource.getRepository(AuditEntry).find({ where: { entityType: "category", entityId: group.id }, order: { at: "ASC" } });
    expect(audits.map((entry) => [entry.action, (entry.before as { active: boolean }).active, (entry.after as { active: boolean }).active])).toEqual([
      ["category.deactivate", true, false],
      ["category.reactivate", false, true],
    ]);
    expect(audits[0]!.after).toMatchObject({ alsoChanged: [leaf.code] });
  });
});

describe("authorisation", () => {
  it("refuses every mutation to every non-admin role (FORBIDDEN) and to anonymous callers (UNAUTHENTICATED), storing nothing", async () => {
    const { group, leaf } = await buildCatalog(db);
    const before = await counts();
    const leader: Actor = { kind: "staff", id: randomUUID(), name: "领导", roles: [Role.LEADER, Role.SUPERVISOR, Role.QA_INSPECTOR, Role.HANDLER], unitId: null };
    for (const actor of [operator, dispatcher, supervisor, callbackAgent, integrator, leader, null]) {
      const code = actor ? "FORBIDDEN" : "UNAUTHENTICATED";
      await expect(createCategory(db.dataSource, { actor, code: `${group.code}.NEW`, parentId: group.id, request: leafRequest() })).rejects.toMatchObject({ code });
      await expect(updateCategory(db.dataSource, { actor, id: leaf.id, request: leafRequest() })).rejects.toMatchObject({ code });
      await expect(moveCategory(db.dataSource, { actor, id: leaf.id, parentId: null })).rejects.toMatchObject({ code });
      await expect(setCategoryActive(db.dataSource, { actor, id: leaf.id, active: false })).rejects.toMatchObject({ code });
      await expect(categoryHistory(db.dataSource, { actor, id: leaf.id })).rejects.toMatchObject({ code });
    }
    expect(await counts()).toEqual(before);
    expect(await publicEntry(leaf.id)).toMatchObject({ nameZh: leaf.nameZh, parentId: group.id });
  });
});
