import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DecideReturnDocument, DispatchTicketDocument } from "../../gql/graphql.ts";
import { HOUSING, QINGCHENG, recordingMock, renderRouting } from "../../workbench/__tests__/routingTestKit.tsx";
import { DispatchPage } from "../DispatchPage.tsx";
import { buildQueueItem, dispatched, queueServer, unitsMock } from "./dispatchFixtures.ts";

type Calls = Record<string, unknown>[];

const RETURN = { reason: "NOT_OUR_JURISDICTION", text: "小区物业收费问题属住建局职责" };

/** Types into a unit combobox and picks the first match with Enter. */
function pickUnit(input: HTMLElement, text: string) {
  fireEvent.change(input, { target: { value: text } });
  fireEvent.keyDown(input, { key: "Enter" });
}

describe("dispatch queue", () => {
  it("dispatches the focused row to the proposed unit when Enter is pressed", async () => {
    const calls: Calls = [];
    const server = queueServer([buildQueueItem("1"), buildQueueItem("2", { ticket: { urgency: "URGENT" } })]);
    const dispatch = recordingMock(DispatchTicketDocument, calls, (variables) => {
      const input = variables.input as { ticketId: string };
      server.remove(input.ticketId);
      return { dispatchTicket: dispatched(input.ticketId) };
    });
    renderRouting(<DispatchPage />, [server.mock, unitsMock, dispatch]);

    const rows = await screen.findAllByTestId("dispatch-row");
    expect(rows.map((row) => row.getAttribute("data-ticket-id"))).toEqual(["2", "1"]);
    const proposal = within(rows[1] as HTMLElement).getByTestId("dispatch-proposal");
    expect(proposal.textContent).toContain("Zibo Education Bureau");
    expect(proposal.textContent).toContain("Rule: School bullying × whole city → Zibo Education Bureau");

    (rows[1] as HTMLElement).focus();
    fireEvent.keyDown(rows[1] as HTMLElement, { key: "Enter" });
    // The dispatch waits out its undo time; "Send now" skips the wait.
    expect((await screen.findByTestId("dispatch-pending")).textContent).toContain("ZB-20261124-00001 goes to Zibo Education Bureau");
    expect(calls).toEqual([]);
    fireEvent.click(screen.getByTestId("dispatch-send-now"));

    await screen.findByText("ZB-20261124-00001 dispatched to Zibo Education Bureau.");
    expect(calls).toEqual([{ input: { ticketId: "1", version: 4, leadUnitId: "u-edu", assistingUnitIds: [] } }]);
    await waitFor(() => expect(screen.getAllByTestId("dispatch-row")).toHaveLength(1));
    expect(document.activeElement?.getAttribute("data-ticket-id")).toBe("2");
  });

  it("Enter dispatches only after the undo time, and Ctrl+Z within it sends nothing (issue 16)", async () => {
    const calls: Calls = [];
    const server = queueServer([buildQueueItem("1")]);
    const dispatch = recordingMock(DispatchTicketDocument, calls, (variables) => {
      const input = variables.input as { ticketId: string };
      server.remove(input.ticketId);
      return { dispatchTicket: dispatched(input.ticketId) };
    });
    renderRouting(<DispatchPage undoMs={300} />, [server.mock, unitsMock, dispatch]);
    const [row] = await screen.findAllByTestId("dispatch-row");
    (row as HTMLElement).focus();
    fireEvent.keyDown(row as HTMLElement, { key: "Enter" });
    await screen.findByTestId("dispatch-pending");
    fireEvent.keyDown(document.body, { key: "z", code: "KeyZ", ctrlKey: true });
    expect((await screen.findByTestId("dispatch-status")).textContent).toContain("Cancelled");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(calls).toEqual([]);

    fireEvent.keyDown(row as HTMLElement, { key: "Enter" });
    await waitFor(() => expect(calls).toHaveLength(1), { timeout: 3000 });
  });

  it("filters by category, urgency, channel and returned, and dispatches the ticked rows to their proposals together (issue 16)", async () => {
    const calls: Calls = [];
    const server = queueServer([
      buildQueueItem("1", { ticket: { description: "第一行：学校门口的问题\n第二行不显示" } }),
      buildQueueItem("2", { ticket: { urgency: "URGENT", channel: "PORTAL" } }),
      buildQueueItem("3"),
    ]);
    const dispatch = recordingMock(DispatchTicketDocument, calls, (variables) => {
      const input = variables.input as { ticketId: string };
      server.remove(input.ticketId);
      return { dispatchTicket: dispatched(input.ticketId) };
    });
    renderRouting(<DispatchPage undoMs={0} />, [server.mock, unitsMock, dispatch]);
    await screen.findAllByTestId("dispatch-row");
    expect(screen.getAllByTestId("dispatch-first-line")[1]?.textContent).toBe("第一行：学校门口的问题");

    fireEvent.change(document.getElementById("dq-filter-channel") as HTMLSelectElement, { target: { value: "PORTAL" } });
    expect(screen.getAllByTestId("dispatch-row").map((row) => row.getAttribute("data-ticket-id"))).toEqual(["2"]);
    fireEvent.change(document.getElementById("dq-filter-channel") as HTMLSelectElement, { target: { value: "" } });
    fireEvent.click(screen.getByTestId("dq-filter-returned"));
    expect(screen.queryAllByTestId("dispatch-row")).toHaveLength(0);
    expect(screen.getByTestId("dispatch-filtered-empty")).toBeTruthy();
    fireEvent.click(screen.getByTestId("dq-filter-returned"));

    const checks = screen.getAllByTestId("dispatch-row-check");
    fireEvent.click(checks[1] as HTMLElement);
    fireEvent.click(checks[2] as HTMLElement);
    fireEvent.click(screen.getByTestId("dispatch-checked"));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls.map((call) => (call.input as { ticketId: string }).ticketId).sort()).toEqual(["1", "3"]);
  });

  it("reads the proposal in Chinese and says when the dispatch deadline has passed", async () => {
    const late = { ...buildQueueItem("1"), dispatchDueAt: "2020-01-02T06:00:00Z" };
    const server = queueServer([late, buildQueueItem("2")]);
    renderRouting(<DispatchPage />, [server.mock, unitsMock], "zh-CN");
    const [first] = await screen.findAllByTestId("dispatch-row");
    expect(within(first as HTMLElement).getByTestId("dispatch-proposal").textContent).toContain("规则：校园欺凌 × 全市 → 淄博市教育局");
    const dues = screen.getAllByTestId("dispatch-due").map((due) => due.textContent);
    expect(dues[0]).toMatch(/^⚠已超期 \d+ 天$/);
    expect(dues[1]).toContain("派单时限 2099");
  });

  it("sends a ticket to another unit with assisting units chosen in the searchable picker", async () => {
    const calls: Calls = [];
    const server = queueServer([buildQueueItem("1")]);
    const dispatch = recordingMock(DispatchTicketDocument, calls, () => {
      server.remove("1");
      return { dispatchTicket: dispatched("1", QINGCHENG) };
    });
    renderRouting(<DispatchPage />, [server.mock, unitsMock, dispatch], "zh-CN");
    const [row] = await screen.findAllByTestId("dispatch-row");
    fireEvent.keyDown(row as HTMLElement, { key: " " });

    const panel = await screen.findByTestId("dispatch-panel");
    const picker = within(panel).getByTestId("dispatch-unit-picker");
    await waitFor(() => expect((picker as HTMLInputElement).value).toBe("淄博市教育局"));
    pickUnit(picker, "青城");
    expect((picker as HTMLInputElement).value).toBe("青城镇人民政府");
    pickUnit(within(panel).getByTestId("dispatch-assist-picker"), "住房");
    expect(within(panel).getAllByTestId("dispatch-assist-unit").map((chip) => chip.textContent)).toEqual(["淄博市住房和城乡建设局✕"]);
    fireEvent.click(within(panel).getByTestId("dispatch-submit"));

    await screen.findByText("工单 ZB-20261124-00001 已派给 青城镇人民政府。");
    expect(calls).toEqual([{ input: { ticketId: "1", version: 4, leadUnitId: QINGCHENG.id, assistingUnitIds: [HOUSING.id], note: null } }]);
  });

  it("flags a returned ticket with the unit's reason and opens it on Enter instead of dispatching", async () => {
    const calls: Calls = [];
    const server = queueServer([buildQueueItem("3", { pendingReturn: RETURN })]);
    const decide = recordingMock(DecideReturnDocument, calls, () => {
      server.remove("3");
      return { decideReturn: dispatched("3", HOUSING) };
    });
    renderRouting(<DispatchPage />, [server.mock, unitsMock, decide]);
    const [row] = await screen.findAllByTestId("dispatch-row");
    expect(within(row as HTMLElement).getByTestId("dispatch-returned").textContent).toBe("Returned by Zibo Education Bureau: Not our unit's responsibility");

    fireEvent.keyDown(row as HTMLElement, { key: "Enter" });
    const panel = await screen.findByTestId("dispatch-panel");
    expect(within(panel).getByText(RETURN.text)).toBeTruthy();

    fireEvent.click(within(panel).getByTestId("return-accept"));
    expect(within(panel).getByText("Choose a unit other than the one that returned it.")).toBeTruthy();
    expect(calls).toHaveLength(0);

    await waitFor(() => expect(within(panel).getByTestId("dispatch-unit-picker")).toBeTruthy());
    pickUnit(within(panel).getByTestId("dispatch-unit-picker"), "Housing");
    fireEvent.click(within(panel).getByTestId("return-accept"));

    await screen.findByText("Return accepted; ZB-20261124-00003 re-dispatched to Zibo Housing Bureau.");
    expect(calls).toEqual([
      {
        ticketId: "3",
        accept: true,
        note: null,
        redispatch: { ticketId: "3", version: 4, leadUnitId: HOUSING.id, assistingUnitIds: [], note: null },
      },
    ]);
  });

  it("rejects a return only with a note for the unit", async () => {
    const calls: Calls = [];
    const server = queueServer([buildQueueItem("3", { pendingReturn: RETURN })]);
    const decide = recordingMock(DecideReturnDocument, calls, () => {
      server.remove("3");
      return { decideReturn: dispatched("3") };
    });
    renderRouting(<DispatchPage />, [server.mock, unitsMock, decide]);
    fireEvent.click((await screen.findAllByTestId("dispatch-row"))[0] as HTMLElement);
    const panel = await screen.findByTestId("dispatch-panel");

    fireEvent.click(within(panel).getByTestId("return-reject"));
    expect(within(panel).getByText("This field is required.")).toBeTruthy();
    fireEvent.change(within(panel).getByTestId("return-note"), { target: { value: "校园欺凌属教育局职责，请继续办理" } });
    fireEvent.click(within(panel).getByTestId("return-reject"));

    await screen.findByText("Return rejected; ZB-20261124-00003 stays with Zibo Education Bureau.");
    expect(calls).toEqual([{ ticketId: "3", accept: false, note: "校园欺凌属教育局职责，请继续办理", redispatch: null }]);
  });
});
