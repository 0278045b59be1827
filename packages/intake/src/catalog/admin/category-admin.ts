import { DomainError, Role, assertNoFieldErrors, publishOnCommit, recordAudit, requireRole, type Actor, type FieldError } from "@civicline/platform";
import { In, IsNull, type DataSource, type EntityManager } from "typeorm";
import { isUuid } from "../../ticket/ticket-validation.js";
import { Category } from "../category.entity.js";
import { CATEGORIES_CHANGED_TOPIC, type CategoriesChangedMessage } from "../category-topics.js";
import { CategoryChange, CategoryVersion } from "./category-version.entity.js";
import { CATEGORY_LIMITS, categoryCode, categoryFields, lineText, requestTypes, templateText, type CategoryFieldRequest } from "./category-validation.js";

/** Who administers the category tree. */
export const CATEGORY_ADMINS: readonly Role[] = [Role.ADMIN];

/** What an admin edits about a category (GraphQL CategoryInput). */
export type CategoryRequest = {
  nameZh: string;
  nameEn: string;
  selectable?: boolean | null;
  fields?: readonly CategoryFieldRequest[] | null;
  templateZh?: string | null;
  templateEn?: string | null;
  requestTypes?: readonly string[] | null;
  slaPolicyId?: string | null;
  sortOrder?: number | null;
};

/** A change as the use cases report it, for the resolver's log line and the audit entry. */
export type CategoryChangeResult = { category: Category; before: Category | null; change: CategoryChange; affectedIds: string[] };

export const categoryNotFound = (): DomainError => new DomainError("INTAKE/CATEGORY_NOT_FOUND", "This category does not exist.");

const versionConflict = (): DomainError =>
  new DomainError("INTAKE/CATEGORY_VERSION_CONFLICT", "Someone else changed this category since you opened it. Reload it and make your change again.");

type Clean = Pick<Category, "nameZh" | "nameEn" | "selectable" | "fields" | "templateZh" | "templateEn" | "requestTypes" | "slaPolicyId">;

async function slaPolicyExists(manager: EntityManager, id: string): Promise<boolean> {
  // routing owns the policies (and depends on intake, not the other way round): read its table by name.
  const [table] = (await manager.query(`SELECT to_regclass('routing_sla_policy') IS NOT NULL AS present`)) as Array<{ present: boolean }>;
  if (!table?.present) {
    return false;
  }
  const [row] = (await manager.query(`SELECT EXISTS (SELECT 1 FROM routing_sla_policy WHERE id = $1) AS found`, [id])) as Array<{ found: boolean }>;
  return !!row?.found;
}

async function validate(manager: EntityManager, request: CategoryRequest, errors: FieldError[]): Promise<Clean> {
  const nameZh = lineText(errors, "nameZh", request.nameZh, CATEGORY_LIMITS.name, "The Chinese name");
  const nameEn = lineText(errors, "nameEn", request.nameEn, CATEGORY_LIMITS.name, "The English name");
  const fields = categoryFields(errors, request.fields ?? []);
  const templateZh = templateText(errors, "templateZh", request.templateZh);
  const templateEn = templateText(errors, "templateEn", request.templateEn);
  const types = requestTypes(errors, request.requestTypes);
  const slaPolicyId = request.slaPolicyId || null;
  if (slaPolicyId && !(isUuid(slaPolicyId) && (await slaPolicyExists(manager, slaPolicyId)))) {
    errors.push({ field: "slaPolicyId", code: "UNKNOWN", message: "Choose an SLA policy from the list." });
  }
  if (request.sortOrder !== null && request.sortOrder !== undefined && (!Number.isInteger(request.sortOrder) || Math.abs(request.sortOrder) > 100_000)) {
    errors.push({ field: "sortOrder", code: "OUT_OF_RANGE", message: "The position is a whole number." });
  }
  const selectable = request.selectable ?? true;
  if (!selectable && fields.length > 0) {
    errors.push({ field: "fields", code: "NOT_ALLOWED", message: "A group only organises the tree: give extra fields to the categories under it." });
  }
  return { nameZh, nameEn, selectable, fields, templateZh, templateEn, requestTypes: types, slaPolicyId };
}

