import type { QmAssessmentRowFieldsFragment, QmGroupFiguresFragment } from "../../../gql/graphql.ts";
import { Chart } from "../../../measures/dashboard/Chart.tsx";
import type { ChartSpec } from "../../../measures/dashboard/chartSpec.ts";
import { CHART_COLORS } from "../../../measures/dashboard/palette.ts";
import { useLanguage } from "@civicline/ui";
import { useQaManageT } from "../messages.ts";
import "../../../measures/dashboard/dashboard.css";

/** How many call-takers the chart draws (the table below has everyone). */
export const CHART_TOP = 20;

type Props = { month: string } & ({ rows: readonly QmAssessmentRowFieldsFragment[]; teams?: undefined } | { teams: readonly QmGroupFiguresFragment[]; rows?: undefined });

/**
 * The totals as sideways bars: the best-ranked call-takers (or, for aggregate readers, each team's
 * average total). ECharts loads on demand (the dashboard's Chart); its data is also a table.
 */
export function AssessmentChart(props: Props) {
  const t = useQaManageT();
  const { language } = useLanguage();
  const locale = language === "en" ? "en-US" : "zh-CN";
  const formatValue = (value: number) => value.toLocaleString(locale, { maximumFractionDigits: 2 });
  const items = props.rows
    ? props.rows.slice(0, CHART_TOP).map((row) => ({ label: row.name, value: row.score ?? null }))
    : props.teams.map((team) => ({ label: language === "en" && team.nameEn ? team.nameEn : team.name, value: team.averageScore ?? null }));
  const spec: ChartSpec = {
    kind: "bar",
    horizontal: true,
    labels: items.map((item) => item.label),
    series: [{ name: t("qm.as.chart.series"), values: items.map((item) => item.value), color: CHART_COLORS.primary }],
    formatValue,
  };
  const title = props.rows ? t("qm.as.chart", { count: Math.min(CHART_TOP, props.rows.length) }) : t("qm.as.teamChart");
  return <Chart testId="qa-as-chart" title={title} caption={t("qm.as.chart.caption", { month: props.month })} spec={spec} height={Math.max(200, items.length * 28 + 48)} />;
}
