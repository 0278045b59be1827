import { appNavItem, type NavItem } from "@civicline/ui";

// The paths, role lists and nav entries alone, without the pages' wording: the app's first chunk
// imports this file, routes.tsx is a chunk of its own (issue 15).

/** The chasing board's path (the supervisor's landing page; the per-role landing is the app's). */
export const CHASING_PATH = "chasing";

/** Who reads the whole board, as the API allows; dispatchers read the dispatch stage. */
export const READERS = ["SUPERVISOR", "LEADER", "ADMIN"];
const DISPATCH_READERS = ["DISPATCHER"];
/** Who may issue supervision orders (the row action opens the ticket page's order panel). */
export const ORDER_ISSUERS = ["SUPERVISOR", "ADMIN"];

export function isChasingPath(path: string): boolean {
  return path === CHASING_PATH;
}

export function mayReadChasing(roles: readonly string[]): boolean {
  return roles.some((role) => READERS.includes(role) || DISPATCH_READERS.includes(role));
}

/** Nav entry of the board, for the roles that may read it. */
export function chasingNavItems(path: string, roles: readonly string[], label: string): NavItem[] {
  return mayReadChasing(roles) ? [appNavItem(CHASING_PATH, label, isChasingPath(path))] : [];
}
