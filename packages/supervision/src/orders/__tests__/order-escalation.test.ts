import { Ticket, TicketHistoryKind, TicketStatus, transitionTicket } from "@civicline/intake";
import { scheduleTimer } from "@civicline/platform";
import { createTestClock, type TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { answerOrder } from "../answer-order.js";
import { escalateOrder } from "../escalate-order.js";
import { issueOrder } from "../issue-order.js";
import { ORDER_ESCALATION_TIMER } from "../order-lifecycle.js";
import { OrderErrorCode } from "../order.errors.js";
import { OrderLevel, OrderState } from "../order.enums.js";
import { SupervisionOrder } from "../order.entity.js";
import { buildDispatchedTicket, buildOrdersWorld, historyKinds, ordersTestDatabase, START, startTimers } from "./orders-world.js";

let db: TestDatabase;

beforeAll(async () => {
  db = await ordersTestDatabase();
});

afterAll(async () => {
  await db?.destroy();
});

const MINUTE = 60_000;

function order(id: string): Promise<SupervisionOrder> {
  return db.dataSource.getRepository(SupervisionOrder).findOneByOrFail({ id });
}

async function escalationRows(ticketId: string): Promise<number> {
  return (await historyKinds(db, ticketId)).filter((kind) => kind === TicketHistoryKind.SUPERVISION_ORDER_ESCALATED).length;
}

async function notified(kind: string, recipientId: string): Promise<number> {
  const [row]: Array<{ n: number }> = await db.dataSource.query("SELECT count(*)::int AS n FROM platform_notification WHERE kind = $1 AND recipient_id = $2", [kind, recipientId]);
  return row!.n;
}

describe("an unanswered order escalates by itself", () => {
  it("rises one level at its deadline — not a minute early, exactly once — and to listed supervision, which tells the leadership", async () => {
    const world = await buildOrdersWorld(db);
    const { ticket } = await buildDispatchedTicket(db, world);
    const clock = createTestClock(new Date(START.getTime() + 30 * MINUTE));
    const app = await startTimers(db, clock, "one");
    try {
      const issued = await issueOrder(db.dataSource, { actor: world.supervisor, request: { ticketId: ticket.id, level: OrderLevel.REMINDER, reason: "请尽快答复。", responseWorkingMinutes: 60 }, now: clock.now() });
      clock.advanceTo(new Date(issued.responseDueAt.getTime() - 1));
      await app.timers.drain();
      expect((await order(issued.id)).level).toBe(OrderLevel.REMINDER);

      clock.advanceTo(issued.responseDueAt);
      await app.timers.drain();
      const formal = await order(issued.id);
      expect(formal).toMatchObject({ level: OrderLevel.FORMAL, state: OrderState.OPEN, escalations: 1 });
      // The formal level's default answer time (2 working days) from the moment it rose.
      expect(formal.responseDueAt.getTime()).toBeGreaterThan(clock.now().getTime() + 24 * 60 * MINUTE);
      clock.advance(5 * MINUTE);
      await app.timers.drain();
      await app.timers.drain();
      expect((await order(issued.id)).escalations).toBe(1);
      expect(await escalationRows(ticket.id)).toBe(1);
      expect(await notified("supervision.order_listed", world.leader.id)).toBe(0);

      clock.advanceTo(formal.responseDueAt);
      await app.timers.drain();
      const listed = await order(issued.id);
      expect(listed).toMatchObject({ level: OrderLevel.LISTED, escalations: 2 });
      expect(await notified("supervision.order_listed", world.leader.id)).toBe(1);
      // Listed supervision is the top: its deadline passing changes nothing more.
      clock.advanceTo(new Date(listed.responseDueAt.getTime() + 60 * MINUTE));
      await app.timers.drain();
      expect((await order(issued.id)).escalations).toBe(2);
      expect(await escalationRows(ticket.id)).toBe(2);
      const actors: Array<{ actor_name: string }> = await db.dataSource.query("SELECT actor_name FROM intake_ticket_history WHERE ticket_id = $1 AND kind = $2", [ticket.id, TicketHistoryKind.SUPERVISION_ORDER_ESCALATED]);
      expect(actors.map((row) => row.actor_name)).toEqual(["system", "system"]);
    } finally {
      await app.stop();
    }
  });

  it("does not escalate an order answered in time (the timer is cancelled; a stale one changes nothing)", async () => {
    const world = await buildOrdersWorld(db);
    const { ticket } = await buildDispatchedTicket(db, world);
    const clock = createTestClock(new Date(START.getTime() + 30 * MINUTE));
    const app = await startTimers(db, clock, "answered");
    try {
      const issued = await issueOrder(db.dataSource, { actor: world.supervisor, request: { ticketId: ticket.id, level: OrderLevel.REMINDER, reason: "请尽快答复。", responseWorkingMinutes: 60 }, now: clock.now() });
      await answerOrder(db.dataSource, { actor: world.handler, request: { orderId: issued.id, text: "已安排专人调查。", expectedDoneAt: clock.in(24 * 60 * MINUTE) }, now: clock.now() });
      clock.advanceTo(new Date(issued.responseDueAt.getTime() + 60 * MINUTE));
      await app.timers.drain();
      expect(await order(issued.id)).toMatchObject({ level: OrderLevel.REMINDER, state: OrderState.ANSWERED, escalations: 0 });
      expect(await escalationRows(ticket.id)).toBe(0);
    } finally {
      await app.stop();
    }
  });

  it("escalates once across a restart: the deadline passes while the app is down, a new timer service fires it at start", async () => {
    const world = await buildOrdersWorld(db);
    const { ticket } = await buildDispatchedTicket(db, world);
    const clock = createTestClock(new Date(START.getTime() + 30 * MINUTE));
    const first = await startTimers(db, clock, "before");
    const issued = await issueOrder(db.dataSource, { actor: world.supervisor, request: { ticketId: ticket.id, level: OrderLevel.REMINDER, reason: "请尽快答复。", responseWorkingMinutes: 60 }, now: clock.now() });
    await first.timers.drain();
    await first.stop();

    clock.advanceTo(new Date(issued.responseDueAt.getTime() + 10 * MINUTE));
    expect((await order(issued.id)).level).toBe(OrderLevel.REMINDER);
    const second = await startTimers(db, clock, "after");
    try {
      // No drain(): starting fires what fell due while the app was down.
      await vi.waitFor(async () => expect((await order(issued.id)).level).toBe(OrderLevel.FORMAL), { timeout: 10_000, interval: 25 });
      await second.timers.drain();
      expect((await order(issued.id)).escalations).toBe(1);
      expect(await escalationRows(ticket.id)).toBe(1);
    } finally {
      await second.stop();
    }
  });

  it("escalates each order once when two timer services race over the same database", async () => {
    const world = await buildOrdersWorld(db);
    const clock = createTestClock(new Date(START.getTime() + 30 * MINUTE));
    const ids: Array<{ orderId: string; ticketId: string }> = [];
    for (let n = 0; n < 8; n += 1) {
      const { ticket } = await buildDispatchedTicket(db, world);
      const issued = await issueOrder(db.dataSource, { actor: world.supervisor, request: { ticketId: ticket.id, level: OrderLevel.REMINDER, reason: "批量督办提醒。", responseWorkingMinutes: 60 }, now: clock.now() });
      ids.push({ orderId: issued.id, ticketId: ticket.id });
    }
    clock.advance(2 * 60 * MINUTE);
    const apps = await Promise.all([startTimers(db, clock, "left"), startTimers(db, clock, "right")]);
    try {
      await Promise.all(apps.map((app) => app.timers.drain()));
      await Promise.all(apps.map((app) => app.timers.drain()));
      for (const { orderId, ticketId } of ids) {
        expect(await order(orderId)).toMatchObject({ level: OrderLevel.FORMAL, escalations: 1 });
        expect(await escalationRows(ticketId)).toBe(1);
      }
    } finally {
      await Promise.all(apps.map((app) => app.stop()));
    }
  });
});

describe("a stale escalation timer", () => {
  it("changes nothing when the order is no longer at the level and deadline it was armed for", async () => {
    const world = await buildOrdersWorld(db);
    const { ticket } = await buildDispatchedTicket(db, world);
    const clock = createTestClock(new Date(START.getTime() + 30 * MINUTE));
    const app = await startTimers(db, clock, "stale");
    try {
      const issued = await issueOrder(db.dataSource, { actor: world.supervisor, request: { ticketId: ticket.id, level: OrderLevel.REMINDER, reason: "请尽快答复。", responseWorkingMinutes: 60 }, now: clock.now() });
      await escalateOrder(db.dataSource, { actor: world.supervisor, orderId: issued.id, now: clock.now() });
      // A copy of the reminder's timer (as if left over from before the escalation) falls due.
      await db.dataSource.transaction((manager) =>
        scheduleTimer(manager, { key: `stale:${issued.id}`, type: ORDER_ESCALATION_TIMER, dueAt: issued.responseDueAt, payload: { orderId: issued.id, level: OrderLevel.REMINDER, dueAt: issued.responseDueAt.toISOString() } }),
      );
      clock.advanceTo(new Date(issued.responseDueAt.getTime() + MINUTE));
      await app.timers.drain();
      expect(await order(issued.id)).toMatchObject({ level: OrderLevel.FORMAL, escalations: 1 });
      expect(await escalationRows(ticket.id)).toBe(1);
    } finally {
      await app.stop();
    }
  });
});

describe("a closed ticket", () => {
  it("is not chased further: its open order's deadline passes without escalation", async () => {
    const world = await buildOrdersWorld(db);
    const { ticket } = await buildDispatchedTicket(db, world);
    const clock = createTestClock(new Date(START.getTime() + 30 * MINUTE));
    const app = await startTimers(db, clock, "closed");
    try {
      const issued = await issueOrder(db.dataSource, { actor: world.supervisor, request: { ticketId: ticket.id, level: OrderLevel.REMINDER, reason: "请尽快答复。", responseWorkingMinutes: 60 }, now: clock.now() });
      let version = (await db.dataSource.getRepository(Ticket).findOneByOrFail({ id: ticket.id })).version;
      for (const to of [TicketStatus.SIGNED_FOR, TicketStatus.REPLIED, TicketStatus.CLOSED]) {
        await db.dataSource.transaction((manager) => transitionTicket(manager, { ticketId: ticket.id, to, expectedVersion: version, actor: world.dispatcher }));
        version += 1;
      }
      clock.advanceTo(new Date(issued.responseDueAt.getTime() + MINUTE));
      await app.timers.drain();
      expect(await order(issued.id)).toMatchObject({ level: OrderLevel.REMINDER, escalations: 0 });
      expect(await escalationRows(ticket.id)).toBe(0);
    } finally {
      await app.stop();
    }
  });
});

describe("escalating by hand", () => {
  it("raises an open or answered order to the next free level, skips a level another open order holds, and stops at listed supervision", async () => {
    const world = await buildOrdersWorld(db);
    const { ticket } = await buildDispatchedTicket(db, world);
    const now = new Date(START.getTime() + 30 * MINUTE);
    const reminder = await issueOrder(db.dataSource, { actor: world.supervisor, request: { ticketId: ticket.id, level: OrderLevel.REMINDER, reason: "请尽快答复。" }, now });
    await answerOrder(db.dataSource, { actor: world.handler, request: { orderId: reminder.id, text: "处理中。", expectedDoneAt: new Date(now.getTime() + 86_400_000) }, now });
    const formal = await escalateOrder(db.dataSource, { actor: world.supervisor, orderId: reminder.id, note: "答复敷衍，升级督办。", now });
    expect(formal).toMatchObject({ level: OrderLevel.FORMAL, state: OrderState.OPEN, escalations: 1 });

    // Another open reminder; escalating it skips FORMAL (held by the first order) to LISTED.
    const second = await issueOrder(db.dataSource, { actor: world.supervisor, request: { ticketId: ticket.id, level: OrderLevel.REMINDER, reason: "新的来电催办。" }, now });
    expect((await escalateOrder(db.dataSource, { actor: world.admin, orderId: second.id, now })).level).toBe(OrderLevel.LISTED);
    await expect(escalateOrder(db.dataSource, { actor: world.supervisor, orderId: second.id, now })).rejects.toMatchObject({ code: OrderErrorCode.TOP_LEVEL });
    // The first one cannot rise to LISTED either while the second holds it.
    await expect(escalateOrder(db.dataSource, { actor: world.supervisor, orderId: formal.id, now })).rejects.toMatchObject({ code: OrderErrorCode.TOP_LEVEL });
    await expect(escalateOrder(db.dataSource, { actor: world.handler, orderId: formal.id, now })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await escalationRows(ticket.id)).toBe(2);
  });
});
