import { appNavItem, type NavItem } from "@civicline/ui";

// The paths, role lists and nav entries alone, without the pages' wording: the app's first chunk
// imports this file, routes.tsx is a chunk of its own (issue 15).

export const CATEGORY_KEYWORDS_PATH = "catalog/keywords";
/** Only admins may change keywords (setCategoryKeywords is ADMIN). */
export const EDITORS = ["ADMIN"];

export function isCatalogPath(path: string): boolean {
  return path === "catalog" || path.startsWith("catalog/");
}

/** Nav entry for admins: the category keywords page. */
export function catalogNavItems(path: string, roles: readonly string[], label: string): NavItem[] {
  return roles.some((role) => EDITORS.includes(role)) ? [appNavItem(CATEGORY_KEYWORDS_PATH, label, path === CATEGORY_KEYWORDS_PATH)] : [];
}
