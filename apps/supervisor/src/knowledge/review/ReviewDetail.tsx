import { useQuery } from "@apollo/client/react";
import { Alert, ArticleDiffView, ArticleView, Loading, UrgentApprovalForm, useKnowledgeErrorMessage } from "@civicline/ui";
import { useEffect, useId, useRef } from "react";
import { KbArticleDiffDocument, KbArticleDocument } from "../../gql/graphql.ts";
import { knowledgeEditorDocuments } from "../editorDocuments.ts";
import { useSupervisorKnowledgeT } from "../messages.ts";
import { ReviewForm } from "./ReviewForm.tsx";

type Version = { number: number; title: string; summary: string; body: string; keywords: readonly string[]; effectiveFrom: string; expiresOn: string | null; source: string | null };

/** The article as the change under review would make it (its categories and unit as in force; the diff shows the text). */
function changeView<T extends object>(record: T, version: Version): T & Omit<Version, "number"> & { versionNumber: number } {
  const { number, ...text } = version;
  return { ...record, ...text, versionNumber: number };
}

/**
 * The version under review: what changed since the published version (when there is one — every
 * version after the first comes from editing a published article), the full text, and the decision.
 */
export function ReviewDetail({ id, onReviewed, onRefreshQueue }: { id: string; onReviewed: (message: string) => void; onRefreshQueue: () => void }) {
  const t = useSupervisorKnowledgeT();
  const errorMessage = useKnowledgeErrorMessage();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const article = useQuery(KbArticleDocument, { variables: { id }, fetchPolicy: "network-only" });
  const record = article.data?.article;
  // A change to a published article is compared with the version in force; a new version of a
  // draft with the one before it.
  const change = record?.pendingChange ?? null;
  const under = change ? change.version.number : (record?.versionNumber ?? 0);
  const previous = change ? record!.versionNumber : record && record.versionNumber > 1 ? record.versionNumber - 1 : null;
  const diff = useQuery(KbArticleDiffDocument, {
    variables: { id, fromVersion: previous ?? 0, toVersion: under },
    skip: previous === null,
  });

  const loaded = Boolean(record);
  useEffect(() => {
    if (loaded) {
      headingRef.current?.focus();
    }
  }, [loaded]);

  return (
    <section className="kb-review__detail card" aria-labelledby={headingId} data-testid="kb-review-detail">
      {article.loading && !record ? <Loading /> : null}
      {article.error && !record ? <Alert>{`${t("kbs.review.articleFailed")} ${errorMessage(article.error) ?? ""}`}</Alert> : null}
      {record ? (
        <>
          {change ? (
            <Alert tone="info" testId="kb-review-change">
              {t("kbs.review.changeNotice", { number: change.version.number, current: record.versionNumber, name: change.editor.displayName })}
            </Alert>
          ) : null}
          <ArticleView article={change ? changeView(record, change.version) : record} headingLevel={2} headingId={headingId} headingRef={headingRef} testId="kb-review-article" />
          <section className="kb-review__changes">
            <h3>{t("kbs.review.changes")}</h3>
            {previous === null ? <p className="field__hint">{t("kbs.review.firstVersion")}</p> : null}
            {diff.loading ? <Loading /> : null}
            {diff.error ? <Alert>{errorMessage(diff.error)}</Alert> : null}
            {diff.data ? <ArticleDiffView diff={diff.data.articleDiff} headingLevel={4} /> : null}
          </section>
          {change && record.canApproveUrgently && !record.canReview ? (
            // The change's own editor (a supervisor or admin) may not review it, but may correct urgently.
            <UrgentApprovalForm documents={knowledgeEditorDocuments} article={record} onApplied={onReviewed} />
          ) : null}
          <ReviewForm
            article={change ? { ...record, author: change.editor } : record}
            onReviewed={onReviewed}
            onReload={() => void article.refetch().catch(() => undefined)}
            onRefreshQueue={onRefreshQueue}
          />
        </>
      ) : null}
    </section>
  );
}
