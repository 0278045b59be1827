import { EmptyState } from "../../components/Feedback.tsx";
import { useKnowledgeT } from "../i18n.ts";
import { ArticleEditPage } from "./ArticleEditPage.tsx";
import type { KnowledgeEditorDocuments } from "./documents.ts";
import { MyArticlesPage } from "./MyArticlesPage.tsx";
import { canWriteArticles, type EditorRoute } from "./paths.ts";

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
