import { localizedName, type Language, type SelectOption, type SelectOptionGroup } from "@civicline/ui";

export type CategoryNode = {
  id: string;
  nameZh: string;
  nameEn: string | null;
  parentId: string | null;
  selectable: boolean;
};

/**
 * Turns the flat category tree into <select> options: selectable categories grouped under their
 * top-level ancestor, labelled by their path below it ("Roads / Street lights"). Selectable
 * top-level categories without a group come back as `ungrouped`. Server order is kept.
 */
export function groupCategories(
  categories: readonly CategoryNode[],
  language: Language,
): { groups: SelectOptionGroup[]; ungrouped: SelectOption[] } {
  const byId = new Map(categories.map((c) => [c.id, c]));
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

  const groups = new Map<string, { label: string; options: SelectOption[] }>();
  const ungrouped: SelectOption[] = [];
  for (const category of categories) {
    if (!category.selectable) {
      continue;
    }
    const [root, ...below] = pathOf(category);
    if (!root || below.length === 0) {
      ungrouped.push({ value: category.id, label: localizedName(category, language) });
      continue;
    }
    const group = groups.get(root.id) ?? { label: localizedName(root, language), options: [] };
    group.options.push({ value: category.id, label: below.map((c) => localizedName(c, language)).join(" / ") });
    groups.set(root.id, group);
  }
  return { groups: [...groups.values()], ungrouped };
}
