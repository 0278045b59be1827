import { useQuery } from "@apollo/client/react";
import { Alert, ArticleView, EmptyState, errorCode, Loading, useKnowledgeErrorMessage } from "@civicline/ui";
import { KbPublicArticleDocument } from "../gql/graphql.ts";
import { Link } from "../router.tsx";
import { usePortalKnowledgeT } from "./messages.ts";
import "./knowledge.css";

/** One public answer, without any staff detail, and the way on when it does not help. */
export function PublicArticlePage({ id }: { id: string }) {
  const t = usePortalKnowledgeT();
  const errorMessage = useKnowledgeErrorMessage();
  const { data, loading, error } = useQuery(KbPublicArticleDocument, { variables: { id } });
  const article = data?.publicArticle;
  const back = (
    <p className="kb-faq__back">
      <Link to="faq">← {t("kbp.article.back")}</Link>
    </p>
  );

  if (!article) {
    return (
      <>
        {back}
        {loading ? <Loading /> : null}
        {error && errorCode(error) === "KNOWLEDGE/ARTICLE_NOT_FOUND" ? (
          <>
            <h1 tabIndex={-1}>{t("kbp.article.notFound.title")}</h1>
            <EmptyState testId="portal-article-missing" title={t("kbp.article.notFound.title")} action={<Link to="submit">{t("kbp.submit")}</Link>}>
              {t("kbp.article.notFound.body")}
            </EmptyState>
          </>
        ) : null}
        {error && errorCode(error) !== "KNOWLEDGE/ARTICLE_NOT_FOUND" ? (
          <>
            <h1 tabIndex={-1}>{t("kbp.title")}</h1>
            <Alert>{`${t("kbp.article.failed")} ${errorMessage(error) ?? ""}`}</Alert>
          </>
        ) : null}
      </>
    );
  }
  return (
    <>
      {back}
      <div className="card">
        <ArticleView article={article} headingLevel={1} staff={false} testId="portal-article" />
      </div>
      <p className="kb-faq__fallback">
        {t("kbp.article.helped")} <Link to="submit">{t("kbp.submit")}</Link> {t("kbp.call")}
      </p>
    </>
  );
}
