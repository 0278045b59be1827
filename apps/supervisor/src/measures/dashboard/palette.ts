/**
 * Chart colours, checked against the surfaces they sit on (palette.test.ts): bars and lines at least
 * 3:1 against white (WCAG 1.4.11, graphics), text at least 4.5:1 (1.4.3). The wallboard's colours
 * are checked against its dark background the same way.
 */
export const CHART_COLORS = {
  /** This period's bars and line: the app's primary blue. */
  primary: "#0b57a4",
  /** The previous period, beside it: a slate that still passes 3:1. */
  previous: "#5b6b80",
  /** Late / overdue. */
  danger: "#b3261e",
  /** Near due. */
  warning: "#8a5300",
  /** Axis labels and values. */
  text: "#1b2430",
  /** Muted text (axis names). */
  muted: "#4a5566",
  /** Grid lines (decorative). */
  grid: "#c9d1dc",
  surface: "#ffffff",
} as const;

/** The wallboard: light text on a near-black wall, readable across a room. */
export const WALL_COLORS = {
  background: "#0d1520",
  text: "#f4f6f9",
  muted: "#b8c4d4",
  good: "#7ee29a",
  warning: "#ffc65c",
  danger: "#ff8a80",
  accent: "#8cc4ff",
} as const;

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of #rrggbb. */
export function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** WCAG contrast ratio of two #rrggbb colours (1 … 21). */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
