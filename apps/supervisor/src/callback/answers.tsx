import type { ReReportProposalFieldsFragment } from "../gql/graphql.ts";
import { useSupervisorCallbackT } from "./messages.ts";

/** Resolution and the two satisfactions in one line ("Not resolved · Result: Very dissatisfied · Service: Satisfied"). */
export function AnswersSummary({ proposal }: { proposal: ReReportProposalFieldsFragment }) {
  const t = useSupervisorCallbackT();
  const { survey } = proposal;
  return (
    <span className="proposal-answers">
      {survey.resolution ? <span className="proposal-answers__item">{t(`sc.resolution.${survey.resolution}`)}</span> : null}
      {survey.resultSatisfaction ? (
        <span className="proposal-answers__item">
          {t("sc.answers.result")}: <strong className={isDissatisfied(survey.resultSatisfaction) ? "proposal-answers__bad" : undefined}>{t(`sc.satisfaction.${survey.resultSatisfaction}`)}</strong>
        </span>
      ) : null}
      <span className="proposal-answers__item">
        {t("sc.answers.process")}: <strong className={isDissatisfied(survey.processSatisfaction) ? "proposal-answers__bad" : undefined}>{t(`sc.satisfaction.${survey.processSatisfaction}`)}</strong>
      </span>
    </span>
  );
}

export function isDissatisfied(value: string): boolean {
  return value === "DISSATISFIED" || value === "VERY_DISSATISFIED";
}

/** The reasons as badges. */
export function Reasons({ reasons }: { reasons: readonly string[] }) {
  const t = useSupervisorCallbackT();
  return (
    <span className="badge-row">
      {reasons.map((reason) => (
        <span key={reason} className="badge badge--warning" data-reason={reason}>
          {t(`sc.reason.${reason}` as "sc.reason.UNRESOLVED")}
        </span>
      ))}
    </span>
  );
}
