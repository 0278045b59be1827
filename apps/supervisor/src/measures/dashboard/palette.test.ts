import { describe, expect, it } from "vitest";
import { CHART_COLORS, contrast, WALL_COLORS } from "./palette.ts";

describe("chart and wallboard colours pass contrast checks", () => {
  it("computes WCAG ratios", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });

  it("bars and lines reach 3:1 and text 4.5:1 on the dashboard's white", () => {
    for (const color of [CHART_COLORS.primary, CHART_COLORS.previous, CHART_COLORS.danger, CHART_COLORS.warning]) {
      expect(contrast(color, CHART_COLORS.surface), color).toBeGreaterThanOrEqual(3);
    }
    for (const color of [CHART_COLORS.text, CHART_COLORS.muted]) {
      expect(contrast(color, CHART_COLORS.surface), color).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("every wallboard text colour reaches 7:1 (AAA) on the wall's background", () => {
    for (const color of [WALL_COLORS.text, WALL_COLORS.muted, WALL_COLORS.good, WALL_COLORS.warning, WALL_COLORS.danger, WALL_COLORS.accent]) {
      expect(contrast(color, WALL_COLORS.background), color).toBeGreaterThanOrEqual(7);
    }
  });
});
