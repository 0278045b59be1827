import { useQuery } from "@apollo/client/react";
import { Alert, Button, EmptyState, Field, Loading, Select, TableScroll, useFormat, useRoutingErrorMessage, useRuleText } from "@civicline/ui";
import { useMemo, useState } from "react";
import { DispatchRulesDocument, type DispatchRuleFieldsFragment } from "../../gql/graphql.ts";
import { JointRuleProposals } from "../../joint/JointRuleProposals.tsx";
import { useSupervisorRoutingT } from "../messages.ts";
import { RuleForm } from "./RuleForm.tsx";
import { RuleHistory } from "./RuleHistory.tsx";
import { filterChoices, NO_FILTER, ruleMatches, WHOLE_CITY, type RuleFilter } from "./ruleFilter.ts";

type Editing = { rule: DispatchRuleFieldsFragment | null } | null;

/**
 * The dispatch catalogue (派单目录): every rule's current version in compact rows that fit a 1440-px
 * screen, filtered by category, area and unit, edited in place, with its history.
 */
export function DispatchRulesPage({ roles = [] }: { roles?: readonly string[] }) {
  const t = useSupervisorRoutingT();
  const format = useFormat();
  const { match } = useRuleText();
  const errorMessage = useRoutingErrorMessage();
  const { data, loading, error, refetch } = useQuery(DispatchRulesDocument, { fetchPolicy: "cache-and-network" });
  const [editing, setEditing] = useState<Editing>(null);
  const [historyId, setHistoryId] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const rules = useMemo(() => data?.dispatchRules ?? [], [data]);
  const [filter, setFilter] = useState<RuleFilter>(NO_FILTER);
  const choices = useMemo(() => filterChoices(rules, format.name), [rules, format.name]);
  const shown = useMemo(() => rules.filter((rule) => ruleMatches(rule, filter)), [rules, filter]);
  const setOne = (key: keyof RuleFilter) => (event: { target: { value: string } }) => setFilter((prev) => ({ ...prev, [key]: event.target.value }));

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
        <div className="rules-filter" role="search" aria-label={t("sr.rules.filter")} data-testid="rules-filter">
          <Field id="rules-filter-category" label={t("sr.rules.col.category")}>
            <Select value={filter.category} onChange={setOne("category")} placeholder={t("sr.rules.filter.all")} options={choices.categories.map((item) => ({ value: item.id, label: format.name(item) }))} />
          </Field>
          <Field id="rules-filter-area" label={t("sr.rules.col.area")}>
            <Select
              value={filter.area}
              onChange={setOne("area")}
              placeholder={t("sr.rules.filter.all")}
              options={[{ value: WHOLE_CITY, label: t("sr.rules.filter.wholeCity") }, ...choices.areas.map((item) => ({ value: item.id, label: format.name(item) }))]}
            />
          </Field>
          <Field id="rules-filter-unit" label={t("sr.rules.filter.unit")}>
            <Select value={filter.unit} onChange={setOne("unit")} placeholder={t("sr.rules.filter.all")} options={choices.units.map((item) => ({ value: item.id, label: format.name(item) }))} />
          </Field>
          <p className="rules-filter__count" aria-live="polite" data-testid="rules-count">
            {t("sr.rules.filter.count", { shown: shown.length, total: rules.length })}
          </p>
          {filter.category || filter.area || filter.unit ? (
            <Button variant="ghost" onClick={() => setFilter(NO_FILTER)}>
              {t("sr.rules.filter.clear")}
            </Button>
          ) : null}
        </div>
      ) : null}
      {rules.length > 0 && shown.length === 0 ? (
        <EmptyState testId="rules-none-match" title={t("sr.rules.filter.none")}>
          {t("sr.rules.filter.noneBody")}
        </EmptyState>
      ) : null}
      {shown.length > 0 ? (
        <TableScroll label={t("sr.rules.title")}>
          <table className="data-table rules-table" data-testid="dispatch-rules">
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
              {shown.map((rule) => (
                <tr key={rule.id} data-testid="dispatch-rule" data-rule-id={rule.id}>
                  <td>{match(rule)}</td>
                  <td>{format.name(rule.leadUnit)}</td>
                  <td>{rule.assistingUnits.length > 0 ? rule.assistingUnits.map(format.name).join("、") : "—"}</td>
                  <td>{t(rule.autoDispatch ? "sr.rules.auto.yes" : "sr.rules.auto.no")}</td>
                  <td className="rules-table__version">
                    {t("sr.rules.versionShort", { version: rule.version })}
                    <span className="rules-table__meta">{t("sr.rules.versionBy", { at: format.date(rule.updatedAt), name: rule.updatedBy })}</span>
                  </td>
                  <td className="rules-table__actions">
                    <div className="rules-table__buttons">
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
