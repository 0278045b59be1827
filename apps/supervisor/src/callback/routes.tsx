import { appNavItem, EmptyState, type NavItem } from "@civicline/ui";
import { lazy, type ReactNode } from "react";
import { useSupervisorCallbackT } from "./messages.ts";
import "./callback.css";

// Pages are chunks of their own, loaded when first shown (issue 15); the app wraps them in Suspense.
const CallbackSettingsPage = lazy(() => import("./CallbackSettingsPage.tsx").then((module) => ({ default: module.CallbackSettingsPage })));
const ReReportPage = lazy(() => import("./ReReportPage.tsx").then((module) => ({ default: module.ReReportPage })));

export const CALLBACK_PATHS = { reReports: "callback/re-reports", settings: "callback/settings" } as const;
type Page = keyof typeof CALLBACK_PATHS;

/** Who sees what, as the API allows: proposals and satisfaction for supervisors, admins and leaders; settings read by them, changed by admins. */
const ACCESS: Record<Page, readonly string[]> = {
  reReports: ["SUPERVISOR", "ADMIN", "LEADER"],
  settings: ["ADMIN", "SUPERVISOR", "LEADER"],
};
const SETTINGS_EDITORS = ["ADMIN"];
/** Leaders read proposals; supervisors and admins decide them. */
const DECIDERS = ["SUPERVISOR", "ADMIN"];

function allowed(page: Page, roles: readonly string[]): boolean {
  return roles.some((role) => ACCESS[page].includes(role));
}

export function isCallbackPath(path: string): boolean {
  return path === "callback" || path.startsWith("callback/");
}

/** Nav entries: re-report proposals, and the callback settings for admins. */
export function callbackNavItems(path: string, roles: readonly string[], labels: { reReports: string; settings: string }): NavItem[] {
  const items: NavItem[] = [];
  if (allowed("reReports", roles)) {
    items.push(appNavItem(CALLBACK_PATHS.reReports, labels.reReports, path === CALLBACK_PATHS.reReports));
  }
  if (roles.some((role) => SETTINGS_EDITORS.includes(role))) {
    items.push(appNavItem(CALLBACK_PATHS.settings, labels.settings, path === CALLBACK_PATHS.settings));
  }
  return items;
}

/** The callback page for `path`, or "not available" for pages the role may not use. */
export function CallbackRoutes({ path, roles }: { path: string; roles: readonly string[] }): ReactNode {
  const t = useSupervisorCallbackT();
  const page = (Object.keys(CALLBACK_PATHS) as Page[]).find((candidate) => CALLBACK_PATHS[candidate] === path);
  if (!page || !allowed(page, roles)) {
    return <EmptyState testId="callback-forbidden" title={t("sc.forbidden")} />;
  }
  return page === "reReports" ? <ReReportPage canDecide={roles.some((role) => DECIDERS.includes(role))} /> : <CallbackSettingsPage canEdit={roles.some((role) => SETTINGS_EDITORS.includes(role))} />;
}
