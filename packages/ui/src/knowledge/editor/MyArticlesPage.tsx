import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { Button } from "../../components/Button.tsx";
import { Alert, EmptyState, Loading } from "../../components/Feedback.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { useFormat } from "../../i18n/I18nProvider.tsx";
import { ArticleStatusBadge } from "../badges.tsx";
import { useKnowledgeErrorMessage } from "../errors.ts";
import { useKnowledgeT } from "../i18n.ts";
import { AppLink } from "../navigation.tsx";
import type { KnowledgeEditorDocuments } from "./documents.ts";
import { EDITOR_PATHS } from "./paths.ts";

export const MY_ARTICLES_PAGE_SIZE = 25;

/** The editor's own articles with their status, and the way to write a new one. */
export function MyArticlesPage({ documents }: { documents: Pick<KnowledgeEditorDocuments, "myArticles"> }) {
  const t = useKnowledgeT();
  const format = useFormat();
  const errorMessage = useKnowledgeErrorMessage();
  const [offset, setOffset] = useState(0);
  const { data, loading, error, refetch } = useQuery(documents.myArticles, {
    variables: { limit: MY_ARTICLES_PAGE_SIZE, offset },
    fetchPolicy: "cache-and-network",
  });
  const page = data?.articles;

  return (
    <div className="kb-my-articles">
      <div className="kb-page-heading">
        <h1 tabIndex={-1}>{t("kbe.list.title")}</h1>
        <AppLink to={EDITOR_PATHS.create} className="button button--primary" data-testid="kb-new-article">
          {t("kbe.list.new")}
        </AppLink>
      </div>
      <p className="kb-intro">{t("kbe.list.intro")}</p>
      {error && !page ? (
        <Alert>
          <p>{`${t("kbe.list.loadFailed")} ${errorMessage(error) ?? ""}`}</p>
          <Button variant="secondary" onClick={() => void refetch().catch(() => undefined)}>
            {t("common.retry")}
          </Button>
        </Alert>
      ) : null}
      {loading && !page ? <Loading /> : null}
      {page && page.items.length === 0 ? (
        <EmptyState testId="kb-my-articles-empty" title={t("kbe.list.empty.title")}>
          {t("kbe.list.empty.body")}
        </EmptyState>
      ) : null}
      {page && page.items.length > 0 ? (
        <>
          <TableScroll label={t("kbe.list.caption")}>
            <table className="kb-table" data-testid="kb-my-articles">
              <caption className="visually-hidden">{t("kbe.list.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("kbe.list.col.title")}</th>
                  <th scope="col">{t("kbe.list.col.status")}</th>
                  <th scope="col">{t("kbe.list.col.version")}</th>
                  <th scope="col">{t("kbe.list.col.updated")}</th>
                  <th scope="col">{t("kbe.list.col.validUntil")}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((item) => (
                  <tr key={item.id} data-testid="kb-my-article">
                    <td className="kb-table__title">
                      <AppLink to={EDITOR_PATHS.edit(item.id)}>{item.title}</AppLink>
                      {item.pendingChange ? (
                        <p className="kb-table__note" data-testid="kb-change-pending">
                          {item.pendingChange.state === "IN_REVIEW" ? t("kbe.list.changeInReview") : t("kbe.list.changeDraft")}
                        </p>
                      ) : null}
                      {(item.status === "DRAFT" || item.pendingChange?.state === "DRAFT") && item.reviewComment ? (
                        <p className="kb-table__note">{t("kbe.list.sentBack", { comment: item.reviewComment })}</p>
                      ) : null}
                    </td>
                    <td>
                      <ArticleStatusBadge status={item.status} />
                    </td>
                    <td>{item.versionNumber}</td>
                    <td>
                      <time dateTime={item.updatedAt}>{format.dateTime(item.updatedAt)}</time>
                    </td>
                    <td>{item.expiresOn ? format.date(item.expiresOn) : t("kb.article.noExpiry")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {page.total > MY_ARTICLES_PAGE_SIZE ? (
            <nav className="kb-pager" aria-label={t("kbe.list.title")}>
              <Button variant="ghost" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - MY_ARTICLES_PAGE_SIZE))}>
                {t("kbe.list.previous")}
              </Button>
              <span>{t("kbe.list.range", { from: offset + 1, to: offset + page.items.length, total: page.total })}</span>
              <Button variant="ghost" disabled={offset + MY_ARTICLES_PAGE_SIZE >= page.total} onClick={() => setOffset(offset + MY_ARTICLES_PAGE_SIZE)}>
                {t("kbe.list.next")}
              </Button>
            </nav>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
