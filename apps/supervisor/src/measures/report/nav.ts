import { appNavItem, type NavItem } from "@civicline/ui";

// The paths, role lists and nav entries alone, without the pages' wording: the app's first chunk
// imports this file, routes.tsx is a chunk of its own (issue 15).

/** The oversight report's path (监督报告), in the measures menu. */
export const REPORT_PATH = "measures/report";

const READERS = ["SUPERVISOR", "LEADER", "ADMIN"];

export function isReportPath(path: string): boolean {
  return path === REPORT_PATH;
}

export function mayProduceReports(roles: readonly string[]): boolean {
  return roles.some((role) => READERS.includes(role));
}

export function reportNavItems(path: string, roles: readonly string[], label: string): NavItem[] {
  return mayProduceReports(roles) ? [appNavItem(REPORT_PATH, label, isReportPath(path))] : [];
}
