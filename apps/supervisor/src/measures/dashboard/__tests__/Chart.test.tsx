import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderSupervisor } from "../../../__tests__/fixtures.tsx";
import { Chart } from "../Chart.tsx";
import type { ChartSpec } from "../chartSpec.ts";

const spec: ChartSpec = {
  kind: "bar",
  horizontal: true,
  labels: ["城市管理", "交通运输"],
  series: [{ name: "Received", values: [1234, 5], color: "#0b57a4" }],
  formatValue: (value) => new Intl.NumberFormat("en").format(value),
};

describe("a dashboard chart", () => {
  it("carries its data as a table with links to the tickets behind each bar, shown on request", () => {
    renderSupervisor(<Chart testId="c" title="By category" caption="Requests per category" spec={spec} hrefOf={(index) => (index === 0 ? "tickets/search?categoryId=a" : null)} />, []);
    const table = screen.getByRole("table", { name: "Requests per category" });
    const rows = within(table).getAllByRole("row");
    expect(rows.map((row) => row.textContent)).toEqual(["ItemReceived", "城市管理1,234", "交通运输5"]);
    expect(within(table).getByRole("link", { name: "城市管理" }).getAttribute("href")).toMatch(/tickets\/search\?categoryId=a$/);
    // Hidden for the eye (the drawing shows it) but read by screen readers; its links are out of the tab order until shown.
    expect(table.parentElement?.className).toBe("visually-hidden");
    expect(within(table).getByRole("link", { name: "城市管理" }).getAttribute("tabindex")).toBe("-1");
    const toggle = screen.getByRole("button", { name: "Show as table" });
    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(table.parentElement?.className).toBe("measure-chart__table");
    expect(within(table).getByRole("link", { name: "城市管理" }).getAttribute("tabindex")).toBeNull();
  });

  it("says what to do when there is nothing to draw", () => {
    renderSupervisor(<Chart testId="c" title="By category" caption="Requests per category" spec={{ ...spec, labels: [], series: [{ ...spec.series[0]!, values: [] }] }} />, []);
    expect(screen.getByText(/Choose a longer period or remove a filter/)).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });
});
