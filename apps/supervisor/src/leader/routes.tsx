import { EmptyState } from "@civicline/ui";
import { lazy, type ReactNode } from "react";
import { useLeaderT } from "./messages.ts";
import { allowedLeaderPage, LEADER_PATHS, type LeaderPage } from "./nav.ts";

// Pages are chunks of their own, loaded when first shown (issue 15); the app wraps them in Suspense.
const CasesPage = lazy(() => import("./CasesPage.tsx").then((module) => ({ default: module.CasesPage })));
const LeaderPage = lazy(() => import("./LeaderPage.tsx").then((module) => ({ default: module.LeaderPage })));
const SessionsPage = lazy(() => import("./SessionsPage.tsx").then((module) => ({ default: module.SessionsPage })));

/** The leader page for `path`, or "not available" for roles that may not use it. */
export function LeaderRoutes({ path, roles }: { path: string; roles: readonly string[] }): ReactNode {
  const t = useLeaderT();
  const page = (Object.keys(LEADER_PATHS) as LeaderPage[]).find((candidate) => LEADER_PATHS[candidate] === path);
  if (!page || !allowedLeaderPage(page, roles)) {
    return <EmptyState testId="leader-forbidden" title={t("ld.forbidden")} />;
  }
  if (page === "cases") {
    return <CasesPage />;
  }
  return page === "page" ? <LeaderPage /> : <SessionsPage />;
}
