import { MEASURE_DEFINITIONS } from "../engine/measure-definitions.js";
import { MeasurePeriodKind, measures, type MeasureFigure, type MeasureSet } from "../engine/measures.js";
import { departmentRanking } from "../ranking/department-ranking.js";
import { RANKING_FORMULA, RANKING_TIE_RULE, type RankingPart } from "../ranking/rank-units.js";
import type { ReportLanguageValue } from "./report-job.entity.js";
import { REPORT_LABELS } from "./report-labels.js";
import type { ReportFigure, ReportQuery, ReportRanking, ReportRankingRow, ReportSources } from "./report-model.js";

type FigureKind = "count" | "rate" | "average" | "days";
const KIND: Record<string, FigureKind> = {
  volume: "count",
  dailyAverage: "average",
  directHandlingRate: "rate",
  onTimeRate: "rate",
  averageHandlingDays: "days",
  averageHandlingWorkingDays: "days",
  resultSatisfactionRate: "rate",
  processSatisfactionRate: "rate",
  returnRate: "rate",
  reReportRate: "rate",
  overdueCount: "count",
  supervisionOrders: "count",
  extensionRate: "rate",
};

const locale = (language: ReportLanguageValue) => (language === "zh-CN" ? "zh-CN" : "en-GB");
const integer = (n: number, language: ReportLanguageValue) => n.toLocaleString(locale(language), { maximumFractionDigits: 0 });
const decimal = (n: number, language: ReportLanguageValue) => n.toLocaleString(locale(language), { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A figure's value as printed: rates in percent to 0.01, averages and days to 0.01, counts whole; "—" without a denominator. */
export function formatFigure(kind: FigureKind, figure: MeasureFigure, language: ReportLanguageValue): { value: string; numerator: string; denominator: string } {
  const days = language === "zh-CN" ? " 天" : " d";
  if (kind === "count") {
    return { value: integer(figure.numerator, language), numerator: "", denominator: "" };
  }
  const value = figure.value === null ? "—" : kind === "rate" ? `${decimal(figure.value * 100, language)} %` : kind === "days" ? `${decimal(figure.value, language)}${days}` : decimal(figure.value, language);
  const numerator = kind === "days" ? `${decimal(figure.numerator, language)}${days}` : integer(figure.numerator, language);
  return { value, numerator, denominator: figure.denominator === null ? "" : integer(figure.denominator, language) };
}

/** The figures from the measures engine (its maintained aggregate), in the order and with the definitions of MEASURE_DEFINITIONS. */
async function figures(query: ReportQuery): Promise<ReportFigure[]> {
  const result = await measures(query.db, {
    actor: query.actor,
    filter: { period: { kind: MeasurePeriodKind.CUSTOM, from: query.from, to: query.to }, unitId: query.unitId, includeSubUnits: query.includeSubUnits },
    now: query.now,
  });
  const zh = query.language === "zh-CN";
  return MEASURE_DEFINITIONS.map((definition) => {
    const kind = KIND[definition.key] ?? "rate";
    const key = definition.key as keyof Omit<MeasureSet, "counts">;
    const current = formatFigure(kind, result.current[key], query.language);
    const previous = formatFigure(kind, result.previous[key], query.language);
    return {
      key: definition.key,
      label: zh ? definition.nameZh : definition.nameEn,
      ...current,
      previous: previous.value,
      definition: zh ? definition.definitionZh : definition.definitionEn,
    };
  });
}

const percent = (part: RankingPart | undefined, language: ReportLanguageValue) =>
  part && part.ratio.denominator > 0 ? `${decimal((part.ratio.numerator / part.ratio.denominator) * 100, language)} %` : "—";

/** The department ranking of the period (the weights version in force at its end); a unit report keeps the rows of its units, with their rank among all. */
async function ranking(query: ReportQuery): Promise<ReportRanking> {
  const labels = REPORT_LABELS[query.language];
  const zh = query.language === "zh-CN";
  const result = await departmentRanking(query.db, { actor: query.actor, fromDay: query.from, toDay: query.to });
  const w = result.weights;
  const of = result.ranked.length;
  const keep = (unitId: string) => !query.unitIds || query.unitIds.includes(unitId);
  const name = (unit: { unitName: string; unitNameEn: string | null }) => (zh ? unit.unitName : unit.unitNameEn || unit.unitName);
  const row = (unit: (typeof result.ranked)[number]["unit"], parts: RankingPart[], rank: string, score: string, note: string): ReportRankingRow => {
    const part = (key: RankingPart["key"]) => parts.find((p) => p.key === key);
    return {
      rank,
      unit: name(unit),
      score,
      tickets: integer(unit.tickets, query.language),
      onTime: percent(part("onTime"), query.language),
      satisfaction: percent(part("satisfaction"), query.language),
      // the parts of returns, re-reports and extensions count 1 − rate; the report prints the rate itself
      returned: unit.returned.denominator > 0 ? `${decimal((unit.returned.numerator / unit.returned.denominator) * 100, query.language)} %` : "—",
      reReported: unit.reReported.denominator > 0 ? `${decimal((unit.reReported.numerator / unit.reReported.denominator) * 100, query.language)} %` : "—",
      extended: unit.extended.denominator > 0 ? `${decimal((unit.extended.numerator / unit.extended.denominator) * 100, query.language)} %` : "—",
      note,
    };
  };
  const formula = zh
    ? `综合得分 = Σ(权重 × 分项得分) ÷ Σ权重，只计分母大于 0 的分项；分项得分：按期办结率 × 100（权重 ${w.onTime}）、结果满意率 × 100（权重 ${w.satisfaction}）、(1 − 退单率) × 100（权重 ${w.notReturned}）、(1 − 续报率) × 100（权重 ${w.notReReported}）、(1 − 延期率) × 100（权重 ${w.notExtended}）；保留两位小数。派单少于 ${w.minTickets} 件的单位不参与排名。`
    : `${RANKING_FORMULA}. Weights: on time ${w.onTime}, result satisfaction ${w.satisfaction}, not returned ${w.notReturned}, not re-reported ${w.notReReported}, not extended ${w.notExtended}; units with fewer than ${w.minTickets} dispatched tickets are not ranked.`;
  const tieRule = zh ? "得分相同（精确到 0.01）时，按期办结率高者在前，其次结果满意率高者在前，再次派单多者在前；仍相同的并列同一名次（1、2、2、4）。" : RANKING_TIE_RULE;
  return {
    formula,
    tieRule,
    weightsVersion: `v${w.version}${w.note ? ` (${w.note})` : ""}`,
    rows: result.ranked
      .filter((entry) => keep(entry.unit.unitId))
      .map((entry) => row(entry.unit, entry.parts, query.unitIds ? `${entry.rank} / ${of}` : String(entry.rank), decimal(entry.score, query.language), entry.tied ? labels.tied : "")),
    apart: result.apart.filter((entry) => keep(entry.unit.unitId)).map((entry) => row(entry.unit, entry.parts, "—", "—", labels.apartReason[entry.reason] ?? entry.reason)),
  };
}

/** The report's figures from the measures engine and its ranking from the department ranking. */
export const measuresReportSources: ReportSources = { figures, ranking };
