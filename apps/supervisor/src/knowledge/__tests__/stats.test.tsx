import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { KbKnowledgeStatsDocument } from "../../gql/graphql.ts";
import { knowledgeNavItems } from "../routes.tsx";
import { presetPeriod, statsVariables } from "../stats/period.ts";
import { KnowledgeStatsPage } from "../stats/KnowledgeStatsPage.tsx";
import { renderKnowledge } from "./fixtures.tsx";

const unit = { __typename: "Unit", id: "u1", nameZh: "淄博市人力资源和社会保障局", nameEn: "Human Resources and Social Security Bureau" };

function statsMock(variables: { from: string; to: string }, overrides: Record<string, unknown> = {}) {
  return {
    request: { query: KbKnowledgeStatsDocument, variables },
    result: {
      data: {
        knowledgeStats: {
          __typename: "KnowledgeStats",
          ...variables,
          added: 12,
          updated: 5,
          mostUsed: [
            { __typename: "ArticleUse", uses: 40, article: { __typename: "Article", id: "a1", title: "社保卡补办", status: "PUBLISHED" } },
            { __typename: "ArticleUse", uses: 10, article: { __typename: "Article", id: "a2", title: "夜间施工噪音", status: "PUBLISHED" } },
          ],
          neverUsed: [{ __typename: "Article", id: "a3", title: "灵活就业参保", status: "PUBLISHED", updatedAt: "2025-10-01T02:00:00Z", owningUnit: unit }],
          gaps: [
            { __typename: "SearchGap", query: "电动车充电桩", count: 17, lastSearchedAt: "2025-11-20T03:00:00Z" },
            { __typename: "SearchGap", query: "养犬登记", count: 4, lastSearchedAt: "2025-11-19T03:00:00Z" },
          ],
          expiringSoon: [{ __typename: "Article", id: "a4", title: "冬季供暖", expiresOn: "2026-03-15", owningUnit: unit }],
          ...overrides,
        },
      },
    },
  };
}

describe("knowledge statistics", { timeout: 20_000 }, () => {
  it("shows this month's figures, a bar per most-used article, the gaps and the lists", async () => {
    renderKnowledge(<KnowledgeStatsPage canWrite />, [statsMock(statsVariables(presetPeriod("thisMonth")))], "zh-CN");
    expect((await screen.findByTestId("kb-stat-added")).textContent).toBe("12");
    expect(screen.getByTestId("kb-stat-updated").textContent).toBe("5");

    const bars = screen.getAllByTestId("kb-usage-bar");
    expect(bars.map((bar) => bar.textContent)).toEqual(["社保卡补办40 次", "夜间施工噪音10 次"]);
    expect(bars.map((bar) => (bar.querySelector(".kb-bars__bar") as HTMLElement).style.width)).toEqual(["100%", "25%"]);
    expect(bars[0]?.querySelector(".kb-bars__track")?.getAttribute("aria-hidden")).toBe("true");
    expect(within(screen.getByRole("table", { name: "本期话务员采用各条知识答复的次数。" })).getAllByRole("row")).toHaveLength(3);

    const gaps = screen.getAllByTestId("kb-gap").map((row) => Array.from(row.querySelectorAll("td"), (td) => td.textContent).slice(0, 2));
    expect(gaps).toEqual([
      ["电动车充电桩", "17"],
      ["养犬登记", "4"],
    ]);
    expect(screen.getByRole("heading", { name: "话务员检索未果的内容" })).toBeTruthy();
    expect(screen.getByTestId("kb-never-used").textContent).toContain("灵活就业参保");
    expect(screen.getByTestId("kb-expiring").textContent).toContain("冬季供暖");
  });

  it("switches period and says what to do when nothing was used or missed", async () => {
    const lastMonth = statsVariables(presetPeriod("lastMonth"));
    const { sent } = renderKnowledge(<KnowledgeStatsPage canWrite={false} />, [
      statsMock(statsVariables(presetPeriod("thisMonth"))),
      statsMock(lastMonth, { mostUsed: [], gaps: [], neverUsed: [], expiringSoon: [] }),
    ]);
    await screen.findByTestId("kb-usage-chart");
    fireEvent.change(screen.getByLabelText("Period"), { target: { value: "lastMonth" } });
    expect((await screen.findByTestId("kb-most-used-empty")).textContent).toContain("Used this answer");
    expect(screen.getByTestId("kb-gaps-empty")).toBeTruthy();
    expect(screen.getByTestId("kb-never-used-empty")).toBeTruthy();
    await waitFor(() => expect(sent.at(-1)?.variables).toEqual(lastMonth));
  });

  it("counts a period from Beijing midnight to the midnight after its last day", () => {
    expect(statsVariables({ from: "2025-11-01", to: "2025-11-30" })).toEqual({ from: "2025-10-31T16:00:00.000Z", to: "2025-11-30T16:00:00.000Z" });
    expect(presetPeriod("lastMonth", "2025-01-15")).toEqual({ preset: "lastMonth", from: "2024-12-01", to: "2024-12-31" });
  });
});

describe("knowledge navigation", () => {
  const labels = { review: "Review", stats: "Stats", transfer: "Transfer", editor: "Mine" };
  it("shows each page only to the roles the API allows", () => {
    const names = (roles: string[]) => knowledgeNavItems("", roles, labels).map((item) => item.label);
    expect(names(["SUPERVISOR"])).toEqual(["Review", "Stats", "Transfer", "Mine"]);
    expect(names(["LEADER"])).toEqual(["Stats"]);
    expect(names(["HANDLER"])).toEqual(["Mine"]);
    expect(names(["CALLBACK_AGENT"])).toEqual([]);
  });
});
