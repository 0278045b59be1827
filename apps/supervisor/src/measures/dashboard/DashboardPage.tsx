import { useQuery } from "@apollo/client/react";
import { Alert, AppLink, Field, Loading, navigateTo, Select, useErrorMessage, useFormat, useLanguage, type Language, type SelectOptionGroup } from "@civicline/ui";
import { useMemo, useState } from "react";
import {
  MeasureDefinitionsHelpDocument,
  MeasuresDashboardDocument,
  MeasuresTrendPreviousDocument,
  TicketSearchOptionsDocument,
  type DashboardSetFieldsFragment,
  type MeasureFilterInputType as MeasureFilterInput,
} from "../../gql/graphql.ts";
import { HotIssueSummary } from "../hot/HotIssueSummary.tsx";
import { RankingSummary } from "../ranking/RankingSummary.tsx";
import { Chart } from "./Chart.tsx";
import type { ChartSpec } from "./chartSpec.ts";
import { barHref, figureHref, NO_FILTER, type DashboardFilter } from "./drill.ts";
import { useDashboardT, type DashboardMessageKey } from "./messages.ts";
import { formatChange, formatCount, formatDays, formatLongDay, formatRate, formatShortDay } from "./numbers.ts";
import { CHART_COLORS } from "./palette.ts";
import { todayInChina } from "./period.ts";
import { defaultPeriod, PeriodPicker, type PeriodChoice } from "./PeriodPicker.tsx";
import "./dashboard.css";

const REQUEST_TYPES = ["CONSULTATION", "HELP", "COMPLAINT", "SUGGESTION", "REPORT", "PRAISE", "OTHER"];
const CHANNELS = ["PHONE", "PORTAL", "OPEN311", "API", "SMS_WECHAT", "EMAIL", "WALK_IN"];
/** Bars per breakdown chart (the rest is in the linked search). */
const TOP = 12;

/** The figures of a MeasureSet the dashboard shows. */
type DrillFigure =
  | "volume"
  | "dailyAverage"
  | "directHandlingRate"
  | "onTimeRate"
  | "averageHandlingDays"
  | "resultSatisfactionRate"
  | "processSatisfactionRate"
  | "returnRate"
  | "reReportRate"
  | "extensionRate"
  | "overdueCount"
  | "supervisionOrders";

type Figure = { numerator: number; denominator?: number | null; value?: number | null; numeratorCounter: string; denominatorCounter?: string | null };
type Headline = { figure: DrillFigure; label: DashboardMessageKey; kind: "count" | "rate" | "days" };

/** The headline cards, in the order of the reference city's published figures. */
const HEADLINES: readonly Headline[] = [
  { figure: "volume", label: "dash.fig.volume", kind: "count" },
  { figure: "dailyAverage", label: "dash.fig.dailyAverage", kind: "days" },
  { figure: "directHandlingRate", label: "dash.fig.directRate", kind: "rate" },
  { figure: "onTimeRate", label: "dash.fig.onTimeRate", kind: "rate" },
  { figure: "averageHandlingDays", label: "dash.fig.handlingDays", kind: "days" },
  { figure: "resultSatisfactionRate", label: "dash.fig.resultSatisfaction", kind: "rate" },
  { figure: "processSatisfactionRate", label: "dash.fig.processSatisfaction", kind: "rate" },
  { figure: "returnRate", label: "dash.fig.returnRate", kind: "rate" },
  { figure: "reReportRate", label: "dash.fig.reReportRate", kind: "rate" },
  { figure: "extensionRate", label: "dash.fig.extensionRate", kind: "rate" },
  { figure: "overdueCount", label: "dash.fig.overdue", kind: "count" },
  { figure: "supervisionOrders", label: "dash.fig.orders", kind: "count" },
];

function figureOf(set: DashboardSetFieldsFragment | undefined, figure: DrillFigure): Figure | undefined {
  return set ? (set[figure] as Figure) : undefined;
}

function show(value: number | null | undefined, kind: Headline["kind"], language: Language): string {
  if (value === null || value === undefined) {
    return "–";
  }
  return kind === "rate" ? formatRate(value, language) : kind === "days" ? formatDays(value, language) : formatCount(value, language);
}

