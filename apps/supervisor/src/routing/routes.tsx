import { appNavItem, EmptyState, initialLanguage, type NavItem } from "@civicline/ui";
import { lazy, type ReactNode } from "react";
import { unitDirectoryNavLabel, useSupervisorRoutingT } from "./messages.ts";
import "./routing.css";

// Pages are chunks of their own, loaded when first shown (issue 15); the app wraps them in Suspense.
const CalendarOverridesPage = lazy(() => import("./calendar/CalendarOverridesPage.tsx").then((module) => ({ default: module.CalendarOverridesPage })));
const ExtensionRequestsPage = lazy(() => import("./extensions/ExtensionRequestsPage.tsx").then((module) => ({ default: module.ExtensionRequestsPage })));
const DispatchRulesPage = lazy(() => import("./rules/DispatchRulesPage.tsx").then((module) => ({ default: module.DispatchRulesPage })));
const UnitDirectoryPage = lazy(() => import("./units/UnitDirectoryPage.tsx").then((module) => ({ default: module.UnitDirectoryPage })));

export const ROUTING_PATHS = { extensions: "routing/extensions", rules: "routing/rules", units: "routing/units", calendar: "routing/calendar" } as const;
type Page = keyof typeof ROUTING_PATHS;

/** Who sees what, as the contract allows: extensions by supervisors, rules by admins and supervisors, the unit directory and the calendar by admins. */
const ACCESS: Record<Page, readonly string[]> = {
  extensions: ["SUPERVISOR"],
  rules: ["ADMIN", "SUPERVISOR"],
  units: ["ADMIN"],
  calendar: ["ADMIN"],
};

function allowed(page: Page, roles: readonly string[]): boolean {
  return roles.some((role) => ACCESS[page].includes(role));
}

export function isRoutingPath(path: string): boolean {
  return path === "routing" || path.startsWith("routing/");
}

/**
 * Nav labels from the app's catalogue. `units` may be left out: the label then comes from the
 * routing catalogue in the language the app runs in (the one `I18nProvider` stored).
 */
export type RoutingNavLabels = Record<Exclude<Page, "units">, string> & { units?: string };

/** The routing entries of the supervisor app's nav, each only for the roles that may use it. */
export function routingNavItems(path: string, roles: readonly string[], labels: RoutingNavLabels): NavItem[] {
  const pages: Page[] = ["extensions", "rules", "units", "calendar"];
  const label = (page: Page): string => (page === "units" ? (labels.units ?? unitDirectoryNavLabel(initialLanguage())) : labels[page]);
  return pages.filter((page) => allowed(page, roles)).map((page) => appNavItem(ROUTING_PATHS[page], label(page), path === ROUTING_PATHS[page]));
}

/** The routing page for `path`, or a "not available" state for pages the role may not use. */
export function RoutingRoutes({ path, roles }: { path: string; roles: readonly string[] }): ReactNode {
  const t = useSupervisorRoutingT();
  const page = (Object.keys(ROUTING_PATHS) as Page[]).find((candidate) => ROUTING_PATHS[candidate] === path);
  if (!page || !allowed(page, roles)) {
    return <EmptyState testId="routing-forbidden" title={t("sr.forbidden")} />;
  }
  if (page === "extensions") {
    return <ExtensionRequestsPage />;
  }
  if (page === "units") {
    return <UnitDirectoryPage />;
  }
  return page === "rules" ? <DispatchRulesPage roles={roles} /> : <CalendarOverridesPage />;
}
