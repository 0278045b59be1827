import { appNavItem, type NavItem } from "@civicline/ui";
import { RANKING_PATH, RANKING_ROLES } from "./paths.ts";

// The paths, role lists and nav entries alone, without the pages' wording: the app's first chunk
// imports this file, routes.tsx is a chunk of its own (issue 15).

export function isRankingPath(path: string): boolean {
  return path === RANKING_PATH;
}

/** Nav entry "部门排名 / Department ranking" for supervisors, leaders and admins. */
export function rankingNavItems(path: string, roles: readonly string[], label: string): NavItem[] {
  return roles.some((role) => RANKING_ROLES.includes(role)) ? [appNavItem(RANKING_PATH, label, isRankingPath(path))] : [];
}