function toInput(period: PeriodChoice, filter: DashboardFilter, includeSubUnits: boolean): MeasureFilterInput {
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
 * The measures dashboard (数据看板) for supervisors, leaders and admins: a period and filters, the
 * headline figures with numerator, denominator and change against the previous period, the daily
 * trend, and bars by category, unit and district. Every number and bar opens the ticket search with
 * the filters behind it. Charts (ECharts) load on demand; each has its data as a table.
 */
export default function DashboardPage() {
  const t = useDashboardT();
  const format = useFormat();
  const { language } = useLanguage();
  const errorMessage = useErrorMessage();
  const [period, setPeriod] = useState<PeriodChoice>(() => defaultPeriod());
  const [filter, setFilter] = useState<DashboardFilter>(NO_FILTER);
  const [includeSubUnits, setIncludeSubUnits] = useState(true);
  const input = toInput(period, filter, includeSubUnits);
  const result = useQuery(MeasuresDashboardDocument, { variables: { filter: input }, fetchPolicy: "cache-and-network" });
  const measures = result.data?.measures;
  const previousRange = measures?.previousPeriod;
  const previousTrend = useQuery(MeasuresTrendPreviousDocument, {
    variables: { filter: { ...input, period: { kind: "CUSTOM" as never, from: previousRange?.from ?? "", to: previousRange?.to ?? "" } } },
    skip: !previousRange,
  });
  const options = useQuery(TicketSearchOptionsDocument);
  const definitions = useQuery(MeasureDefinitionsHelpDocument);
  const range = measures ? { from: measures.period.from, to: measures.period.to } : null;

  const name = (item: { nameZh?: string | null; nameEn?: string | null }) => (language === "en" ? item.nameEn || item.nameZh : item.nameZh) ?? t("dash.other");
  const named = (items: ReadonlyArray<{ id: string; nameZh: string; nameEn?: string | null }> | undefined) => (items ?? []).map((item) => ({ value: item.id, label: name(item) }));
  const categoryGroups = useMemo((): SelectOptionGroup[] => {
    const all = options.data?.categories ?? [];
    return all
      .filter((c) => !c.parentId)
      .map((group) => ({
        label: (language === "en" ? group.nameEn : group.nameZh) || group.nameZh,
        options: [{ value: group.id, label: (language === "en" ? group.nameEn : group.nameZh) || group.nameZh }, ...all.filter((c) => c.parentId === group.id).map((c) => ({ value: c.id, label: (language === "en" ? c.nameEn : c.nameZh) || c.nameZh }))],
      }));
  }, [options.data, language]);
  const setOne = (key: keyof DashboardFilter, value: string) => setFilter((current) => ({ ...current, [key]: value }));

  const bars = (rows: ReadonlyArray<{ key?: string | null; nameZh?: string | null; nameEn?: string | null; value: number }>, seriesName: string): { spec: ChartSpec; keys: Array<string | null> } => {
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
  const today = todayInChina();
  const previousDays = previousTrend.data?.measures.byDay ?? [];
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
        <PeriodPicker value={period} onChange={setPeriod} />
        <details className="dash-filters" open={filter !== NO_FILTER}>
          <summary>{t("dash.filters")}</summary>
          <div className="dash-filters__grid">
            <Field label={t("dash.filter.unit")} optional>
              <Select value={filter.unitId} onChange={(event) => setOne("unitId", event.target.value)} options={named(options.data?.units)} placeholder={t("dash.filter.all")} data-testid="dash-filter-unit" />
            </Field>
            <label className="dash-filters__check">
              <input type="checkbox" checked={includeSubUnits} disabled={!filter.unitId} onChange={(event) => setIncludeSubUnits(event.target.checked)} />
              {t("dash.filter.subUnits")}
            </label>
            <Field label={t("dash.filter.district")} optional>
              <Select value={filter.districtId} onChange={(event) => setOne("districtId", event.target.value)} options={named(options.data?.areas)} placeholder={t("dash.filter.all")} data-testid="dash-filter-district" />
            </Field>
            <Field label={t("dash.filter.category")} optional>
              <Select value={filter.categoryId} onChange={(event) => setOne("categoryId", event.target.value)} groups={categoryGroups} placeholder={t("dash.filter.all")} data-testid="dash-filter-category" />
            </Field>
            <Field label={t("dash.filter.channel")} optional>
              <Select value={filter.channel} onChange={(event) => setOne("channel", event.target.value)} options={CHANNELS.map((value) => ({ value, label: format.channel(value) }))} placeholder={t("dash.filter.all")} />
            </Field>
            <Field label={t("dash.filter.requestType")} optional>
              <Select value={filter.requestType} onChange={(event) => setOne("requestType", event.target.value)} options={REQUEST_TYPES.map((value) => ({ value, label: format.requestType(value) }))} placeholder={t("dash.filter.all")} />
            </Field>
          </div>
        </details>
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
          <ul className="dash-figures" data-testid="dash-figures">
            {HEADLINES.map((headline) => {
              const current = figureOf(measures.current, headline.figure);
              const previous = figureOf(measures.previous, headline.figure);
              const value = current?.value ?? null;
              const change = formatChange(value, previous?.value ?? null, language, headline.kind);
              const label = t(headline.label);
              const isHandling = headline.figure === "averageHandlingDays";
              return (
                <li key={headline.figure} className="dash-figure card" data-testid={`dash-figure-${headline.figure}`}>
                  {current ? (
                    <AppLink
                      to={figureHref(current.numeratorCounter, range, filter, includeSubUnits)}
                      aria-label={`${label}: ${show(value, headline.kind, language)}. ${t("dash.fig.open", { figure: label })}`}
                      data-testid={`dash-link-${headline.figure}`}
                      className="dash-figure__main"
                    >
                      <span className="dash-figure__label">{label}</span>
                      <span className={`dash-figure__value${isHandling ? " dash-figure__value--small" : ""}`} data-testid={`dash-value-${headline.figure}`}>
                        {isHandling
                          ? t("dash.fig.handlingDaysUnit", { calendar: show(value, "days", language), working: show(measures.current.averageHandlingWorkingDays.value, "days", language) })
                          : show(value, headline.kind, language)}
                      </span>
                    </AppLink>
                  ) : null}
                  {current && current.denominator !== null && current.denominator !== undefined && current.denominatorCounter && headline.kind === "rate" ? (
                    <span className="dash-figure__ratio" data-testid={`dash-ratio-${headline.figure}`}>
                      <AppLink to={figureHref(current.numeratorCounter, range, filter, includeSubUnits)} aria-label={t("dash.fig.openNumerator", { figure: label, count: formatCount(current.numerator, language) })}>
                        {formatCount(current.numerator, language)}
                      </AppLink>
                      {" / "}
                      <AppLink to={figureHref(current.denominatorCounter, range, filter, includeSubUnits)} aria-label={t("dash.fig.openDenominator", { figure: label, count: formatCount(current.denominator, language) })}>
                        {formatCount(current.denominator, language)}
                      </AppLink>
                    </span>
                  ) : null}
                  <span className="dash-figure__change">{change === null ? t("dash.fig.noChange") : headline.kind === "rate" ? t("dash.fig.changePoints", { change }) : t("dash.fig.change", { change })}</span>
                </li>
              );
            })}
          </ul>

          <div className="dash-charts">
            <Chart
              testId="dash-trend"
              title={t("dash.trend")}
              caption={t("dash.trend.caption")}
              spec={trend}
              hrefOf={(index) => (days[index]?.key ? barHref("day", days[index].key, range, filter, includeSubUnits) : null)}
              onNavigate={go}
            />
            <Chart testId="dash-by-category" title={t("dash.byCategory")} caption={t("dash.byCategory.caption")} spec={byCategory.spec} hrefOf={(index) => (byCategory.keys[index] ? barHref("category", byCategory.keys[index], range, filter, includeSubUnits) : null)} onNavigate={go} height={360} />
            <Chart testId="dash-by-unit" title={t("dash.byUnit")} caption={t("dash.byUnit.caption")} spec={byUnit.spec} hrefOf={(index) => (byUnit.keys[index] ? barHref("unit", byUnit.keys[index], range, filter) : null)} onNavigate={go} height={360} />
            <Chart testId="dash-by-district" title={t("dash.byDistrict")} caption={t("dash.byDistrict.caption")} spec={byDistrict.spec} hrefOf={(index) => (byDistrict.keys[index] ? barHref("district", byDistrict.keys[index], range, filter, includeSubUnits) : null)} onNavigate={go} height={360} />
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
