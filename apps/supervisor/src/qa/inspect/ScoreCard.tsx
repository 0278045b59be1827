import { useFormat } from "@civicline/ui";
import type { QiScoreFieldsFragment } from "../../gql/graphql.ts";
import { useQaLabel } from "./labels.ts";
import { useQaInspectT } from "./messages.ts";
import { formatTotal } from "./score.ts";

/** One score version as given: total, critical errors, each criterion's points, deductions and comment, the overall comment. */
export function ScoreCard({ score, testId = "qa-score-card" }: { score: QiScoreFieldsFragment; testId?: string }) {
  const t = useQaInspectT();
  const format = useFormat();
  const label = useQaLabel();
  return (
    <div className="qa-score-card" data-testid={testId}>
      <p className="qa-score-card__total">
        <span>{t("qi.form.total")}</span>{" "}
        <strong data-testid={`${testId}-total`}>{t("qi.form.totalValue", { total: formatTotal(score.total) })}</strong>{" "}
        <span className="qa-muted">{format.enumValue("QaScoreReason", score.reason)} · v{score.version}</span>
      </p>
      {score.critical ? (
        <p className="qa-critical-note" data-testid={`${testId}-critical`}>
          {t("qi.card.critical", { errors: score.criticalErrors.map(label).join("; ") })}
        </p>
      ) : null}
      <table className="data-table qa-table qa-score-card__table">
        <caption className="visually-hidden">{t("qi.card.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("qi.card.criterion")}</th>
            <th scope="col">{t("qi.col.score")}</th>
            <th scope="col">{t("qi.form.criterion.deductions")}</th>
            <th scope="col">{t("qi.card.comment")}</th>
          </tr>
        </thead>
        <tbody>
          {score.criteria.map((criterion) => (
            <tr key={criterion.key}>
              <th scope="row">{label(criterion)}</th>
              <td className="qa-num">
                {criterion.score} / {criterion.weight}
              </td>
              <td className="qa-wrap">{criterion.deductions.map((deduction) => t("qi.form.deduction", { label: label(deduction), points: deduction.points })).join("; ") || "—"}</td>
              <td className="qa-wrap">{criterion.comment ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {score.comment ? (
        <p className="qa-pre">
          <strong>{t("qi.card.overall")}</strong> {score.comment}
        </p>
      ) : null}
      <p className="qa-muted">{t("qi.card.by", { name: score.scoredByName, at: format.dateTime(score.scoredAt) })}</p>
    </div>
  );
}
