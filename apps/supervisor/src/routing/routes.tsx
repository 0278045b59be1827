import { EmptyState, initialLanguage, type NavItem } from "@civicline/ui";
import { lazy, type ReactNode } from "react";
import { unitDirectoryNavLabel, useSupervisorRoutingT } from "./messages.ts";
import { allowedRoutingPage, ROUTING_PATHS, routingNavItems as routingNavEntries, type RoutingPage } from "./nav.ts";

// Pages are chunks of their own, loaded when first shown (issue 15); the app wraps them in Suspense.
const CalendarOverridesPage = lazy(() => import("./calendar/CalendarOverridesPage.tsx").then((module) => ({ default: module.CalendarOverridesPage })));
const ExtensionRequestsPage = lazy(() => import("./extensions/ExtensionRequestsPage.tsx").then((module) => ({ default: module.ExtensionRequestsPage })));
const DispatchRulesPage = lazy(() => import("./rules/DispatchRulesPage.tsx").then((module) => ({ default: module.DispatchRulesPage })));
const UnitDirectoryPage = lazy(() => import("./units/UnitDirectoryPage.tsx").then((module) => ({ default: module.UnitDirectoryPage })));

/**
 * Nav labels from the app's catalogue. `units` may be left out: the label then comes from the
 * routing catalogue in the language the app runs in (the one `I18nProvider` stored).
 */
export type RoutingNavLabels = Record<Exclude<RoutingPage, "units">, string> & { units?: string };

/** The routing entries of the supervisor app's nav (the app itself uses nav.ts's, with every label given). */
export function routingNavItems(path: string, roles: readonly string[], labels: RoutingNavLabels): NavItem[] {
  return routingNavEntries(path, roles, { ...labels, units: labels.units ?? unitDirectoryNavLabel(initialLanguage()) });
}

/** The routing page for `path`, or a "not available" state for pages the role may not use. */
export function RoutingRoutes({ path, roles }: { path: string; roles: readonly string[] }): ReactNode {
  const t = useSupervisorRoutingT();
  const page = (Object.keys(ROUTING_PATHS) as RoutingPage[]).find((candidate) => ROUTING_PATHS[candidate] === path);
  if (!page || !allowedRoutingPage(page, roles)) {
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
