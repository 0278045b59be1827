import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { TicketDetailDocument } from "../gql/graphql.ts";
import { QueuePage } from "../queue/QueuePage.tsx";
import { SLOW } from "../call/__tests__/callTestKit.tsx";
import { buildQueueTicket, countsMock, intakeDetail, queueMock, renderOperator } from "./fixtures.tsx";

const tabCount = (kind: string) => screen.getByTestId(`queue-tab-count-${kind}`).textContent;

describe("queue tabs", SLOW, () => {
  it("shows the four queues with live counts and switches queue with the arrow keys", async () => {
    const { subscriptions } = renderOperator(<QueuePage />, [
      queueMock([buildQueueTicket({ id: "1" })], 1),
      countsMock({ received: 1, waitingForDispatch: 4, mineToday: 2 }),
      queueMock([buildQueueTicket({ id: "5", status: "AWAITING_DISPATCH" })], 4, "WAITING_FOR_DISPATCH"),
    ]);
    await screen.findAllByTestId("queue-row");
    const tabs = screen.getAllByRole("tab");
    expect(tabs.map((tab) => tab.getAttribute("data-testid"))).toEqual([
      "queue-tab-RECEIVED",
      "queue-tab-WAITING_FOR_DISPATCH",
      "queue-tab-MINE_TODAY",
      "queue-tab-EMERGENCIES",
    ]);
    await waitFor(() => expect(tabCount("WAITING_FOR_DISPATCH")).toBe("4"));
    expect(tabs[0]?.getAttribute("aria-selected")).toBe("true");
    expect(tabs.map((tab) => tab.tabIndex)).toEqual([0, -1, -1, -1]);

    act(() => {
      subscriptions.simulateResult({
        result: { data: { queueCountsChanged: { __typename: "QueueCounts", received: 1, waitingForDispatch: 4, mineToday: 3, emergencies: 0 } } },
      });
    });
    await waitFor(() => expect(tabCount("MINE_TODAY")).toBe("3"));

    tabs[0]?.focus();
    fireEvent.keyDown(tabs[0] as HTMLElement, { key: "ArrowRight" });
    const waiting = screen.getByTestId("queue-tab-WAITING_FOR_DISPATCH");
    expect(waiting.getAttribute("aria-selected")).toBe("true");
    expect(document.activeElement).toBe(waiting);
    await waitFor(() => expect(screen.getByTestId("queue-count").textContent).toBe("4"));
    expect(screen.getAllByTestId("queue-row")[0]?.textContent).toContain("2025112400005");
    expect(screen.getByRole("tabpanel").getAttribute("aria-labelledby")).toBe("queue-tab-WAITING_FOR_DISPATCH");

    // A newly received ticket is not waiting for dispatch: the push leaves this list alone.
    act(() => {
      subscriptions.simulateResult({ result: { data: { ticketReceived: buildQueueTicket({ id: "6" }) } } });
    });
    expect(screen.getAllByTestId("queue-row")).toHaveLength(1);
    expect(screen.getByTestId("queue-count").textContent).toBe("4");
  });

  it("reloads a queue when its live count no longer matches the list", async () => {
    const { subscriptions } = renderOperator(<QueuePage />, [
      queueMock([buildQueueTicket({ id: "1" }), buildQueueTicket({ id: "2" })], 2),
      countsMock({ received: 2 }),
      queueMock([buildQueueTicket({ id: "2" })], 1),
    ]);
    await waitFor(() => expect(screen.getAllByTestId("queue-row")).toHaveLength(2));
    // Ticket 1 was answered directly elsewhere: no push, only the counts change.
    act(() => {
      subscriptions.simulateResult({
        result: { data: { queueCountsChanged: { __typename: "QueueCounts", received: 1, waitingForDispatch: 1, mineToday: 0, emergencies: 0 } } },
      });
    });
    await waitFor(() => expect(screen.getAllByTestId("queue-row")).toHaveLength(1));
    expect(screen.getByTestId("queue-count").textContent).toBe("1");
  });

  it("puts open emergencies in a red alert above every queue and marks their rows", async () => {
    renderOperator(
      <QueuePage />,
      [
        queueMock([buildQueueTicket({ id: "9", urgency: "EMERGENCY" }), buildQueueTicket({ id: "8" })], 2),
        countsMock({ received: 2, emergencies: 1 }),
        queueMock([buildQueueTicket({ id: "9", urgency: "EMERGENCY" })], 1, "EMERGENCIES"),
      ],
      "zh-CN",
    );
    const alert = await screen.findByTestId("emergency-alert");
    expect(alert.getAttribute("role")).toBe("alert");
    expect(alert.textContent).toContain("有 1 件特急工单未办结");
    const [first, second] = await screen.findAllByTestId("queue-row");
    expect(first?.className).toContain("queue-row--emergency");
    expect(within(first as HTMLElement).getByRole("img", { name: "特急" })).toBeTruthy();
    expect(second?.className).not.toContain("queue-row--emergency");

    fireEvent.click(within(alert).getByTestId("show-emergencies"));
    expect(screen.getByTestId("queue-tab-EMERGENCIES").getAttribute("aria-selected")).toBe("true");
    await waitFor(() => expect(screen.getByTestId("queue-count").textContent).toBe("1"));
    expect(screen.getByTestId("emergency-alert")).toBeTruthy();
  });
});

