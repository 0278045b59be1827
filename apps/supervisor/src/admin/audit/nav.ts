import { appNavItem, type NavItem } from "@civicline/ui";

// The paths, role lists and nav entries alone, without the pages' wording: the app's first chunk
// imports this file, routes.tsx is a chunk of its own (issue 15).

export const AUDIT_PATH = "admin/audit";

export function isAuditPath(path: string): boolean {
  return path === AUDIT_PATH;
}

/** Nav entry for admins: the audit log. */
export function auditNavItems(path: string, roles: readonly string[], label: string): NavItem[] {
  return roles.includes("ADMIN") ? [appNavItem(AUDIT_PATH, label, isAuditPath(path))] : [];
}
