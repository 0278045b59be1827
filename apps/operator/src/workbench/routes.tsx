import { appNavItem, EmptyState, type NavItem } from "@civicline/ui";
import { lazy, type ReactNode } from "react";
import { useWorkbenchT } from "./messages.ts";
import "./workbench.css";

// Pages are chunks of their own, loaded when first shown (issue 15); the app wraps them in Suspense.
const DispatchPage = lazy(() => import("../dispatch/DispatchPage.tsx").then((module) => ({ default: module.DispatchPage })));
const WorkbenchPage = lazy(() => import("./WorkbenchPage.tsx").then((module) => ({ default: module.WorkbenchPage })));

export const WORKBENCH_PATH = "workbench";
export const DISPATCH_PATH = "dispatch";

/** Who uses which routing page, as the contract allows. */
const ACCESS = { workbench: ["HANDLER"], dispatch: ["DISPATCHER", "ADMIN"] } as const;
/** Roles that work at the hotline centre (the call desk); a handler with none of them is unit staff only. */
const CENTRE_ROLES = ["OPERATOR", "DISPATCHER", "SUPERVISOR", "CALLBACK_AGENT", "QA_INSPECTOR", "LEADER", "ADMIN"];

function allowed(page: keyof typeof ACCESS, roles: readonly string[]): boolean {
  return roles.some((role) => (ACCESS[page] as readonly string[]).includes(role));
}

/** Handling-unit staff without a centre role: their home is the workbench, not the call desk. */
export function isUnitStaffOnly(roles: readonly string[]): boolean {
  return roles.includes("HANDLER") && !roles.some((role) => CENTRE_ROLES.includes(role));
}

export function isRoutingPath(path: string): boolean {
  return path === WORKBENCH_PATH || path === DISPATCH_PATH;
}

/** Nav entries: the workbench for handlers, the dispatch queue for dispatchers (and admins). */
export function routingNavItems(path: string, roles: readonly string[], labels: { workbench: string; dispatch: string }): NavItem[] {
  const items: NavItem[] = [];
  if (allowed("workbench", roles)) {
    items.push(appNavItem(WORKBENCH_PATH, labels.workbench, path === WORKBENCH_PATH || (path === "" && isUnitStaffOnly(roles))));
  }
  if (allowed("dispatch", roles)) {
    items.push(appNavItem(DISPATCH_PATH, labels.dispatch, path === DISPATCH_PATH));
  }
  return items;
}

/** The routing page for `path` (unit staff land on the workbench), or "not available" for other roles. */
export function RoutingRoutes({ path, roles }: { path: string; roles: readonly string[] }): ReactNode {
  const t = useWorkbenchT();
  const page = path === DISPATCH_PATH ? "dispatch" : "workbench";
  if (!allowed(page, roles)) {
    return <EmptyState testId="routing-forbidden" title={t("error.FORBIDDEN")} />;
  }
  return page === "dispatch" ? <DispatchPage /> : <WorkbenchPage />;
}