describe("ticket detail: intake", SLOW, () => {
  it("shows privacy, extra fields, files, links, co-reporters, hand-offs and the direct answer", async () => {
    const ticket = buildQueueTicket({ id: "7", urgency: "EMERGENCY" });
    renderOperator(<QueuePage />, [
      queueMock([ticket]),
      countsMock({ received: 1, emergencies: 1 }),
      {
        request: { query: TicketDetailDocument, variables: { id: "7" } },
        result: {
          data: {
            ticket: {
              ...ticket,
              ...intakeDetail({
                privacy: "CONFIDENTIAL",
                extraFields: [{ __typename: "ExtraFieldValue", key: "estate", value: "华光小区" }],
                attachments: [{ __typename: "Attachment", id: "f1", filename: "现场.jpg", contentType: "image/jpeg", size: 204800, url: "/files/f1" }],
                links: [{ __typename: "TicketLink", kind: "MERGED_INTO", ticket: { __typename: "TicketRef", id: "t2", trackingNumber: "ZB-20261124-00002", status: "DISPATCHED" } }],
                coReporters: [{ __typename: "CoReporter", name: "李女士", phone: "13900001111", addedAt: "2026-11-24T02:00:00Z" }],
                emergencyHandoffs: [
                  { __typename: "EmergencyHandoff", service: "FIRE_119", reference: "F-118", handedOffAt: "2026-11-24T02:01:00Z", handedOffBy: "话务员 A01", checklist: ["INJURIES", "自定义项"] },
                ],
                answeredArticleIds: ["a1"],
                directAnswer: "已答复。",
              }),
              category: { ...ticket.category, code: "URBAN.LIGHT", fields: [{ __typename: "CategoryField", key: "estate", labelZh: "小区名称", labelEn: "Housing estate" }] },
              address: "华光路 3 号",
              citizenName: "王先生",
              citizenPhone: "13812345678",
              version: 3,
              history: [],
            },
          },
        },
      },
    ]);
    fireEvent.click((await screen.findAllByTestId("queue-row"))[0] as HTMLElement);
    const panel = await screen.findByTestId("ticket-detail");
    await waitFor(() => expect(within(panel).getByTestId("ticket-privacy").textContent).toBe("Confidential"));
    expect(within(panel).getByTestId("ticket-extra-fields").textContent).toContain("Housing estate");
    expect(within(panel).getByRole("link", { name: "现场.jpg" }).getAttribute("href")).toBe("/files/f1");
    expect(within(panel).getByTestId("ticket-links").textContent).toContain("Merged into ZB-20261124-00002");
    expect(within(panel).getByTestId("ticket-co-reporters").textContent).toContain("李女士");
    const handoffs = within(panel).getByTestId("ticket-handoffs").textContent;
    expect(handoffs).toContain("119 Fire");
    expect(handoffs).toContain("Anyone injured or trapped?；自定义项");
    expect(within(panel).getByTestId("ticket-articles").textContent).toBe("Articles used: a1");
    expect(within(panel).getByText("已答复。")).toBeTruthy();
    expect(within(panel).getByRole("alert").textContent).toBe("Emergency ticket");
  });
});
