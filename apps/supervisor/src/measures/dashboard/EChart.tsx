import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import type { ChartSpec } from "./chartSpec.ts";
import { CHART_COLORS } from "./palette.ts";

// Only what the dashboard draws: bars, a line, axes, tooltip, legend, drawn as SVG (crisp on any screen).
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

/**
 * The ECharts canvas of one chart. This module (and ECharts with it) is loaded on demand by
 * `Chart` through React.lazy, so pages without charts never download it. Hidden from assistive
 * technology: `Chart` renders the same data as a table.
 */
export default function EChart({ spec, onSelect, height }: { spec: ChartSpec; onSelect?: (index: number) => void; height: number }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const select = useRef(onSelect);
  useEffect(() => {
    select.current = onSelect;
  }, [onSelect]);

  useEffect(() => {
    if (!element.current) {
      return undefined;
    }
    const instance = echarts.init(element.current, undefined, { renderer: "svg" });
    chart.current = instance;
    instance.on("click", (params) => {
      if (typeof params.dataIndex === "number") {
        select.current?.(params.dataIndex);
      }
    });
    // Follows its box (the grid reflows at 1366–1920 px); absent where there is no layout (tests).
    const observer = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(() => instance.resize());
    observer?.observe(element.current);
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const horizontal = spec.kind === "bar" && spec.horizontal;
    const categoryAxis = {
      type: "category" as const,
      data: spec.labels,
      inverse: horizontal,
      axisLabel: { color: CHART_COLORS.text, fontSize: 13, width: horizontal ? 150 : undefined, overflow: "truncate" as const },
      axisLine: { lineStyle: { color: CHART_COLORS.muted } },
    };
    const valueAxis = {
      type: "value" as const,
      minInterval: spec.rate ? undefined : 1,
      max: spec.rate ? 1 : undefined,
      axisLabel: { color: CHART_COLORS.text, fontSize: 12, formatter: (value: number) => spec.formatValue(value) },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
    };
    chart.current?.setOption(
      {
        animation: false,
        textStyle: { fontFamily: "system-ui, 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Zen Hei', sans-serif" },
        grid: { left: horizontal ? 160 : 48, right: 24, top: spec.series.length > 1 ? 36 : 16, bottom: 32, containLabel: !horizontal },
        tooltip: { trigger: "axis", valueFormatter: (value: unknown) => (typeof value === "number" ? spec.formatValue(value) : String(value)) },
        legend: spec.series.length > 1 ? { top: 0, textStyle: { color: CHART_COLORS.text } } : undefined,
        xAxis: horizontal ? valueAxis : categoryAxis,
        yAxis: horizontal ? categoryAxis : valueAxis,
        series: spec.series.map((series) => ({
          type: spec.kind,
          name: series.name,
          data: series.values,
          itemStyle: { color: series.color },
          lineStyle: spec.kind === "line" ? { color: series.color, width: 3, type: series.dashed ? ("dashed" as const) : ("solid" as const) } : undefined,
          symbolSize: spec.kind === "line" ? 7 : undefined,
          barMaxWidth: 28,
          cursor: onSelect ? "pointer" : "default",
        })),
      },
      { notMerge: true },
    );
  }, [spec, onSelect]);

  return <div ref={element} className="measure-chart__canvas" style={{ height }} aria-hidden="true" data-testid="echart" />;
}