/** A parent is an active group (not selectable). */
async function checkParent(manager: EntityManager, parentId: string | null, errors: FieldError[]): Promise<Category | null> {
  if (!parentId) {
    return null;
  }
  const parent = isUuid(parentId) ? await manager.findOne(Category, { where: { id: parentId } }) : null;
  if (!parent || !parent.active) {
    errors.push({ field: "parentId", code: "UNKNOWN", message: "Choose an active group from the tree." });
  } else if (parent.selectable) {
    errors.push({ field: "parentId", code: "NOT_A_GROUP", message: "A category can only sit under a group (a node tickets are not filed under)." });
  }
  return parent;
}

/** No two active siblings share a name (the pickers would show two identical entries). */
async function checkSiblingNames(manager: EntityManager, clean: Clean, parentId: string | null, selfId: string | null, errors: FieldError[]): Promise<void> {
  if (parentId !== null && !isUuid(parentId)) {
    return; // no such group: checkParent has said so
  }
  const siblings = await manager.find(Category, { where: { parentId: parentId ?? IsNull(), active: true }, select: { id: true, parentId: true, nameZh: true, nameEn: true } });
  const others = siblings.filter((sibling) => sibling.id !== selfId && sibling.parentId === parentId);
  if (others.some((other) => other.nameZh === clean.nameZh)) {
    errors.push({ field: "nameZh", code: "DUPLICATE", message: "Another category in this group already has this Chinese name." });
  }
  if (others.some((other) => other.nameEn.toLowerCase() === clean.nameEn.toLowerCase())) {
    errors.push({ field: "nameEn", code: "DUPLICATE", message: "Another category in this group already has this English name." });
  }
}

async function recordVersion(manager: EntityManager, category: Category, change: CategoryChange, actor: Actor): Promise<void> {
  const { id: categoryId, keywords: _keywords, ...snapshot } = category;
  await manager.insert(CategoryVersion, { ...snapshot, categoryId, change, updatedById: actor.kind === "staff" ? actor.id : null, updatedByName: actor.name });
}

/** What the audit log keeps of a category (everything an admin edits). */
function auditView(category: Category | null): Record<string, unknown> | null {
  if (!category) {
    return null;
  }
  const { code, nameZh, nameEn, parentId, selectable, sortOrder, active, fields, templateZh, templateEn, requestTypes, slaPolicyId, version } = category;
  return { code, nameZh, nameEn, parentId, selectable, sortOrder, active, fields, templateZh, templateEn, requestTypes, slaPolicyId, version };
}

async function audit(manager: EntityManager, actor: Actor, action: string, category: Category, before: Category | null, extra: Record<string, unknown> = {}): Promise<void> {
  const after = auditView(category);
  await recordAudit(manager, {
    actor,
    action,
    entity: { type: "category", id: category.id, label: `${category.nameZh} / ${category.nameEn} (${category.code})` },
    before: auditView(before),
    after: after ? { ...after, ...extra } : null,
  });
}

async function announce(manager: EntityManager, categoryIds: string[], change: CategoryChange): Promise<void> {
  const message: CategoriesChangedMessage = { categoryIds: categoryIds.slice(0, 100), change };
  await publishOnCommit(manager, CATEGORIES_CHANGED_TOPIC, message);
}

async function lockCategory(manager: EntityManager, id: string, expectedVersion: number | null | undefined): Promise<Category> {
  const category = isUuid(id) ? await manager.findOne(Category, { where: { id }, lock: { mode: "pessimistic_write" } }) : null;
  if (!category) {
    throw categoryNotFound();
  }
  if (expectedVersion !== null && expectedVersion !== undefined && expectedVersion !== category.version) {
    throw versionConflict();
  }
  return category;
}

/** Adds a category (a group when `selectable` is false) under a group, or at the top. Version 1. */
export async function createCategory(
  dataSource: DataSource,
  input: { actor: Actor | null; code: string; parentId?: string | null; request: CategoryRequest; now?: Date },
): Promise<CategoryChangeResult> {
  const actor = requireRole(input.actor, CATEGORY_ADMINS);
  return dataSource.transaction(async (manager) => {
    const errors: FieldError[] = [];
    const code = categoryCode(errors, input.code);
    const clean = await validate(manager, input.request, errors);
    const parentId = input.parentId || null;
    await checkParent(manager, parentId, errors);
    if (code && (await manager.exists(Category, { where: { code } }))) {
      errors.push({ field: "code", code: "DUPLICATE", message: "Another category (perhaps a deactivated one) already has this code." });
    }
    await checkSiblingNames(manager, clean, parentId, null, errors);
    assertNoFieldErrors(errors);
    let sortOrder = input.request.sortOrder ?? null;
    if (sortOrder === null) {
      const [row] = (await manager.query(`SELECT COALESCE(MAX(sort_order), -1) + 1 AS next FROM intake_category WHERE parent_id IS NOT DISTINCT FROM $1`, [parentId])) as Array<{ next: number }>;
      sortOrder = Number(row?.next ?? 0);
    }
    const category = await manager.save(
      manager.create(Category, { ...clean, code, parentId, sortOrder, active: true, keywords: [], version: 1, updatedAt: input.now ?? new Date() }),
    );
    await recordVersion(manager, category, CategoryChange.CREATED, actor);
    await announce(manager, [category.id], CategoryChange.CREATED);
    await audit(manager, actor, "category.create", category, null);
    return { category, before: null, change: CategoryChange.CREATED, affectedIds: [category.id] };
  });
}

