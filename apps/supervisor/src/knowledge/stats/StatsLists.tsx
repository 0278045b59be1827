import { AppLink, EDITOR_PATHS, EmptyState, TableScroll, useFormat } from "@civicline/ui";
import type { KbKnowledgeStatsQuery } from "../../gql/graphql.ts";
import { useSupervisorKnowledgeT } from "../messages.ts";

type Stats = KbKnowledgeStatsQuery["knowledgeStats"];

/** Searches that found nothing, with how often and when last: what to write next. */
export function GapsTable({ gaps, canWrite }: { gaps: Stats["gaps"]; canWrite: boolean }) {
  const t = useSupervisorKnowledgeT();
  const format = useFormat();
  if (gaps.length === 0) {
    return (
      <EmptyState testId="kb-gaps-empty" title={t("kbs.stats.gaps.empty.title")}>
        {t("kbs.stats.gaps.empty.body")}
      </EmptyState>
    );
  }
  return (
    <>
      <TableScroll label={t("kbs.stats.gaps")}>
        <table className="kb-table" data-testid="kb-gaps">
          <caption className="visually-hidden">{t("kbs.stats.gaps")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("kbs.stats.col.query")}</th>
              <th scope="col">{t("kbs.stats.col.count")}</th>
              <th scope="col">{t("kbs.stats.col.last")}</th>
            </tr>
          </thead>
          <tbody>
            {gaps.map((gap) => (
              <tr key={gap.query} data-testid="kb-gap">
                <td className="kb-gap__query">{gap.query}</td>
                <td className="kb-num">{gap.count}</td>
                <td>
                  <time dateTime={gap.lastSearchedAt}>{format.dateTime(gap.lastSearchedAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {canWrite ? (
        <p>
          <AppLink to={EDITOR_PATHS.create}>{t("kbs.stats.gaps.write")}</AppLink>
        </p>
      ) : null}
    </>
  );
}

/** Published articles nobody used in the period. */
export function NeverUsedTable({ articles }: { articles: Stats["neverUsed"] }) {
  const t = useSupervisorKnowledgeT();
  const format = useFormat();
  if (articles.length === 0) {
    return <p className="field__hint" data-testid="kb-never-used-empty">{t("kbs.stats.neverUsed.empty")}</p>;
  }
  return (
    <TableScroll label={t("kbs.stats.neverUsed")}>
      <table className="kb-table" data-testid="kb-never-used">
        <caption className="visually-hidden">{t("kbs.stats.neverUsed")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("kbs.stats.col.article")}</th>
            <th scope="col">{t("kbs.stats.col.unit")}</th>
            <th scope="col">{t("kbs.stats.col.updated")}</th>
          </tr>
        </thead>
        <tbody>
          {articles.map((article) => (
            <tr key={article.id}>
              <td>{article.title}</td>
              <td>{article.owningUnit ? format.name(article.owningUnit) : ""}</td>
              <td>
                <time dateTime={article.updatedAt}>{format.date(article.updatedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Articles that stop being in force soon, earliest first. */
export function ExpiringTable({ articles }: { articles: Stats["expiringSoon"] }) {
  const t = useSupervisorKnowledgeT();
  const format = useFormat();
  if (articles.length === 0) {
    return <p className="field__hint" data-testid="kb-expiring-empty">{t("kbs.stats.expiring.empty")}</p>;
  }
  const sorted = [...articles].sort((a, b) => (a.expiresOn ?? "").localeCompare(b.expiresOn ?? ""));
  return (
    <TableScroll label={t("kbs.stats.expiring")}>
      <table className="kb-table" data-testid="kb-expiring">
        <caption className="visually-hidden">{t("kbs.stats.expiring")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("kbs.stats.col.article")}</th>
            <th scope="col">{t("kbs.stats.col.unit")}</th>
            <th scope="col">{t("kbs.stats.col.expiresOn")}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((article) => (
            <tr key={article.id}>
              <td>{article.title}</td>
              <td>{article.owningUnit ? format.name(article.owningUnit) : ""}</td>
              <td>{article.expiresOn ? <time dateTime={article.expiresOn}>{format.date(article.expiresOn)}</time> : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
