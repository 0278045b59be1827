import { Urgency } from "@civicline/intake";
import { Role } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { Assignment, ReplyOutcome, deadlineTimerKey, replyToTicket, signFor } from "@civicline/routing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChasingSeverity, ChasingStage } from "../chasing.enums.js";
import { chasingBoard, listChasing } from "../chasing-queries.js";
import { rebuildChasing } from "../reconcile.js";
import { dispatchWarningKey, signForWarningKey, warningAt } from "../warning-timers.js";
import { buildTicket, buildWorld, chasingTestDatabase, countersAndDirect, dispatchTo, staff, startChasingApp, supervisor, type World } from "./chasing-world.js";

let db: TestDatabase;
let app: Awaited<ReturnType<typeof startChasingApp>>;
let world: World;

beforeAll(async () => {
  db = await chasingTestDatabase();
  app = await startChasingApp(db);
  world = await buildWorld(db);
  // Emergencies: dispatched within 15 minutes on the clock (the demo policy).
  await db.dataSource.query(
    `INSERT INTO routing_sla_policy (urgency, dispatch_minutes, sign_for_minutes, completion_minutes, near_due_percent, around_the_clock, updated_by_name)
     VALUES ('emergency', 15, 15, 1440, 80, true, 'test')`,
  );
});
afterAll(async () => {
  await app?.stop();
  await db?.destroy();
});

async function placeOf(ticketId: string): Promise<{ stage: string; severity: string; unit_id: string | null; alarm: boolean } | null> {
  const [row] = (await db.dataSource.query("SELECT stage, severity, unit_id, alarm FROM supervision_chasing_item WHERE ticket_id = $1", [ticketId])) as Array<{
    stage: string;
    severity: string;
    unit_id: string | null;
    alarm: boolean;
  }>;
  return row ?? null;
}

async function timerDue(key: string): Promise<Date> {
  const [row] = (await db.dataSource.query("SELECT due_at FROM platform_timer WHERE key = $1", [key])) as Array<{ due_at: Date }>;
  return row!.due_at;
}

async function advanceTo(at: Date): Promise<void> {
  if (at.getTime() > app.clock.now().getTime()) {
    app.clock.advanceTo(at);
  }
  await app.settle();
}

