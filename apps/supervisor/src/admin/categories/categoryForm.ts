import type { AdminCategoryFieldsFragment, CategoryFieldType, CategoryInput, RequestType } from "../../gql/graphql.ts";

export type AdminCategory = AdminCategoryFieldsFragment;

/** The categories in tree order (parents before children, siblings by position then code) with their depth. */
export function treeOrder(categories: readonly AdminCategory[]): Array<{ category: AdminCategory; depth: number }> {
  const children = new Map<string | null, AdminCategory[]>();
  const ids = new Set(categories.map((category) => category.id));
  for (const category of categories) {
    const parent = category.parentId && ids.has(category.parentId) ? category.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), category]);
  }
  const result: Array<{ category: AdminCategory; depth: number }> = [];
  const visit = (parent: string | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
    for (const category of list) {
      if (result.some((entry) => entry.category.id === category.id)) {
        continue;
      }
      result.push({ category, depth });
      visit(category.id, depth + 1);
    }
  };
  visit(null, 0);
  return result;
}

/** Entries whose name or code contains the query, with their groups kept for context. */
export function filterTree(entries: ReturnType<typeof treeOrder>, query: string): ReturnType<typeof treeOrder> {
  const needle = query.trim().toLowerCase();
  if (!needle) {
    return entries;
  }
  const byId = new Map(entries.map((entry) => [entry.category.id, entry.category]));
  const keep = new Set<string>();
  for (const { category } of entries) {
    if ([category.nameZh, category.nameEn, category.code].some((text) => text.toLowerCase().includes(needle))) {
      let current: AdminCategory | undefined = category;
      while (current && !keep.has(current.id)) {
        keep.add(current.id);
        current = current.parentId ? byId.get(current.parentId) : undefined;
      }
    }
  }
  return entries.filter((entry) => keep.has(entry.category.id));
}

/** The ids of a category and everything under it (a move target must lie outside). */
export function branchIds(categories: readonly AdminCategory[], id: string): Set<string> {
  const branch = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const category of categories) {
      if (category.parentId && branch.has(category.parentId) && !branch.has(category.id)) {
        branch.add(category.id);
        grew = true;
      }
    }
  }
  return branch;
}

export type FieldDraft = { key: string; labelZh: string; labelEn: string; type: CategoryFieldType; required: boolean; options: string; maxLength: string };

export type CategoryDraft = {
  code: string;
  nameZh: string;
  nameEn: string;
  selectable: boolean;
  fields: FieldDraft[];
  templateZh: string;
  templateEn: string;
  requestTypes: RequestType[];
  slaPolicyId: string;
};

export const emptyField = (): FieldDraft => ({ key: "", labelZh: "", labelEn: "", type: "TEXT" as CategoryFieldType, required: false, options: "", maxLength: "" });

export function draftOf(category: AdminCategory | null, selectable = true): CategoryDraft {
  if (!category) {
    return { code: "", nameZh: "", nameEn: "", selectable, fields: [], templateZh: "", templateEn: "", requestTypes: [], slaPolicyId: "" };
  }
  return {
    code: category.code,
    nameZh: category.nameZh,
    nameEn: category.nameEn,
    selectable: category.selectable,
    fields: category.fields.map((field) => ({
      key: field.key,
      labelZh: field.labelZh,
      labelEn: field.labelEn,
      type: field.type,
      required: field.required,
      options: (field.options ?? []).join("\n"),
      maxLength: field.maxLength === null || field.maxLength === undefined ? "" : String(field.maxLength),
    })),
    templateZh: category.templateZh ?? "",
    templateEn: category.templateEn ?? "",
    requestTypes: [...category.requestTypes],
    slaPolicyId: category.slaPolicyId ?? "",
  };
}

/** Options typed one per line or separated by commas (, ， 、). */
export function parseOptions(text: string): string[] {
  return text
    .split(/[\n,，、]/u)
    .map((option) => option.trim())
    .filter((option) => option.length > 0);
}

/** The mutation input of a draft. An unparsable maximum length is sent as-is for the server to refuse with its field. */
export function inputOf(draft: CategoryDraft): CategoryInput {
  return {
    nameZh: draft.nameZh,
    nameEn: draft.nameEn,
    selectable: draft.selectable,
    fields: draft.selectable
      ? draft.fields.map((field) => ({
          key: field.key,
          labelZh: field.labelZh,
          labelEn: field.labelEn,
          type: field.type,
          required: field.required,
          options: field.type === "SELECT" ? parseOptions(field.options) : null,
          maxLength: field.type === "TEXT" && field.maxLength.trim() ? Number(field.maxLength) : null,
        }))
      : [],
    templateZh: draft.templateZh || null,
    templateEn: draft.templateEn || null,
    requestTypes: draft.requestTypes,
    slaPolicyId: draft.slaPolicyId || null,
  };
}
