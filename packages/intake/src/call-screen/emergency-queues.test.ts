import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCall, buildCatalog, callbackAgent, dispatcher, eventsOf, historyOf, intakeTestDatabase, operator, secondOperator } from "../__tests__/factories.js";
import { Ticket } from "../ticket/ticket.entity.js";
import { Urgency } from "../ticket/ticket.enums.js";
import { answerDirectly } from "./answer-directly.js";
import { EmergencyService, QueueKind } from "./call-screen.enums.js";
import { markEmergency, recordEmergencyHandoff } from "./emergency.js";
import { EmergencyHandoff } from "./emergency-handoff.entity.js";
import { countQueues, listQueue, startOfHotlineDay } from "./queues.js";
import { sendToDispatch } from "./send-to-dispatch.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await intakeTestDatabase();
});
afterAll(() => db?.destroy());

const URGENCY_RANK = { [Urgency.EMERGENCY]: 0, [Urgency.URGENT]: 1, [Urgency.NORMAL]: 2 };

function expectUrgencyOrder(items: Ticket[]): void {
  const ranks = items.map((t) => URGENCY_RANK[t.urgency]);
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
}

describe("emergencies", () => {
  it("marks a ticket as an emergency with a history entry, puts it first in every queue, and records a 119 hand-off", async () => {
    const catalog = await buildCatalog(db);
    const fire = await buildCall(db, catalog, { description: "化工厂东侧冒黑烟，可见明火。" });
    await buildCall(db, catalog, { urgency: Urgency.URGENT });
    await buildCall(db, catalog);
    const before = await countQueues(db.dataSource, operator);

    const marked = await markEmergency(db.dataSource, { actor: operator, ticketId: fire.id, version: fire.version });
    expect(marked).toMatchObject({ urgency: Urgency.EMERGENCY, version: fire.version + 1 });
    expect((await historyOf(db, fire.id)).at(-1)).toMatchObject({ kind: "urgency_changed", from_status: "received", to_status: "received", reason: "marked as an emergency (was normal)" });
    expect((await eventsOf(db, fire.id)).map((e) => e.type)).toContain("intake.ticket_changed");
    expect(await countQueues(db.dataSource, operator)).toEqual({ ...before, emergencies: before.emergencies + 1 });

    for (const kind of [QueueKind.RECEIVED, QueueKind.MINE_TODAY, QueueKind.EMERGENCIES]) {
      const queue = await listQueue(db.dataSource, { actor: operator, kind, limit: 200 });
      expect(queue.items.map((t) => t.id), kind).toContain(fire.id);
      expectUrgencyOrder(queue.items);
    }
    const again = await markEmergency(db.dataSource, { actor: dispatcher, ticketId: fire.id, version: marked.version });
    expect(again.version).toBe(marked.version);
    await expect(markEmergency(db.dataSource, { actor: callbackAgent, ticketId: fire.id, version: marked.version })).rejects.toMatchObject({ code: "FORBIDDEN" });

    await recordEmergencyHandoff(db.dataSource, {
      actor: operator,
      ticketId: fire.id,
      service: EmergencyService.FIRE_119,
      reference: "119-2026-0815",
      checklist: ["确认人员已撤离 ✅", "询问是否有人员被困"],
    });
    const handoffs = await db.dataSource.getRepository(EmergencyHandoff).findBy({ ticketId: fire.id });
    expect(handoffs).toEqual([
      expect.objectContaining({ service: EmergencyService.FIRE_119, reference: "119-2026-0815", checklist: ["确认人员已撤离 ✅", "询问是否有人员被困"], handedOffBy: "王敏", handedOffById: operator.id }),
    ]);
    expect((await historyOf(db, fire.id)).at(-1)).toMatchObject({ kind: "emergency_handoff", reason: "handed off to 119, reference 119-2026-0815", is_public: false });
  });

  it("refuses a stale version, a closed ticket and bad hand-off input", async () => {
    const catalog = await buildCatalog(db);
    const ticket = await buildCall(db, catalog);
    await expect(markEmergency(db.dataSource, { actor: operator, ticketId: ticket.id, version: ticket.version + 1 })).rejects.toMatchObject({ code: "CONFLICT" });
    const closed = await answerDirectly(db.dataSource, { actor: operator, ticketId: ticket.id, version: ticket.version, articleIds: [], answer: "已答复" });
    await expect(markEmergency(db.dataSource, { actor: operator, ticketId: ticket.id, version: closed.version })).rejects.toMatchObject({ code: "INTAKE/INVALID_TRANSITION" });
    const handoff = { actor: operator, ticketId: ticket.id, service: EmergencyService.POLICE_110 };
    await expect(recordEmergencyHandoff(db.dataSource, { ...handoff, reference: "", checklist: [] })).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      details: { fields: [{ field: "reference", code: "REQUIRED" }] },
    });
    await expect(recordEmergencyHandoff(db.dataSource, { ...handoff, reference: "110-1", checklist: ["ok", "坏\u0000"] })).rejects.toMatchObject({
      details: { fields: [{ field: "checklist.1", code: "INVALID_CHARACTERS" }] },
    });
    await expect(recordEmergencyHandoff(db.dataSource, { ...handoff, ticketId: "00000000-0000-4000-8000-000000000000", reference: "110-1", checklist: [] })).rejects.toMatchObject({
      code: "INTAKE/TICKET_NOT_FOUND",
    });
    expect(await db.dataSource.getRepository(EmergencyHandoff).countBy({ ticketId: ticket.id })).toBe(0);
  });
});

