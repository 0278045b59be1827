import { fireEvent, screen, within } from "@testing-library/react";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { CloseSupervisionOrderDocument, EscalateSupervisionOrderDocument, SendBackSupervisionOrderDocument, type SupervisionOrderFieldsFragment } from "../../gql/graphql.ts";
import { always, recordingMock, renderRouting } from "../../routing/__tests__/routingKit.tsx";
import { OrderActions } from "../OrderActions.tsx";

const order = (overrides: Partial<SupervisionOrderFieldsFragment> = {}): SupervisionOrderFieldsFragment =>
  ({
  __typename: "SupervisionOrder",
  id: "o1",
  ticketId: "t1",
  trackingNumber: "ZB-20261206-00001",
  ticketTitle: null,
  ticketStatus: "signed_for",
  unitId: "u1",
  unitNameZh: "淄博市教育局",
  unitNameEn: "Zibo Education Bureau",
  level: "REMINDER",
  state: "OPEN",
  reason: "请尽快处理。",
  auto: false,
  issuedAt: "2026-12-06T02:00:00.000Z",
  issuedByName: "张静",
  responseDueAt: "2026-12-07T09:30:00.000Z",
  answerOverdue: false,
  answerText: null,
  expectedDoneAt: null,
  answeredAt: null,
  answeredByName: null,
  escalations: 0,
  sendBacks: 0,
  closedAt: null,
  closedByName: null,
  closeNote: null,
  ...overrides,
  }) as SupervisionOrderFieldsFragment;

describe("the supervisor's actions on an order", () => {
  it("offers only escalation on an unanswered order, and says why it cannot be closed yet", async () => {
    const calls: Array<Record<string, unknown>> = [];
    renderRouting(<OrderActions order={order()} onDone={() => undefined} />, [recordingMock(EscalateSupervisionOrderDocument, calls, () => ({ escalateSupervisionOrder: order({ level: "FORMAL", escalations: 1 }) }))]);
    expect(screen.queryByTestId("order-close")).toBeNull();
    expect(screen.queryByTestId("order-sendback")).toBeNull();
    expect(screen.getByText(/closed on the unit's answer/)).toBeTruthy();
    fireEvent.change(screen.getByTestId("order-action-note"), { target: { value: "逾期未答复" } });
    fireEvent.click(screen.getByTestId("order-escalate"));
    expect(await screen.findByTestId("order-action-done")).toBeTruthy();
    expect(calls).toEqual([{ orderId: "o1", note: "逾期未答复" }]);
  });

  it("closes an answered order or sends it back with a reason and a new answer time; a refused send-back is explained in Chinese", async () => {
    const closes: Array<Record<string, unknown>> = [];
    const sendBacks: Array<Record<string, unknown>> = [];
    const answered = order({ state: "ANSWERED", answerText: "已处理", answeredAt: "2026-12-06T03:00:00.000Z" });
    const view = renderRouting(<OrderActions order={answered} onDone={() => undefined} />, [
      recordingMock(CloseSupervisionOrderDocument, closes, () => ({ closeSupervisionOrder: order({ state: "CLOSED" }) })),
      recordingMock(SendBackSupervisionOrderDocument, sendBacks, () => ({ sendBackSupervisionOrder: order({ sendBacks: 1 }) })),
    ]);
    const actions = screen.getByTestId("order-actions");
    fireEvent.change(within(actions).getByTestId("order-sendback-reason"), { target: { value: "答复过于笼统。" } });
    fireEvent.change(within(actions).getByRole("combobox"), { target: { value: "240" } });
    fireEvent.click(within(actions).getByTestId("order-sendback"));
    expect(await screen.findByTestId("order-action-done")).toBeTruthy();
    expect(sendBacks).toEqual([{ orderId: "o1", reason: "答复过于笼统。", responseWorkingMinutes: 240 }]);
    fireEvent.click(within(actions).getByTestId("order-close"));
    await screen.findByText("The order was closed as satisfied.");
    expect(closes).toEqual([{ orderId: "o1", note: null }]);
    view.unmount();

    const refused = { ...always, request: { query: SendBackSupervisionOrderDocument, variables: () => true }, result: { errors: [new GraphQLError("x", { extensions: { code: "SUPERVISION/ORDER_NOT_ANSWERED" } })] } };
    renderRouting(<OrderActions order={answered} onDone={() => undefined} />, [refused], "zh-CN");
    fireEvent.change(screen.getByTestId("order-sendback-reason"), { target: { value: "答复过于笼统。" } });
    fireEvent.click(screen.getByTestId("order-sendback"));
    expect((await screen.findByTestId("order-action-error")).textContent).toBe("单位尚未回复，可先升级督办。");
  });
});
