import { appNavItem, type NavItem } from "@civicline/ui";

// The paths, role lists and nav entries alone, without the pages' wording: the app's first chunk
// imports this file, routes.tsx is a chunk of its own (issue 15).

export const ADMIN_MESSAGES_PATH = "admin/messages";
/** Only admins word the citizens' texts (the query and mutation are ADMIN on the server too). */
export const ADMINS = ["ADMIN"];

export function isAdminMessagesPath(path: string): boolean {
  return path === ADMIN_MESSAGES_PATH;
}

/** Nav entry for admins (grouped under Administration by navGroups). */
export function adminMessagesNavItems(path: string, roles: readonly string[], label: string): NavItem[] {
  return roles.some((role) => ADMINS.includes(role)) ? [appNavItem(ADMIN_MESSAGES_PATH, label, path === ADMIN_MESSAGES_PATH)] : [];
}
