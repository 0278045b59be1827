import { appNavItem, type NavItem } from "@civicline/ui";
import { HOT_PATH, HOT_ROLES } from "./paths.ts";

// The paths, role lists and nav entries alone, without the pages' wording: the app's first chunk
// imports this file, routes.tsx is a chunk of its own (issue 15).

export function isHotPath(path: string): boolean {
  return path === HOT_PATH;
}

/** Nav entry "热点问题 / Hot issues" for supervisors, leaders, dispatchers and admins. */
export function hotNavItems(path: string, roles: readonly string[], label: string): NavItem[] {
  return roles.some((role) => HOT_ROLES.includes(role)) ? [appNavItem(HOT_PATH, label, isHotPath(path))] : [];
}
