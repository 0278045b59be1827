import { useQuery } from "@apollo/client/react";
import { Alert, Field, Loading, Select, useFormat, useLanguage } from "@civicline/ui";
import { useState } from "react";
import { SatisfactionSummaryDocument } from "../gql/graphql.ts";
import { presetPeriod, statsVariables, type PeriodPreset } from "../knowledge/stats/period.ts";
import { useCallbackErrorMessage } from "./callbackErrors.ts";
import { useSupervisorCallbackT } from "./messages.ts";

type Preset = Exclude<PeriodPreset, "custom">;
const PRESETS: readonly Preset[] = ["thisMonth", "lastMonth", "thisYear"];

function isPreset(value: string): value is Preset {
  return (PRESETS as readonly string[]).includes(value);
}

/** A share as a percentage with up to two decimals ("99.74 %", "100 %"). */
export function formatRate(rate: number, language: string): string {
  return new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 2 }).format(rate);
}

function RateMeter({ id, label, hint, rate, satisfied, answered }: { id: string; label: string; hint: string; rate: number | null; satisfied: number; answered: number }) {
  const t = useSupervisorCallbackT();
  const { language } = useLanguage();
  const percent = rate === null ? 0 : Math.round(rate * 1000) / 10;
  return (
    <div className="sat-rate" data-testid={`sat-${id}`}>
      <h3 id={`sat-${id}-label`} className="stat__label">
        {label}
      </h3>
      <p className="stat__value" data-testid={`sat-${id}-rate`}>
        {rate === null ? t("sc.sat.noAnswers") : formatRate(rate, language)}
      </p>
      <div
        className="sat-meter"
        role="meter"
        aria-labelledby={`sat-${id}-label`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={rate === null ? t("sc.sat.noAnswers") : formatRate(rate, language)}
      >
        <span className="sat-meter__bar" style={{ width: `${percent}%` }} />
      </div>
      <p className="stat__hint" data-testid={`sat-${id}-counts`}>
        {t("sc.sat.counts", { satisfied, answered })}
      </p>
      <p className="stat__hint">{hint}</p>
    </div>
  );
}

/** Result and process satisfaction of a period with their counts, as the measures define them. */
export function SatisfactionCard() {
  const t = useSupervisorCallbackT();
  const format = useFormat();
  const errorMessage = useCallbackErrorMessage();
  const [period, setPeriod] = useState(() => presetPeriod("thisMonth"));
  const { data, loading, error } = useQuery(SatisfactionSummaryDocument, { variables: statsVariables(period), fetchPolicy: "cache-and-network" });
  const summary = data?.satisfactionSummary;
  return (
    <section className="card sat-card" aria-labelledby="sat-title" data-testid="satisfaction-card">
      <div className="sat-card__header">
        <h2 id="sat-title">{t("sc.sat.title")}</h2>
        <div className="sat-card__period">
          <Field id="sat-period" label={t("sc.sat.period")}>
            <Select
              placeholder={null}
              value={period.preset}
              options={PRESETS.map((preset) => ({ value: preset, label: t(`sc.sat.preset.${preset}`) }))}
              onChange={(event) => isPreset(event.target.value) && setPeriod(presetPeriod(event.target.value))}
              data-testid="sat-period"
            />
          </Field>
          <p className="stat__hint">{t("sc.sat.range", { from: format.date(`${period.from}T12:00:00+08:00`), to: format.date(`${period.to}T12:00:00+08:00`) })}</p>
        </div>
      </div>
      {error && !data ? <Alert>{`${t("sc.sat.loadFailed")} ${errorMessage(error) ?? ""}`}</Alert> : null}
      {loading && !data ? <Loading /> : null}
      {summary ? (
        <>
          <div className="sat-rates">
            <RateMeter
              id="result"
              label={t("sc.sat.result")}
              hint={t("sc.sat.resultHint")}
              rate={summary.resultSatisfactionRate}
              satisfied={summary.resultSatisfied}
              answered={summary.reasonableAnswered}
            />
            <RateMeter
              id="process"
              label={t("sc.sat.process")}
              hint={t("sc.sat.processHint")}
              rate={summary.processSatisfactionRate}
              satisfied={summary.processSatisfied}
              answered={summary.processAnswered}
            />
          </div>
          <dl className="sat-figures">
            <div>
              <dt>{t("sc.sat.answered")}</dt>
              <dd data-testid="sat-answered">{summary.answered}</dd>
            </div>
            <div>
              <dt>{t("sc.sat.online")}</dt>
              <dd>{summary.onlineAnswered}</dd>
            </div>
            <div>
              <dt>{t("sc.sat.unreachable")}</dt>
              <dd>{summary.unreachable}</dd>
            </div>
            <div>
              <dt>{t("sc.sat.reReports")}</dt>
              <dd data-testid="sat-re-reports">{summary.reReportsProposed}</dd>
            </div>
          </dl>
        </>
      ) : null}
    </section>
  );
}
