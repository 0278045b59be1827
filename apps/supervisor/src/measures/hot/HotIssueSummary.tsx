import { useQuery } from "@apollo/client/react";
import { AppLink, Loading, useLanguage } from "@civicline/ui";
import { HotIssuesDocument } from "../../gql/graphql.ts";
import { formatNumber, hotIssueKey, hotIssueSearchHref } from "./hot-format.ts";
import { useHotIssueName } from "./HotIssuesPage.tsx";
import { useHotT } from "./messages.ts";
import { HOT_PATH } from "./paths.ts";
import { HotTrend } from "./HotTrend.tsx";

/**
 * A compact list of this week's hot issues for the dashboard (the top `limit`), each with its count,
 * the usual count, its trend and a link to its tickets, and a link to the hot issues page.
 */
export function HotIssueSummary({ limit = 5, headingLevel = 2 }: { limit?: number; headingLevel?: 2 | 3 }) {
  const t = useHotT();
  const { language } = useLanguage();
  const issueName = useHotIssueName();
  const hot = useQuery(HotIssuesDocument, { variables: { window: "WEEK", lastDay: null, limit }, fetchPolicy: "cache-and-network" });
  const issues = hot.data?.hotIssues.issues ?? [];
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="hot-summary" aria-labelledby="hot-summary-title" data-testid="hot-summary">
      <Heading id="hot-summary-title">{t("hot.summary.title")}</Heading>
      {hot.loading && !hot.data ? <Loading /> : null}
      {hot.data && issues.length === 0 ? <p>{t("hot.summary.empty")}</p> : null}
      {issues.length > 0 ? (
        <ul className="hot-summary__list">
          {issues.map((issue) => (
            <li key={hotIssueKey(issue)}>
              <AppLink to={hotIssueSearchHref(issue)}>{t("hot.summary.item", { issue: issueName(issue), count: issue.count, expected: formatNumber(issue.expected, language, 1) })}</AppLink>{" "}
              <HotTrend trend={issue.trend} />
            </li>
          ))}
        </ul>
      ) : null}
      <AppLink to={HOT_PATH}>{t("hot.summary.more")}</AppLink>
    </section>
  );
}
