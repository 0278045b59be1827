import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DecideExtensionDocument, PendingExtensionsDocument } from "../../gql/graphql.ts";
import { ExtensionRequestsPage } from "../extensions/ExtensionRequestsPage.tsx";
import { extensionAssignment, recordingMock, renderRouting, stateMock } from "./routingKit.tsx";

type Assignment = ReturnType<typeof extensionAssignment>;

function setup(items: Assignment[], language: "en" | "zh-CN" = "en") {
  const server = { items };
  const calls: Record<string, unknown>[] = [];
  const decide = recordingMock(DecideExtensionDocument, calls, (variables) => {
    const current = server.items.find((item) => item.ticket.id === variables.ticketId) as Assignment;
    server.items = server.items.filter((item) => item !== current);
    const approve = variables.approve === true;
    return {
      decideExtension: {
        ...current,
        deadlines: { ...current.deadlines, completionDueAt: approve ? "2026-12-02T09:30:00Z" : current.deadlines.completionDueAt, state: "ON_TIME" },
        extension: { ...current.extension, status: approve ? "APPROVED" : "REFUSED", decisionNote: variables.note ?? null },
      },
    };
  });
  const { subscriptions } = renderRouting(<ExtensionRequestsPage />, [stateMock(PendingExtensionsDocument, () => ({ pendingExtensions: server.items })), decide], language);
  return { calls, server, subscriptions };
}

describe("extension requests", () => {
  it("shows the current deadline and what approval adds, and approves with a note", async () => {
    const { calls } = setup([extensionAssignment("1")]);
    const card = await screen.findByTestId("extension-request");
    expect(within(card).getByTestId("extension-current-deadline").getAttribute("dateTime")).toBe("2026-11-27T09:30:00Z");
    expect(within(card).getByTestId("extension-proposed").textContent).toBe("current deadline + 3 working days");
    expect(card.textContent).toContain("Zibo Housing Bureau");
    expect(card.textContent).toContain("需协调开发商拆除线缆并退费");

    fireEvent.change(within(card).getByTestId("extension-note"), { target: { value: "同意，请加快协调" } });
    fireEvent.click(within(card).getByTestId("extension-approve"));

    const done = await screen.findByTestId("extension-done");
    expect(done.textContent).toContain("Extension for ZB-20261124-00001 approved. New deadline: 12/02/2026, 17:30");
    expect(calls).toEqual([{ ticketId: "1", approve: true, note: "同意，请加快协调" }]);
    await waitFor(() => expect(screen.queryByTestId("extension-request")).toBeNull());
    expect(screen.getByTestId("extension-empty")).toBeTruthy();
  });

  it("refuses only with a note, in Chinese", async () => {
    const { calls } = setup([extensionAssignment("2", 1), extensionAssignment("3", 2)], "zh-CN");
    const cards = await screen.findAllByTestId("extension-request");
    const card = cards.find((candidate) => candidate.getAttribute("data-ticket-id") === "2") as HTMLElement;
    expect(within(card).getByTestId("extension-proposed").textContent).toBe("现办结时限顺延 1 个工作日");

    fireEvent.click(within(card).getByTestId("extension-refuse"));
    expect(within(card).getByText("此项为必填项。")).toBeTruthy();
    expect(calls).toHaveLength(0);

    fireEvent.change(within(card).getByTestId("extension-note"), { target: { value: "理由不充分，请按期办结" } });
    fireEvent.click(within(card).getByTestId("extension-refuse"));

    expect((await screen.findByTestId("extension-done")).textContent).toBe("已驳回工单 ZB-20261124-00002 的延期申请。");
    expect(calls).toEqual([{ ticketId: "2", approve: false, note: "理由不充分，请按期办结" }]);
    await waitFor(() => expect(screen.getAllByTestId("extension-request")).toHaveLength(1));
  });

  it("shows a new request as soon as routing pushes a change", async () => {
    const { server, subscriptions } = setup([]);
    await screen.findByTestId("extension-empty");
    server.items = [extensionAssignment("4")];
    act(() => {
      subscriptions.simulateResult({ result: { data: { routingChanged: true } } });
    });
    expect((await screen.findByTestId("extension-request")).getAttribute("data-ticket-id")).toBe("4");
  });
});
