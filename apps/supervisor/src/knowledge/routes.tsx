import { canWriteArticles, EmptyState, parseEditorPath } from "@civicline/ui";
import { lazy, type ReactNode } from "react";
import { useSupervisorKnowledgeT } from "./messages.ts";
import { allowedKnowledgePage as allowed, KNOWLEDGE_PATHS } from "./nav.ts";

// Pages are chunks of their own, loaded when first shown (issue 15); the app wraps them in Suspense.
const EditorPages = lazy(() => import("./EditorPages.tsx").then((module) => ({ default: module.EditorPages })));
const ReviewQueuePage = lazy(() => import("./review/ReviewQueuePage.tsx").then((module) => ({ default: module.ReviewQueuePage })));
const KnowledgeStatsPage = lazy(() => import("./stats/KnowledgeStatsPage.tsx").then((module) => ({ default: module.KnowledgeStatsPage })));
const ImportExportPage = lazy(() => import("./transfer/ImportExportPage.tsx").then((module) => ({ default: module.ImportExportPage })));

export { knowledgeNavItems } from "./nav.ts";

/** The knowledge page for `path`, or a "not available" state for pages the role may not use. */
export function KnowledgeRoutes({ path, roles }: { path: string; roles: readonly string[] }): ReactNode {
  const t = useSupervisorKnowledgeT();
  const forbidden = <EmptyState testId="kb-forbidden" title={t("error.FORBIDDEN")} />;
  if (path === KNOWLEDGE_PATHS.review) {
    return allowed("review", roles) ? <ReviewQueuePage /> : forbidden;
  }
  if (path === KNOWLEDGE_PATHS.stats) {
    return allowed("stats", roles) ? <KnowledgeStatsPage canWrite={canWriteArticles(roles)} /> : forbidden;
  }
  if (path === KNOWLEDGE_PATHS.transfer) {
    return allowed("transfer", roles) ? <ImportExportPage /> : forbidden;
  }
  const editor = parseEditorPath(path);
  if (editor) {
    return <EditorPages route={editor} roles={roles} />;
  }
  return <EmptyState testId="kb-not-found" title={t("kb.error.KNOWLEDGE/ARTICLE_NOT_FOUND")} />;
}
