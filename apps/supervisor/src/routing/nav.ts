import { appNavItem, type NavItem } from "@civicline/ui";
import "./routing.css";

// The paths, role lists and nav entries alone, without the pages' wording: the app's first chunk
// imports this file, routes.tsx is a chunk of its own (issue 15).

export const ROUTING_PATHS = { extensions: "routing/extensions", rules: "routing/rules", units: "routing/units", calendar: "routing/calendar" } as const;
export type RoutingPage = keyof typeof ROUTING_PATHS;

/** Who sees what, as the contract allows: extensions by supervisors, rules by admins and supervisors, the unit directory and the calendar by admins. */
const ACCESS: Record<RoutingPage, readonly string[]> = {
  extensions: ["SUPERVISOR"],
  rules: ["ADMIN", "SUPERVISOR"],
  units: ["ADMIN"],
  calendar: ["ADMIN"],
};

export function allowedRoutingPage(page: RoutingPage, roles: readonly string[]): boolean {
  return roles.some((role) => ACCESS[page].includes(role));
}

export function isRoutingPath(path: string): boolean {
  return path === "routing" || path.startsWith("routing/");
}

/** The routing entries of the supervisor app's nav, each only for the roles that may use it (labels from the app's catalogue). */
export function routingNavItems(path: string, roles: readonly string[], labels: Record<RoutingPage, string>): NavItem[] {
  const pages: RoutingPage[] = ["extensions", "rules", "units", "calendar"];
  return pages.filter((page) => allowedRoutingPage(page, roles)).map((page) => appNavItem(ROUTING_PATHS[page], labels[page], path === ROUTING_PATHS[page]));
}
