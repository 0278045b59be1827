import { TicketHistoryKind } from "@civicline/intake";
import { findTimer } from "@civicline/platform";
import { createTestClock, type TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerOrder } from "../answer-order.js";
import { issueOrder } from "../issue-order.js";
import { escalationTimerKey } from "../order-lifecycle.js";
import { getOrder, orderTimeline } from "../order-queries.js";
import { OrderAction, OrderLevel, OrderState } from "../order.enums.js";
import { closeOrder, sendBackOrder } from "../review-order.js";
import { buildDispatchedTicket, buildOrdersWorld, countFor, historyKinds, ordersTestDatabase, START } from "./orders-world.js";

let db: TestDatabase;

beforeAll(async () => {
  db = await ordersTestDatabase();
});

afterAll(async () => {
  await db?.destroy();
});

const HOUR = 3_600_000;

async function outbox(ticketId: string): Promise<Array<{ action: string; state: string }>> {
  const rows: Array<{ payload: { action: string; state: string } }> = await db.dataSource.query(
    "SELECT payload FROM platform_outbox WHERE type = 'supervision.order_changed' AND payload->>'ticketId' = $1 ORDER BY id",
    [ticketId],
  );
  return rows.map((row) => ({ action: row.payload.action, state: row.payload.state }));
}

describe("a supervision order's life", () => {
  it("is issued to the lead unit, answered by its handler and closed by the supervisor — each step in the history, the timeline and the outbox", async () => {
    const world = await buildOrdersWorld(db);
    const { ticket } = await buildDispatchedTicket(db, world);
    const clock = createTestClock(new Date(START.getTime() + HOUR));

    const issued = await issueOrder(db.dataSource, {
      actor: world.supervisor,
      request: { ticketId: ticket.id, level: OrderLevel.FORMAL, reason: "家长再次来电，请加快调查。", responseWorkingMinutes: 240 },
      now: clock.now(),
    });
    expect(issued).toMatchObject({ state: OrderState.OPEN, level: OrderLevel.FORMAL, unitId: world.unit.id, issuedByName: world.supervisor.name });
    // 4 working hours from Tuesday 11:00: 11:00–12:00, 13:30–16:30 → 16:30 Zibo time.
    expect(issued.responseDueAt.toISOString()).toBe("2026-03-10T08:30:00.000Z");
    expect((await findTimer(db.dataSource.manager, escalationTimerKey(issued.id)))?.firedAt ?? "pending").toBe("pending");
    // The unit's handler is told; the other unit's is not.
    const notices: Array<{ recipient_id: string }> = await db.dataSource.query("SELECT recipient_id FROM platform_notification WHERE kind = 'supervision.order_waiting'");
    expect(notices.map((row) => row.recipient_id)).toContain(world.handler.id);
    expect(notices.map((row) => row.recipient_id)).not.toContain(world.otherHandler.id);

    clock.advance(HOUR);
    const answered = await answerOrder(db.dataSource, {
      actor: world.handler,
      request: { orderId: issued.id, text: "已约谈校长，涉事学生家长已到校，本周内完成调查。", expectedDoneAt: new Date("2026-03-13T09:00:00Z") },
      now: clock.now(),
    });
    expect(answered).toMatchObject({ state: OrderState.ANSWERED, answeredByName: world.handler.name });
    // Answered: the escalation timer is gone.
    expect(await findTimer(db.dataSource.manager, escalationTimerKey(issued.id))).toBeNull();

    clock.advance(HOUR);
    const closed = await closeOrder(db.dataSource, { actor: world.supervisor, orderId: issued.id, note: "答复满意。", now: clock.now() });
    expect(closed).toMatchObject({ state: OrderState.CLOSED, closedByName: world.supervisor.name, closeNote: "答复满意。" });

    expect((await historyKinds(db, ticket.id)).filter((kind) => kind.startsWith("supervision"))).toEqual([
      TicketHistoryKind.SUPERVISION_ORDER_ISSUED,
      TicketHistoryKind.SUPERVISION_ORDER_ANSWERED,
      TicketHistoryKind.SUPERVISION_ORDER_CLOSED,
    ]);
    const internal: Array<{ n: number }> = await db.dataSource.query("SELECT count(*)::int AS n FROM intake_ticket_history WHERE ticket_id = $1 AND kind LIKE 'supervision%' AND is_public", [ticket.id]);
    expect(internal[0]!.n).toBe(0);
    expect((await orderTimeline(db.dataSource, issued.id)).map((step) => step.action)).toEqual([OrderAction.ISSUED, OrderAction.ANSWERED, OrderAction.CLOSED]);
    expect(await outbox(ticket.id)).toEqual([
      { action: "ISSUED", state: "OPEN" },
      { action: "ANSWERED", state: "ANSWERED" },
      { action: "CLOSED", state: "CLOSED" },
    ]);
    const view = await getOrder(db.dataSource, { actor: world.supervisor, orderId: issued.id, now: clock.now() });
    expect(view).toMatchObject({ trackingNumber: ticket.trackingNumber, unitNameZh: world.unit.nameZh, state: "CLOSED", answerOverdue: false });
  });

  it("is sent back with a new deadline: open again, the timer re-armed, the answer cleared", async () => {
    const world = await buildOrdersWorld(db);
    const { ticket } = await buildDispatchedTicket(db, world);
    const clock = createTestClock(new Date(START.getTime() + HOUR));
    const order = await issueOrder(db.dataSource, { actor: world.supervisor, request: { ticketId: ticket.id, level: OrderLevel.REMINDER, reason: "请尽快处理。" }, now: clock.now() });
    await answerOrder(db.dataSource, { actor: world.handler, request: { orderId: order.id, text: "正在处理中。", expectedDoneAt: clock.in(48 * HOUR) }, now: clock.now() });
    clock.advance(HOUR);
    const reopened = await sendBackOrder(db.dataSource, { actor: world.supervisor, orderId: order.id, reason: "答复过于笼统，请说明具体措施。", responseWorkingMinutes: 120, now: clock.now() });
    expect(reopened).toMatchObject({ state: OrderState.OPEN, sendBacks: 1, answerText: null, level: OrderLevel.REMINDER });
    // 2 working hours from 12:00 Zibo time (lunch until 13:30) → 15:30.
    expect(reopened.responseDueAt.toISOString()).toBe("2026-03-10T07:30:00.000Z");
    const timer = await findTimer(db.dataSource.manager, escalationTimerKey(order.id));
    expect(timer?.firedAt).toBeNull();
    expect(timer?.dueAt.toISOString()).toBe(reopened.responseDueAt.toISOString());
    expect((await historyKinds(db, ticket.id)).filter((kind) => kind.startsWith("supervision"))).toEqual([
      TicketHistoryKind.SUPERVISION_ORDER_ISSUED,
      TicketHistoryKind.SUPERVISION_ORDER_ANSWERED,
      TicketHistoryKind.SUPERVISION_ORDER_SENT_BACK,
    ]);
    // Answered again and closed.
    await answerOrder(db.dataSource, { actor: world.handler, request: { orderId: order.id, text: "已责令学校书面整改，并安排心理老师跟进。", expectedDoneAt: clock.in(24 * HOUR) }, now: clock.now() });
    expect(await closeOrder(db.dataSource, { actor: world.admin, orderId: order.id, now: clock.now() })).toMatchObject({ state: OrderState.CLOSED });
    expect(await countFor(db, "supervision_order", ticket.id)).toBe(1);
  });
});
