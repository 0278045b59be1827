import { TicketStatus, transitionTicket } from "@civicline/intake";
import { saveFile, setCalendarOverride, type Actor } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAssignment, pendingExtensions, unitInbox } from "../assignment/assignment-queries.js";
import { AssignmentState, ExtensionStatus, NoteVisibility, ReplyOutcome, ReturnReason, ReturnStatus } from "../assignment/assignment.enums.js";
import { Assignment } from "../assignment/assignment.entity.js";
import { ReturnRequest } from "../assignment/return-request.entity.js";
import { endAssignmentOfEndedTicket } from "../assignment/ticket-ended.js";
import { recomputeForCalendarChange } from "../calendar/recompute-on-calendar-change.js";
import { dispatchQueue } from "../dispatch/dispatch-queue.js";
import { dispatchTicket } from "../dispatch/dispatch-ticket.js";
import { RoutingEvent } from "../routing.events.js";
import { decideExtension, requestExtension } from "../workbench/extension.js";
import { addAssistInput, addProgressNote } from "../workbench/notes.js";
import { replyToTicket } from "../workbench/reply.js";
import { decideReturn, returnTicket } from "../workbench/return.js";
import { signFor } from "../workbench/sign-for.js";
import { admin, buildPolicies, buildTicket, buildWorld, dispatcher, eventsOf, historyOf, routingTestDatabase, supervisor, timersOf, type World } from "./factories.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await routingTestDatabase();
  await buildPolicies(db);
});
afterAll(() => db?.destroy());

const at = (local: string): Date => new Date(`${local}+08:00`);

async function dispatched(world: World, options: { assisting?: string[]; receivedAt?: Date; now?: Date } = {}) {
  const ticket = await buildTicket(db, world, { receivedAt: options.receivedAt });
  const assignment = await dispatchTicket(db.dataSource, {
    actor: dispatcher,
    request: { ticketId: ticket.id, version: ticket.version, leadUnitId: world.bureau.id, assistingUnitIds: options.assisting ?? [] },
    now: options.now,
  });
  return { ticket, assignment };
}

const statusOf = async (ticketId: string): Promise<string> => (await db.dataSource.query("SELECT status FROM intake_ticket WHERE id = $1", [ticketId]))[0].status;

