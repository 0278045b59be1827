import { appNavItem, type NavItem } from "@civicline/ui";

// The paths, role lists and nav entries alone, without the pages' wording: the app's first chunk
// imports this file, routes.tsx is a chunk of its own (issue 15).

export const ADMIN_INTEGRATORS_PATH = "admin/integrators";
export const DELIVERIES_PREFIX = `${ADMIN_INTEGRATORS_PATH}/webhooks/`;
/** Only admins manage integrators (the operations are ADMIN on the server too). */
export const ADMINS = ["ADMIN"];

export function deliveriesPath(webhookId: string): string {
  return `${DELIVERIES_PREFIX}${webhookId}`;
}

export function isAdminIntegratorsPath(path: string): boolean {
  return path === ADMIN_INTEGRATORS_PATH || path.startsWith(`${ADMIN_INTEGRATORS_PATH}/`);
}

/** Nav entry for admins (grouped under Administration by navGroups). */
export function adminIntegratorsNavItems(path: string, roles: readonly string[], label: string): NavItem[] {
  return roles.some((role) => ADMINS.includes(role)) ? [appNavItem(ADMIN_INTEGRATORS_PATH, label, isAdminIntegratorsPath(path))] : [];
}
