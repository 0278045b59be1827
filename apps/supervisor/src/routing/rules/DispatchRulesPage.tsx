import { useQuery } from "@apollo/client/react";
import { Alert, Button, EmptyState, Loading, TableScroll, useFormat, useRoutingErrorMessage, useRuleText } from "@civicline/ui";
import { useState } from "react";
import { DispatchRulesDocument, type DispatchRuleFieldsFragment } from "../../gql/graphql.ts";
import { JointRuleProposals } from "../../joint/JointRuleProposals.tsx";
import { useSupervisorRoutingT } from "../messages.ts";
import { RuleForm } from "./RuleForm.tsx";
import { RuleHistory } from "./RuleHistory.tsx";

type Editing = { rule: DispatchRuleFieldsFragment | null } | null;

/** The dispatch catalogue (派单目录): every rule's current version, edited in place, with its history. */
export function DispatchRulesPage({ roles = [] }: { roles?: readonly string[] }) {
  const t = useSupervisorRoutingT();
  const format = useFormat();
  const { match } = useRuleText();
  const errorMessage = useRoutingErrorMessage();
  const { data, loading, error, refetch } = useQuery(DispatchRulesDocument, { fetchPolicy: "cache-and-network" });
  const [editing, setEditing] = useState<Editing>(null);
  const [historyId, setHistoryId] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const rules = data?.dispatchRules ?? [];

  const open = (rule: DispatchRuleFieldsFragment | null) => {
    setSaved(null);
    setHistoryId(null);
    setEditing({ rule });
  };
  return (
    <>
      <div className="section-header">
        <h1 tabIndex={-1}>{t("sr.rules.title")}</h1>
        <Button onClick={() => open(null)} data-testid="rule-new">
          {t("sr.rules.new")}
        </Button>
      </div>
      <p className="page-intro">{t("sr.rules.intro")}</p>
      <JointRuleProposals roles={roles} onAccepted={() => void refetch().catch(() => undefined)} />
      <div aria-live="polite">{saved ? <Alert tone="success">{saved}</Alert> : null}</div>
      {editing ? (
        <RuleForm
          key={editing.rule ? `${editing.rule.id}-${editing.rule.version}` : "new"}
          rule={editing.rule}
          onCancel={() => setEditing(null)}
          onSaved={(rule) => {
            setEditing(null);
            setSaved(t("sr.rules.saved", { version: rule.version }));
          }}
        />
      ) : null}
      {historyId ? <RuleHistory id={historyId} onClose={() => setHistoryId(null)} /> : null}
      {error && !data ? (
        <Alert>
          <p>{`${t("sr.rules.loadFailed")} ${errorMessage(error) ?? ""}`}</p>
          <Button variant="secondary" onClick={() => void refetch().catch(() => undefined)}>
            {t("common.retry")}
          </Button>
        </Alert>
      ) : null}
      {loading && !data ? <Loading /> : null}
      {data && rules.length === 0 ? (
        <EmptyState testId="rules-empty" title={t("sr.rules.empty.title")}>
          {t("sr.rules.empty.body")}
        </EmptyState>
      ) : null}
      {rules.length > 0 ? (
        <TableScroll label={t("sr.rules.title")}>
          <table className="data-table" data-testid="dispatch-rules">
            <thead>
              <tr>
                <th scope="col">{t("sr.rules.col.match")}</th>
                <th scope="col">{t("sr.rules.col.lead")}</th>
                <th scope="col">{t("sr.rules.col.assisting")}</th>
                <th scope="col">{t("sr.rules.col.auto")}</th>
                <th scope="col">{t("sr.rules.col.version")}</th>
                <th scope="col">{t("sr.rules.col.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {rules.map((rule) => (
                <tr key={rule.id} data-testid="dispatch-rule" data-rule-id={rule.id}>
                  <td>{match(rule)}</td>
                  <td>{format.name(rule.leadUnit)}</td>
                  <td>{rule.assistingUnits.length > 0 ? rule.assistingUnits.map(format.name).join("、") : "—"}</td>
                  <td>{t(rule.autoDispatch ? "sr.rules.auto.yes" : "sr.rules.auto.no")}</td>
                  <td>{t("sr.rules.version", { version: rule.version, at: format.dateTime(rule.updatedAt), name: rule.updatedBy })}</td>
                  <td>
                    <div className="button-row">
                      <Button variant="secondary" onClick={() => open(rule)} aria-label={t("sr.rules.editLabel", { match: match(rule) })} data-testid="rule-edit">
                        {t("sr.rules.edit")}
                      </Button>
                      <Button
                        variant="ghost"
                        onClick={() => {
                          setEditing(null);
                          setHistoryId(rule.id);
                        }}
                        aria-label={t("sr.rules.historyLabel", { match: match(rule) })}
                        data-testid="rule-history-open"
                      >
                        {t("sr.rules.history")}
                      </Button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </>
  );
}
