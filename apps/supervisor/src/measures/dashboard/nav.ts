import { appNavItem, type NavItem } from "@civicline/ui";

// The paths, role lists and nav entries alone, without the pages' wording: the app's first chunk
// imports this file, routes.tsx is a chunk of its own (issue 15).

/** The measures dashboard's path (数据看板). Ranking and hot issues live under measures/ too. */
export const MEASURES_PATH = "measures";

/** Who reads the hotline's figures here (as the `measures` query allows them any filter). */
const READERS = ["SUPERVISOR", "LEADER", "ADMIN"];

export function isMeasuresDashboardPath(path: string): boolean {
  return path === MEASURES_PATH;
}

export function mayReadMeasures(roles: readonly string[]): boolean {
  return roles.some((role) => READERS.includes(role));
}

export function measuresNavItems(path: string, roles: readonly string[], label: string): NavItem[] {
  return mayReadMeasures(roles) ? [appNavItem(MEASURES_PATH, label, isMeasuresDashboardPath(path))] : [];
}

/**
 * Supervisors and leaders have the dashboard instead of the old overview in their menu (the
 * overview's path still works); admins and dispatchers keep the overview (the admin's landing page).
 */
export function dashboardReplacesOverview(roles: readonly string[]): boolean {
  return roles.some((role) => role === "SUPERVISOR" || role === "LEADER") && !roles.some((role) => role === "ADMIN" || role === "DISPATCHER");
}
