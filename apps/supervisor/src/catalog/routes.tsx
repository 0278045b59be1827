import { EmptyState } from "@civicline/ui";
import { lazy, type ReactNode } from "react";
import { useCategoryKeywordT } from "./messages.ts";
import { CATEGORY_KEYWORDS_PATH, EDITORS } from "./nav.ts";

// Pages are chunks of their own, loaded when first shown (issue 15); the app wraps them in Suspense.
const CategoryKeywordsPage = lazy(() => import("./CategoryKeywordsPage.tsx").then((module) => ({ default: module.CategoryKeywordsPage })));

export { catalogNavItems } from "./nav.ts";

/** `catalog/keywords` for admins; "not available" for other roles and unknown paths. */
export function CatalogRoutes({ path, roles }: { path: string; roles: readonly string[] }): ReactNode {
  const t = useCategoryKeywordT();
  if (path !== CATEGORY_KEYWORDS_PATH || !roles.some((role) => EDITORS.includes(role))) {
    return <EmptyState testId="catalog-forbidden" title={t("ck.forbidden")} />;
  }
  return <CategoryKeywordsPage />;
}
