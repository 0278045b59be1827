import { act, fireEvent, renderHook, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ChasingBoardDocument, ChasingListDocument } from "../../gql/graphql.ts";
import { renderRouting, stateMock } from "../../routing/__tests__/routingKit.tsx";
import { ChasingPage } from "../ChasingPage.tsx";
import { ALARM_SOUND_KEY, useAlarm } from "../useAlarm.ts";

const item = (n: number, overrides: Record<string, unknown> = {}) => ({
  __typename: "ChasingItem",
  ticketId: `t-${n}`,
  trackingNumber: `ZB-20261206-0000${n}`,
  stage: "WAITING_DISPATCH",
  severity: "OVERDUE",
  urgency: "NORMAL",
  alarm: false,
  requestType: "COMPLAINT",
  categoryNameZh: "噪音扰民",
  categoryNameEn: "Noise",
  summary: "工地夜间施工噪音很大。",
  unitId: null,
  unitNameZh: null,
  unitNameEn: null,
  receivedAt: "2026-12-06T01:00:00Z",
  dueAt: "2026-12-06T05:00:00Z",
  lateSince: "2026-12-06T05:00:00Z",
  ...overrides,
});
const stage = (name: string, overdue: number, nearDue: number) => ({ __typename: "ChasingStageCount", stage: name, overdue, nearDue });
const unit = (name: string, unitId: string | null, overdue: number, nearDue: number) => ({
  __typename: "ChasingUnitCount",
  stage: name,
  unitId,
  unitNameZh: unitId ? "淄博市城市管理局" : null,
  unitNameEn: unitId ? "Urban Management Bureau" : null,
  overdue,
  nearDue,
});

function setup(server: { board: Record<string, unknown>; lists: Record<string, unknown[]> }) {
  const listMock = (name: string) =>
    stateMock(ChasingListDocument, () => ({ chasingList: { __typename: "ChasingPage", items: server.lists[name] ?? [], total: (server.lists[name] ?? []).length, nextCursor: null } }), {
      stage: name,
      unitId: null,
      first: 50,
    });
  return renderRouting(<ChasingPage />, [
    stateMock(ChasingBoardDocument, () => ({ chasingBoard: server.board })),
    ...["WAITING_DISPATCH", "WAITING_SIGN_FOR", "IN_PROGRESS", "EXTENSION_PENDING"].map(listMock),
  ]);
}

const quietBoard = () => ({
  __typename: "ChasingBoard",
  stages: [stage("WAITING_DISPATCH", 1, 0), stage("WAITING_SIGN_FOR", 0, 0), stage("IN_PROGRESS", 0, 1), stage("EXTENSION_PENDING", 0, 0)],
  units: [unit("WAITING_DISPATCH", null, 1, 0), unit("IN_PROGRESS", "u-1", 0, 1)],
  alarms: [],
  alarmCount: 0,
});

afterEach(() => {
  window.localStorage.clear();
  document.title = "";
});

describe("the chasing board", () => {
  it("shows the counts per stage, red and yellow rows oldest first linking to the ticket page, and the empty state", async () => {
    const server = {
      board: quietBoard(),
      lists: { WAITING_DISPATCH: [item(1)], IN_PROGRESS: [item(2, { stage: "IN_PROGRESS", severity: "NEAR_DUE", unitId: "u-1", unitNameEn: "Urban Management Bureau", unitNameZh: "淄博市城市管理局" })] },
    };
    setup(server);
    const row = await screen.findByTestId("chasing-row-ZB-20261206-00001");
    expect(row.className).toContain("chasing-row--red");
    expect(within(row).getByRole("link", { name: "ZB-20261206-00001" }).getAttribute("href")).toContain("tickets/ZB-20261206-00001");
    expect(screen.getByTestId("chasing-count-WAITING_DISPATCH-red").textContent).toBe("1");
    fireEvent.click(screen.getByTestId("chasing-tab-IN_PROGRESS"));
    const yellow = await screen.findByTestId("chasing-row-ZB-20261206-00002");
    expect(yellow.className).toContain("chasing-row--yellow");
    expect(within(yellow).getByText("Urban Management Bureau")).toBeTruthy();
    expect(screen.getByTestId("chasing-unit-u-1").getAttribute("aria-label")).toBe("Urban Management Bureau: 0 overdue, 1 near due");
    fireEvent.click(screen.getByTestId("chasing-tab-WAITING_SIGN_FOR"));
    expect((await screen.findByTestId("chasing-empty")).textContent).toContain("Nothing late");
    expect(screen.getByTestId("chasing-alarm-none")).toBeTruthy();
  });

  it("takes a push: the counts, the alarm and the tab title change, and the shown stage's list reloads", async () => {
    const server = { board: quietBoard(), lists: { WAITING_DISPATCH: [item(1)] } as Record<string, unknown[]> };
    const { subscriptions } = setup(server);
    await screen.findByTestId("chasing-row-ZB-20261206-00001");
    expect(document.title).toBe("Chasing board");
    const urgent = item(3, { urgency: "URGENT", alarm: true });
    server.lists.WAITING_DISPATCH = [urgent, item(1)];
    act(() =>
      subscriptions.simulateResult({
        result: {
          data: {
            chasingChanged: {
              __typename: "ChasingChange",
              id: "c-1",
              moves: [{ __typename: "ChasingMove", ticketId: "t-3", trackingNumber: "ZB-20261206-00003", fromStage: null, toStage: "WAITING_DISPATCH", toSeverity: "OVERDUE" }],
              stages: [stage("WAITING_DISPATCH", 2, 0), stage("WAITING_SIGN_FOR", 0, 0), stage("IN_PROGRESS", 0, 1), stage("EXTENSION_PENDING", 0, 0)],
              units: [unit("WAITING_DISPATCH", null, 2, 0)],
              alarms: [urgent],
              alarmCount: 1,
            },
          },
        },
      }),
    );
    await waitFor(() => expect(screen.getByTestId("chasing-count-WAITING_DISPATCH-red").textContent).toBe("2"));
    expect(await screen.findByTestId("chasing-alarm-ZB-20261206-00003")).toBeTruthy();
    expect(await screen.findByTestId("chasing-row-ZB-20261206-00003")).toBeTruthy();
    expect(document.title).toBe("(1) Chasing board");
    expect(screen.getByTestId("chasing-announce").textContent).toBe("ZB-20261206-00003 is now overdue (Waiting for dispatch).");
  });
});

describe("the alarm", () => {
  it("beeps when the alarm count grows, not when it shrinks, never when switched off; the switch is remembered", () => {
    const play = vi.fn(() => true);
    const { result, rerender } = renderHook(({ count }) => useAlarm(count, "督办看板", play), { initialProps: { count: 0 as number | null } });
    expect(play).not.toHaveBeenCalled();
    rerender({ count: 2 });
    expect(play).toHaveBeenCalledTimes(1);
    expect(document.title).toBe("(2) 督办看板");
    rerender({ count: 1 });
    expect(play).toHaveBeenCalledTimes(1);
    act(() => result.current.setSoundOn(false));
    expect(window.localStorage.getItem(ALARM_SOUND_KEY)).toBe("off");
    rerender({ count: 3 });
    expect(play).toHaveBeenCalledTimes(1);
    const again = renderHook(() => useAlarm(3, "督办看板", play));
    expect(again.result.current.soundOn).toBe(false);
  });
});
