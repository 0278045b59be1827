import { appNavItem, EmptyState, type NavItem } from "@civicline/ui";
import { lazy, type ReactNode } from "react";
import { useCategoryKeywordT } from "./messages.ts";

// Pages are chunks of their own, loaded when first shown (issue 15); the app wraps them in Suspense.
const CategoryKeywordsPage = lazy(() => import("./CategoryKeywordsPage.tsx").then((module) => ({ default: module.CategoryKeywordsPage })));

export const CATEGORY_KEYWORDS_PATH = "catalog/keywords";
/** Only admins may change keywords (setCategoryKeywords is ADMIN). */
const EDITORS = ["ADMIN"];

export function isCatalogPath(path: string): boolean {
  return path === "catalog" || path.startsWith("catalog/");
}

/** Nav entry for admins: the category keywords page. */
export function catalogNavItems(path: string, roles: readonly string[], label: string): NavItem[] {
  return roles.some((role) => EDITORS.includes(role)) ? [appNavItem(CATEGORY_KEYWORDS_PATH, label, path === CATEGORY_KEYWORDS_PATH)] : [];
}

/** `catalog/keywords` for admins; "not available" for other roles and unknown paths. */
export function CatalogRoutes({ path, roles }: { path: string; roles: readonly string[] }): ReactNode {
  const t = useCategoryKeywordT();
  if (path !== CATEGORY_KEYWORDS_PATH || !roles.some((role) => EDITORS.includes(role))) {
    return <EmptyState testId="catalog-forbidden" title={t("ck.forbidden")} />;
  }
  return <CategoryKeywordsPage />;
}