describe("the chasing board follows routing's timers stage by stage", () => {
  it("waiting for dispatch: yellow at the board's warning, red when the dispatch timer fires; an emergency then sounds the alarm; dispatching takes both off", async () => {
    const normal = await buildTicket(db, world, { receivedAt: app.clock.now() });
    const emergency = await buildTicket(db, world, { receivedAt: app.clock.now(), urgency: Urgency.EMERGENCY });
    await app.settle();
    expect(await placeOf(normal.id)).toBeNull();
    expect(await placeOf(emergency.id)).toBeNull();

    // The board's own warning at 80 % of the dispatch limit: yellow, no alarm yet.
    await advanceTo(await timerDue(dispatchWarningKey(emergency.id)));
    expect(await placeOf(emergency.id)).toEqual({ stage: ChasingStage.WAITING_DISPATCH, severity: ChasingSeverity.NEAR_DUE, unit_id: null, alarm: false });
    await advanceTo(await timerDue(`routing:ticket:${emergency.id}:dispatch_overdue`));
    expect(await placeOf(emergency.id)).toEqual({ stage: ChasingStage.WAITING_DISPATCH, severity: ChasingSeverity.OVERDUE, unit_id: null, alarm: true });
    expect(await placeOf(normal.id)).toBeNull();
    const board = await chasingBoard(db.dataSource, { actor: supervisor });
    expect(board.alarms.map((item) => item.trackingNumber)).toContain(emergency.trackingNumber);

    await advanceTo(await timerDue(`routing:ticket:${normal.id}:dispatch_overdue`));
    expect(await placeOf(normal.id)).toMatchObject({ stage: ChasingStage.WAITING_DISPATCH, severity: ChasingSeverity.OVERDUE, alarm: false });

    await dispatchTo(db, emergency, world.units[0]!.id, app.clock.now());
    await dispatchTo(db, normal, world.units[0]!.id, app.clock.now());
    await app.settle();
    expect(await placeOf(emergency.id)).toBeNull();
    expect(await placeOf(normal.id)).toBeNull();
    expect((await chasingBoard(db.dataSource, { actor: supervisor })).alarms.map((item) => item.ticketId)).not.toContain(emergency.id);
  });

  it("waiting for sign-for yellow → red → in progress near due (yellow) → overdue (red) → extension pending → replied leaves the board", async () => {
    const unit = world.units[1]!;
    const handler = staff("生态环境局 赵工", [Role.HANDLER], unit.id);
    const ticket = await buildTicket(db, world, { receivedAt: app.clock.now() });
    const assignment = await dispatchTo(db, ticket, unit.id, app.clock.now());
    await app.settle();

    const warning = await timerDue(signForWarningKey(assignment.id));
    expect(warning.getTime()).toBeLessThan(assignment.signForDueAt.getTime());
    await advanceTo(new Date(warning.getTime() - 1));
    expect(await placeOf(ticket.id)).toBeNull();
    await advanceTo(warning);
    expect(await placeOf(ticket.id)).toEqual({ stage: ChasingStage.WAITING_SIGN_FOR, severity: ChasingSeverity.NEAR_DUE, unit_id: unit.id, alarm: false });
    await advanceTo(await timerDue(deadlineTimerKey(assignment.id, "sign_for_overdue")));
    expect(await placeOf(ticket.id)).toEqual({ stage: ChasingStage.WAITING_SIGN_FOR, severity: ChasingSeverity.OVERDUE, unit_id: unit.id, alarm: false });

    await signFor(db.dataSource, { actor: handler, ticketId: ticket.id, now: app.clock.now() });
    await app.settle();
    expect(await placeOf(ticket.id)).toBeNull();
    // Signed for: the board's sign-for warning is gone with the step.
    expect(await db.dataSource.query("SELECT key FROM platform_timer WHERE key = $1", [signForWarningKey(assignment.id)])).toEqual([]);

    await advanceTo(assignment.nearDueAt);
    expect(await placeOf(ticket.id)).toMatchObject({ stage: ChasingStage.IN_PROGRESS, severity: ChasingSeverity.NEAR_DUE });
    await advanceTo(new Date(assignment.completionDueAt.getTime() - 1));
    expect(await placeOf(ticket.id)).toMatchObject({ severity: ChasingSeverity.NEAR_DUE });
    await advanceTo(assignment.completionDueAt);
    expect(await placeOf(ticket.id)).toMatchObject({ stage: ChasingStage.IN_PROGRESS, severity: ChasingSeverity.OVERDUE });

    // The unit asks for more time (the request itself is routing's; tested there): the ticket waits for a supervisor.
    await db.dataSource.transaction(async (manager) => {
      await manager.update(Assignment, { id: assignment.id }, { extensionStatus: "PENDING" as never, extensionDays: 2, extensionMinutes: 900, extensionReason: "需协调多部门" });
      await manager.query("INSERT INTO platform_outbox (type, payload) VALUES ('routing.extension_requested', $1::jsonb)", [JSON.stringify({ ticketId: ticket.id, unitIds: [unit.id] })]);
    });
    await app.settle();
    expect(await placeOf(ticket.id)).toMatchObject({ stage: ChasingStage.EXTENSION_PENDING, severity: ChasingSeverity.OVERDUE, unit_id: unit.id });
    const list = await listChasing(db.dataSource, { actor: supervisor, request: { stage: ChasingStage.EXTENSION_PENDING, unitId: unit.id } });
    expect(list.items.map((item) => item.trackingNumber)).toEqual([ticket.trackingNumber]);
    expect(list.total).toBe(1);

    await replyToTicket(db.dataSource, { actor: handler, ticketId: ticket.id, reply: { outcome: ReplyOutcome.RESOLVED, text: "已协调施工单位停止夜间施工。" }, now: app.clock.now() });
    await app.settle();
    expect(await placeOf(ticket.id)).toBeNull();
    const after = await countersAndDirect(db);
    expect(after.counters).toEqual(after.direct);
  });

  it("lists oldest deadline first with cursor paging, per unit, and the counts equal a direct count", async () => {
    const unit = world.units[2]!;
    const tickets = [];
    for (let i = 0; i < 5; i++) {
      const ticket = await buildTicket(db, world, { receivedAt: app.clock.now() });
      tickets.push({ ticket, assignment: await dispatchTo(db, ticket, unit.id, app.clock.now()) });
      app.clock.advance(60_000);
    }
    await advanceTo(await timerDue(deadlineTimerKey(tickets[4]!.assignment.id, "sign_for_overdue")));
    const first = await listChasing(db.dataSource, { actor: supervisor, request: { stage: ChasingStage.WAITING_SIGN_FOR, unitId: unit.id, first: 2 } });
    expect(first.total).toBe(5);
    const second = await listChasing(db.dataSource, { actor: supervisor, request: { stage: ChasingStage.WAITING_SIGN_FOR, unitId: unit.id, first: 2, after: first.nextCursor } });
    const third = await listChasing(db.dataSource, { actor: supervisor, request: { stage: ChasingStage.WAITING_SIGN_FOR, unitId: unit.id, first: 2, after: second.nextCursor } });
    expect(third.nextCursor).toBeNull();
    expect([...first.items, ...second.items, ...third.items].map((item) => item.trackingNumber)).toEqual(tickets.map(({ ticket }) => ticket.trackingNumber));
    const board = await chasingBoard(db.dataSource, { actor: supervisor });
    expect(board.units.find((entry) => entry.unitId === unit.id && entry.stage === ChasingStage.WAITING_SIGN_FOR)).toMatchObject({ overdue: 5, nearDue: 0 });
    const { counters, direct, items, truth } = await countersAndDirect(db);
    expect(counters).toEqual(direct);
    expect(items).toEqual(truth);
    // A rebuild from the marks gives the same board.
    await rebuildChasing(db.dataSource);
    const rebuilt = await countersAndDirect(db);
    expect(rebuilt.counters).toEqual(counters);
    expect(rebuilt.items).toEqual(items);
  });
});

