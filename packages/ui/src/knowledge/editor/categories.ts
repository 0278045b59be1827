import { localizedName } from "../../i18n/format.ts";
import type { Language } from "../../i18n/languages.ts";
import type { CategoryNode } from "../types.ts";

export type CategoryChoice = { id: string; label: string; path: string };
export type CategoryGroup = { id: string; label: string; choices: CategoryChoice[] };

/**
 * Selectable categories grouped under their top-level ancestor, each labelled by its path below it
 * ("Schools / Enrolment"); `path` includes the group for chips and searching. Server order is kept.
 */
export function categoryGroups(categories: readonly CategoryNode[], language: Language): CategoryGroup[] {
  const byId = new Map(categories.map((category) => [category.id, category]));
  const pathOf = (category: CategoryNode): CategoryNode[] => {
    const path = [category];
    const seen = new Set([category.id]);
    let current = category;
    while (current.parentId && byId.has(current.parentId) && !seen.has(current.parentId)) {
      current = byId.get(current.parentId) as CategoryNode;
      seen.add(current.id);
      path.unshift(current);
    }
    return path;
  };
  const groups = new Map<string, CategoryGroup>();
  for (const category of categories) {
    if (!category.selectable) {
      continue;
    }
    const path = pathOf(category);
    const root = path[0] ?? category;
    const below = path.length > 1 ? path.slice(1) : path;
    const group = groups.get(root.id) ?? { id: root.id, label: localizedName(root, language), choices: [] };
    group.choices.push({
      id: category.id,
      label: below.map((node) => localizedName(node, language)).join(" / "),
      path: path.map((node) => localizedName(node, language)).join(" / "),
    });
    groups.set(root.id, group);
  }
  return [...groups.values()];
}

/** Groups keeping only the choices whose path contains `text` (case-insensitive); empty groups drop out. */
export function filterCategoryGroups(groups: readonly CategoryGroup[], text: string): CategoryGroup[] {
  const needle = text.trim().toLowerCase();
  if (needle === "") {
    return [...groups];
  }
  return groups
    .map((group) => ({ ...group, choices: group.choices.filter((choice) => choice.path.toLowerCase().includes(needle)) }))
    .filter((group) => group.choices.length > 0);
}
