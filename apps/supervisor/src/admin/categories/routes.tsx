import { appNavItem, EmptyState, type NavItem } from "@civicline/ui";
import { lazy, type ReactNode } from "react";
import { useAdminCategoryT } from "./messages.ts";

// Pages are chunks of their own, loaded when first shown (issue 15); the app wraps them in Suspense.
const AdminCategoriesPage = lazy(() => import("./AdminCategoriesPage.tsx").then((module) => ({ default: module.AdminCategoriesPage })));

export const ADMIN_CATEGORIES_PATH = "admin/categories";
/** Only admins change the category tree (the mutations are ADMIN on the server too). */
const ADMINS = ["ADMIN"];

export function isAdminCategoriesPath(path: string): boolean {
  return path === ADMIN_CATEGORIES_PATH;
}

/** Nav entry for admins (grouped under Administration by navGroups). */
export function adminCategoriesNavItems(path: string, roles: readonly string[], label: string): NavItem[] {
  return roles.some((role) => ADMINS.includes(role)) ? [appNavItem(ADMIN_CATEGORIES_PATH, label, path === ADMIN_CATEGORIES_PATH)] : [];
}

/** The category tree page for admins; "not available" for other roles. */
export function AdminCategoriesRoutes({ roles }: { roles: readonly string[] }): ReactNode {
  const t = useAdminCategoryT();
  if (!roles.some((role) => ADMINS.includes(role))) {
    return <EmptyState testId="admin-categories-forbidden" title={t("ac.forbidden")} />;
  }
  return <AdminCategoriesPage />;
}
