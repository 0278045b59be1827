import { AppLink, Button, Loading } from "@civicline/ui";
import { lazy, Suspense, useId, useState } from "react";
import type { ChartSpec } from "./chartSpec.ts";
import { useDashboardT } from "./messages.ts";

/** ECharts is fetched only when a chart is first drawn (its own chunk; other pages never load it). */
const EChart = lazy(() => import("./EChart.tsx"));

/**
 * A chart with its text alternative: the drawing (hidden from assistive technology) and its data
 * as a table — read by screen readers, shown on request for keyboard users. Each label links to the
 * tickets behind it (`hrefOf`), and a click on a bar or point goes there too.
 */
export function Chart({
  title,
  caption,
  spec,
  hrefOf,
  onNavigate,
  height = 280,
  testId,
}: {
  title: string;
  caption: string;
  spec: ChartSpec;
  hrefOf?: (index: number) => string | null;
  onNavigate?: (href: string) => void;
  height?: number;
  testId: string;
}) {
  const t = useDashboardT();
  const [tableShown, setTableShown] = useState(false);
  const headingId = useId();
  const tableId = useId();
  const empty = spec.labels.length === 0;
  const select = hrefOf && onNavigate ? (index: number) => {
    const href = hrefOf(index);
    if (href) {
      onNavigate(href);
    }
  } : undefined;
  return (
    <section className="measure-chart card" aria-labelledby={headingId} data-testid={testId}>
      <div className="measure-chart__head">
        <h3 id={headingId}>{title}</h3>
        {empty ? null : (
          <Button variant="ghost" aria-expanded={tableShown} aria-controls={tableId} onClick={() => setTableShown(!tableShown)} data-testid={`${testId}-toggle`}>
            {tableShown ? t("dash.table.hide") : t("dash.table.show")}
          </Button>
        )}
      </div>
      {empty ? (
        <p className="stat__hint" data-testid={`${testId}-empty`}>{t("dash.chart.empty")}</p>
      ) : (
        <>
          <Suspense fallback={<div style={{ height }}><Loading /></div>}>
            <EChart spec={spec} onSelect={select} height={height} />
          </Suspense>
          <div id={tableId} className={tableShown ? "measure-chart__table" : "visually-hidden"} {...(tableShown ? { role: "region", "aria-label": caption, tabIndex: 0 } : {})}>
            <table className="data-table" data-testid={`${testId}-table`}>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("dash.table.label")}</th>
                  {spec.series.map((series) => (
                    <th scope="col" key={series.name}>{series.name}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {spec.labels.map((label, index) => {
                  const href = hrefOf?.(index) ?? null;
                  return (
                    <tr key={`${label}-${index}`}>
                      <th scope="row">
                        {href ? <AppLink to={href} tabIndex={tableShown ? undefined : -1}>{label}</AppLink> : label}
                      </th>
                      {spec.series.map((series) => {
                        const value = series.values[index];
                        return <td key={series.name} className="num">{value === null || value === undefined ? "–" : spec.formatValue(value)}</td>;
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
