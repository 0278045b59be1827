import { useQuery } from "@apollo/client/react";
import { Alert, AppLink, appHref, Loading, navigateTo, useErrorMessage, useLanguage } from "@civicline/ui";
import { useState } from "react";
import { MeasureDefinitionsHelpDocument, MeasuresDashboardDocument, MeasuresTrendPreviousDocument, type MeasureFilterInputType as MeasureFilterInput } from "../../gql/graphql.ts";
import { HotIssueSummary } from "../hot/HotIssueSummary.tsx";
import { RankingSummary } from "../ranking/RankingSummary.tsx";
import { Chart } from "./Chart.tsx";
import type { ChartSpec } from "./chartSpec.ts";
import { DashboardFilters } from "./DashboardFilters.tsx";
import { stateFromQuery, stateToQuery, type DashboardState } from "./dashboardState.ts";
import { barHref } from "./drill.ts";
import { HeadlineFigures } from "./HeadlineFigures.tsx";
import { useDashboardT } from "./messages.ts";
import { formatCount, formatLongDay, formatShortDay } from "./numbers.ts";
import { CHART_COLORS } from "./palette.ts";
import { todayInChina } from "./period.ts";
import { PeriodPicker } from "./PeriodPicker.tsx";
import "./dashboard.css";

/** Bars per breakdown chart (the rest is in the linked search). */
const TOP = 12;

type Row = { key?: string | null; nameZh?: string | null; nameEn?: string | null; value: number };

function toInput({ period, filter, includeSubUnits }: DashboardState): MeasureFilterInput {
  return {
    period: period.kind === "custom" ? { kind: "CUSTOM" as never, from: period.custom.from, to: period.custom.to } : { kind: period.kind.toUpperCase() as never, anchor: period.anchor },
    unitId: filter.unitId || null,
    includeSubUnits: filter.unitId ? includeSubUnits : null,
    districtId: filter.districtId || null,
    categoryId: filter.categoryId || null,
    channels: filter.channel ? [filter.channel as never] : null,
    requestTypes: filter.requestType ? [filter.requestType as never] : null,
  };
}

/**
 * The measures dashboard (数据看板) for supervisors, leaders and admins: a period and filters (kept in
 * the address, so Back from a drill-down returns to the same figures), the headline figures with
 * numerator, denominator and change against the previous period, the daily trend, bars by category,
 * unit and district, the ranking and hot issues. Every number and bar opens the ticket search with the
 * tickets behind it. Charts (ECharts) load on demand; each has its data as a table.
 */
