import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DepartmentRankingDocument, HotIssuesDocument } from "../../../gql/graphql.ts";
import { recordingMock, renderRouting } from "../../../routing/__tests__/routingKit.tsx";
import { HotIssueSummary } from "../../hot/HotIssueSummary.tsx";
import { RankingSummary } from "../RankingSummary.tsx";

const part = (key: string, numerator: number, denominator: number, score: number | null) => ({ __typename: "RankingPart", key, weight: 10, numerator, denominator, score });
const unit = (rank: number, tied: boolean, unitName: string, unitNameEn: string, score: number) => ({
  __typename: "RankingUnit",
  rank,
  tied,
  unitId: `u-${unitName}`,
  unitName,
  unitNameEn,
  tickets: 12,
  score,
  apartReason: null,
  parts: [part("ON_TIME", 11, 12, 91.67)],
});
const WEIGHTS = { __typename: "RankingWeights", version: 2, onTime: 40, satisfaction: 30, notReturned: 10, notReReported: 10, notExtended: 10, minTickets: 10, note: null, createdAt: "2026-11-01T00:00:00Z", createdByName: "admin" };

describe("the dashboard's compact ranking and hot issues", () => {
  it("lists the top units with score and tie, each linked to its tickets, for the period asked", async () => {
    const asked: Record<string, unknown>[] = [];
    renderRouting(
      <RankingSummary fromDay="2026-11-01" toDay="2026-11-30" limit={2} />,
      [
        recordingMock(DepartmentRankingDocument, asked, () => ({
          departmentRanking: { __typename: "DepartmentRanking", fromDay: "2026-11-01", toDay: "2026-11-30", weights: WEIGHTS, ranked: [unit(1, true, "教育局", "Education Bureau", 95.5), unit(1, true, "住建局", "Housing Bureau", 95.5), unit(3, false, "城管局", "Urban Bureau", 80)], apart: [] },
        })),
      ],
      "en",
    );
    const items = await screen.findAllByRole("listitem");
    expect(items.map((item) => item.textContent)).toEqual(["Education Bureau 95.50 (tied)", "Housing Bureau 95.50 (tied)"]);
    expect(within(items[0]!).getByRole("link").getAttribute("href")).toContain("tickets/search?leadUnitId=u-%E6%95%99%E8%82%B2%E5%B1%80&dispatchedFrom=2026-11-01&dispatchedTo=2026-11-30");
    expect(asked).toEqual([{ fromDay: "2026-11-01", toDay: "2026-11-30", weightsVersion: null }]);
    expect(screen.getByRole("link", { name: "Full ranking" }).getAttribute("href")).toContain("measures/ranking");
  });

  it("lists this week's hot issues with the usual count and trend in Chinese", async () => {
    const issue = {
      __typename: "HotIssue",
      categoryId: "c-1",
      categoryName: "校园欺凌",
      categoryNameEn: "School bullying",
      districtId: "d-1",
      districtName: "高青县",
      districtNameEn: "Gaoqing County",
      townshipId: null,
      townshipName: null,
      townshipNameEn: null,
      windowStart: "2026-11-29T16:00:00.000Z",
      windowEnd: "2026-12-06T16:00:00.000Z",
      count: 7,
      expected: 0.5,
      pValue: 0.000001,
      ratio: 14,
      trend: [...Array.from({ length: 8 }, (_, index) => ({ __typename: "HotTrendPoint", start: `2026-10-0${index + 1}T16:00:00.000Z`, end: "x", count: 0, current: false })), { __typename: "HotTrendPoint", start: "2026-11-29T16:00:00.000Z", end: "x", count: 7, current: true }],
      leaderNames: [],
    };
    const list = (issues: unknown[]) => ({ hotIssues: { __typename: "HotIssueList", minCount: 5, alpha: 0.001, baselineWeeks: 8, lastDay: "2026-12-06", windowStart: issue.windowStart, windowEnd: issue.windowEnd, issues } });
    renderRouting(<HotIssueSummary />, [recordingMock(HotIssuesDocument, [], () => list([issue]))], "zh-CN");
    const link = await screen.findByRole("link", { name: "校园欺凌 · 高青县：7 件（平时约 0.5 件）" });
    expect(link.getAttribute("href")).toContain("tickets/search?categoryId=c-1&districtId=d-1&receivedFrom=2026-11-30&receivedTo=2026-12-06");
    expect(screen.getByRole("img", { name: "每周工单数：0, 0, 0, 0, 0, 0, 0, 0；本窗口：7" })).toBeTruthy();
  });

  it("says so when no hot issue stands out", async () => {
    renderRouting(<HotIssueSummary />, [recordingMock(HotIssuesDocument, [], () => ({ hotIssues: { __typename: "HotIssueList", minCount: 5, alpha: 0.001, baselineWeeks: 8, lastDay: "2026-12-06", windowStart: "2026-11-29T16:00:00.000Z", windowEnd: "2026-12-06T16:00:00.000Z", issues: [] } }))], "en");
    expect(await screen.findByText("No hot issue this week.")).toBeTruthy();
  });
});