describe("queues and their counts", () => {
  it("counts each queue for the viewer and follows tickets as they move", async () => {
    const catalog = await buildCatalog(db);
    const mine0 = await countQueues(db.dataSource, secondOperator);
    const theirs0 = await countQueues(db.dataSource, operator);
    const a = await buildCall(db, catalog, {}, secondOperator);
    const b = await buildCall(db, catalog, {}, secondOperator);
    const after = await countQueues(db.dataSource, secondOperator);
    expect(after).toEqual({ ...mine0, mineToday: mine0.mineToday + 2, received: mine0.received + 2 });
    expect((await countQueues(db.dataSource, operator)).mineToday).toBe(theirs0.mineToday);

    await sendToDispatch(db.dataSource, { actor: secondOperator, ticketId: a.id, version: a.version });
    await answerDirectly(db.dataSource, { actor: secondOperator, ticketId: b.id, version: b.version, articleIds: [], answer: "已答复" });
    expect(await countQueues(db.dataSource, secondOperator)).toEqual({
      ...mine0,
      mineToday: mine0.mineToday + 2,
      received: mine0.received + 1,
      waitingForDispatch: mine0.waitingForDispatch + 1,
    });
    const waiting = await listQueue(db.dataSource, { actor: secondOperator, kind: QueueKind.WAITING_FOR_DISPATCH, limit: 200 });
    expect(waiting.items.map((t) => t.id)).toContain(a.id);
    expect(waiting.items.every((t) => t.status === "awaiting_dispatch")).toBe(true);
    const mine = await listQueue(db.dataSource, { actor: secondOperator, kind: QueueKind.MINE_TODAY, limit: 200 });
    expect(mine.items.map((t) => t.id).sort()).toEqual([a.id, b.id].sort());
  });

  it("leaves yesterday's calls out of MINE_TODAY (Asia/Shanghai day)", async () => {
    const catalog = await buildCatalog(db);
    const ticket = await buildCall(db, catalog, {}, secondOperator);
    await db.dataSource.query("UPDATE intake_ticket SET received_at = $2 WHERE id = $1", [ticket.id, new Date(startOfHotlineDay().getTime() - 1000)]);
    const mine = await listQueue(db.dataSource, { actor: secondOperator, kind: QueueKind.MINE_TODAY, limit: 200 });
    expect(mine.items.map((t) => t.id)).not.toContain(ticket.id);
    expect(startOfHotlineDay(new Date("2026-11-24T16:30:00Z")).toISOString()).toBe("2026-11-24T16:00:00.000Z");
  });

  it("is for centre staff only", async () => {
    await expect(countQueues(db.dataSource, callbackAgent)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listQueue(db.dataSource, { actor: null, kind: QueueKind.RECEIVED, limit: 5 })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
