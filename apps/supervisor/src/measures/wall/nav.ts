import { appNavItem, type NavItem } from "@civicline/ui";

// The paths, role lists and nav entries alone, without the pages' wording: the app's first chunk
// imports this file, routes.tsx is a chunk of its own (issue 15).

/** The wallboard's path (/supervisor/wall): full screen, without the app's header. */
export const WALL_PATH = "wall";

const READERS = ["SUPERVISOR", "LEADER", "ADMIN"];

export function isWallPath(path: string): boolean {
  return path === WALL_PATH;
}

export function mayReadWall(roles: readonly string[]): boolean {
  return roles.some((role) => READERS.includes(role));
}

export function wallNavItems(path: string, roles: readonly string[], label: string): NavItem[] {
  return mayReadWall(roles) ? [appNavItem(WALL_PATH, label, isWallPath(path))] : [];
}
