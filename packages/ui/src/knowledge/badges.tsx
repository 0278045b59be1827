import { forceState } from "./dates.ts";
import { useKnowledgeT } from "./i18n.ts";
import type { ArticleStatus } from "./types.ts";

const STATUS_TONES: Record<ArticleStatus, string> = {
  DRAFT: "muted",
  IN_REVIEW: "waiting",
  PUBLISHED: "done",
  EXPIRED: "warning",
  ARCHIVED: "muted",
};

/** Label of an article status in the UI language (unknown values are shown as sent). */
export function useArticleStatusLabel(): (status: string) => string {
  const t = useKnowledgeT();
  return (status) => (status in STATUS_TONES ? t(`kb.status.${status as ArticleStatus}`) : status);
}

/** An article's lifecycle status as a coloured label; the text carries the meaning. */
export function ArticleStatusBadge({ status }: { status: string }) {
  const label = useArticleStatusLabel();
  const tone = STATUS_TONES[status as ArticleStatus] ?? "muted";
  return (
    <span className={`badge badge--${tone}`} data-article-status={status}>
      {label(status)}
    </span>
  );
}

/** "In force" / "Not yet in force" / "No longer in force", or nothing for drafts without dates at issue. */
export function InForceBadge({
  article,
}: {
  article: { inForce: boolean; effectiveFrom: string; expiresOn: string | null; status?: string };
}) {
  const t = useKnowledgeT();
  const state = forceState(article);
  if (!state) {
    return null;
  }
  const tone = state === "inForce" ? "done" : "warning";
  return (
    <span className={`badge badge--${tone} kb-force`} data-testid="kb-in-force" data-force={state}>
      {state === "inForce" ? "✓ " : ""}
      {t(`kb.force.${state}`)}
    </span>
  );
}
