import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { AnswerSupervisionOrderDocument, UnitSupervisionOrdersDocument } from "../../../gql/graphql.ts";
import { always, recordingMock, renderRouting } from "../../__tests__/routingTestKit.tsx";
import { UnitOrders } from "../UnitOrders.tsx";

const order = (id: string, overrides: Record<string, unknown> = {}) => ({
  __typename: "SupervisionOrder",
  id,
  ticketId: `t-${id}`,
  trackingNumber: `ZB-20261206-0000${id}`,
  ticketTitle: null,
  level: "FORMAL",
  state: "OPEN",
  reason: "家长再次来电，请加快调查。",
  auto: false,
  issuedAt: "2026-12-06T02:00:00.000Z",
  issuedByName: "张静",
  responseDueAt: "2026-12-07T09:30:00.000Z",
  answerOverdue: false,
  answerText: null,
  expectedDoneAt: null,
  answeredAt: null,
  sendBacks: 0,
  ...overrides,
});

function listMock(items: () => unknown[]) {
  return { ...always, request: { query: UnitSupervisionOrdersDocument }, result: () => ({ data: { unitSupervisionOrders: items() } }) };
}

describe("open supervision orders at the top of the unit's workbench", () => {
  it("lists them with level, deadline and the past-due mark, and answers one with what was done and the finish date", async () => {
    let answered = false;
    const calls: Array<Record<string, unknown>> = [];
    const answer = recordingMock(AnswerSupervisionOrderDocument, calls, (variables) => {
      answered = true;
      return { answerSupervisionOrder: { __typename: "SupervisionOrder", id: variables.orderId, state: "ANSWERED", answerText: variables.text, expectedDoneAt: variables.expectedDoneAt, answeredAt: "2026-12-06T03:00:00.000Z" } };
    });
    const items = () => (answered ? [order("1", { state: "ANSWERED", answeredAt: "2026-12-06T03:00:00.000Z" }), order("2", { level: "LISTED", answerOverdue: true })] : [order("2", { level: "LISTED", answerOverdue: true }), order("1")]);
    renderRouting(<UnitOrders />, [listMock(items), answer], "zh-CN");
    const rows = await screen.findAllByTestId("unit-order");
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain("挂牌督办");
    expect(rows[0]!.textContent).toContain("已逾期");
    expect(rows[1]!.textContent).toContain("督办");

    fireEvent.click(within(rows[1]!).getByTestId("order-answer-open"));
    const form = await screen.findByTestId("order-answer-form");
    fireEvent.change(within(form).getByTestId("order-answer-text"), { target: { value: "已约谈学校校长，本周内完成调查。" } });
    fireEvent.click(within(form).getByTestId("order-answer-submit"));
    expect(await within(form).findByText("请选择预计办结日期。")).toBeTruthy();
    expect(calls).toEqual([]);
    fireEvent.change(within(form).getByTestId("order-answer-date"), { target: { value: "2026-12-11" } });
    fireEvent.click(within(form).getByTestId("order-answer-submit"));
    expect(await screen.findByTestId("order-answer-sent")).toBeTruthy();
    // The end of that working day in Beijing time.
    expect(calls).toEqual([{ orderId: "1", text: "已约谈学校校长，本周内完成调查。", expectedDoneAt: "2026-12-11T09:30:00.000Z" }]);
    expect(await screen.findByTestId("unit-order-answered")).toBeTruthy();
  });

  it("shows nothing when the unit has no open order", async () => {
    const { container } = renderRouting(<UnitOrders />, [listMock(() => [])]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(container.querySelector("[data-testid=unit-orders]")).toBeNull();
  });
});
