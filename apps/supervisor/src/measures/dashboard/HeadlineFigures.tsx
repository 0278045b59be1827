import { AppLink, useLanguage, type Language } from "@civicline/ui";
import type { DashboardSetFieldsFragment } from "../../gql/graphql.ts";
import { figureHref, type DashboardFilter } from "./drill.ts";
import { useDashboardT, type DashboardMessageKey } from "./messages.ts";
import { formatChange, formatCount, formatDays, formatRate } from "./numbers.ts";
import type { DayRange } from "./period.ts";

/** The figures of a MeasureSet the dashboard shows. */
type FigureKey =
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
type Headline = { figure: FigureKey; label: DashboardMessageKey; kind: "count" | "rate" | "days" };

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

function show(value: number | null | undefined, kind: Headline["kind"], language: Language): string {
  if (value === null || value === undefined) {
    return "–";
  }
  return kind === "rate" ? formatRate(value, language) : kind === "days" ? formatDays(value, language) : formatCount(value, language);
}

/**
 * The headline figures: each value opens the tickets of its numerator; a rate also shows its
 * numerator and denominator, each opening its own tickets; the change against the previous period
 * (points for rates).
 */
export function HeadlineFigures({
  current,
  previous,
  range,
  filter,
  includeSubUnits,
}: {
  current: DashboardSetFieldsFragment;
  previous: DashboardSetFieldsFragment;
  range: DayRange;
  filter: DashboardFilter;
  includeSubUnits: boolean;
}) {
  const t = useDashboardT();
  const { language } = useLanguage();
  return (
    <ul className="dash-figures" data-testid="dash-figures">
      {HEADLINES.map((headline) => {
        const now = current[headline.figure] as Figure;
        const before = previous[headline.figure] as Figure;
        const value = now.value ?? null;
        const change = formatChange(value, before.value ?? null, language, headline.kind);
        const label = t(headline.label);
        const isHandling = headline.figure === "averageHandlingDays";
        const shown = isHandling
          ? t("dash.fig.handlingDaysUnit", { calendar: show(value, "days", language), working: show(current.averageHandlingWorkingDays.value, "days", language) })
          : show(value, headline.kind, language);
        return (
          <li key={headline.figure} className="dash-figure card" data-testid={`dash-figure-${headline.figure}`}>
            <AppLink
              to={figureHref(now.numeratorCounter, range, filter, includeSubUnits)}
              aria-label={`${label}: ${shown}. ${t("dash.fig.open", { figure: label })}`}
              className="dash-figure__main"
              data-testid={`dash-link-${headline.figure}`}
            >
              <span className="dash-figure__label">{label}</span>
              <span className={`dash-figure__value${isHandling ? " dash-figure__value--small" : ""}`} data-testid={`dash-value-${headline.figure}`}>
                {shown}
              </span>
            </AppLink>
            {headline.kind === "rate" && now.denominator !== null && now.denominator !== undefined && now.denominatorCounter ? (
              <span className="dash-figure__ratio" data-testid={`dash-ratio-${headline.figure}`}>
                <AppLink to={figureHref(now.numeratorCounter, range, filter, includeSubUnits)} aria-label={t("dash.fig.openNumerator", { figure: label, count: formatCount(now.numerator, language) })}>
                  {formatCount(now.numerator, language)}
                </AppLink>
                {" / "}
                <AppLink to={figureHref(now.denominatorCounter, range, filter, includeSubUnits)} aria-label={t("dash.fig.openDenominator", { figure: label, count: formatCount(now.denominator, language) })}>
                  {formatCount(now.denominator, language)}
                </AppLink>
              </span>
            ) : null}
            <span className="dash-figure__change">
              {change === null ? t("dash.fig.noChange") : headline.kind === "rate" ? t("dash.fig.changePoints", { change }) : t("dash.fig.change", { change })}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