/**
 * Changes a category's names, extra fields, templates, allowed request types, SLA policy, position
 * or whether tickets may be filed under it, as a new version. Tickets already filed keep their
 * extra-field values; new tickets follow the new definition.
 */
export async function updateCategory(
  dataSource: DataSource,
  input: { actor: Actor | null; id: string; expectedVersion?: number | null; request: CategoryRequest; now?: Date },
): Promise<CategoryChangeResult> {
  const actor = requireRole(input.actor, CATEGORY_ADMINS);
  return dataSource.transaction(async (manager) => {
    const category = await lockCategory(manager, input.id, input.expectedVersion);
    const before = { ...category };
    const errors: FieldError[] = [];
    const clean = await validate(manager, input.request, errors);
    if (clean.selectable && !category.selectable && (await manager.exists(Category, { where: { parentId: category.id, active: true } }))) {
      errors.push({ field: "selectable", code: "HAS_CHILDREN", message: "This group still has active categories under it: move or deactivate them first." });
    }
    await checkSiblingNames(manager, clean, category.parentId, category.id, errors);
    assertNoFieldErrors(errors);
    Object.assign(category, clean, {
      sortOrder: input.request.sortOrder ?? category.sortOrder,
      version: category.version + 1,
      updatedAt: input.now ?? new Date(),
    });
    await manager.save(category);
    await recordVersion(manager, category, CategoryChange.UPDATED, actor);
    await announce(manager, [category.id], CategoryChange.UPDATED);
    await audit(manager, actor, "category.update", category, before);
    return { category, before, change: CategoryChange.UPDATED, affectedIds: [category.id] };
  });
}

/** The ids of a category's groups, nearest first (stops at a cycle in bad data). */
async function ancestorIds(manager: EntityManager, id: string | null): Promise<string[]> {
  const rows = (await manager.query(
    `WITH RECURSIVE up(id, parent_id, depth) AS (
       SELECT id, parent_id, 0 FROM intake_category WHERE id = $1
       UNION ALL
       SELECT c.id, c.parent_id, up.depth + 1 FROM intake_category c JOIN up ON c.id = up.parent_id WHERE up.depth < 50
     ) SELECT id FROM up ORDER BY depth`,
    [id],
  )) as Array<{ id: string }>;
  return rows.map((row) => row.id);
}

/** The ids of a category and everything under it. */
async function subtreeIds(manager: EntityManager, id: string): Promise<string[]> {
  const rows = (await manager.query(
    `WITH RECURSIVE down(id, depth) AS (
       SELECT id, 0 FROM intake_category WHERE id = $1
       UNION ALL
       SELECT c.id, down.depth + 1 FROM intake_category c JOIN down ON c.parent_id = down.id WHERE down.depth < 50
     ) SELECT id FROM down ORDER BY depth`,
    [id],
  )) as Array<{ id: string }>;
  return [...new Set(rows.map((row) => row.id))];
}

/**
 * Moves a category (with everything under it) under another group, or to the top when `parentId`
 * is null. Moving it under itself or one of its own descendants is INTAKE/CATEGORY_CYCLE.
 * Tickets keep their category; routing rules and SLA policies on its groups now match by the new groups.
 */
