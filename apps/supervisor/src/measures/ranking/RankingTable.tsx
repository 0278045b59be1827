import { AppLink, TableScroll, useFormat, useLanguage } from "@civicline/ui";
import type { RankingUnitFieldsFragment, RankingWeightsFieldsFragment } from "../../gql/graphql.ts";
import { ticketSearchHref } from "../../tickets/search/url.ts";
import { useRankingT, type RankingMessageKey } from "./messages.ts";

/** The parts in the order the API gives them, with their headers. */
export const PART_KEYS = ["ON_TIME", "SATISFACTION", "NOT_RETURNED", "NOT_RE_REPORTED", "NOT_EXTENDED"] as const;
export const WEIGHT_FIELDS = { ON_TIME: "onTime", SATISFACTION: "satisfaction", NOT_RETURNED: "notReturned", NOT_RE_REPORTED: "notReReported", NOT_EXTENDED: "notExtended" } as const;

type Unit = RankingUnitFieldsFragment;

/** 92.5 → "92.50" in the UI language's digits. */
export function useScore(): (value: number | null | undefined) => string {
  const { language } = useLanguage();
  return (value) => (value === null || value === undefined ? "—" : value.toLocaleString(language === "en" ? "en-US" : "zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
}

/** The tickets behind a unit's row: dispatched to it (current lead unit) in the period. */
export function unitTicketsHref(unitId: string, fromDay: string, toDay: string): string {
  return ticketSearchHref({ leadUnitId: unitId, dispatchedFrom: fromDay, dispatchedTo: toDay });
}

type Props = { units: readonly Unit[]; weights: RankingWeightsFieldsFragment; fromDay: string; toDay: string; apart?: boolean; testId: string };

/** Ranked (or apart) units with every part as numerator/denominator and its score, so a reader can check each figure. */
export function RankingTable({ units, weights, fromDay, toDay, apart = false, testId }: Props) {
  const t = useRankingT();
  const format = useFormat();
  const score = useScore();
  const caption = t(apart ? "rk.apart.caption" : "rk.table.caption", { from: fromDay, to: toDay });
  return (
    <TableScroll label={caption} testId={testId}>
      <table className="data-table ranking-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {apart ? null : <th scope="col">{t("rk.col.rank")}</th>}
            <th scope="col">{t("rk.col.unit")}</th>
            {apart ? <th scope="col">{t("rk.col.reason")}</th> : <th scope="col">{t("rk.col.score")}</th>}
            <th scope="col">{t("rk.col.tickets")}</th>
            {PART_KEYS.map((key) => (
              <th scope="col" key={key}>
                {format.enumValue("RankingPartKey", key)}
                <span className="ranking-weight"> ×{weights[WEIGHT_FIELDS[key]]}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {units.map((unit) => (
            <tr key={unit.unitId} data-testid={`${testId}-row`}>
              {apart ? null : <td data-testid="ranking-rank">{unit.tied ? t("rk.rankTied", { rank: unit.rank ?? "" }) : unit.rank}</td>}
              <th scope="row">
                <AppLink to={unitTicketsHref(unit.unitId, fromDay, toDay)} aria-label={t("rk.ticketsLink", { unit: format.name({ nameZh: unit.unitName, nameEn: unit.unitNameEn }) })}>
                  {format.name({ nameZh: unit.unitName, nameEn: unit.unitNameEn })}
                </AppLink>
              </th>
              {apart ? <td>{unit.apartReason ? format.enumValue("RankingApartReason", unit.apartReason) : ""}</td> : <td className="ranking-score" data-testid="ranking-score">{score(unit.score)}</td>}
              <td>{unit.tickets}</td>
              {PART_KEYS.map((key) => {
                const part = unit.parts.find((candidate) => candidate.key === key);
                return (
                  <td key={key} className="ranking-part">
                    {part && part.denominator > 0 ? (
                      <>
                        <span className="ranking-part__score">{score(part.score)}</span>{" "}
                        <span className="ranking-part__ratio">({t("rk.ratio", { numerator: part.numerator, denominator: part.denominator })})</span>
                      </>
                    ) : (
                      t("rk.noDenominator")
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The definition line of each part, for the formula box. */
export const PART_DEFINITIONS: Record<(typeof PART_KEYS)[number], RankingMessageKey> = {
  ON_TIME: "rk.part.definition.onTime",
  SATISFACTION: "rk.part.definition.satisfaction",
  NOT_RETURNED: "rk.part.definition.notReturned",
  NOT_RE_REPORTED: "rk.part.definition.notReReported",
  NOT_EXTENDED: "rk.part.definition.notExtended",
};
