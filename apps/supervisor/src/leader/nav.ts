import { appNavItem, type NavItem } from "@civicline/ui";
import "./leader.css";

// The paths, role lists and nav entries alone, without the pages' wording: the app's first chunk
// imports this file, routes.tsx is a chunk of its own (issue 15).

/** The leader's own page (the leader role's landing page, see ../landing.tsx) and the supervisors' session schedule. */
export const LEADER_PATHS = { page: "leader", sessions: "leader/sessions", cases: "leader/cases" } as const;
export type LeaderPage = keyof typeof LEADER_PATHS;

/** Who opens what, as the API allows. */
const ACCESS: Record<LeaderPage, readonly string[]> = { page: ["LEADER"], sessions: ["SUPERVISOR", "ADMIN"], cases: ["SUPERVISOR", "ADMIN"] };

export function allowedLeaderPage(page: LeaderPage, roles: readonly string[]): boolean {
  return roles.some((role) => ACCESS[page].includes(role));
}

export function isLeaderPath(path: string): boolean {
  return path === LEADER_PATHS.page || path.startsWith(`${LEADER_PATHS.page}/`);
}

/** Nav entries: "My page" for leaders; "Leader sessions" and "Leaders' cases" for supervisors and admins. */
export function leaderNavItems(path: string, roles: readonly string[], labels: { page: string; sessions: string; cases: string }): NavItem[] {
  const items: NavItem[] = [];
  if (allowedLeaderPage("page", roles)) {
    items.push(appNavItem(LEADER_PATHS.page, labels.page, path === LEADER_PATHS.page));
  }
  if (allowedLeaderPage("sessions", roles)) {
    items.push(appNavItem(LEADER_PATHS.sessions, labels.sessions, path === LEADER_PATHS.sessions));
    items.push(appNavItem(LEADER_PATHS.cases, labels.cases, path === LEADER_PATHS.cases));
  }
  return items;
}
