import { appNavItem, type NavItem } from "@civicline/ui";
import { ACCOUNTS_PATH } from "./paths.ts";

// The paths, role lists and nav entries alone, without the pages' wording: the app's first chunk
// imports this file, routes.tsx is a chunk of its own (issue 15).

export function isAccountsPath(path: string): boolean {
  return path === ACCOUNTS_PATH || path.startsWith(`${ACCOUNTS_PATH}/`);
}

/** Nav entry for admins: staff accounts. */
export function accountsNavItems(path: string, roles: readonly string[], label: string): NavItem[] {
  return roles.includes("ADMIN") ? [appNavItem(ACCOUNTS_PATH, label, isAccountsPath(path))] : [];
}