describe("the handling unit's workbench", () => {
  it("dispatch → sign for → notes and assisting input → reply with a photo: timers cancelled, ticket REPLIED", async () => {
    const world = await buildWorld(db);
    const { ticket, assignment } = await dispatched(world, { assisting: [world.townshipOffice.id] });
    expect((await unitInbox(db.dataSource, { actor: world.bureauHandler, includeClosed: false })).map((a) => a.id)).toEqual([assignment.id]);
    expect((await unitInbox(db.dataSource, { actor: world.townshipHandler, includeClosed: false })).map((a) => a.id)).toEqual([assignment.id]);

    await expect(signFor(db.dataSource, { actor: world.townshipHandler, ticketId: ticket.id })).rejects.toMatchObject({ code: "ROUTING/NOT_YOUR_UNIT" });
    await expect(replyToTicket(db.dataSource, { actor: world.bureauHandler, ticketId: ticket.id, reply: { outcome: ReplyOutcome.RESOLVED, text: "已清运完毕。" } })).rejects.toMatchObject({
      code: "ROUTING/INVALID_STATE",
    });
    const signed = await signFor(db.dataSource, { actor: world.bureauHandler, ticketId: ticket.id });
    expect(signed).toMatchObject({ state: AssignmentState.SIGNED_FOR, signedForByName: world.bureauHandler.name });
    await expect(signFor(db.dataSource, { actor: world.bureauHandler, ticketId: ticket.id })).rejects.toMatchObject({ code: "ROUTING/ALREADY_SIGNED" });

    await addProgressNote(db.dataSource, { actor: world.bureauHandler, ticketId: ticket.id, text: "已联系环卫公司。", visibility: NoteVisibility.INTERNAL });
    await addProgressNote(db.dataSource, { actor: world.townshipHandler, ticketId: ticket.id, text: "镇上已安排人员到场。", visibility: NoteVisibility.PUBLIC });
    await expect(replyToTicket(db.dataSource, { actor: world.bureauHandler, ticketId: ticket.id, reply: { outcome: ReplyOutcome.RESOLVED, text: "已清运完毕。" } })).rejects.toMatchObject({
      code: "ROUTING/ASSIST_INPUT_PENDING",
      details: { unitIds: [world.townshipOffice.id] },
    });
    await expect(addAssistInput(db.dataSource, { actor: world.bureauHandler, ticketId: ticket.id, text: "自己协办自己" })).rejects.toMatchObject({ code: "ROUTING/INVALID_STATE" });
    await addAssistInput(db.dataSource, { actor: world.townshipHandler, ticketId: ticket.id, text: "镇环卫所已于当日下午清运。" });

    const photo = await saveFile(db.dataSource, { filename: "现场.png", contentType: "image/png", data: Buffer.from("89504e470d0a1a0a", "hex"), ownerId: world.bureauHandler.id });
    const strangers = await saveFile(db.dataSource, { filename: "别人的.png", contentType: "image/png", data: Buffer.from("89504e470d0a1a0a", "hex"), ownerId: dispatcher.id });
    await expect(
      replyToTicket(db.dataSource, { actor: world.bureauHandler, ticketId: ticket.id, reply: { outcome: ReplyOutcome.RESOLVED, text: "已清运完毕。", attachmentIds: [strangers.id] } }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    const replied = await replyToTicket(db.dataSource, {
      actor: world.bureauHandler,
      ticketId: ticket.id,
      reply: { outcome: ReplyOutcome.RESOLVED, text: "已协调环卫部门清运完毕，并增加清运频次。", attachmentIds: [photo.id] },
    });
    expect(replied).toMatchObject({ state: AssignmentState.REPLIED, replyOutcome: ReplyOutcome.RESOLVED, replyAttachments: [{ id: photo.id, filename: "现场.png", contentType: "image/png" }] });
    expect(await statusOf(ticket.id)).toBe("replied");
    expect(await timersOf(db, assignment.id)).toEqual([]);
    expect((await historyOf(db, ticket.id)).map((row) => [row.to_status, row.is_public, row.reason])).toEqual([
      ["received", true, null],
      ["dispatched", true, world.bureau.nameZh],
      ["signed_for", true, world.bureau.nameZh],
      ["replied", true, world.bureau.nameZh],
    ]);
    expect(await unitInbox(db.dataSource, { actor: world.bureauHandler, includeClosed: false })).toEqual([]);
    expect((await unitInbox(db.dataSource, { actor: world.bureauHandler, includeClosed: true })).map((a) => a.id)).toEqual([assignment.id]);
    await expect(addProgressNote(db.dataSource, { actor: world.bureauHandler, ticketId: ticket.id, text: "补充", visibility: NoteVisibility.INTERNAL })).rejects.toMatchObject({
      code: "ROUTING/INVALID_STATE",
    });
  });

  it("return → rejected: the unit keeps it and signs for it anew", async () => {
    const world = await buildWorld(db);
    const { ticket } = await dispatched(world);
    await signFor(db.dataSource, { actor: world.bureauHandler, ticketId: ticket.id });
    const returned = await returnTicket(db.dataSource, { actor: world.bureauHandler, ticketId: ticket.id, reason: ReturnReason.NOT_OUR_JURISDICTION, text: "属于镇政府职责。" });
    expect(returned.state).toBe(AssignmentState.RETURN_REQUESTED);
    expect(await statusOf(ticket.id)).toBe("awaiting_dispatch");
    const queue = await dispatchQueue(db.dataSource, { actor: dispatcher });
    expect(queue.find((entry) => entry.ticket.id === ticket.id)?.pendingReturn).toMatchObject({ reason: ReturnReason.NOT_OUR_JURISDICTION, unitId: world.bureau.id });
    await expect(decideReturn(db.dataSource, { actor: dispatcher, request: { ticketId: ticket.id, accept: false } })).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    const kept = await decideReturn(db.dataSource, { actor: dispatcher, request: { ticketId: ticket.id, accept: false, note: "垃圾清运属于城管职责。" } });
    expect(kept).toMatchObject({ state: AssignmentState.DISPATCHED, signedForAt: null, leadUnitId: world.bureau.id });
    expect(await statusOf(ticket.id)).toBe("dispatched");
    expect(await db.dataSource.getRepository(ReturnRequest).findOneBy({ ticketId: ticket.id })).toMatchObject({ status: ReturnStatus.REJECTED, decisionNote: "垃圾清运属于城管职责。" });
    const history = await historyOf(db, ticket.id);
    expect(history.slice(-2).map((row) => [row.to_status, row.is_public])).toEqual([
      ["awaiting_dispatch", false],
      ["dispatched", false],
    ]);
  });

  it("return → accepted and re-dispatched to another unit in one action: new deadlines, old timers gone", async () => {
    const world = await buildWorld(db);
    const { ticket, assignment } = await dispatched(world);
    await returnTicket(db.dataSource, { actor: world.bureauHandler, ticketId: ticket.id, reason: ReturnReason.WRONG_LOCATION, text: "地点在青城镇。" });
    const current = await db.dataSource.getRepository(Assignment).findOneByOrFail({ id: assignment.id });
    const version = (await db.dataSource.query("SELECT version FROM intake_ticket WHERE id = $1", [ticket.id]))[0].version;
    await expect(
      decideReturn(db.dataSource, { actor: dispatcher, request: { ticketId: ticket.id, accept: true, redispatch: { ticketId: ticket.id, version, leadUnitId: world.bureau.id } } }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    const redispatched = await decideReturn(db.dataSource, {
      actor: dispatcher,
      request: { ticketId: ticket.id, accept: true, note: "改派青城镇", redispatch: { ticketId: ticket.id, version, leadUnitId: world.townshipOffice.id } },
    });
    expect(redispatched).toMatchObject({ leadUnitId: world.townshipOffice.id, state: AssignmentState.DISPATCHED, current: true });
    expect(redispatched.id).not.toBe(current.id);
    expect(await db.dataSource.getRepository(Assignment).findOneByOrFail({ id: assignment.id })).toMatchObject({ state: AssignmentState.RETURNED, current: false });
    expect(await timersOf(db, assignment.id)).toEqual([]);
    expect(await timersOf(db, redispatched.id)).toHaveLength(2);
    expect(await unitInbox(db.dataSource, { actor: world.bureauHandler, includeClosed: true })).toEqual([]);
    expect((await unitInbox(db.dataSource, { actor: world.townshipHandler, includeClosed: false })).map((a) => a.id)).toEqual([redispatched.id]);
    await expect(getAssignment(db.dataSource, { actor: world.bureauHandler, ticketId: ticket.id })).rejects.toMatchObject({ code: "ROUTING/NOT_YOUR_UNIT" });
    expect((await historyOf(db, ticket.id)).at(-1)).toMatchObject({ to_status: "dispatched", is_public: true, reason: world.townshipOffice.nameZh });
  });

  it("a returned ticket merged at the centre ends its assignment: return settled, timers cancelled", async () => {
    const world = await buildWorld(db);
    const { ticket, assignment } = await dispatched(world);
    await returnTicket(db.dataSource, { actor: world.bureauHandler, ticketId: ticket.id, reason: ReturnReason.DUPLICATE, text: "与另一工单重复。" });
    const version = (await db.dataSource.query("SELECT version FROM intake_ticket WHERE id = $1", [ticket.id]))[0].version;
    await db.dataSource.transaction((manager) => transitionTicket(manager, { ticketId: ticket.id, to: TicketStatus.MERGED, expectedVersion: version, actor: dispatcher }));
    expect(await endAssignmentOfEndedTicket(db.dataSource, ticket.id)).toBe(true);
    expect(await endAssignmentOfEndedTicket(db.dataSource, ticket.id)).toBe(false);
    expect(await db.dataSource.getRepository(Assignment).findOneByOrFail({ id: assignment.id })).toMatchObject({ state: AssignmentState.RETURNED });
    expect(await db.dataSource.getRepository(ReturnRequest).findOneBy({ ticketId: ticket.id })).toMatchObject({ status: ReturnStatus.ACCEPTED });
    expect(await timersOf(db, assignment.id)).toEqual([]);
  });

  it("extension requested once → approved: the completion deadline moves by N working days, timers follow", async () => {
    const world = await buildWorld(db);
    const { ticket, assignment } = await dispatched(world, { receivedAt: at("2026-09-30T16:30:00"), now: at("2026-09-30T16:45:00") });
    expect(assignment.completionDueAt).toEqual(at("2026-10-13T16:45:00"));
    await expect(requestExtension(db.dataSource, { actor: world.bureauHandler, ticketId: ticket.id, workingDays: 0, reason: "需要现场勘查" })).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    const requested = await requestExtension(db.dataSource, { actor: world.bureauHandler, ticketId: ticket.id, workingDays: 3, reason: "需要协调多个部门现场勘查。" });
    expect(requested).toMatchObject({ extensionStatus: ExtensionStatus.PENDING, extensionMinutes: 1350 });
    await expect(requestExtension(db.dataSource, { actor: world.bureauHandler, ticketId: ticket.id, workingDays: 1, reason: "再延一次可以吗" })).rejects.toMatchObject({
      code: "ROUTING/EXTENSION_ALREADY_REQUESTED",
    });
    expect((await pendingExtensions(db.dataSource, supervisor)).map((a) => a.id)).toContain(assignment.id);
    await expect(decideExtension(db.dataSource, { actor: dispatcher, ticketId: ticket.id, approve: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const approved = await decideExtension(db.dataSource, { actor: supervisor, ticketId: ticket.id, approve: true, note: "同意" });
    // 13 October 16:45 + 3 working days: 45 min on the 13th, the 14th, the 15th, 405 min on Friday the 16th.
    expect(approved).toMatchObject({ extensionStatus: ExtensionStatus.APPROVED, completionDueAt: at("2026-10-16T16:45:00"), nearDueAt: at("2026-10-15T10:45:00") });
    const timers = await timersOf(db, assignment.id);
    expect(timers.map((timer) => timer.due_at.toISOString())).toEqual([at("2026-10-15T10:45:00").toISOString(), at("2026-10-16T16:45:00").toISOString()]);
    expect(await eventsOf(db, ticket.id, RoutingEvent.EXTENSION_DECIDED)).toEqual([expect.objectContaining({ approved: true, completionDueAt: at("2026-10-16T16:45:00").toISOString() })]);
    await expect(decideExtension(db.dataSource, { actor: supervisor, ticketId: ticket.id, approve: false })).rejects.toMatchObject({ code: "ROUTING/INVALID_STATE" });
  });

  it("a refused extension leaves the deadline", async () => {
    const world = await buildWorld(db);
    const { ticket, assignment } = await dispatched(world);
    await requestExtension(db.dataSource, { actor: world.bureauHandler, ticketId: ticket.id, workingDays: 2, reason: "人手不足，需要更多时间。" });
    const refused = await decideExtension(db.dataSource, { actor: supervisor, ticketId: ticket.id, approve: false, note: "请按期办结" });
    expect(refused).toMatchObject({ extensionStatus: ExtensionStatus.REFUSED, completionDueAt: assignment.completionDueAt });
  });

  it("an admin's calendar override moves open deadlines and their timers", async () => {
    const world = await buildWorld(db);
    const { assignment } = await dispatched(world, { receivedAt: at("2027-03-01T09:00:00"), now: at("2027-03-01T09:00:00") });
    // 2027 is not in the official data: Monday 1 March + 5 working days = Monday 8 March 09:00.
    expect(assignment.completionDueAt).toEqual(at("2027-03-08T09:00:00"));
    await db.dataSource.transaction((manager) => setCalendarOverride(manager, { day: "2027-03-03", working: false, note: "停工", actor: admin }));
    expect(await recomputeForCalendarChange(db.dataSource, { day: "2027-03-03" })).toBeGreaterThanOrEqual(1);
    const moved = await db.dataSource.getRepository(Assignment).findOneByOrFail({ id: assignment.id });
    expect(moved.completionDueAt).toEqual(at("2027-03-09T09:00:00"));
    expect((await timersOf(db, assignment.id)).map((timer) => timer.due_at.toISOString())).toContain(at("2027-03-09T09:00:00").toISOString());
    await db.dataSource.transaction((manager) => setCalendarOverride(manager, { day: "2027-03-03", working: true, note: "复工", actor: admin }));
    await recomputeForCalendarChange(db.dataSource, { day: "2027-03-03" });
  });
});

describe("a handler acts only on their unit's tickets", () => {
  it("refuses every workbench action on another unit's ticket with ROUTING/NOT_YOUR_UNIT", async () => {
    const world = await buildWorld(db);
    const { ticket } = await dispatched(world);
    const outsider: Actor = world.ecoHandler;
    const id = ticket.id;
    const attempts = [
      () => getAssignment(db.dataSource, { actor: outsider, ticketId: id }),
      () => signFor(db.dataSource, { actor: outsider, ticketId: id }),
      () => addProgressNote(db.dataSource, { actor: outsider, ticketId: id, text: "看看", visibility: NoteVisibility.INTERNAL }),
      () => addAssistInput(db.dataSource, { actor: outsider, ticketId: id, text: "看看" }),
      () => replyToTicket(db.dataSource, { actor: outsider, ticketId: id, reply: { outcome: ReplyOutcome.RESOLVED, text: "已办结。" } }),
      () => requestExtension(db.dataSource, { actor: outsider, ticketId: id, workingDays: 1, reason: "需要时间" }),
      () => returnTicket(db.dataSource, { actor: outsider, ticketId: id, reason: ReturnReason.OTHER, text: "不是我们的" }),
    ];
    for (const attempt of attempts) {
      await expect(attempt()).rejects.toMatchObject({ code: "ROUTING/NOT_YOUR_UNIT" });
    }
    expect(await unitInbox(db.dataSource, { actor: outsider, includeClosed: true })).toEqual([]);
    await expect(unitInbox(db.dataSource, { actor: dispatcher, includeClosed: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
