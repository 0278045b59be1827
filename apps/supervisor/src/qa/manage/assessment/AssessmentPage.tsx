import { useQuery } from "@apollo/client/react";
import { Alert, Button, EmptyState, errorCode, Field, Loading, Select, useErrorMessage, useFormat, useLanguage } from "@civicline/ui";
import { useState, type FormEvent } from "react";
import { QmAssessmentWeightVersionsDocument, QmMonthlyAssessmentDocument, QmTeamsDocument } from "../../../gql/graphql.ts";
import { useQaManageT } from "../messages.ts";
import { hasRole, QA_FORM_EDITOR_ROLES } from "../paths.ts";
import { shanghaiToday } from "../shanghai.ts";
import { orderTeams, TeamPicker } from "../TeamPicker.tsx";
import { previousMonth } from "../week.ts";
import { AssessmentChart } from "./AssessmentChart.tsx";
import { AssessmentExport } from "./AssessmentExport.tsx";
import { AssessmentTable } from "./AssessmentTable.tsx";
import { FormulaBox } from "./FormulaBox.tsx";
import { GroupTable } from "./GroupTable.tsx";
import { recentMonths } from "./months.ts";
import { WeightsEditor } from "./WeightsEditor.tsx";
import "../qa-manage.css";

type Chosen = { month: string; teamId: string; version: number | null };

/**
 * 月度考核: each call-taker's month combined by the formula shown (weights versioned) into a total
 * and a rank, with a chart and CSV/PDF export. Supervisors and leaders see the team and centre
 * figures only; inspectors and admins edit the weights.
 */
export function AssessmentPage({ roles, ledTeamIds }: { roles: readonly string[]; ledTeamIds: readonly string[] }) {
  const t = useQaManageT();
  const format = useFormat();
  const { language } = useLanguage();
  const errorMessage = useErrorMessage();
  const months = recentMonths(shanghaiToday());
  const [form, setForm] = useState<{ month: string; teamId: string; version: string }>(() => ({ month: previousMonth(months[0]!), teamId: "", version: "" }));
  const [chosen, setChosen] = useState<Chosen>(() => ({ month: previousMonth(months[0]!), teamId: "", version: null }));
  const teams = useQuery(QmTeamsDocument);
  const versions = useQuery(QmAssessmentWeightVersionsDocument);
  const assessment = useQuery(QmMonthlyAssessmentDocument, { variables: { month: chosen.month, teamId: chosen.teamId || null, weightsVersion: chosen.version }, fetchPolicy: "cache-and-network" });
  const teamList = orderTeams(teams.data?.qaTeams ?? [], ledTeamIds);
  const versionList = versions.data?.qaAssessmentWeightVersions ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSettled(true);
    setChosen({ month: form.month, teamId: form.teamId, version: form.version ? Number(form.version) : null });
  };
  const data = assessment.data?.qaMonthlyAssessment;
  // Opened on last month; when last month has no figures at all (a centre that started this month,
  // the demo) the page moves once to this month so far instead of opening on an empty page.
  const [settled, setSettled] = useState(false);
  if (!settled && data && data.month === chosen.month) {
    setSettled(true);
    if (chosen.month !== months[0] && data.centre.callTakers === 0 && data.rows.length === 0 && data.apart.length === 0) {
      setChosen({ ...chosen, month: months[0]! });
      setForm({ ...form, month: months[0]! });
    }
  }
  const monthName = (month: string) => (language === "en" ? month : `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`);
  const code = errorCode(assessment.error);
  return (
    <section aria-labelledby="qm-as-title" className="qm-page" data-testid="qa-assessment">
      <h1 id="qm-as-title" tabIndex={-1}>
        {t("qm.as.title")}
      </h1>
      <p className="page-intro">{t("qm.as.intro")}</p>
      <form className="qm-filter" onSubmit={submit} noValidate aria-label={t("qm.as.filter")}>
        <Field label={t("qm.as.month")}>
          <Select value={form.month} placeholder={null} onChange={(event) => setForm({ ...form, month: event.target.value })} options={months.map((month) => ({ value: month, label: monthName(month) }))} data-testid="qa-as-month" />
        </Field>
        {teamList.length > 0 ? <TeamPicker teams={teamList} value={form.teamId} onChange={(teamId) => setForm({ ...form, teamId })} allLabel={t("qm.as.allTeams")} /> : null}
        <Field label={t("qm.as.version")}>
          <Select
            value={form.version}
            placeholder={null}
            onChange={(event) => setForm({ ...form, version: event.target.value })}
            options={[{ value: "", label: t("qm.as.version.auto") }, ...versionList.map((version) => ({ value: String(version.version), label: t("qm.as.version.option", { version: version.version, at: format.date(version.createdAt as string), by: version.createdByName }) }))]}
            data-testid="qa-as-version"
          />
        </Field>
        <Button type="submit" data-testid="qa-as-show">
          {t("qm.show")}
        </Button>
      </form>
      <div aria-live="polite">{assessment.error ? <Alert>{code === "QA/WEIGHTS_VERSION_NOT_FOUND" ? t("qm.as.versionNotFound") : (errorMessage(assessment.error) ?? t("qm.loadFailed"))}</Alert> : null}</div>
      {assessment.loading && !data ? <Loading /> : null}
      {data ? (
        <>
          <FormulaBox assessment={data} />
          <AssessmentExport month={chosen.month} teamId={chosen.teamId || null} weightsVersion={chosen.version} />
          {data.rows.length === 0 && data.apart.length === 0 && data.centre.callTakers === 0 ? (
            <EmptyState title={t("qm.as.empty.title")} testId="qa-as-empty">
              <p>{t("qm.as.empty.body")}</p>
            </EmptyState>
          ) : (
            <>
              {!data.individual ? <p className="field__hint" data-testid="qa-as-aggregate">{t("qm.as.aggregateOnly")}</p> : null}
              {data.individual && data.rows.length > 0 ? (
                <>
                  <AssessmentChart rows={data.rows} month={monthName(data.month)} />
                  <AssessmentTable rows={data.rows} weights={data.weights} caption={t("qm.as.caption", { month: monthName(data.month) })} testId="qa-as-ranked" />
                </>
              ) : null}
              {data.individual && data.apart.length > 0 ? (
                <section aria-labelledby="qm-as-apart">
                  <h2 id="qm-as-apart">{t("qm.as.apart.title")}</h2>
                  <p>{t("qm.as.minRule", { min: data.weights.minCalls })}</p>
                  <AssessmentTable rows={data.apart} weights={data.weights} caption={t("qm.as.apart.caption", { month: monthName(data.month) })} apart testId="qa-as-apart" />
                </section>
              ) : null}
              {!data.individual ? <AssessmentChart teams={data.teams} month={monthName(data.month)} /> : null}
              <GroupTable teams={data.teams} centre={data.centre} caption={t("qm.as.teamCaption", { month: monthName(data.month) })} />
            </>
          )}
        </>
      ) : null}
      {hasRole(roles, QA_FORM_EDITOR_ROLES) && versions.data ? <WeightsEditor versions={versionList} onSaved={() => void assessment.refetch().catch(() => undefined)} /> : null}
    </section>
  );
}
