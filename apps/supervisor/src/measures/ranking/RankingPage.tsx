import { useQuery } from "@apollo/client/react";
import { Alert, Button, EmptyState, errorCode, Field, Loading, Select, TextInput, useErrorMessage, useFormat } from "@civicline/ui";
import { useState, type FormEvent } from "react";
import { DepartmentRankingDocument, RankingWeightVersionsDocument } from "../../gql/graphql.ts";
import { useRankingT, type RankingMessageKey } from "./messages.ts";
import { monthRange, shanghaiToday, thisMonthSoFar, validRange } from "./period.ts";
import { PART_DEFINITIONS, PART_KEYS, RankingTable, WEIGHT_FIELDS } from "./RankingTable.tsx";
import { WeightsEditor } from "./WeightsEditor.tsx";
import "./ranking.css";

type PeriodKind = "lastMonth" | "thisMonth" | "custom";
type Chosen = { fromDay: string; toDay: string; version: number | null };

function rangeOf(kind: PeriodKind, today: string, custom: { fromDay: string; toDay: string }) {
  return kind === "lastMonth" ? monthRange(today, -1) : kind === "thisMonth" ? thisMonthSoFar(today) : custom;
}

/**
 * 部门排名: pick a period (last month by default) and a weights version (default: the one in force at
 * the period's end); the formula, tie rule and weights used are shown above the table. Admins also
 * get the weights editor.
 */
export function RankingPage({ roles }: { roles: readonly string[] }) {
  const t = useRankingT();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const today = shanghaiToday();
  const [kind, setKind] = useState<PeriodKind>("lastMonth");
  const [custom, setCustom] = useState(() => monthRange(today, -1));
  const [versionChoice, setVersionChoice] = useState("");
  const [chosen, setChosen] = useState<Chosen>(() => ({ ...monthRange(today, -1), version: null }));
  const [invalid, setInvalid] = useState(false);
  const versions = useQuery(RankingWeightVersionsDocument);
  const ranking = useQuery(DepartmentRankingDocument, { variables: { fromDay: chosen.fromDay, toDay: chosen.toDay, weightsVersion: chosen.version }, fetchPolicy: "cache-and-network" });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const range = rangeOf(kind, today, custom);
    if (!validRange(range.fromDay, range.toDay)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setChosen({ ...range, version: versionChoice ? Number(versionChoice) : null });
  };
  const data = ranking.data?.departmentRanking;
  const weights = data?.weights;
  const code = errorCode(ranking.error);
  const versionList = versions.data?.rankingWeightVersions ?? [];
  return (
    <section aria-labelledby="ranking-title" className="ranking-page" data-testid="ranking-page">
      <h1 id="ranking-title" tabIndex={-1}>
        {t("rk.title")}
      </h1>
      <p className="page-intro">{t("rk.intro")}</p>
      <form className="ranking-filter" onSubmit={submit} noValidate aria-label={t("rk.period")}>
        <Field label={t("rk.period")}>
          <Select
            value={kind}
            placeholder={null}
            onChange={(event) => setKind(event.target.value as PeriodKind)}
            options={[
              { value: "lastMonth", label: t("rk.period.lastMonth") },
              { value: "thisMonth", label: t("rk.period.thisMonth") },
              { value: "custom", label: t("rk.period.custom") },
            ]}
            data-testid="ranking-period"
          />
        </Field>
        {kind === "custom" ? (
          <>
            <Field label={t("rk.from")} error={invalid ? t("rk.invalidRange") : undefined}>
              <TextInput type="date" value={custom.fromDay} onChange={(event) => setCustom({ ...custom, fromDay: event.target.value })} data-testid="ranking-from" />
            </Field>
            <Field label={t("rk.to")}>
              <TextInput type="date" value={custom.toDay} onChange={(event) => setCustom({ ...custom, toDay: event.target.value })} data-testid="ranking-to" />
            </Field>
          </>
        ) : null}
        <Field label={t("rk.version")}>
          <Select
            value={versionChoice}
            placeholder={null}
            onChange={(event) => setVersionChoice(event.target.value)}
            options={[
              { value: "", label: t("rk.version.auto") },
              ...versionList.map((version) => ({ value: String(version.version), label: t("rk.version.option", { version: version.version, at: format.date(version.createdAt as string), by: version.createdByName }) })),
            ]}
            data-testid="ranking-version"
          />
        </Field>
        <Button type="submit" data-testid="ranking-show">
          {t("rk.show")}
        </Button>
      </form>
      {weights ? (
        <section className="ranking-formula" aria-labelledby="ranking-formula-title" data-testid="ranking-formula">
          <h2 id="ranking-formula-title">{t("rk.formula.title")}</h2>
          <p>{t("rk.formula")}</p>
          <p data-testid="ranking-version-used">{t("rk.usedVersion", { version: weights.version, at: format.dateTime(weights.createdAt as string), by: weights.createdByName })}</p>
          <table className="data-table ranking-weights-table">
            <caption className="visually-hidden">{t("rk.formula.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("rk.part")}</th>
                <th scope="col">{t("rk.weight")}</th>
              </tr>
            </thead>
            <tbody>
              {PART_KEYS.map((key) => (
                <tr key={key}>
                  <th scope="row">
                    {format.enumValue("RankingPartKey", key)}
                    <span className="ranking-definition"> — {t(PART_DEFINITIONS[key] as RankingMessageKey)}</span>
                  </th>
                  <td data-testid={`ranking-weight-${WEIGHT_FIELDS[key]}`}>{weights[WEIGHT_FIELDS[key]]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>{t("rk.tieRule")}</p>
          <p>{t("rk.minRule", { min: weights.minTickets })}</p>
        </section>
      ) : null}
      <div aria-live="polite">
        {ranking.error ? <Alert>{code === "SUPERVISION/WEIGHTS_VERSION_NOT_FOUND" ? t("rk.error.SUPERVISION/WEIGHTS_VERSION_NOT_FOUND") : (errorMessage(ranking.error) ?? t("rk.loadFailed"))}</Alert> : null}
      </div>
      {ranking.loading && !data ? <Loading /> : null}
      {data && weights ? (
        data.ranked.length === 0 && data.apart.length === 0 ? (
          <EmptyState title={t("rk.empty.title")} testId="ranking-empty">
            <p>{t("rk.empty.body")}</p>
          </EmptyState>
        ) : (
          <>
            {data.ranked.length > 0 ? <RankingTable units={data.ranked} weights={weights} fromDay={data.fromDay} toDay={data.toDay} testId="ranking-ranked" /> : null}
            {data.apart.length > 0 ? (
              <section aria-labelledby="ranking-apart-title">
                <h2 id="ranking-apart-title">{t("rk.apart.title")}</h2>
                <p>{t("rk.minRule", { min: weights.minTickets })}</p>
                <RankingTable units={data.apart} weights={weights} fromDay={data.fromDay} toDay={data.toDay} apart testId="ranking-apart" />
              </section>
            ) : null}
          </>
        )
      ) : null}
      {roles.includes("ADMIN") && versions.data ? <WeightsEditor versions={versionList} onSaved={() => void ranking.refetch()} /> : null}
    </section>
  );
}
