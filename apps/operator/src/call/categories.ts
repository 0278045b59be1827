import { localizedName, type ComboboxItem, type Language } from "@civicline/ui";
import type { CallCategoriesQuery } from "../gql/graphql.ts";

export type CallCategory = CallCategoriesQuery["categories"][number];
export type CategoryField = CallCategory["fields"][number];

/** A selectable category with what it is searched by. */
export type CategoryEntry = {
  category: CallCategory;
  /** Ancestors, top first (not including the category). */
  ancestors: readonly CallCategory[];
  /** Lower-cased Chinese name, English name, code, the ancestors' names and the everyday words (keywords). */
  haystack: { name: string; code: string; path: string; keywords: readonly string[] };
};

/** Selectable categories (leaves) in tree order, each with its ancestors. */
export function indexCategories(categories: readonly CallCategory[]): CategoryEntry[] {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const ancestorsOf = (category: CallCategory): CallCategory[] => {
    const path: CallCategory[] = [];
    const seen = new Set([category.id]);
    let parentId = category.parentId;
    while (parentId && byId.has(parentId) && !seen.has(parentId)) {
      const parent = byId.get(parentId) as CallCategory;
      seen.add(parent.id);
      path.unshift(parent);
      parentId = parent.parentId;
    }
    return path;
  };
  return categories
    .filter((c) => c.selectable)
    .map((category) => {
      const ancestors = ancestorsOf(category);
      return {
        category,
        ancestors,
        haystack: {
          name: normalize(`${category.nameZh} ${category.nameEn}`),
          code: normalize(category.code),
          path: normalize(ancestors.map((a) => `${a.nameZh} ${a.nameEn}`).join(" ")),
          keywords: (category.keywords ?? []).map(normalize),
        },
      };
    });
}

/** NFKC (full-width → half-width), lower case, single spaces. */
export function normalize(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** 0 best … 3 weakest; undefined when a word of the query is found nowhere. */
function rank(entry: CategoryEntry, words: readonly string[]): number | undefined {
  let worst = 0;
  for (const word of words) {
    const { name, code, path, keywords } = entry.haystack;
    const names = name.split(" ");
    let score: number | undefined;
    if (code === word || names.includes(word) || keywords.includes(word)) {
      score = 0;
    } else if (code.startsWith(word) || names.some((n) => n.startsWith(word)) || keywords.some((k) => k.startsWith(word))) {
      score = 1;
    } else if (name.includes(word) || code.includes(word) || keywords.some((k) => k.includes(word) || (word.length > 1 && word.includes(k) && k.length > 1))) {
      score = 2;
    } else if (path.includes(word)) {
      score = 3;
    }
    if (score === undefined) {
      return undefined;
    }
    worst = Math.max(worst, score);
  }
  return worst;
}

/**
 * Categories matching `query` (Chinese name, English name, code, or a parent's name; every word
 * must match), recently used ones first in the order they were used, then the best matches, then
 * tree order. An empty query lists the recent ones, then all.
 */
export function searchCategories(entries: readonly CategoryEntry[], query: string, recentIds: readonly string[]): CategoryEntry[] {
  const words = normalize(query).split(" ").filter(Boolean);
  const recentRank = new Map(recentIds.map((id, index) => [id, index]));
  const scored: { entry: CategoryEntry; score: number; order: number }[] = [];
  entries.forEach((entry, order) => {
    const score = words.length === 0 ? 0 : rank(entry, words);
    if (score !== undefined) {
      scored.push({ entry, score, order });
    }
  });
  const recent = (entry: CategoryEntry) => recentRank.get(entry.category.id) ?? Number.POSITIVE_INFINITY;
  scored.sort((a, b) => {
    const ra = recent(a.entry);
    const rb = recent(b.entry);
    if (ra !== rb) {
      return ra - rb;
    }
    return a.score - b.score || a.order - b.order;
  });
  return scored.map((s) => s.entry);
}

/** An entry as a combobox option: name in the UI language, path and code below. */
export function categoryOption(entry: CategoryEntry, language: Language, recentBadge?: string): ComboboxItem {
  const other = language === "en" ? entry.category.nameZh : entry.category.nameEn;
  const path = entry.ancestors.map((a) => localizedName(a, language)).join(" › ");
  return {
    id: entry.category.id,
    label: localizedName(entry.category, language),
    detail: [path, other, entry.category.code].filter(Boolean).join(" · "),
    badge: recentBadge,
  };
}

const RECENT_KEY = "civicline.operator.recentCategories";
const RECENT_MAX = 8;

/** Category ids this browser picked lately, most recent first. */
export function loadRecentCategories(): string[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(RECENT_KEY) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === "string").slice(0, RECENT_MAX) : [];
  } catch {
    return [];
  }
}

/** Puts `id` first in the recent list (kept in localStorage); returns the new list. */
export function rememberCategory(id: string): string[] {
  const next = [id, ...loadRecentCategories().filter((other) => other !== id)].slice(0, RECENT_MAX);
  try {
    window.localStorage.setItem(RECENT_KEY, JSON.stringify(next));
  } catch {
    // Storage unavailable (private mode): recents last for this page only.
  }
  return next;
}
