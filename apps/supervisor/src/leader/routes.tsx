import { appNavItem, EmptyState, type NavItem } from "@civicline/ui";
import { lazy, type ReactNode } from "react";
import { useLeaderT } from "./messages.ts";
import "./leader.css";

// Pages are chunks of their own, loaded when first shown (issue 15); the app wraps them in Suspense.
const CasesPage = lazy(() => import("./CasesPage.tsx").then((module) => ({ default: module.CasesPage })));
const LeaderPage = lazy(() => import("./LeaderPage.tsx").then((module) => ({ default: module.LeaderPage })));
const SessionsPage = lazy(() => import("./SessionsPage.tsx").then((module) => ({ default: module.SessionsPage })));

/** The leader's own page (the leader role's landing page, see ../landing.tsx) and the supervisors' session schedule. */
export const LEADER_PATHS = { page: "leader", sessions: "leader/sessions", cases: "leader/cases" } as const;
type Page = keyof typeof LEADER_PATHS;

/** Who opens what, as the API allows. */
const ACCESS: Record<Page, readonly string[]> = { page: ["LEADER"], sessions: ["SUPERVISOR", "ADMIN"], cases: ["SUPERVISOR", "ADMIN"] };

function allowed(page: Page, roles: readonly string[]): boolean {
  return roles.some((role) => ACCESS[page].includes(role));
}

export function isLeaderPath(path: string): boolean {
  return path === LEADER_PATHS.page || path.startsWith(`${LEADER_PATHS.page}/`);
}

/** Nav entries: "My page" for leaders; "Leader sessions" and "Leaders' cases" for supervisors and admins. */
export function leaderNavItems(path: string, roles: readonly string[], labels: { page: string; sessions: string; cases: string }): NavItem[] {
  const items: NavItem[] = [];
  if (allowed("page", roles)) {
    items.push(appNavItem(LEADER_PATHS.page, labels.page, path === LEADER_PATHS.page));
  }
  if (allowed("sessions", roles)) {
    items.push(appNavItem(LEADER_PATHS.sessions, labels.sessions, path === LEADER_PATHS.sessions));
    items.push(appNavItem(LEADER_PATHS.cases, labels.cases, path === LEADER_PATHS.cases));
  }
  return items;
}

/** The leader page for `path`, or "not available" for roles that may not use it. */
export function LeaderRoutes({ path, roles }: { path: string; roles: readonly string[] }): ReactNode {
  const t = useLeaderT();
  const page = (Object.keys(LEADER_PATHS) as Page[]).find((candidate) => LEADER_PATHS[candidate] === path);
  if (!page || !allowed(page, roles)) {
    return <EmptyState testId="leader-forbidden" title={t("ld.forbidden")} />;
  }
  if (page === "cases") {
    return <CasesPage />;
  }
  return page === "page" ? <LeaderPage /> : <SessionsPage />;
}
