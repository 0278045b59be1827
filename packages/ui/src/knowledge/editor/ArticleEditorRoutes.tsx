import { lazy } from "react";
import { EmptyState } from "../../components/Feedback.tsx";
import { useKnowledgeT } from "../i18n.ts";
import type { KnowledgeEditorDocuments } from "./documents.ts";
import { canWriteArticles, type EditorRoute } from "./paths.ts";

// The editor (forms, diff, version history) is a chunk of its own, loaded when first shown (issue 15);
// the apps render these routes inside a Suspense boundary.
const ArticleEditPage = lazy(() => import("./ArticleEditPage.tsx").then((module) => ({ default: module.ArticleEditPage })));
const MyArticlesPage = lazy(() => import("./MyArticlesPage.tsx").then((module) => ({ default: module.MyArticlesPage })));

export type ArticleEditorRoutesProps = {
  route: EditorRoute;
  documents: KnowledgeEditorDocuments;
  roles: readonly string[];
};

/** The editor's pages ("My articles", new, edit) for an app that routes `knowledge/articles…` here. */
export function ArticleEditorRoutes({ route, documents, roles }: ArticleEditorRoutesProps) {
  const t = useKnowledgeT();
  if (!canWriteArticles(roles)) {
    return <EmptyState testId="kb-editor-forbidden" title={t("error.FORBIDDEN")} />;
  }
  switch (route.page) {
    case "list":
      return <MyArticlesPage documents={documents} />;
    case "create":
      return <ArticleEditPage key="new" documents={documents} articleId={null} />;
    case "edit":
      return <ArticleEditPage key={route.id} documents={documents} articleId={route.id} />;
  }
}
