import { useFormat, useLanguage } from "@civicline/ui";
import type { QmMonthlyAssessmentQuery } from "../../../gql/graphql.ts";
import { useQaManageT } from "../messages.ts";
import { useQaNumbers } from "../numbers.ts";
import { PART_KEYS, WEIGHT_FIELDS } from "./parts.ts";

type Assessment = QmMonthlyAssessmentQuery["qaMonthlyAssessment"];

/** The formula as the API states it, the weights version used and its weights, the tie rule. */
export function FormulaBox({ assessment }: { assessment: Assessment }) {
  const t = useQaManageT();
  const format = useFormat();
  const { language } = useLanguage();
  const numbers = useQaNumbers();
  const weights = assessment.weights;
  const en = language === "en";
  return (
    <section className="qm-formula" aria-labelledby="qm-as-formula" data-testid="qa-as-formula">
      <h2 id="qm-as-formula">{t("qm.as.formula.title")}</h2>
      <p data-testid="qa-as-formula-text">{en ? assessment.formulaEn : assessment.formula}</p>
      <p data-testid="qa-as-version-used">{t("qm.as.usedVersion", { version: weights.version, at: format.dateTime(weights.createdAt as string), by: weights.createdByName })}</p>
      <table className="data-table qm-weights-table">
        <caption className="visually-hidden">{t("qm.as.formula.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("qm.as.part")}</th>
            <th scope="col">{t("qm.as.weight")}</th>
          </tr>
        </thead>
        <tbody>
          {PART_KEYS.map((key) => (
            <tr key={key}>
              <th scope="row">{format.enumValue("QaAssessmentPartKey", key)}</th>
              <td className="num" data-testid={`qa-as-weight-${WEIGHT_FIELDS[key]}`}>
                {weights[WEIGHT_FIELDS[key]]}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t("qm.as.targetRule", { target: numbers.duration(weights.targetHandleSeconds) })}</p>
      <p>{en ? assessment.tieRuleEn : assessment.tieRule}</p>
      <p>{t("qm.as.minRule", { min: weights.minCalls })}</p>
    </section>
  );
}
