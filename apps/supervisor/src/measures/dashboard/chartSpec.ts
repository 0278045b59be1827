/** What a dashboard chart shows: one label per bar or point, one or more series of values. */
export type ChartSpec = {
  kind: "bar" | "line";
  /** Bars drawn sideways (long Chinese unit and category names stay readable). */
  horizontal?: boolean;
  /** Values are shares 0 … 1 (the axis ends at 100 %). */
  rate?: boolean;
  labels: string[];
  series: Array<{ name: string; values: Array<number | null>; color: string; dashed?: boolean }>;
  /** How a value is written (axis, tooltip and the data table). */
  formatValue: (value: number) => string;
};
