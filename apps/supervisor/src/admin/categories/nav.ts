import { appNavItem, type NavItem } from "@civicline/ui";

// The paths, role lists and nav entries alone, without the pages' wording: the app's first chunk
// imports this file, routes.tsx is a chunk of its own (issue 15).

export const ADMIN_CATEGORIES_PATH = "admin/categories";
/** Only admins change the category tree (the mutations are ADMIN on the server too). */
export const ADMINS = ["ADMIN"];

export function isAdminCategoriesPath(path: string): boolean {
  return path === ADMIN_CATEGORIES_PATH;
}

/** Nav entry for admins (grouped under Administration by navGroups). */
export function adminCategoriesNavItems(path: string, roles: readonly string[], label: string): NavItem[] {
  return roles.some((role) => ADMINS.includes(role)) ? [appNavItem(ADMIN_CATEGORIES_PATH, label, path === ADMIN_CATEGORIES_PATH)] : [];
}
