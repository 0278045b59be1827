import { useQuery } from "@apollo/client/react";
import { Alert, Button, EmptyState, Loading, useFormat, useKnowledgeErrorMessage } from "@civicline/ui";
import { useRef, useState } from "react";
import { KbReviewQueueDocument } from "../../gql/graphql.ts";
import { useSupervisorKnowledgeT } from "../messages.ts";
import { ReviewDetail } from "./ReviewDetail.tsx";

export const REVIEW_QUEUE_LIMIT = 50;

/** Articles in review: pick one, read its changes and the full text, approve or send it back. */
export function ReviewQueuePage() {
  const t = useSupervisorKnowledgeT();
  const format = useFormat();
  const errorMessage = useKnowledgeErrorMessage();
  const queue = useQuery(KbReviewQueueDocument, { variables: { limit: REVIEW_QUEUE_LIMIT }, fetchPolicy: "cache-and-network" });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const page = queue.data?.articles;
  const items = page?.items ?? [];
  const selected = items.find((item) => item.id === selectedId) ? selectedId : null;

  const onReviewed = (message: string) => {
    setDone(message);
    setSelectedId(null);
    void queue.refetch().catch(() => undefined);
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  return (
    <div className="kb-review">
      <h1 ref={headingRef} tabIndex={-1}>
        {t("kbs.review.title")} {page ? <span className="count-badge">{page.total}</span> : null}
        {page ? <span className="visually-hidden">{t("kbs.review.count", { count: page.total })}</span> : null}
      </h1>
      <p className="kb-intro">{t("kbs.review.intro")}</p>
      <div aria-live="polite">{done ? <Alert tone="success" testId="kb-review-done">{done}</Alert> : null}</div>
      {queue.error && !page ? (
        <Alert>
          <p>{`${t("kbs.review.loadFailed")} ${errorMessage(queue.error) ?? ""}`}</p>
          <Button variant="secondary" onClick={() => void queue.refetch().catch(() => undefined)}>
            {t("common.retry")}
          </Button>
        </Alert>
      ) : null}
      {queue.loading && !page ? <Loading /> : null}
      {page && items.length === 0 ? (
        <EmptyState testId="kb-review-empty" title={t("kbs.review.empty.title")}>
          {t("kbs.review.empty.body")}
        </EmptyState>
      ) : null}
      {items.length > 0 ? (
        <div className={selected ? "kb-review__layout kb-review__layout--open" : "kb-review__layout"}>
          <ul className="kb-review__list" data-testid="kb-review-queue" aria-label={t("kbs.review.title")}>
            {items.map((item) => (
              <li key={item.id} data-testid="kb-review-item" data-article-id={item.id}>
                <button
                  type="button"
                  className="kb-review__item"
                  aria-current={item.id === selected ? "true" : undefined}
                  onClick={() => {
                    setDone(null);
                    setSelectedId(item.id);
                  }}
                >
                  <span className="kb-review__item-title">{item.title}</span>
                  <span className="kb-review__item-meta">
                    {item.pendingChange ? <span className="kb-review__change">{t("kbs.review.changeOfPublished")} · </span> : null}
                    {t("kbs.review.by", { name: (item.pendingChange?.editor ?? item.author).displayName })} ·{" "}
                    {t("kbs.review.version", { number: item.pendingChange?.version.number ?? item.versionNumber })} ·{" "}
                    <time dateTime={item.updatedAt}>{format.dateTime(item.updatedAt)}</time>
                    {item.owningUnit ? ` · ${format.name(item.owningUnit)}` : ""}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {selected ? (
            <ReviewDetail key={selected} id={selected} onReviewed={onReviewed} onRefreshQueue={() => void queue.refetch().catch(() => undefined)} />
          ) : (
            <p className="kb-review__hint">{t("kbs.review.select")}</p>
          )}
        </div>
      ) : null}
    </div>
  );
}
