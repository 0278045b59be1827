import { appNavItem, type NavItem } from "@civicline/ui";
import "./callback.css";

// The paths, role lists and nav entries alone, without the pages' wording: the app's first chunk
// imports this file, routes.tsx is a chunk of its own (issue 15).

export const CALLBACK_PATHS = { reReports: "callback/re-reports", settings: "callback/settings" } as const;
export type CallbackPage = keyof typeof CALLBACK_PATHS;

/** Who sees what, as the API allows: proposals and satisfaction for supervisors, admins and leaders; settings read by them, changed by admins. */
const ACCESS: Record<CallbackPage, readonly string[]> = {
  reReports: ["SUPERVISOR", "ADMIN", "LEADER"],
  settings: ["ADMIN", "SUPERVISOR", "LEADER"],
};
export const SETTINGS_EDITORS = ["ADMIN"];
/** Leaders read proposals; supervisors and admins decide them. */
export const DECIDERS = ["SUPERVISOR", "ADMIN"];

export function allowedCallbackPage(page: CallbackPage, roles: readonly string[]): boolean {
  return roles.some((role) => ACCESS[page].includes(role));
}

export function isCallbackPath(path: string): boolean {
  return path === "callback" || path.startsWith("callback/");
}

/** Nav entries: re-report proposals, and the callback settings for admins. */
export function callbackNavItems(path: string, roles: readonly string[], labels: { reReports: string; settings: string }): NavItem[] {
  const items: NavItem[] = [];
  if (allowedCallbackPage("reReports", roles)) {
    items.push(appNavItem(CALLBACK_PATHS.reReports, labels.reReports, path === CALLBACK_PATHS.reReports));
  }
  if (roles.some((role) => SETTINGS_EDITORS.includes(role))) {
    items.push(appNavItem(CALLBACK_PATHS.settings, labels.settings, path === CALLBACK_PATHS.settings));
  }
  return items;
}
