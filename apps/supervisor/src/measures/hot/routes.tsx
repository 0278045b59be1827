import { EmptyState } from "@civicline/ui";
import { lazy, type ReactNode } from "react";
import { useHotT } from "./messages.ts";
import { HOT_ROLES } from "./paths.ts";

// Pages are chunks of their own, loaded when first shown (issue 15); the app wraps them in Suspense.
const HotIssuesPage = lazy(() => import("./HotIssuesPage.tsx").then((module) => ({ default: module.HotIssuesPage })));

export function HotRoutes({ roles }: { roles: readonly string[] }): ReactNode {
  const t = useHotT();
  if (!roles.some((role) => HOT_ROLES.includes(role))) {
    return <EmptyState testId="hot-forbidden" title={t("hot.forbidden")} />;
  }
  return <HotIssuesPage roles={roles} />;
}
