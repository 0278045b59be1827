import type { MockLink } from "@apollo/client/testing";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { countsMock, queueMock, renderOperator } from "../../__tests__/fixtures.tsx";
import { RecordFollowUpDocument } from "../../gql/graphql.ts";
import { CallDesk } from "../CallDesk.tsx";
import { always, baseMocks, duplicatesMock, fillStreetLight, logCallMock, press, SLOW } from "./callTestKit.tsx";

const incomingCall = {
  __typename: "IncomingCall",
  callId: "cti-778",
  callerNumber: "13805330001",
  seat: "A01",
  receivedAt: "2026-11-24T01:30:00Z",
  history: {
    __typename: "CallerHistory",
    phone: "13805330001",
    openCount: 1,
    tickets: [
      {
        __typename: "Ticket",
        id: "t9",
        trackingNumber: "ZB-20261120-00031",
        status: "DISPATCHED",
        requestType: "COMPLAINT",
        urgency: "NORMAL",
        receivedAt: "2026-11-20T06:00:00Z",
        description: "物业强制收取有线电视费。",
        category: { __typename: "Category", id: "property", nameZh: "物业服务", nameEn: "Property management" },
      },
      {
        __typename: "Ticket",
        id: "t8",
        trackingNumber: "ZB-20260301-00002",
        status: "CLOSED",
        requestType: "CONSULTATION",
        urgency: "NORMAL",
        receivedAt: "2026-03-01T06:00:00Z",
        description: "咨询供暖时间。",
        category: { __typename: "Category", id: "heat", nameZh: "供暖", nameEn: "Heating" },
      },
    ],
  },
};

function renderDesk(language: "en" | "zh-CN" = "en", mocks: MockLink.MockedResponse[] = []) {
  const lists = [queueMock([]), countsMock()].map((mock) => ({ ...mock, ...always }));
  return renderOperator(<CallDesk view="call" />, [...mocks, ...lists, ...baseMocks(), duplicatesMock()], language);
}