export default function DashboardPage() {
  const t = useDashboardT();
  const { language } = useLanguage();
  const errorMessage = useErrorMessage();
  const [state, setState] = useState<DashboardState>(() => stateFromQuery(window.location.search));
  const change = (next: DashboardState) => {
    setState(next);
    window.history.replaceState(null, "", appHref(`measures${stateToQuery(next)}`));
  };
  const input = toInput(state);
  const result = useQuery(MeasuresDashboardDocument, { variables: { filter: input }, fetchPolicy: "cache-and-network" });
  const measures = result.data?.measures;
  const previousRange = measures?.previousPeriod;
  const previousTrend = useQuery(MeasuresTrendPreviousDocument, {
    variables: { filter: { ...input, period: { kind: "CUSTOM" as never, from: previousRange?.from ?? "", to: previousRange?.to ?? "" } } },
    skip: !previousRange,
  });
  const definitions = useQuery(MeasureDefinitionsHelpDocument);
  const range = measures ? { from: measures.period.from, to: measures.period.to } : null;
  const { filter, includeSubUnits } = state;

  const name = (item: { nameZh?: string | null; nameEn?: string | null }) => (language === "en" ? item.nameEn || item.nameZh : item.nameZh) ?? t("dash.other");
  const bars = (rows: readonly Row[], seriesName: string): { spec: ChartSpec; keys: Array<string | null> } => {
    const top = [...rows].filter((row) => row.value > 0).sort((a, b) => b.value - a.value).slice(0, TOP);
    return {
      keys: top.map((row) => row.key ?? null),
      spec: {
        kind: "bar",
        horizontal: true,
        labels: top.map((row) => name(row)),
        series: [{ name: seriesName, values: top.map((row) => row.value), color: CHART_COLORS.primary }],
        formatValue: (value) => formatCount(value, language),
      },
    };
  };
  const byCategory = bars((measures?.byCategory ?? []).map((row) => ({ ...row, value: row.set.volume.value ?? 0 })), t("dash.series.received"));
  const byUnit = bars((measures?.byUnit ?? []).map((row) => ({ ...row, value: row.set.counts.dispatched })), t("dash.series.dispatched"));
  const byDistrict = bars((measures?.byDistrict ?? []).map((row) => ({ ...row, value: row.set.volume.value ?? 0 })), t("dash.series.received"));
  const days = measures?.byDay ?? [];
  const previousDays = previousTrend.data?.measures.byDay ?? [];
  const today = todayInChina();
  const trend: ChartSpec = {
    kind: "line",
    labels: days.map((row) => formatShortDay(row.key ?? "", language)),
    series: [
      // Days after today have no figures yet: no point rather than a zero.
      { name: t("dash.trend.current"), values: days.map((row) => ((row.key ?? "") > today ? null : (row.set.volume.value ?? 0))), color: CHART_COLORS.primary },
      ...(previousDays.length > 0 ? [{ name: t("dash.trend.previous"), values: days.map((_, index) => previousDays[index]?.set.volume.value ?? null), color: CHART_COLORS.previous, dashed: true }] : []),
    ],
    formatValue: (value) => formatCount(value, language),
  };
  const go = (href: string) => navigateTo(href);
  const linkOf = (by: "category" | "unit" | "district", keys: Array<string | null>) => (index: number) => (range && keys[index] ? barHref(by, keys[index], range, filter, includeSubUnits) : null);

  return (
    <section className="dashboard" aria-labelledby="dash-title" data-testid="measures-dashboard">
      <div className="dash-head">
        <h1 id="dash-title" tabIndex={-1}>
          {t("dash.title")}
        </h1>
        <AppLink to="wall" className="button button--secondary" data-testid="dash-open-wall">
          {t("dash.wall.open")}
        </AppLink>
      </div>
      <p className="stat__hint">{t("dash.intro")}</p>

      <div className="dash-controls card">
        <PeriodPicker value={state.period} onChange={(period) => change({ ...state, period })} />
        <DashboardFilters filter={filter} includeSubUnits={includeSubUnits} onChange={(next, subUnits) => change({ ...state, filter: next, includeSubUnits: subUnits })} />
      </div>

      {result.error ? <Alert>{`${t("dash.loadFailed")} ${errorMessage(result.error) ?? ""}`}</Alert> : null}
      {result.loading && !measures ? <Loading /> : null}

      {measures && range ? (
        <>
          <p className="dash-showing" data-testid="dash-showing">
            {t("dash.period.showing", {
              from: formatLongDay(measures.period.from, language),
              to: formatLongDay(measures.period.to, language),
              days: formatCount(measures.period.days, language),
              prevFrom: formatLongDay(measures.previousPeriod.from, language),
              prevTo: formatLongDay(measures.previousPeriod.to, language),
            })}
          </p>
          <h2 className="visually-hidden">{t("dash.headline")}</h2>
          <HeadlineFigures current={measures.current} previous={measures.previous} range={range} filter={filter} includeSubUnits={includeSubUnits} />

          <div className="dash-charts">
            <Chart testId="dash-trend" title={t("dash.trend")} caption={t("dash.trend.caption")} spec={trend} hrefOf={(index) => (days[index]?.key ? barHref("day", days[index].key, range, filter, includeSubUnits) : null)} onNavigate={go} />
            <Chart testId="dash-by-category" title={t("dash.byCategory")} caption={t("dash.byCategory.caption")} spec={byCategory.spec} hrefOf={linkOf("category", byCategory.keys)} onNavigate={go} height={360} />
            <Chart testId="dash-by-unit" title={t("dash.byUnit")} caption={t("dash.byUnit.caption")} spec={byUnit.spec} hrefOf={linkOf("unit", byUnit.keys)} onNavigate={go} height={360} />
            <Chart testId="dash-by-district" title={t("dash.byDistrict")} caption={t("dash.byDistrict.caption")} spec={byDistrict.spec} hrefOf={linkOf("district", byDistrict.keys)} onNavigate={go} height={360} />
          </div>

          <div className="dash-more">
            <div className="card" data-testid="dash-ranking">
              <RankingSummary fromDay={measures.period.from} toDay={measures.period.to} limit={5} headingLevel={2} />
            </div>
            <div className="card" data-testid="dash-hot">
              <HotIssueSummary limit={5} headingLevel={2} />
            </div>
          </div>
        </>
      ) : null}

      {definitions.data ? (
        <details className="dash-help card" data-testid="dash-help">
          <summary>{t("dash.help.title")}</summary>
          <dl>
            {definitions.data.measureDefinitions.map((definition) => (
              <div key={definition.key}>
                <dt>{language === "en" ? definition.nameEn : definition.nameZh}</dt>
                <dd>{language === "en" ? definition.definitionEn : definition.definitionZh}</dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
    </section>
  );
}
