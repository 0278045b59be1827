import { act, screen, waitFor } from "@testing-library/react";
import { setLiveStatus } from "@civicline/ui";
import { describe, expect, it } from "vitest";
import { renderSupervisor } from "../../../__tests__/fixtures.tsx";
import { WallboardDocument } from "../../../gql/graphql.ts";
import { msToNextChinaMidnight, WallPage } from "../WallPage.tsx";

function wall(overrides: Record<string, unknown> = {}) {
  return {
    __typename: "Wallboard",
    id: "w1",
    computedAt: "2026-12-06T02:00:00.000Z",
    day: "2026-12-06",
    month: "2026-12",
    received: 1234,
    answeredOnSpot: 700,
    dispatched: 480,
    overdueNow: 7,
    nearDueNow: 12,
    callbacksWaiting: 35,
    resultSatisfaction: { __typename: "WallboardRate", numerator: 997, denominator: 1000, rate: 0.997 },
    processSatisfaction: { __typename: "WallboardRate", numerator: 1000, denominator: 1000, rate: 1 },
    hotIssues: [
      { __typename: "WallboardHotIssue", key: "c:d:2026-12-06", titleZh: "噪音扰民 · 张店区", titleEn: "Noise · Zhangdian", count: 18, categoryId: "c", districtId: "d", townshipId: null, fromDay: "2026-11-30", toDay: "2026-12-06" },
    ],
    ...overrides,
  };
}

describe("the wallboard", () => {
  it("shows the figures in the reader's language, takes a pushed wall, and says when the connection is lost", async () => {
    const { subscriptions } = renderSupervisor(<WallPage />, [{ request: { query: WallboardDocument }, result: { data: { wallboard: wall() } } }], "en");
    await waitFor(() => expect(screen.getByTestId("wall-received-value").textContent).toBe("1,234"));
    expect(screen.getByTestId("wall-result-value").textContent).toBe("99.7%");
    expect(screen.getByText("997 of 1,000 answers")).toBeTruthy();
    // Each day figure opens the tickets behind it (the measures engine's counter for today).
    expect(screen.getByTestId("wall-answered").getAttribute("href")).toContain("measure=DIRECT&measureFrom=2026-12-06&measureTo=2026-12-06");
    expect(screen.getByTestId("wall-overdue").getAttribute("href")).toContain("overdue=1");
    expect(screen.getByTestId("wall-result").getAttribute("href")).toContain("measure=RESULT_SATISFIED&measureFrom=2026-12-01&measureTo=2026-12-31");
    expect(screen.getByText("Noise · Zhangdian").closest("a")?.getAttribute("href")).toContain("categoryId=c&districtId=d&receivedFrom=2026-11-30&receivedTo=2026-12-06");

    act(() => {
      subscriptions.simulateResult({ result: { data: { wallboardChanged: wall({ id: "w2", computedAt: "2026-12-06T02:00:05.000Z", received: 1235 }) } } });
    });
    await waitFor(() => expect(screen.getByTestId("wall-received-value").textContent).toBe("1,235"));
    // An older push (computed before what is shown) does not take the wall back; a newer one does.
    await act(async () => {
      subscriptions.simulateResult({ result: { data: { wallboardChanged: wall({ id: "w0", computedAt: "2026-12-06T01:59:00.000Z", received: 1200 }) } } });
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(screen.getByTestId("wall-received-value").textContent).toBe("1,235");
    await act(async () => {
      subscriptions.simulateResult({ result: { data: { wallboardChanged: wall({ id: "w3", computedAt: "2026-12-06T02:01:00.000Z", received: 1236 }) } } });
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    await waitFor(() => expect(screen.getByTestId("wall-received-value").textContent).toBe("1,236"));

    act(() => setLiveStatus("reconnecting"));
    expect(screen.getByTestId("wall-status").textContent).toContain("Connection lost");
    act(() => setLiveStatus("connected"));
    expect(screen.getByTestId("wall-status").textContent).toContain("Live");
  });

  it("reads in Chinese", async () => {
    renderSupervisor(<WallPage />, [{ request: { query: WallboardDocument }, result: { data: { wallboard: wall() } } }], "zh-CN");
    await waitFor(() => expect(screen.getByTestId("wall-received-value").textContent).toBe("1,234"));
    expect(screen.getByText("今日受理")).toBeTruthy();
    expect(screen.getByText("噪音扰民 · 张店区")).toBeTruthy();
    expect(screen.getByText("18 件")).toBeTruthy();
  });

  it("reads the new day's figures just after midnight in China, wherever the browser is", () => {
    // 23:59:00 in Shanghai is 15:59:00 UTC: one minute and one second to wait.
    expect(msToNextChinaMidnight(new Date("2026-12-06T15:59:00Z"))).toBe(61_000);
    // 00:00:30 in Shanghai: almost a whole day.
    expect(msToNextChinaMidnight(new Date("2026-12-06T16:00:30Z"))).toBe(86_400_000 - 30_000 + 1_000);
  });
});
