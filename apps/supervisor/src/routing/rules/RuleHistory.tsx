import { useQuery } from "@apollo/client/react";
import { Alert, Button, Loading, useFormat, useRoutingErrorMessage, useRuleText } from "@civicline/ui";
import { DispatchRuleHistoryDocument } from "../../gql/graphql.ts";
import { useSupervisorRoutingT } from "../messages.ts";

/** Every version of a rule, newest first: what it matched, where it sent tickets, who saved it when. */
export function RuleHistory({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useSupervisorRoutingT();
  const format = useFormat();
  const { summary } = useRuleText();
  const errorMessage = useRoutingErrorMessage();
  const { data, loading, error } = useQuery(DispatchRuleHistoryDocument, { variables: { id }, fetchPolicy: "cache-and-network" });
  const versions = [...(data?.dispatchRuleHistory ?? [])].sort((a, b) => b.version - a.version);
  return (
    <section className="card rule-history" aria-labelledby="rule-history-title" data-testid="rule-history">
      <div className="section-header">
        <h2 id="rule-history-title">{t("sr.rules.historyTitle")}</h2>
        <Button variant="ghost" onClick={onClose}>
          {t("sr.rules.close")}
        </Button>
      </div>
      {loading && !data ? <Loading /> : null}
      {error && !data ? <Alert>{errorMessage(error)}</Alert> : null}
      <ol className="plain-list rule-history__list">
        {versions.map((version) => (
          <li key={version.version} data-testid="rule-version">
            <strong>{t("sr.rules.version", { version: version.version, at: format.dateTime(version.updatedAt), name: version.updatedBy })}</strong>
            <p>{summary(version)}</p>
            {version.assistingUnits.length > 0 ? <p>{`${t("sr.rules.col.assisting")}: ${version.assistingUnits.map(format.name).join("、")}`}</p> : null}
            <p>{`${t("sr.rules.col.auto")}: ${t(version.autoDispatch ? "sr.rules.auto.yes" : "sr.rules.auto.no")}`}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
