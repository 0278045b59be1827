import { appNavItem, EmptyState, type NavItem } from "@civicline/ui";
import type { ReactNode } from "react";
import { HotIssuesPage } from "./HotIssuesPage.tsx";
import { useHotT } from "./messages.ts";
import { HOT_PATH, HOT_ROLES } from "./paths.ts";

export function isHotPath(path: string): boolean {
  return path === HOT_PATH;
}

/** Nav entry "热点问题 / Hot issues" for supervisors, leaders, dispatchers and admins. */
export function hotNavItems(path: string, roles: readonly string[], label: string): NavItem[] {
  return roles.some((role) => HOT_ROLES.includes(role)) ? [appNavItem(HOT_PATH, label, isHotPath(path))] : [];
}

export function HotRoutes({ roles }: { roles: readonly string[] }): ReactNode {
  const t = useHotT();
  if (!roles.some((role) => HOT_ROLES.includes(role))) {
    return <EmptyState testId="hot-forbidden" title={t("hot.forbidden")} />;
  }
  return <HotIssuesPage roles={roles} />;
}
