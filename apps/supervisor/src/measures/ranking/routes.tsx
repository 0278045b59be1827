import { EmptyState } from "@civicline/ui";
import { lazy, type ReactNode } from "react";
import { useRankingT } from "./messages.ts";
import { RANKING_ROLES } from "./paths.ts";

// Pages are chunks of their own, loaded when first shown (issue 15); the app wraps them in Suspense.
const RankingPage = lazy(() => import("./RankingPage.tsx").then((module) => ({ default: module.RankingPage })));

export function RankingRoutes({ roles }: { roles: readonly string[] }): ReactNode {
  const t = useRankingT();
  if (!roles.some((role) => RANKING_ROLES.includes(role))) {
    return <EmptyState testId="ranking-forbidden" title={t("rk.forbidden")} />;
  }
  return <RankingPage roles={roles} />;
}
