import type { Ref } from "react";
import { useFormat } from "../i18n/I18nProvider.tsx";
import { ArticleStatusBadge, InForceBadge } from "./badges.tsx";
import { useKnowledgeT } from "./i18n.ts";
import { MarkdownBody } from "./Markdown.tsx";
import type { ArticleViewData } from "./types.ts";

export type ArticleViewProps = {
  article: ArticleViewData;
  /** Heading level of the title: 1 on a page of its own, 2 or 3 inside a panel. */
  headingLevel?: 1 | 2 | 3;
  headingRef?: Ref<HTMLHeadingElement>;
  headingId?: string;
  /** Staff see status, audience, version, author and usage; the portal leaves them out. */
  staff?: boolean;
  testId?: string;
};

/**
 * One policy article: title, status and "in force" marker, summary, the Markdown body rendered
 * without raw HTML, then categories, keywords, responsible unit, dates and source.
 */
export function ArticleView({ article, headingLevel = 2, headingRef, headingId, staff = true, testId = "kb-article" }: ArticleViewProps) {
  const t = useKnowledgeT();
  const format = useFormat();
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="kb-article" data-testid={testId} aria-labelledby={headingId}>
      <header className="kb-article__header">
        <Heading id={headingId} ref={headingRef} tabIndex={-1} className="kb-article__title">
          {article.title}
        </Heading>
        <p className="kb-article__badges">
          {staff && article.status ? <ArticleStatusBadge status={article.status} /> : null}
          <InForceBadge article={article} />
          {staff && article.audience ? <span className="badge badge--muted">{t(`kb.audience.${article.audience}`)}</span> : null}
        </p>
      </header>
      {article.summary ? <p className="kb-article__summary">{article.summary}</p> : null}
      <MarkdownBody source={article.body} className="kb-article__body" headingLevel={Math.min(headingLevel + 1, 6) as 2 | 3 | 4} />
      <section className="kb-article__meta" aria-label={t("kb.article.details")}>
        <dl className="details">
          {article.categories.length > 0 ? (
            <>
              <dt>{t("kb.article.categories")}</dt>
              <dd>{article.categories.map(format.name).join("、")}</dd>
            </>
          ) : null}
          {article.keywords.length > 0 ? (
            <>
              <dt>{t("kb.article.keywords")}</dt>
              <dd>
                <ul className="kb-chips" aria-label={t("kb.article.keywords")}>
                  {article.keywords.map((keyword) => (
                    <li key={keyword} className="kb-chip">
                      {keyword}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          {article.owningUnit ? (
            <>
              <dt>{t("kb.article.owningUnit")}</dt>
              <dd>{format.name(article.owningUnit)}</dd>
            </>
          ) : null}
          <dt>{t("kb.article.effectiveFrom")}</dt>
          <dd>
            <time dateTime={article.effectiveFrom}>{format.date(article.effectiveFrom)}</time>
          </dd>
          <dt>{t("kb.article.expiresOn")}</dt>
          <dd>{article.expiresOn ? <time dateTime={article.expiresOn}>{format.date(article.expiresOn)}</time> : t("kb.article.noExpiry")}</dd>
          {article.source ? (
            <>
              <dt>{t("kb.article.source")}</dt>
              <dd>{article.source}</dd>
            </>
          ) : null}
          {staff && article.versionNumber !== undefined ? (
            <>
              <dt>{t("kb.article.versionLabel")}</dt>
              <dd>
                {t("kb.article.version", { number: article.versionNumber })}
                {article.updatedAt ? (
                  <>
                    {" · "}
                    <time dateTime={article.updatedAt}>{format.dateTime(article.updatedAt)}</time>
                  </>
                ) : null}
              </dd>
            </>
          ) : null}
          {staff && article.author ? (
            <>
              <dt>{t("kb.article.author")}</dt>
              <dd>{article.author.displayName}</dd>
            </>
          ) : null}
          {staff && article.usageCount !== undefined ? (
            <>
              <dt>{t("kb.article.usageLabel")}</dt>
              <dd>{t("kb.article.usage", { count: article.usageCount })}</dd>
            </>
          ) : null}
        </dl>
      </section>
    </article>
  );
}
