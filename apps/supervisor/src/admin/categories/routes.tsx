import { EmptyState } from "@civicline/ui";
import { lazy, type ReactNode } from "react";
import { useAdminCategoryT } from "./messages.ts";
import { ADMINS } from "./nav.ts";

// Pages are chunks of their own, loaded when first shown (issue 15); the app wraps them in Suspense.
const AdminCategoriesPage = lazy(() => import("./AdminCategoriesPage.tsx").then((module) => ({ default: module.AdminCategoriesPage })));

export { adminCategoriesNavItems } from "./nav.ts";

/** The category tree page for admins; "not available" for other roles. */
export function AdminCategoriesRoutes({ roles }: { roles: readonly string[] }): ReactNode {
  const t = useAdminCategoryT();
  if (!roles.some((role) => ADMINS.includes(role))) {
    return <EmptyState testId="admin-categories-forbidden" title={t("ac.forbidden")} />;
  }
  return <AdminCategoriesPage />;
}