describe("the board's own warnings", () => {
  it("fall at the share of the limit used, in working time, or on the clock when the span holds none", async () => {
    const { loadWorkingCalendar } = await import("@civicline/platform");
    const calendar = await loadWorkingCalendar(db.dataSource);
    // Friday 16:00 Beijing time + 240 working minutes runs into Monday; 80 % falls on Monday too, not over the weekend.
    const friday = new Date("2026-12-04T08:00:00Z");
    const { addWorkingTime } = await import("@civicline/platform");
    const due = addWorkingTime(calendar, friday, 240);
    const at = warningAt(calendar, { start: friday, due, percent: 80 })!;
    expect(at.getTime()).toBe(addWorkingTime(calendar, friday, 192).getTime());
    // 15 minutes on the clock on a Sunday night: 12 minutes.
    const night = new Date("2026-12-06T14:00:00Z");
    expect(warningAt(calendar, { start: night, due: new Date(night.getTime() + 15 * 60_000), percent: 80, aroundTheClock: true })).toEqual(new Date(night.getTime() + 12 * 60_000));
    // Urgent: dispatched at once — no span, no warning (it is red at once).
    expect(warningAt(calendar, { start: night, due: night, percent: 80 })).toBeNull();
  });
});

describe("who reads the board", () => {
  it("supervisors, leaders and admins read every stage; dispatchers only the dispatch stage; handlers and others nothing", async () => {
    for (const role of [Role.SUPERVISOR, Role.LEADER, Role.ADMIN]) {
      const actor = staff("x", [role]);
      expect((await chasingBoard(db.dataSource, { actor })).stages).toHaveLength(4);
      await expect(listChasing(db.dataSource, { actor, request: { stage: ChasingStage.IN_PROGRESS } })).resolves.toBeTruthy();
    }
    const dispatcherActor = staff("d", [Role.DISPATCHER]);
    expect((await chasingBoard(db.dataSource, { actor: dispatcherActor })).stages.map((stage) => stage.stage)).toEqual([ChasingStage.WAITING_DISPATCH]);
    expect((await chasingBoard(db.dataSource, { actor: dispatcherActor })).units.every((entry) => entry.stage === ChasingStage.WAITING_DISPATCH)).toBe(true);
    await expect(listChasing(db.dataSource, { actor: dispatcherActor, request: { stage: ChasingStage.WAITING_DISPATCH } })).resolves.toBeTruthy();
    await expect(listChasing(db.dataSource, { actor: dispatcherActor, request: { stage: ChasingStage.IN_PROGRESS } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    for (const role of [Role.HANDLER, Role.OPERATOR, Role.CALLBACK_AGENT, Role.QA_INSPECTOR, Role.INTEGRATOR]) {
      const actor = staff("h", [role], role === Role.HANDLER ? world.units[0]!.id : null);
      await expect(chasingBoard(db.dataSource, { actor })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listChasing(db.dataSource, { actor, request: { stage: ChasingStage.IN_PROGRESS, unitId: world.units[0]!.id } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(chasingBoard(db.dataSource, { actor: null })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("refuses bad input with coded errors", async () => {
    await expect(listChasing(db.dataSource, { actor: supervisor, request: { stage: ChasingStage.IN_PROGRESS, first: 0 } })).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    await expect(listChasing(db.dataSource, { actor: supervisor, request: { stage: ChasingStage.IN_PROGRESS, after: "not-a-cursor" } })).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    await expect(listChasing(db.dataSource, { actor: supervisor, request: { stage: ChasingStage.IN_PROGRESS, unitId: "x'; drop" } })).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
  });
});
