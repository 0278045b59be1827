import { localizedName, type ComboboxItem, type Language } from "@civicline/ui";

export type CategoryNode = {
  id: string;
  nameZh: string;
  nameEn: string | null;
  parentId: string | null;
  selectable: boolean;
  /** Everyday words for it (坑, 坑洼, pothole); typed words match them too. */
  keywords?: readonly string[];
};

/** A selectable category for the picker: its path in the UI language, the other language below it. */
export type CategoryChoice = ComboboxItem & { search: string };

function pathsOf(categories: readonly CategoryNode[]): Map<string, CategoryNode[]> {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const paths = new Map<string, CategoryNode[]>();
  for (const category of categories) {
    const path = [category];
    const seen = new Set([category.id]);
    let current = category;
    while (current.parentId && byId.has(current.parentId) && !seen.has(current.parentId)) {
      current = byId.get(current.parentId) as CategoryNode;
      seen.add(current.id);
      path.unshift(current);
    }
    paths.set(category.id, path);
  }
  return paths;
}

/**
 * The selectable categories of the flat tree, in server order, each labelled by its path
 * ("City management / Street lights") in the UI language with the other language as detail, and
 * searchable in both.
 */
export function categoryChoices(categories: readonly CategoryNode[], language: Language): CategoryChoice[] {
  const paths = pathsOf(categories);
  const other: Language = language === "en" ? "zh-CN" : "en";
  return categories
    .filter((category) => category.selectable)
    .map((category) => {
      const path = paths.get(category.id) ?? [category];
      const label = path.map((c) => localizedName(c, language)).join(" / ");
      const detail = path.map((c) => localizedName(c, other)).join(" / ");
      return {
        id: category.id,
        label,
        detail: detail === label ? undefined : detail,
        search: `${path.map((c) => c.nameZh).join(" ")} ${path.map((c) => c.nameEn ?? "").join(" ")} ${(category.keywords ?? []).join(" ")}`.toLowerCase(),
      };
    });
}

/**
 * The choices matching what was typed: every word (split on spaces) must appear in the Chinese or
 * English path or the category's keywords; names that start with the query come first. An empty query lists everything.
 */
export function filterCategories(choices: readonly CategoryChoice[], query: string): CategoryChoice[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const [first] = words;
  if (first === undefined) {
    return [...choices];
  }
  const matching = choices.filter((choice) => words.every((word) => choice.search.includes(word)));
  const starts = (choice: CategoryChoice) => choice.label.toLowerCase().split(" / ").some((part) => part.startsWith(first));
  return [...matching.filter(starts), ...matching.filter((choice) => !starts(choice))];
}
