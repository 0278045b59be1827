import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { setLiveStatus } from "@civicline/ui";
import { describe, expect, it } from "vitest";
import { TicketDetailDocument } from "../gql/graphql.ts";
import { QueuePage } from "../queue/QueuePage.tsx";
import { excerpt } from "../queue/QueueTable.tsx";
import { buildQueueTicket, countsMock, intakeDetail, queueMock, renderOperator } from "./fixtures.tsx";


const rowNumbers = () => screen.getAllByTestId("queue-row").map((row) => row.querySelector("td")?.firstChild?.textContent);

describe("queue page", () => {
  it("lists the queue with its total, then puts a pushed ticket on top without reloading", async () => {
    const { subscriptions } = renderOperator(<QueuePage />, [
      queueMock([buildQueueTicket({ id: "2" }), buildQueueTicket({ id: "1" })], 12),
      countsMock({ received: 12 }),
    ]);
    await screen.findAllByTestId("queue-row");
    expect(rowNumbers()).toEqual(["2025112400002", "2025112400001"]);
    expect(screen.getByTestId("queue-count").textContent).toBe("12");
    // Issue 16 bug 13: the caption says how the server sorts: urgency first, then newest.
    expect(document.querySelector("caption")?.textContent).toMatch(/emergencies first, then urgent/);
    const first = screen.getAllByTestId("queue-row")[0];
    expect(first && within(first).getByText("Street lights")).toBeTruthy();
    expect(first?.textContent).toContain("Zhangdian District · 马尚街道");

    act(() => {
      subscriptions.simulateResult({ result: { data: { ticketReceived: buildQueueTicket({ id: "3", urgency: "URGENT" }) } } });
    });

    await waitFor(() => expect(screen.getByTestId("queue-count").textContent).toBe("13"));
    expect(rowNumbers()).toEqual(["2025112400003", "2025112400002", "2025112400001"]);
    expect(screen.getAllByTestId("queue-row")[0]?.className).toContain("queue-row--new");
    expect(screen.getByText("New ticket 2025112400003 received.")).toBeTruthy();

    // The same ticket pushed twice (e.g. after a reconnect) is not counted twice.
    act(() => {
      subscriptions.simulateResult({ result: { data: { ticketReceived: buildQueueTicket({ id: "3" }) } } });
    });
    expect(screen.getByTestId("queue-count").textContent).toBe("13");
    expect(screen.getAllByTestId("queue-row")).toHaveLength(3);
  });

  it("says what happens next when the queue is empty", async () => {
    renderOperator(<QueuePage />, [queueMock([]), countsMock()], "zh-CN");
    const empty = await screen.findByTestId("queue-empty");
    expect(empty.textContent).toContain("暂无待办工单");
    expect(empty.textContent).toContain("新受理的诉求会自动显示在这里");
    expect(screen.getByTestId("queue-count").textContent).toBe("0");
  });

  it("opens a ticket with Enter, shows the phone as sent and the history, and closes with Escape", async () => {
    const ticket = buildQueueTicket({ id: "7" });
    renderOperator(<QueuePage />, [
      queueMock([ticket]),
      countsMock({ received: 1 }),
      {
        request: { query: TicketDetailDocument, variables: { id: "7" } },
        result: {
          data: {
            ticket: {
              ...ticket,
              ...intakeDetail(),
              category: { ...ticket.category, code: "URBAN.LIGHT", fields: [] },
              address: "华光路 3 号",
              citizenName: "李雷",
              citizenPhone: "138****5678",
              version: 2,
              history: [
                { __typename: "TicketHistoryEntry", id: "h1", at: "2025-11-24T02:05:00Z", kind: "STATUS", fromStatus: null, toStatus: "RECEIVED", actorName: "网站", actorKind: "STAFF", reason: null, noteCode: null, noteParams: [] },
              ],
            },
          },
        },
      },
    ]);
    const row = (await screen.findAllByTestId("queue-row"))[0] as HTMLElement;
    row.focus();
    fireEvent.keyDown(row, { key: "Enter" });

    const panel = await screen.findByTestId("ticket-detail");
    await waitFor(() => expect(within(panel).getByTestId("ticket-phone").textContent).toBe("138****5678"));
    expect(within(panel).getByRole("heading", { level: 2 }).textContent).toBe("Ticket 2025112400007");
    expect(within(panel).getByTestId("timeline").textContent).toContain("Received");
    expect(row.getAttribute("aria-current")).toBe("true");

    fireEvent.keyDown(document, { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("ticket-detail")).toBeNull());
    expect(document.activeElement).toBe(row);
  });
});

describe("live status", () => {
  it("warns while the subscription socket is reconnecting and clears once connected", async () => {
    renderOperator(<QueuePage />, [queueMock([buildQueueTicket({ id: "1" })]), countsMock({ received: 1 })]);
    await screen.findAllByTestId("queue-row");
    expect(screen.queryByText(/Live updates are interrupted/)).toBeNull();
    act(() => setLiveStatus("reconnecting"));
    expect(screen.getByText(/Live updates are interrupted/)).toBeTruthy();
    act(() => setLiveStatus("connected"));
    expect(screen.queryByText(/Live updates are interrupted/)).toBeNull();
  });
});

describe("excerpt", () => {
  it("cuts long descriptions on character boundaries and collapses whitespace", () => {
    expect(excerpt("路灯\n坏了", 10)).toBe("路灯 坏了");
    expect(excerpt("一二三四五六", 3)).toBe("一二三…");
  });
});
