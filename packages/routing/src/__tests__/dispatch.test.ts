import { Role, upsertUser } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { Channel, RequestType, TicketStatus, Urgency, logCall, transitionTicket } from "@civicline/intake";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AssignmentState } from "../assignment/assignment.enums.js";
import { autoDispatch } from "../dispatch/auto-dispatch.js";
import { dispatchQueue } from "../dispatch/dispatch-queue.js";
import { dispatchTicket } from "../dispatch/dispatch-ticket.js";
import { RoutingEvent } from "../routing.events.js";
import { routingProposal } from "../rules/routing-proposal.js";
import { dispatchRuleHistory, saveDispatchRule } from "../rules/save-dispatch-rule.js";
import { admin, buildPolicies, buildRule, buildTicket, buildWorld, dispatcher, eventsOf, historyOf, routingTestDatabase, signForTimerOf, supervisor, timersOf } from "./factories.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await routingTestDatabase();
  await buildPolicies(db);
});
afterAll(() => db?.destroy());

const at = (local: string): Date => new Date(`${local}+08:00`);

describe("dispatching a ticket", () => {
  it("stores the deadlines a person computes for a complaint received 16:30 before National Day, and schedules the timers", async () => {
    const world = await buildWorld(db);
    const ticket = await buildTicket(db, world, { receivedAt: at("2026-09-30T16:30:00") });
    const assignment = await dispatchTicket(db.dataSource, {
      actor: dispatcher,
      request: { ticketId: ticket.id, version: ticket.version, leadUnitId: world.bureau.id, assistingUnitIds: [world.townshipOffice.id], note: "请尽快处理" },
      now: at("2026-09-30T16:45:00"),
    });
    expect(assignment).toMatchObject({
      state: AssignmentState.DISPATCHED,
      leadUnitId: world.bureau.id,
      assistingUnitIds: [world.townshipOffice.id],
      dispatchedByName: "李强",
      dispatchNote: "请尽快处理",
      completionMinutes: 2250,
      // Receipt + 4 working hours: 1 h on Wednesday 30 September, 3 h on Thursday 8 October.
      dispatchDueAt: at("2026-10-08T11:30:00"),
      // Dispatch (16:45) + 2 working hours: 45 min, then 75 min on the 8th.
      signForDueAt: at("2026-10-08T09:45:00"),
      // Dispatch + 5 working days: 45 min + 8, 9, 10 (make-up Saturday), 12 October + 405 min on the 13th.
      completionDueAt: at("2026-10-13T16:45:00"),
      // 80 % of 2,250 working minutes.
      nearDueAt: at("2026-10-12T16:45:00"),
    });
    const timers = await timersOf(db, assignment.id);
    expect(timers.map((timer) => [timer.type, timer.due_at.toISOString(), timer.fired_at])).toEqual([
      ["routing.near_due", at("2026-10-12T16:45:00").toISOString(), null],
      ["routing.overdue", at("2026-10-13T16:45:00").toISOString(), null],
    ]);
    // Dispatched 16:45 on 30 September: 2 working hours to sign for → 09:45 on 8 October.
    expect((await signForTimerOf(db, assignment.id)).map((timer) => timer.due_at.toISOString())).toEqual([at("2026-10-08T09:45:00").toISOString()]);
    const history = await historyOf(db, ticket.id);
    expect(history.at(-1)).toMatchObject({ from_status: "received", to_status: "dispatched", is_public: true, reason: world.bureau.nameZh });
    expect(await eventsOf(db, ticket.id, RoutingEvent.TICKET_DISPATCHED)).toEqual([
      expect.objectContaining({ assignmentId: assignment.id, leadUnitId: world.bureau.id, auto: false, unitIds: [world.bureau.id, world.townshipOffice.id] }),
    ]);
  });

  it("refuses a stale version (CONFLICT), a second dispatch, an unknown unit and a non-dispatcher", async () => {
    const world = await buildWorld(db);
    const ticket = await buildTicket(db, world);
    const request = { ticketId: ticket.id, version: ticket.version, leadUnitId: world.bureau.id };
    await expect(dispatchTicket(db.dataSource, { actor: supervisor, request })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(dispatchTicket(db.dataSource, { actor: dispatcher, request: { ...request, leadUnitId: world.city.id } })).rejects.toMatchObject({
      code: "ROUTING/UNIT_NOT_FOUND",
    });
    await expect(dispatchTicket(db.dataSource, { actor: dispatcher, request: { ...request, assistingUnitIds: [world.bureau.id] } })).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      details: { fields: [expect.objectContaining({ field: "assistingUnitIds", code: "SAME_UNIT" })] },
    });
    await dispatchTicket(db.dataSource, { actor: dispatcher, request });
    await expect(dispatchTicket(db.dataSource, { actor: dispatcher, request })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(dispatchTicket(db.dataSource, { actor: dispatcher, request: { ...request, version: ticket.version + 1 } })).rejects.toMatchObject({
      code: "ROUTING/INVALID_STATE",
    });
  });

  it("runs an emergency's limits on the clock", async () => {
    const world = await buildWorld(db);
    const ticket = await buildTicket(db, world, { urgency: Urgency.EMERGENCY, requestType: RequestType.HELP, receivedAt: at("2026-10-01T22:00:00") });
    const assignment = await dispatchTicket(db.dataSource, {
      actor: dispatcher,
      request: { ticketId: ticket.id, version: ticket.version, leadUnitId: world.bureau.id },
      now: at("2026-10-01T22:05:00"),
    });
    expect(assignment).toMatchObject({ aroundTheClock: true, dispatchDueAt: at("2026-10-01T22:15:00"), completionDueAt: at("2026-10-02T22:05:00") });
  });
});