describe("screen-pop", SLOW, () => {
  it("pops the caller's number, open requests and earlier tickets when a call arrives", async () => {
    const { subscriptions } = renderDesk("zh-CN");
    expect(screen.queryByTestId("screen-pop")).toBeNull();
    act(() => subscriptions.simulateResult({ result: { data: { screenPop: incomingCall } } }));

    const pop = await screen.findByTestId("screen-pop");
    expect(within(pop).getByRole("heading", { level: 2 }).textContent).toBe("来电弹屏 13805330001");
    expect(within(pop).getByTestId("screen-pop-open-count").textContent).toBe("1 件诉求未办结");
    const rows = within(pop).getAllByTestId("caller-ticket");
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining("ZB-20261120-00031"),
      expect.stringContaining("ZB-20260301-00002"),
    ]);
    expect(rows[0]?.textContent).toContain("物业服务");
    expect(rows[0]?.textContent).toContain("已派单");
    expect(rows[0]?.textContent).toContain("2026/11/20");
    expect(screen.getByRole("alert").textContent).toContain("13805330001 来电");
    // Nobody was typing: "Take call" has focus, so Enter takes the call.
    expect(document.activeElement).toBe(within(pop).getByTestId("take-call"));
  });

  it("a caller asking about an existing request: Alt+1 opens a follow-up on their first ticket, recorded with their words (issue 16)", async () => {
    const recorded: unknown[] = [];
    const { subscriptions } = renderDesk("en", [
      {
        request: { query: RecordFollowUpDocument, variables: () => true },
        result: (variables) => {
          recorded.push(variables);
          return {
            data: {
              recordFollowUp: {
                __typename: "FollowUpResult",
                id: "f1",
                at: "2026-11-24T02:00:00Z",
                words: "还没人处理",
                assignment: { __typename: "Assignment", id: "a1", followUpCount: 1, leadUnit: { __typename: "Unit", id: "u1", nameZh: "淄博市住建局", nameEn: "Housing bureau" } },
              },
            },
          };
        },
      },
    ]);
    act(() => subscriptions.simulateResult({ result: { data: { screenPop: incomingCall } } }));
    await screen.findByTestId("screen-pop");
    press("1", { altKey: true, code: "Digit1" });
    const panel = await screen.findByTestId("follow-up");
    expect(panel.textContent).toContain("ZB-20261120-00031");
    await waitFor(() => expect(document.activeElement?.getAttribute("data-testid")).toBe("follow-up-words"));
    fireEvent.change(within(panel).getByTestId("follow-up-words"), { target: { value: "还没人处理" } });
    fireEvent.click(within(panel).getByTestId("follow-up-submit"));
    expect((await within(panel).findByTestId("follow-up-recorded")).textContent).toContain("Housing bureau");
    expect(recorded).toEqual([{ ticketId: "t9", words: "还没人处理", callId: "cti-778" }]);
  });

  it("Take call opens a new call form with the number, the call id and the caller's history", async () => {
    const calls: unknown[] = [];
    const { subscriptions } = renderDesk("en", [logCallMock(calls)]);
    act(() => subscriptions.simulateResult({ result: { data: { screenPop: incomingCall } } }));
    await screen.findByTestId("screen-pop");
    press("t", { altKey: true, code: "KeyT" });

    const form = await screen.findByTestId("call-form");
    expect(screen.queryByTestId("screen-pop")).toBeNull();
    expect((document.getElementById("call-phone") as HTMLInputElement).value).toBe("13805330001");
    expect(within(form).getByRole("heading", { level: 2, name: "Call from 13805330001" })).toBeTruthy();
    expect(within(screen.getByTestId("caller-history")).getAllByTestId("caller-ticket")).toHaveLength(2);
    expect(window.location.pathname.endsWith("/call")).toBe(true);
    await waitFor(() => expect(document.activeElement?.id).toBe("call-requestType"));

    await fillStreetLight();
    press("Enter", { ctrlKey: true });
    await screen.findByTestId("call-saved");
    expect(calls[0]).toMatchObject({ callId: "cti-778", phone: "13812345678" });
  });

  it("can be dismissed with Escape", async () => {
    const { subscriptions } = renderDesk();
    act(() => subscriptions.simulateResult({ result: { data: { screenPop: incomingCall } } }));
    const pop = await screen.findByTestId("screen-pop");
    fireEvent.keyDown(within(pop).getByTestId("take-call"), { key: "Escape" });
    expect(screen.queryByTestId("screen-pop")).toBeNull();
  });
});

describe("desk shortcuts", SLOW, () => {
  it("Alt+N starts a new call without a pop", async () => {
    renderDesk();
    expect(screen.getByTestId("no-call")).toBeTruthy();
    press("n", { altKey: true, code: "KeyN" });
    await screen.findByTestId("call-form");
    expect((document.getElementById("call-phone") as HTMLInputElement).value).toBe("");
    expect(screen.getByRole("heading", { level: 2, name: "New call" })).toBeTruthy();
  });

  it("? opens the shortcut help outside text fields only, and Escape closes it", async () => {
    renderDesk("zh-CN");
    press("n", { altKey: true, code: "KeyN" });
    await screen.findByTestId("call-form");
    await waitFor(() => expect(document.activeElement?.id).toBe("call-requestType"));
    (document.getElementById("call-address") as HTMLInputElement).focus();
    press("?", { shiftKey: true });
    expect(screen.queryByTestId("shortcuts-help")).toBeNull();

    screen.getByTestId("new-call").focus();
    press("?", { shiftKey: true });
    const help = await screen.findByTestId("shortcuts-help");
    expect(help.getAttribute("role")).toBe("dialog");
    expect(help.textContent).toContain("直接答复");
    expect(help.textContent).toContain("转派单");
    expect(within(help).getAllByText("Alt").length).toBeGreaterThan(3);
    expect(help.contains(document.activeElement)).toBe(true);
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: "Escape" });
    expect(screen.queryByTestId("shortcuts-help")).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId("new-call"));
  });
});
