import { appNavItem, EmptyState, type NavItem } from "@civicline/ui";
import { lazy, type ReactNode } from "react";
import { useRankingT } from "./messages.ts";
import { RANKING_PATH, RANKING_ROLES } from "./paths.ts";

// Pages are chunks of their own, loaded when first shown (issue 15); the app wraps them in Suspense.
const RankingPage = lazy(() => import("./RankingPage.tsx").then((module) => ({ default: module.RankingPage })));

export function isRankingPath(path: string): boolean {
  return path === RANKING_PATH;
}

/** Nav entry "部门排名 / Department ranking" for supervisors, leaders and admins. */
export function rankingNavItems(path: string, roles: readonly string[], label: string): NavItem[] {
  return roles.some((role) => RANKING_ROLES.includes(role)) ? [appNavItem(RANKING_PATH, label, isRankingPath(path))] : [];
}

export function RankingRoutes({ roles }: { roles: readonly string[] }): ReactNode {
  const t = useRankingT();
  if (!roles.some((role) => RANKING_ROLES.includes(role))) {
    return <EmptyState testId="ranking-forbidden" title={t("rk.forbidden")} />;
  }
  return <RankingPage roles={roles} />;
}
