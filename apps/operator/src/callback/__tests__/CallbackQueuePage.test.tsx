import { useAppPath } from "@civicline/ui";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { RecordMissedCallReturnDocument } from "../../gql/graphql.ts";
import { recordingMock, renderRouting } from "../../workbench/__tests__/routingTestKit.tsx";
import { CallbackQueuePage } from "../CallbackQueuePage.tsx";
import { tabOf } from "../paths.ts";
import { buildMissedCall, buildTask, queuesMock } from "./callbackFixtures.ts";

/** The page as the app routes it: the tab comes from the address. */
function Harness() {
  const { search } = useAppPath();
  return <CallbackQueuePage tab={tabOf(search)} />;
}

afterEach(() => window.history.replaceState(null, "", "/"));

describe("callback queue", () => {
  it("lists reply callbacks soonest due first with due time, overdue flag, calls made and who is calling; tabs show counts", async () => {
    const overdue = buildTask("1", { overdue: true, dueAt: "2026-11-20T01:00:00Z", attemptCount: 1, nextAttemptAt: "2099-11-26T06:00:00Z", readyToCall: false });
    const claimed = buildTask("2", { claimedBy: "王芳", claimedByMe: false });
    renderRouting(<Harness />, [queuesMock({ replies: [overdue, claimed], surveys: [buildTask("3", { kind: "DIRECT_ANSWER_SURVEY" })], missed: [buildMissedCall("4")] })]);

    const rows = await screen.findAllByTestId("callback-row");
    expect(rows).toHaveLength(2);
    expect(rows[0]?.className).toContain("callback-row--overdue");
    expect(within(rows[0] as HTMLElement).getByTestId("callback-overdue").textContent).toBe("Overdue");
    expect(rows[0]?.textContent).toContain("1 of 3");
    expect(rows[0]?.textContent).toContain("Next try from 11/26/2099, 14:00");
    expect(rows[1]?.textContent).toContain("王芳 is calling");
    expect(within(rows[0] as HTMLElement).getByTestId("callback-open").getAttribute("href")).toBe("/callback/tasks/1");
    expect(screen.getByTestId("callback-tab-count-replies").textContent).toBe("2");
    expect(screen.getByTestId("callback-tab-count-surveys").textContent).toBe("1");
    expect(screen.getByTestId("callback-tab-count-missed").textContent).toBe("1");
    expect(screen.getByTestId("callback-summary").textContent).toBe("1 overdue · 2 ready to call");
  });

  it("says what to do when a list is empty, in Chinese too; arrow keys move between tabs", async () => {
    renderRouting(<Harness />, [queuesMock({ replies: [buildTask("1")] })], "zh-CN");
    await screen.findAllByTestId("callback-row");
    const tab = screen.getByTestId("callback-tab-replies");
    tab.focus();
    fireEvent.keyDown(tab, { key: "ArrowRight" });
    await waitFor(() => expect(screen.getByTestId("callback-tab-surveys").getAttribute("aria-selected")).toBe("true"));
    expect(document.activeElement).toBe(screen.getByTestId("callback-tab-surveys"));
    expect(screen.getByTestId("callback-empty").textContent).toContain("暂无满意度调查");
    fireEvent.keyDown(screen.getByTestId("callback-tab-surveys"), { key: "ArrowRight" });
    await waitFor(() => expect(screen.getByTestId("callback-empty").textContent).toContain("暂无需回拨的未接来电"));
    expect(window.location.search).toBe("?tab=missed");
  });

  it("refreshes the lists when the callback queues change", async () => {
    const server = { replies: [buildTask("1")] };
    const { subscriptions } = renderRouting(<Harness />, [queuesMock(() => server)]);
    await screen.findAllByTestId("callback-row");
    server.replies = [buildTask("1"), buildTask("2")];
    act(() => {
      subscriptions.simulateResult({ result: { data: { callbackQueueChanged: { __typename: "CallbackQueueCounts", openTasks: 2, overdueTasks: 0, readyTasks: 2, openMissedCalls: 0, overdueMissedCalls: 0 } } } });
    });
    await waitFor(() => expect(screen.getAllByTestId("callback-row")).toHaveLength(2));
  });
});

describe("missed calls", () => {
  function setup(call = buildMissedCall("1", { overdue: true })) {
    window.history.replaceState(null, "", "/callback?tab=missed");
    const server = { missed: [call] };
    const calls: Record<string, unknown>[] = [];
    const record = recordingMock(RecordMissedCallReturnDocument, calls, (variables) => {
      const input = variables.input as { reached: boolean };
      const next = input.reached
        ? { ...call, state: "RETURNED", attemptCount: 1 }
        : { ...call, state: "OPEN", attemptCount: 1, nextAttemptAt: "2099-11-25T05:00:00Z" };
      server.missed = input.reached ? [] : [next];
      return { recordMissedCallReturn: next };
    });
    renderRouting(<Harness />, [queuesMock(() => server), record]);
    return { calls };
  }

  it("shows the full number to call, when the caller hung up, how long they waited and the limit", async () => {
    setup();
    const row = await screen.findByTestId("missed-row");
    expect(within(row).getByTestId("missed-number").getAttribute("href")).toBe("tel:13900000031");
    expect(row.textContent).toContain("1 min 35 s");
    expect(row.textContent).toContain("Line 12345-1");
    expect(within(row).getByTestId("missed-overdue").textContent).toBe("Overdue");
    expect(screen.getByTestId("callback-summary").textContent).toBe("1 past the return limit");
  });

  it("records a reached return call with the ticket logged during it", async () => {
    const { calls } = setup();
    fireEvent.click(await screen.findByTestId("missed-record"));
    const form = screen.getByTestId("missed-form");
    fireEvent.click(within(form).getByTestId("missed-save"));
    expect(within(form).getByText("Choose an answer.")).toBeTruthy();
    expect(calls).toHaveLength(0);

    fireEvent.click(within(form).getByTestId("missed-reached-yes"));
    fireEvent.change(within(form).getByTestId("missed-note"), { target: { value: "市民咨询供暖" } });
    fireEvent.change(within(form).getByTestId("missed-ticket"), { target: { value: " ZB-20261125-00002 " } });
    fireEvent.click(within(form).getByTestId("missed-save"));

    expect((await screen.findByTestId("callback-done")).textContent).toBe("Return call to 13900000031 recorded.");
    expect(calls).toEqual([{ input: { id: "1", reached: true, note: "市民咨询供暖", ticketTrackingNumber: "ZB-20261125-00002" } }]);
    await waitFor(() => expect(screen.queryByTestId("missed-row")).toBeNull());
  });

  it("records a missed return and says when to try again", async () => {
    const { calls } = setup();
    fireEvent.click(await screen.findByTestId("missed-record"));
    fireEvent.click(screen.getByTestId("missed-reached-no"));
    expect(screen.queryByTestId("missed-ticket")).toBeNull();
    fireEvent.click(screen.getByTestId("missed-save"));
    expect((await screen.findByTestId("callback-done")).textContent).toBe("Not reached: 13900000031. Next try from 11/25/2099, 13:00.");
    expect(calls).toEqual([{ input: { id: "1", reached: false, note: null, ticketTrackingNumber: null } }]);
  });
});
