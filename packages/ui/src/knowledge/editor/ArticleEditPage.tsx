import { useQuery } from "@apollo/client/react";
import { Alert, Loading } from "../../components/Feedback.tsx";
import { errorCode } from "../../errors.ts";
import { useKnowledgeErrorMessage } from "../errors.ts";
import { useKnowledgeT } from "../i18n.ts";
import { AppLink } from "../navigation.tsx";
import type { ArticleRecord } from "../types.ts";
import { ArticleEditor } from "./ArticleEditor.tsx";
import type { KnowledgeEditorDocuments } from "./documents.ts";
import { emptyArticleForm, formFromArticle } from "./formValues.ts";
import { EDITOR_PATHS } from "./paths.ts";

export type ArticleEditPageProps = {
  documents: KnowledgeEditorDocuments;
  /** null for a new article. */
  articleId: string | null;
};

/** Loads what the editor needs (the article, categories, units, who is editing) and shows the editor. */
export function ArticleEditPage({ documents, articleId }: ArticleEditPageProps) {
  const t = useKnowledgeT();
  const errorMessage = useKnowledgeErrorMessage();
  const article = useQuery(documents.article, {
    variables: { id: articleId ?? "" },
    skip: articleId === null,
    fetchPolicy: "cache-and-network",
  });
  const categories = useQuery(documents.categories);
  const units = useQuery(documents.units);
  const viewer = useQuery(documents.viewer, { skip: articleId !== null });

  const record: ArticleRecord | null = article.data?.article ?? null;
  const heading = articleId === null ? t("kbe.edit.newTitle") : t("kbe.edit.editTitle");
  const back = (
    <p className="kb-back">
      <AppLink to={EDITOR_PATHS.list}>← {t("kbe.edit.back")}</AppLink>
    </p>
  );

  if (articleId !== null && !record) {
    return (
      <div className="kb-editor-page">
        {back}
        <h1 tabIndex={-1}>{heading}</h1>
        {article.error ? (
          <Alert testId="kb-editor-load-error">
            {errorCode(article.error) === "KNOWLEDGE/ARTICLE_NOT_FOUND" ? errorMessage(article.error) : `${t("kbe.edit.loadFailed")} ${errorMessage(article.error) ?? ""}`}
          </Alert>
        ) : (
          <Loading />
        )}
      </div>
    );
  }
  if (articleId === null && viewer.loading) {
    return <Loading />;
  }

  const loadError = categories.error ?? units.error;
  return (
    <div className="kb-editor-page">
      {back}
      {loadError ? <Alert>{errorMessage(loadError)}</Alert> : null}
      <ArticleEditor
        key={record?.id ?? "new"}
        heading={heading}
        documents={documents}
        record={record}
        initial={record ? formFromArticle(record) : emptyArticleForm(viewer.data?.me?.unitId ?? "")}
        categories={categories.data?.categories ?? []}
        units={units.data?.units ?? []}
        reload={async () => {
          const result = await article.refetch();
          return result.data?.article ?? null;
        }}
      />
    </div>
  );
}
