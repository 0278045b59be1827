import { useQuery } from "@apollo/client/react";
import { AppLink, Loading, useFormat } from "@civicline/ui";
import { DepartmentRankingDocument } from "../../gql/graphql.ts";
import { useRankingT } from "./messages.ts";
import { monthRange, shanghaiToday } from "./period.ts";
import { RANKING_PATH } from "./paths.ts";
import { unitTicketsHref, useScore } from "./RankingTable.tsx";
import "./ranking.css";

type Props = { fromDay?: string; toDay?: string; limit?: number; headingLevel?: 2 | 3 };

/**
 * A compact ranking for the dashboard: the top `limit` units of the period (default last month)
 * with rank and score, each linking to its tickets, and a link to the full ranking page.
 */
export function RankingSummary({ fromDay, toDay, limit = 5, headingLevel = 2 }: Props) {
  const t = useRankingT();
  const format = useFormat();
  const score = useScore();
  const range = fromDay && toDay ? { fromDay, toDay } : monthRange(shanghaiToday(), -1);
  const ranking = useQuery(DepartmentRankingDocument, { variables: { ...range, weightsVersion: null }, fetchPolicy: "cache-and-network" });
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const ranked = ranking.data?.departmentRanking.ranked.slice(0, limit) ?? [];
  return (
    <section className="ranking-summary" aria-labelledby="ranking-summary-title" data-testid="ranking-summary">
      <Heading id="ranking-summary-title">{t("rk.summary.title")}</Heading>
      <p className="ranking-summary__period">
        {range.fromDay} – {range.toDay}
      </p>
      {ranking.loading && !ranking.data ? <Loading /> : null}
      {ranking.data && ranked.length === 0 ? <p>{t("rk.summary.empty")}</p> : null}
      {ranked.length > 0 ? (
        <ol className="ranking-summary__list">
          {ranked.map((unit) => (
            <li key={unit.unitId} value={unit.rank ?? undefined}>
              <AppLink to={unitTicketsHref(unit.unitId, range.fromDay, range.toDay)}>{format.name({ nameZh: unit.unitName, nameEn: unit.unitNameEn })}</AppLink>{" "}
              <span className="ranking-score">{score(unit.score)}</span>
              {unit.tied ? <span className="ranking-tied"> ({t("rk.tied")})</span> : null}
            </li>
          ))}
        </ol>
      ) : null}
      <AppLink to={RANKING_PATH}>{t("rk.summary.more")}</AppLink>
    </section>
  );
}