export async function moveCategory(
  dataSource: DataSource,
  input: { actor: Actor | null; id: string; parentId: string | null; expectedVersion?: number | null; now?: Date },
): Promise<CategoryChangeResult> {
  const actor = requireRole(input.actor, CATEGORY_ADMINS);
  return dataSource.transaction(async (manager) => {
    const category = await lockCategory(manager, input.id, input.expectedVersion);
    const before = { ...category };
    const parentId = input.parentId || null;
    if (parentId && (parentId === category.id || (isUuid(parentId) && (await ancestorIds(manager, parentId)).includes(category.id)))) {
      throw new DomainError("INTAKE/CATEGORY_CYCLE", "A category cannot be moved under itself or under a category inside it.", {
        fields: [{ field: "parentId", code: "CYCLE", message: "Choose a group outside this category's own branch." }],
      });
    }
    const errors: FieldError[] = [];
    await checkParent(manager, parentId, errors);
    if (category.active) {
      await checkSiblingNames(manager, category, parentId, category.id, errors);
    }
    assertNoFieldErrors(errors);
    if (parentId === category.parentId) {
      return { category, before, change: CategoryChange.MOVED, affectedIds: [] };
    }
    const [row] = (await manager.query(`SELECT COALESCE(MAX(sort_order), -1) + 1 AS next FROM intake_category WHERE parent_id IS NOT DISTINCT FROM $1`, [parentId])) as Array<{ next: number }>;
    Object.assign(category, { parentId, sortOrder: Number(row?.next ?? 0), version: category.version + 1, updatedAt: input.now ?? new Date() });
    await manager.save(category);
    await recordVersion(manager, category, CategoryChange.MOVED, actor);
    await announce(manager, [category.id], CategoryChange.MOVED);
    await audit(manager, actor, "category.move", category, before);
    return { category, before, change: CategoryChange.MOVED, affectedIds: [category.id] };
  });
}

/**
 * Deactivates a category and everything under it (each a new version), or reactivates one
 * category whose group is active. Nothing is ever deleted: tickets filed under it keep it and still
 * show its name; it only leaves the pickers, the portal and Open311 `services`.
 */
export async function setCategoryActive(
  dataSource: DataSource,
  input: { actor: Actor | null; id: string; active: boolean; expectedVersion?: number | null; now?: Date },
): Promise<CategoryChangeResult> {
  const actor = requireRole(input.actor, CATEGORY_ADMINS);
  return dataSource.transaction(async (manager) => {
    const category = await lockCategory(manager, input.id, input.expectedVersion);
    const before = { ...category };
    const change = input.active ? CategoryChange.REACTIVATED : CategoryChange.DEACTIVATED;
    if (category.active === input.active) {
      return { category, before, change, affectedIds: [] };
    }
    const now = input.now ?? new Date();
    let ids = [category.id];
    if (input.active) {
      if (category.parentId && !(await manager.exists(Category, { where: { id: category.parentId, active: true } }))) {
        throw new DomainError("INTAKE/CATEGORY_PARENT_INACTIVE", "Its group is deactivated: reactivate the group first, or move this category to an active group.");
      }
      const errors: FieldError[] = [];
      await checkSiblingNames(manager, category, category.parentId, category.id, errors);
      assertNoFieldErrors(errors);
    } else {
      ids = await subtreeIds(manager, category.id);
    }
    const rows = await manager.find(Category, { where: { id: In(ids), active: !input.active }, lock: { mode: "pessimistic_write" }, order: { code: "ASC" } });
    for (const row of rows) {
      Object.assign(row, { active: input.active, version: row.version + 1, updatedAt: now });
      await manager.save(row);
      await recordVersion(manager, row, change, actor);
    }
    const affectedIds = rows.map((row) => row.id);
    await announce(manager, affectedIds, change);
    const after = rows.find((row) => row.id === category.id) ?? category;
    await audit(manager, actor, input.active ? "category.reactivate" : "category.deactivate", after, before, { alsoChanged: rows.filter((row) => row.id !== category.id).map((row) => row.code) });
    return { category: after, before, change, affectedIds };
  });
}

/** Every category, active or not, for the admin page. */
export async function listAllCategories(dataSource: DataSource, actor: Actor | null): Promise<Category[]> {
  requireRole(actor, CATEGORY_ADMINS);
  return dataSource.getRepository(Category).find({ order: { sortOrder: "ASC", code: "ASC" } });
}

/** Every version of a category, newest first. */
export async function categoryHistory(dataSource: DataSource, input: { actor: Actor | null; id: string }): Promise<CategoryVersion[]> {
  requireRole(input.actor, CATEGORY_ADMINS);
  const versions = isUuid(input.id)
    ? await dataSource.getRepository(CategoryVersion).find({ where: { categoryId: input.id }, order: { version: "DESC" } })
    : [];
  if (versions.length === 0 && !(isUuid(input.id) && (await dataSource.getRepository(Category).exists({ where: { id: input.id } })))) {
    throw categoryNotFound();
  }
  return versions;
}