describe("the dispatch catalogue", () => {
  it("sends a township's ticket straight to the township office, over the district and city rules", async () => {
    const world = await buildWorld(db);
    await buildRule(db, { categoryId: world.group.id, areaId: null, leadUnitId: world.bureau.id });
    await buildRule(db, { categoryId: world.leaf.id, areaId: world.district.id, leadUnitId: world.districtGov.id });
    const township = await buildRule(db, { categoryId: world.group.id, areaId: world.township.id, leadUnitId: world.townshipOffice.id });
    const inTown = await buildTicket(db, world);
    const proposal = await routingProposal(db.dataSource, { actor: dispatcher, ticketId: inTown.id });
    expect(proposal).toMatchObject({ clear: true, rule: { id: township.id, leadUnitId: world.townshipOffice.id } });
    const elsewhere = await buildTicket(db, world, { townshipId: world.otherTownship.id });
    expect((await routingProposal(db.dataSource, { actor: dispatcher, ticketId: elsewhere.id })).rule?.leadUnitId).toBe(world.districtGov.id);
    const noise = await buildTicket(db, world, { townshipId: world.otherTownship.id, categoryId: world.otherLeaf.id });
    expect((await routingProposal(db.dataSource, { actor: dispatcher, ticketId: noise.id })).rule?.leadUnitId).toBe(world.bureau.id);
    // Dispatching along the proposal records the rule.
    const assignment = await dispatchTicket(db.dataSource, { actor: dispatcher, request: { ticketId: inTown.id, version: inTown.version, leadUnitId: world.townshipOffice.id } });
    expect(assignment.ruleId).toBe(township.id);
  });

  it("keeps every version of a rule with who changed what", async () => {
    const world = await buildWorld(db);
    const created = await buildRule(db, { categoryId: world.leaf.id, areaId: world.township.id, leadUnitId: world.bureau.id });
    const changed = await saveDispatchRule(db.dataSource, {
      actor: supervisor,
      id: created.id,
      request: { categoryId: world.leaf.id, areaId: world.township.id, leadUnitId: world.townshipOffice.id, keywords: [" 垃圾 ", "垃圾"], autoDispatch: true },
    });
    expect(changed).toMatchObject({ id: created.id, version: 2, leadUnitId: world.townshipOffice.id, keywords: ["垃圾"], autoDispatch: true, updatedByName: "张静" });
    const history = await dispatchRuleHistory(db.dataSource, { actor: dispatcher, id: created.id });
    expect(history.map((version) => [version.version, version.leadUnitId, version.updatedByName, version.autoDispatch])).toEqual([
      [2, world.townshipOffice.id, "张静", true],
      [1, world.bureau.id, "管理员", false],
    ]);
    await expect(saveDispatchRule(db.dataSource, { actor: dispatcher, request: { categoryId: world.leaf.id, leadUnitId: world.bureau.id } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(saveDispatchRule(db.dataSource, { actor: admin, request: { leadUnitId: world.bureau.id } })).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
  });
});

describe("auto-dispatch", () => {
  it("dispatches a portal ticket on receipt when one clear rule allows it, once", async () => {
    const world = await buildWorld(db);
    await buildRule(db, { categoryId: world.group.id, areaId: world.township.id, leadUnitId: world.townshipOffice.id, autoDispatch: true });
    const ticket = await buildTicket(db, world, { receivedAt: at("2026-09-30T16:30:00") });
    const assignment = await autoDispatch(db.dataSource, { ticketId: ticket.id, trigger: "received", now: at("2026-09-30T16:30:00") });
    expect(assignment).toMatchObject({ leadUnitId: world.townshipOffice.id, dispatchedByName: "自动派单 / auto-dispatch", completionDueAt: at("2026-10-13T16:30:00") });
    expect(await autoDispatch(db.dataSource, { ticketId: ticket.id, trigger: "received" })).toBeNull();
    expect(await eventsOf(db, ticket.id, RoutingEvent.TICKET_DISPATCHED)).toEqual([expect.objectContaining({ auto: true })]);
  });

  it("leaves tickets alone without a clear auto-dispatch rule", async () => {
    const world = await buildWorld(db);
    await buildRule(db, { categoryId: world.group.id, areaId: world.township.id, leadUnitId: world.townshipOffice.id, autoDispatch: false });
    const manual = await buildTicket(db, world);
    expect(await autoDispatch(db.dataSource, { ticketId: manual.id, trigger: "received" })).toBeNull();
    await buildRule(db, { categoryId: world.leaf.id, areaId: world.otherTownship.id, leadUnitId: world.bureau.id, autoDispatch: true });
    await buildRule(db, { categoryId: world.leaf.id, areaId: world.otherTownship.id, leadUnitId: world.districtGov.id, autoDispatch: true });
    const tied = await buildTicket(db, world, { townshipId: world.otherTownship.id });
    expect((await routingProposal(db.dataSource, { actor: dispatcher, ticketId: tied.id })).clear).toBe(false);
    expect(await autoDispatch(db.dataSource, { ticketId: tied.id, trigger: "received" })).toBeNull();
    const queue = await dispatchQueue(db.dataSource, { actor: dispatcher });
    expect(queue.map((entry) => entry.ticket.id)).toEqual(expect.arrayContaining([manual.id, tied.id]));
  });

  it("waits for a call-taker's decision: dispatched when the call-taker sends it to dispatch", async () => {
    const world = await buildWorld(db);
    await buildRule(db, { categoryId: world.group.id, areaId: world.township.id, leadUnitId: world.townshipOffice.id, autoDispatch: true });
    const user = await upsertUser(db.dataSource.manager, { username: `op${world.city.code}`, displayName: "王敏", password: "x".repeat(12), roles: [Role.OPERATOR] });
    const operator = { kind: "staff" as const, id: user.id, name: "王敏", roles: [Role.OPERATOR], unitId: null };
    const ticket = await logCall({
      db: db.dataSource,
      cityPrefix: "ZB",
      actor: operator,
      input: { channel: Channel.PHONE, requestType: RequestType.COMPLAINT, categoryId: world.leaf.id, description: "村口垃圾无人清运。", districtId: world.district.id, townshipId: world.township.id, address: "村口", citizenName: "孙女士", phone: "13912345678" },
    });
    expect(await autoDispatch(db.dataSource, { ticketId: ticket.id, trigger: "received" })).toBeNull();
    await db.dataSource.transaction((manager) => transitionTicket(manager, { ticketId: ticket.id, to: TicketStatus.AWAITING_DISPATCH, expectedVersion: ticket.version, actor: operator }));
    expect(await autoDispatch(db.dataSource, { ticketId: ticket.id, trigger: "sent_to_dispatch" })).toMatchObject({ leadUnitId: world.townshipOffice.id });
  });
});
