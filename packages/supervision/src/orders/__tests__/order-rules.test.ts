import { RoutingEvent } from "@civicline/routing";
import { OutboxProcessor, createLogger, recordEvent } from "@civicline/platform";
import { TicketStatus, transitionTicket } from "@civicline/intake";
import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerOrder } from "../answer-order.js";
import { orderEventHandlers } from "../auto-reminder.js";
import { issueOrder } from "../issue-order.js";
import { countOrdersPerUnit, getOrder, listOrders, listTicketOrders, listUnitOrders } from "../order-queries.js";
import { OrderErrorCode } from "../order.errors.js";
import { OrderLevel, OrderState } from "../order.enums.js";
import { saveOrderSettings } from "../order-settings.js";
import { closeOrder } from "../review-order.js";
import { buildDispatchedTicket, buildOrdersWorld, buildTicket, countFor, ordersTestDatabase, START } from "./orders-world.js";

let db: TestDatabase;

beforeAll(async () => {
  db = await ordersTestDatabase();
});

afterAll(async () => {
  await db?.destroy();
});

const now = new Date(START.getTime() + 3_600_000);

describe("bad input is refused with a code, and nothing is stored", () => {
  it("a deadline in the past, a closed ticket, an undispatched or unknown ticket, a second open order at a level", async () => {
    const world = await buildOrdersWorld(db);
    const { ticket } = await buildDispatchedTicket(db, world);
    const before = await countFor(db, "intake_ticket_history", ticket.id);
    const issue = (request: Record<string, unknown>) =>
      issueOrder(db.dataSource, { actor: world.supervisor, request: { ticketId: ticket.id, level: OrderLevel.REMINDER, reason: "请尽快处理。", ...request } as never, now });

    await expect(issue({ responseDueAt: new Date(now.getTime() - 60_000) })).rejects.toMatchObject({ code: "BAD_USER_INPUT", details: { fields: [{ field: "responseDueAt", code: "IN_THE_PAST" }] } });
    await expect(issue({ reason: " " })).rejects.toMatchObject({ code: "BAD_USER_INPUT", details: { fields: [{ field: "reason", code: "REQUIRED" }] } });
    await expect(issue({ ticketId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: OrderErrorCode.TICKET_NOT_FOUND });
    await expect(issue({ ticketId: "ZB-not-a-uuid" })).rejects.toMatchObject({ code: OrderErrorCode.TICKET_NOT_FOUND });
    expect(await countFor(db, "supervision_order", ticket.id)).toBe(0);
    expect(await countFor(db, "intake_ticket_history", ticket.id)).toBe(before);

    await issue({});
    const afterFirst = await countFor(db, "intake_ticket_history", ticket.id);
    await expect(issue({ reason: "再次提醒。" })).rejects.toMatchObject({ code: OrderErrorCode.ALREADY_OPEN });
    expect(await countFor(db, "supervision_order", ticket.id)).toBe(1);
    expect(await countFor(db, "intake_ticket_history", ticket.id)).toBe(afterFirst);
    // Another level is fine.
    await issue({ level: OrderLevel.FORMAL });
    expect(await countFor(db, "supervision_order", ticket.id)).toBe(2);

    const waiting = await buildTicket(db, world);
    await expect(issue({ ticketId: waiting.id })).rejects.toMatchObject({ code: OrderErrorCode.NOT_DISPATCHED });
    const closed = await buildTicket(db, world);
    await db.dataSource.transaction((manager) => transitionTicket(manager, { ticketId: closed.id, to: TicketStatus.CLOSED_DIRECT, expectedVersion: closed.version, actor: world.operator, reason: "answered" }));
    await expect(issue({ ticketId: closed.id })).rejects.toMatchObject({ code: OrderErrorCode.TICKET_CLOSED });
    expect(await countFor(db, "supervision_order", closed.id)).toBe(0);
  });

  it("answering another unit's order, closing an unanswered order, answering twice", async () => {
    const world = await buildOrdersWorld(db);
    const { ticket } = await buildDispatchedTicket(db, world);
    const order = await issueOrder(db.dataSource, { actor: world.supervisor, request: { ticketId: ticket.id, level: OrderLevel.REMINDER, reason: "请尽快处理。" }, now });
    const history = await countFor(db, "intake_ticket_history", ticket.id);
    const answer = { orderId: order.id, text: "已处理。", expectedDoneAt: new Date(now.getTime() + 86_400_000) };
    await expect(answerOrder(db.dataSource, { actor: world.otherHandler, request: answer, now })).rejects.toMatchObject({ code: OrderErrorCode.NOT_YOUR_UNIT });
    await expect(answerOrder(db.dataSource, { actor: world.supervisor, request: answer, now })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(closeOrder(db.dataSource, { actor: world.supervisor, orderId: order.id, now })).rejects.toMatchObject({ code: OrderErrorCode.NOT_ANSWERED });
    await expect(answerOrder(db.dataSource, { actor: world.handler, request: { ...answer, text: "" }, now })).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    await expect(closeOrder(db.dataSource, { actor: world.supervisor, orderId: "00000000-0000-4000-8000-000000000000", now })).rejects.toMatchObject({ code: OrderErrorCode.ORDER_NOT_FOUND });
    expect(await countFor(db, "intake_ticket_history", ticket.id)).toBe(history);
    expect((await getOrder(db.dataSource, { actor: world.supervisor, orderId: order.id, now })).state).toBe(OrderState.OPEN);

    await answerOrder(db.dataSource, { actor: world.handler, request: answer, now });
    await expect(answerOrder(db.dataSource, { actor: world.handler, request: answer, now })).rejects.toMatchObject({ code: OrderErrorCode.INVALID_TRANSITION });
    await closeOrder(db.dataSource, { actor: world.supervisor, orderId: order.id, now });
    await expect(closeOrder(db.dataSource, { actor: world.supervisor, orderId: order.id, now })).rejects.toMatchObject({ code: OrderErrorCode.INVALID_TRANSITION });
  });
});

describe("who sees and does what", () => {
  it("the unit's handlers see and answer their orders only; centre readers see all; others are refused", async () => {
    const world = await buildOrdersWorld(db);
    const { ticket } = await buildDispatchedTicket(db, world);
    const { ticket: otherTicket } = await buildDispatchedTicket(db, world, { unitId: world.otherUnit.id });
    const mine = await issueOrder(db.dataSource, { actor: world.supervisor, request: { ticketId: ticket.id, level: OrderLevel.FORMAL, reason: "请尽快处理。" }, now });
    const theirs = await issueOrder(db.dataSource, { actor: world.admin, request: { ticketId: otherTicket.id, level: OrderLevel.REMINDER, reason: "请尽快处理。" }, now });

    expect((await listUnitOrders(db.dataSource, { actor: world.handler, now })).map((o) => o.id)).toEqual([mine.id]);
    expect((await listUnitOrders(db.dataSource, { actor: world.otherHandler, now })).map((o) => o.id)).toEqual([theirs.id]);
    await expect(getOrder(db.dataSource, { actor: world.otherHandler, orderId: mine.id, now })).rejects.toMatchObject({ code: OrderErrorCode.NOT_YOUR_UNIT });
    expect(await listTicketOrders(db.dataSource, { actor: world.otherHandler, ticketId: ticket.id, now })).toEqual([]);
    expect((await listTicketOrders(db.dataSource, { actor: world.handler, ticketId: ticket.id, now })).map((o) => o.id)).toEqual([mine.id]);
    for (const reader of [world.supervisor, world.admin, world.leader, world.dispatcher]) {
      const ids = (await listOrders(db.dataSource, { actor: reader, now })).map((o) => o.id);
      expect(ids).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    }
    await expect(listOrders(db.dataSource, { actor: world.operator, now })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listOrders(db.dataSource, { actor: world.handler, now })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listOrders(db.dataSource, { actor: null, now })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(issueOrder(db.dataSource, { actor: world.handler, request: { ticketId: ticket.id, level: OrderLevel.LISTED, reason: "自己督办自己。" }, now })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(issueOrder(db.dataSource, { actor: world.leader, request: { ticketId: ticket.id, level: OrderLevel.LISTED, reason: "领导督办。" }, now })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lists open orders first with overdue answers at the top, filters by level and unit, and counts orders per unit", async () => {
    const world = await buildOrdersWorld(db);
    const a = await buildDispatchedTicket(db, world);
    const b = await buildDispatchedTicket(db, world);
    const c = await buildDispatchedTicket(db, world, { unitId: world.otherUnit.id });
    const late = await issueOrder(db.dataSource, { actor: world.supervisor, request: { ticketId: a.ticket.id, level: OrderLevel.REMINDER, reason: "请尽快处理。", responseWorkingMinutes: 30 }, now });
    const soon = await issueOrder(db.dataSource, { actor: world.supervisor, request: { ticketId: b.ticket.id, level: OrderLevel.FORMAL, reason: "请尽快处理。", responseWorkingMinutes: 240 }, now });
    const other = await issueOrder(db.dataSource, { actor: world.supervisor, request: { ticketId: c.ticket.id, level: OrderLevel.REMINDER, reason: "请尽快处理。" }, now });
    const later = new Date(now.getTime() + 40 * 60_000);
    const unitList = await listOrders(db.dataSource, { actor: world.supervisor, filter: { unitId: world.unit.id }, now: later });
    expect(unitList.map((o) => [o.id, o.answerOverdue])).toEqual([
      [late.id, true],
      [soon.id, false],
    ]);
    expect((await listOrders(db.dataSource, { actor: world.supervisor, filter: { level: OrderLevel.FORMAL, unitId: world.unit.id }, now })).map((o) => o.id)).toEqual([soon.id]);
    expect((await listOrders(db.dataSource, { actor: world.supervisor, filter: { overdueOnly: true, unitId: world.unit.id }, now: later })).map((o) => o.id)).toEqual([late.id]);

    const counts = await countOrdersPerUnit(db.dataSource, { actor: world.leader, now: later });
    expect(counts.find((row) => row.unitId === world.unit.id)).toMatchObject({ total: 2, open: 2, reminder: 1, formal: 1, answerOverdue: 1 });
    expect(counts.find((row) => row.unitId === world.otherUnit.id)).toMatchObject({ total: 1, reminder: 1 });
    expect(other.unitId).toBe(world.otherUnit.id);
  });

  it("answers 'under supervision', the lists and the counts from their indexes", async () => {
    await db.dataSource.transaction(async (manager) => {
      await manager.query("SET LOCAL enable_seqscan = off");
      const plan = async (sql: string, params: unknown[] = []) => ((await manager.query(`EXPLAIN ${sql}`, params)) as Array<{ "QUERY PLAN": string }>).map((row) => row["QUERY PLAN"]).join("\n");
      expect(await plan("SELECT 1 FROM intake_ticket t WHERE EXISTS (SELECT 1 FROM supervision_order so WHERE so.ticket_id = t.id AND so.state <> 'CLOSED') LIMIT 1")).toContain("supervision_order_open_key");
      expect(await plan("SELECT id FROM supervision_order o WHERE o.unit_id = $1 AND o.state <> 'CLOSED'", ["00000000-0000-4000-8000-000000000001"])).toContain("supervision_order_unit_idx");
      expect(await plan("SELECT unit_id, count(*) FROM supervision_order WHERE issued_at >= $1 AND issued_at < $2 GROUP BY unit_id", [START, now])).toContain("supervision_order_issued_idx");
    });
  });
});

describe("the automatic reminder when a ticket becomes overdue", () => {
  function outbox(): OutboxProcessor {
    const processor = new OutboxProcessor(db.dataSource, createLogger({ level: "silent" }));
    for (const handler of orderEventHandlers({ dataSource: db.dataSource, now: () => now })) {
      processor.register(handler);
    }
    return processor;
  }

  async function overdue(ticketId: string, assignmentId: string, leadUnitId: string): Promise<void> {
    await db.dataSource.transaction((manager) =>
      recordEvent(manager, { type: RoutingEvent.TICKET_OVERDUE, payload: { ticketId, assignmentId, leadUnitId, unitIds: [leadUnitId], dueAt: now.toISOString() } }),
    );
  }

  it("issues one reminder per assignment as the system, even when the event is delivered again; none while the setting is off", async () => {
    const world = await buildOrdersWorld(db);
    const { ticket, assignment } = await buildDispatchedTicket(db, world);
    const processor = outbox();
    await overdue(ticket.id, assignment.id, world.unit.id);
    await overdue(ticket.id, assignment.id, world.unit.id);
    await processor.drain();
    const orders = await listTicketOrders(db.dataSource, { actor: world.supervisor, ticketId: ticket.id, now });
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ level: OrderLevel.REMINDER, auto: true, issuedByName: "system", unitId: world.unit.id, state: OrderState.OPEN });

    // Answered and closed: a redelivery still does not issue another.
    await answerOrder(db.dataSource, { actor: world.handler, request: { orderId: orders[0]!.id, text: "已处理完毕。", expectedDoneAt: now }, now });
    await closeOrder(db.dataSource, { actor: world.supervisor, orderId: orders[0]!.id, now });
    await overdue(ticket.id, assignment.id, world.unit.id);
    await processor.drain();
    expect(await countFor(db, "supervision_order", ticket.id)).toBe(1);

    await saveOrderSettings(db.dataSource, { actor: world.admin, request: { autoReminderOnOverdue: false, reminderMinutes: 450, formalMinutes: 900, listedMinutes: 1350 }, now });
    try {
      const second = await buildDispatchedTicket(db, world);
      await overdue(second.ticket.id, second.assignment.id, world.unit.id);
      await processor.drain();
      expect(await countFor(db, "supervision_order", second.ticket.id)).toBe(0);
    } finally {
      await saveOrderSettings(db.dataSource, { actor: world.admin, request: { autoReminderOnOverdue: true, reminderMinutes: 450, formalMinutes: 900, listedMinutes: 1350 }, now });
    }
    await expect(saveOrderSettings(db.dataSource, { actor: world.supervisor, request: { autoReminderOnOverdue: true, reminderMinutes: 450, formalMinutes: 900, listedMinutes: 1350 } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(saveOrderSettings(db.dataSource, { actor: world.admin, request: { autoReminderOnOverdue: true, reminderMinutes: 5, formalMinutes: 900, listedMinutes: 1350 } })).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
  });
});
