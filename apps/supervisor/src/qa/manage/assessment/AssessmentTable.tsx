import { TableScroll, useFormat } from "@civicline/ui";
import type { QmAssessmentRowFieldsFragment, QmAssessmentWeightsFieldsFragment } from "../../../gql/graphql.ts";
import { useQaManageT } from "../messages.ts";
import { useQaNumbers } from "../numbers.ts";
import { WEIGHT_FIELDS, type PartKey } from "./parts.ts";

type Props = { rows: readonly QmAssessmentRowFieldsFragment[]; weights: QmAssessmentWeightsFieldsFragment; caption: string; apart?: boolean; testId: string };

/**
 * Call-takers ranked (or apart, with the reason): the total, then each part's figure with the
 * numbers behind it and its weight, so a reader can check every total.
 */
export function AssessmentTable({ rows, weights, caption, apart = false, testId }: Props) {
  const t = useQaManageT();
  const format = useFormat();
  const numbers = useQaNumbers();
  const weightOf = (key: PartKey) => <span className="qm-weight"> ×{weights[WEIGHT_FIELDS[key]]}</span>;
  const partScore = (row: QmAssessmentRowFieldsFragment, key: PartKey) => row.parts.find((part) => part.key === key)?.score;
  return (
    <TableScroll label={caption} testId={testId}>
      <table className="data-table qm-assessment">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {apart ? null : <th scope="col">{t("qm.as.col.rank")}</th>}
            <th scope="col">{t("qm.as.col.callTaker")}</th>
            <th scope="col">{t("qm.as.col.team")}</th>
            {apart ? <th scope="col">{t("qm.as.col.reason")}</th> : <th scope="col">{t("qm.as.col.total")}</th>}
            <th scope="col">
              {t("qm.as.col.qaScore")}
              {weightOf("QA_SCORE")}
            </th>
            <th scope="col">
              {t("qm.as.col.calls")}
              {weightOf("CALLS_HANDLED")}
            </th>
            <th scope="col">
              {t("qm.as.col.handleTime")}
              {weightOf("HANDLE_TIME")}
            </th>
            <th scope="col">
              {t("qm.as.col.direct")}
              {weightOf("DIRECT_RATE")}
            </th>
            <th scope="col">
              {t("qm.as.col.satisfaction")}
              {weightOf("PROCESS_SATISFACTION")}
            </th>
            <th scope="col">{t("qm.as.col.appeals")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.callTakerId} data-testid={`${testId}-row`}>
              {apart ? null : <td className="num" data-testid="qa-as-rank">{row.tied ? t("qm.as.rankTied", { rank: row.rank ?? "" }) : row.rank}</td>}
              <th scope="row">{row.name}</th>
              <td>{row.teamName ?? ""}</td>
              {apart ? (
                <td>{row.apartReason ? format.enumValue("QaAssessmentApartReason", row.apartReason) : ""}</td>
              ) : (
                <td className="num qm-total-cell" data-testid="qa-as-total">{numbers.score(row.score)}</td>
              )}
              <td className="num">
                {numbers.score(row.qaScore)} <span className="qm-detail">{t("qm.as.inspectionsN", { count: row.inspections })}</span>
              </td>
              <td className="num">
                {row.callsHandled} <span className="qm-detail">({numbers.score(partScore(row, "CALLS_HANDLED"))})</span>
              </td>
              <td className="num">
                {numbers.duration(row.averageHandleSeconds)} <span className="qm-detail">({numbers.score(partScore(row, "HANDLE_TIME"))})</span>
              </td>
              <td className="num">
                {numbers.rate(row.directRate)} <span className="qm-detail">{t("qm.as.ratio", { numerator: row.directAnswered, denominator: row.ticketsLogged })}</span>
              </td>
              <td className="num">
                {numbers.rate(row.processSatisfaction)} <span className="qm-detail">{t("qm.as.ratio", { numerator: row.processSatisfied, denominator: row.processAnswered })}</span>
              </td>
              <td className="num">{row.appealsUpheld}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
