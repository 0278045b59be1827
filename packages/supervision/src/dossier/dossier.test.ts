import { randomUUID } from "node:crypto";
import { callbackModule } from "@civicline/callback";
import { Area, Category, Channel, RequestType, intakeModule, submitRequest } from "@civicline/intake";
import { Role, platformModule, type Actor } from "@civicline/platform";
import { createTestDatabase, pendingSchemaChanges, type TestDatabase } from "@civicline/platform/testing";
import { ReplyOutcome, ReturnReason, Unit, decideReturn, dispatchTicket, replyToTicket, returnTicket, routingModule, signFor } from "@civicline/routing";
import { PostgresQueryRunner } from "typeorm/driver/postgres/PostgresQueryRunner.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ReReportCounts1796544131170 } from "../migrations/1796544131170-ReReportCounts.js";
import { DossierErrorCode } from "./dossier.errors.js";
import { TIMELINE_SQL, openTicket, ticketDossier } from "./dossier.js";
import { reReportCountHandlers, reReportCounts } from "./re-report-counts.js";
import { SupervisionReReport } from "./re-report.entity.js";
import { TimelineKind } from "./timeline.enums.js";

let db: TestDatabase;

function staff(name: string, roles: Role[], unitId: string | null = null): Actor {
  return { kind: "staff", id: randomUUID(), name, roles, unitId };
}
const supervisor = staff("张静", [Role.SUPERVISOR]);
const dispatcher = staff("李强", [Role.DISPATCHER]);
const qa = staff("刘洋", [Role.QA_INSPECTOR]);
const agent = staff("赵丽", [Role.CALLBACK_AGENT]);
const integrator: Actor = { kind: "integrator", id: randomUUID(), name: "CTI", roles: [Role.INTEGRATOR], unitId: null, scopes: ["telephony", "open311", "tickets:write", "tickets:read", "webhooks"] };

let world: { district: Area; category: Category; unitA: Unit; unitB: Unit; handlerA: Actor; handlerB: Actor };

async function ticketFor(unit: Unit | null, handler: Actor | null) {
  const ticket = await submitRequest({
    db: db.dataSource,
    cityPrefix: "ZB",
    actor: null,
    channel: Channel.PORTAL,
    input: { requestType: RequestType.COMPLAINT, categoryId: world.category.id, description: "小区门口路灯不亮已经一周。", districtId: world.district.id, address: "张店区华光路", citizenName: "郑先生", phone: "13900000021" },
  });
  if (unit && handler) {
    await dispatchTicket(db.dataSource, { actor: dispatcher, request: { ticketId: ticket.id, version: ticket.version, leadUnitId: unit.id } });
    await signFor(db.dataSource, { actor: handler, ticketId: ticket.id });
    await replyToTicket(db.dataSource, { actor: handler, ticketId: ticket.id, reply: { outcome: ReplyOutcome.RESOLVED, text: "已更换路灯灯泡。" } });
  }
  return ticket;
}

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return "no error";
  } catch (error) {
    return (error as { code?: string; message: string }).code ?? (error as Error).message;
  }
}

beforeAll(async () => {
  db = await createTestDatabase({
    entities: [...platformModule.entities, ...intakeModule.entities, ...routingModule.entities, ...callbackModule.entities, SupervisionReReport],
    migrations: [...platformModule.migrations, ...intakeModule.migrations, ...routingModule.migrations, ...callbackModule.migrations, ReReportCounts1796544131170],
  });
  const district = await db.dataSource.getRepository(Area).save({ code: "DS-D1", nameZh: "张店区", nameEn: null, level: "DISTRICT", parentId: null });
  const group = await db.dataSource.getRepository(Category).save({ code: "DS", nameZh: "市政", nameEn: "Municipal", parentId: null, selectable: false });
  const category = await db.dataSource.getRepository(Category).save({ code: "DS.LIGHT", nameZh: "路灯", nameEn: "Street lights", parentId: group.id, selectable: true });
  const unitA = await db.dataSource.getRepository(Unit).save({ code: "DS-A", nameZh: "城管局", nameEn: "Urban bureau", kind: "BUREAU", areaId: null, parentId: null });
  const unitB = await db.dataSource.getRepository(Unit).save({ code: "DS-B", nameZh: "住建局", nameEn: "Housing bureau", kind: "BUREAU", areaId: null, parentId: null });
  world = { district, category, unitA, unitB, handlerA: staff("城管 王科长", [Role.HANDLER], unitA.id), handlerB: staff("住建 钱科长", [Role.HANDLER], unitB.id) };
});
afterAll(async () => {
  await db?.destroy();
});

describe("ticket dossier: who may open it", () => {
  it("centre staff open any ticket; a handler only one of their unit; the other unit, an unknown number and a callback agent without a task get the same NOT_FOUND", async () => {
    const ticket = await ticketFor(world.unitA, world.handlerA);
    for (const actor of [supervisor, dispatcher, qa, world.handlerA, staff("admin", [Role.ADMIN]), staff("leader", [Role.LEADER]), staff("op", [Role.OPERATOR])]) {
      expect((await openTicket(db.dataSource, actor, ticket.trackingNumber)).id).toBe(ticket.id);
    }
    // Lower case and spaces are forgiven.
    expect((await openTicket(db.dataSource, supervisor, ` ${ticket.trackingNumber.toLowerCase()} `)).id).toBe(ticket.id);
    const notAllowed = await codeOf(openTicket(db.dataSource, world.handlerB, ticket.trackingNumber));
    const unknown = await codeOf(openTicket(db.dataSource, world.handlerA, "ZB-20000101-99999"));
    expect(notAllowed).toBe(DossierErrorCode.TICKET_NOT_FOUND);
    expect(unknown).toBe(notAllowed);
    expect(await codeOf(openTicket(db.dataSource, agent, ticket.trackingNumber))).toBe(DossierErrorCode.TICKET_NOT_FOUND);
    expect(await codeOf(openTicket(db.dataSource, staff("no unit", [Role.HANDLER]), ticket.trackingNumber))).toBe(DossierErrorCode.TICKET_NOT_FOUND);
    expect(await codeOf(openTicket(db.dataSource, supervisor, "x".repeat(10_000)))).toBe(DossierErrorCode.TICKET_NOT_FOUND);
    expect(await codeOf(openTicket(db.dataSource, integrator, ticket.trackingNumber))).toBe("FORBIDDEN");
    expect(await codeOf(openTicket(db.dataSource, null, ticket.trackingNumber))).toBe("UNAUTHENTICATED");
  });

  it("a handler whose unit assisted, or had the ticket before it went elsewhere, still opens it; a callback agent once it has a callback task", async () => {
    const ticket = await ticketFor(null, null);
    await dispatchTicket(db.dataSource, { actor: dispatcher, request: { ticketId: ticket.id, version: ticket.version, leadUnitId: world.unitA.id, assistingUnitIds: [world.unitB.id] } });
    expect((await openTicket(db.dataSource, world.handlerB, ticket.trackingNumber)).id).toBe(ticket.id);
    // An earlier assignment (not the current one) of unit B still counts.
    await db.dataSource.query("UPDATE routing_assignment SET assisting_unit_ids = '{}' WHERE ticket_id = $1", [ticket.id]);
    expect(await codeOf(openTicket(db.dataSource, world.handlerB, ticket.trackingNumber))).toBe(DossierErrorCode.TICKET_NOT_FOUND);
    await db.dataSource.query(
      `INSERT INTO routing_assignment (ticket_id, current, state, lead_unit_id, dispatched_at, dispatched_by_name, dispatch_minutes, sign_for_minutes, completion_minutes, near_due_percent,
         dispatch_due_at, sign_for_due_at, completion_due_at, near_due_at)
       SELECT ticket_id, false, 'RETURNED', $2, dispatched_at - interval '1 day', 'x', 1, 1, 1, 80, dispatch_due_at, sign_for_due_at, completion_due_at, near_due_at FROM routing_assignment WHERE ticket_id = $1`,
      [ticket.id, world.unitB.id],
    );
    expect((await openTicket(db.dataSource, world.handlerB, ticket.trackingNumber)).id).toBe(ticket.id);
    await db.dataSource.query(
      `INSERT INTO callback_task (ticket_id, kind, state, request_type, basis_at, due_at, max_tries, retry_minutes) VALUES ($1, 'REPLY', 'OPEN', 'complaint', now(), now(), 3, 30)`,
      [ticket.id],
    );
    expect((await openTicket(db.dataSource, agent, ticket.trackingNumber)).id).toBe(ticket.id);
  });
});

describe("ticket dossier: contents", () => {
  it("shows a return to the dispatcher, the re-dispatch and the deadline warnings; the returning unit still opens the ticket", async () => {
    const ticket = await ticketFor(null, null);
    await dispatchTicket(db.dataSource, { actor: dispatcher, request: { ticketId: ticket.id, version: ticket.version, leadUnitId: world.unitB.id } });
    await returnTicket(db.dataSource, { actor: world.handlerB, ticketId: ticket.id, reason: ReturnReason.NOT_OUR_JURISDICTION, text: "路灯归城管局管理" });
    const [{ version }] = await db.dataSource.query("SELECT version FROM intake_ticket WHERE id = $1", [ticket.id]);
    await decideReturn(db.dataSource, {
      actor: dispatcher,
      request: { ticketId: ticket.id, accept: true, note: "改派城管局", redispatch: { ticketId: ticket.id, version, leadUnitId: world.unitA.id } },
    });
    // The deadline timers mark the current assignment near due, then overdue (as routing's timers do).
    await db.dataSource.query("UPDATE routing_assignment SET near_due_notified_at = now() + interval '1 hour', overdue_at = now() + interval '2 hours' WHERE ticket_id = $1 AND current", [ticket.id]);

    const dossier = await ticketDossier(db.dataSource, { actor: world.handlerB, trackingNumber: ticket.trackingNumber });
    expect(dossier.assignments.map((row) => [row.leadUnitId, row.current])).toEqual([
      [world.unitB.id, false],
      [world.unitA.id, true],
    ]);
    const steps = dossier.timeline.filter((entry) => entry.kind !== TimelineKind.HISTORY);
    expect(steps.map((entry) => [entry.kind, entry.detailEnum, entry.detailValue, entry.unitNameZh])).toEqual([
      [TimelineKind.RETURN_REQUESTED, "ReturnReason", "NOT_OUR_JURISDICTION", "住建局"],
      [TimelineKind.RETURN_DECIDED, "ReturnStatus", "ACCEPTED", "住建局"],
      [TimelineKind.NEAR_DUE, null, null, "城管局"],
      [TimelineKind.OVERDUE, null, null, "城管局"],
    ]);
    expect(steps[0]!.text).toBe("路灯归城管局管理");
    expect(steps[1]!.actorName).toBe("李强");
  });


  it("merges history, notes, returns, callback steps and re-report decisions in time order, in six statements", async () => {
    const ticket = await ticketFor(world.unitA, world.handlerA);
    const [assignment] = await db.dataSource.query("SELECT id, replied_at FROM routing_assignment WHERE ticket_id = $1", [ticket.id]);
    const repliedAt = new Date(assignment.replied_at).getTime();
    const t = (minutes: number) => new Date(repliedAt + minutes * 60_000);
    // A progress note after the reply, a callback attempt, the survey and an accepted re-report after it.
    await db.dataSource.query(
      "INSERT INTO routing_progress_note (assignment_id, ticket_id, unit_id, author_name, visibility, text, at) VALUES ($1, $2, $3, '城管 王科长', 'INTERNAL', '已安排维修班组', $4)",
      [assignment.id, ticket.id, world.unitA.id, t(1)],
    );
    const [task] = await db.dataSource.query(
      "INSERT INTO callback_task (ticket_id, assignment_id, kind, state, request_type, basis_at, due_at, max_tries, retry_minutes) VALUES ($1, $2, 'REPLY', 'DONE', 'complaint', $3, $3, 3, 30) RETURNING id",
      [ticket.id, assignment.id, t(0)],
    );
    await db.dataSource.query("INSERT INTO callback_attempt (task_id, at, agent_id, agent_name, reached, note) VALUES ($1, $2, $3, '赵丽', true, '接通')", [task.id, t(5), agent.id]);
    const [survey] = await db.dataSource.query(
      `INSERT INTO callback_survey (task_id, ticket_id, full_survey, channel, resolution, result_satisfaction, process_satisfaction, comment, answered_at, recorded_by_name, lead_unit_id, category_id, request_type)
       VALUES ($1, $2, true, 'PHONE', 'UNRESOLVED', 'DISSATISFIED', 'SATISFIED', '路灯又不亮了', $3, '赵丽', $4, $5, 'complaint') RETURNING id`,
      [task.id, ticket.id, t(6), world.unitA.id, world.category.id],
    );
    const [proposal] = await db.dataSource.query(
      `INSERT INTO callback_re_report_proposal (ticket_id, task_id, survey_id, assignment_id, lead_unit_id, reasons, state, created_at, decided_at, decided_by_name, decision_note)
       VALUES ($1, $2, $3, $4, $5, '{UNRESOLVED}', 'ACCEPTED', $6, $7, '张静', '请继续跟进') RETURNING id`,
      [ticket.id, task.id, survey.id, assignment.id, world.unitA.id, t(7), t(30)],
    );

    const spy = vi.spyOn(PostgresQueryRunner.prototype, "query");
    const dossier = await ticketDossier(db.dataSource, { actor: supervisor, trackingNumber: ticket.trackingNumber });
    const statements = spy.mock.calls.length;
    spy.mockRestore();
    expect(statements).toBe(6);
    expect(dossier.categoryPath.map((category) => category.code)).toEqual(["DS", "DS.LIGHT"]);

    expect(dossier.ticket.id).toBe(ticket.id);
    expect(dossier.assignments.map((row) => row.leadUnitId)).toEqual([world.unitA.id]);
    const kinds = dossier.timeline.map((entry) => (entry.kind === TimelineKind.HISTORY ? `${entry.historyKind}:${entry.toStatus}` : entry.kind));
    expect(kinds).toEqual([
      "status:received",
      "status:dispatched",
      "status:signed_for",
      "status:replied",
      TimelineKind.PROGRESS_NOTE,
      TimelineKind.CALLBACK_ATTEMPT,
      TimelineKind.SURVEY_ANSWERED,
      TimelineKind.RE_REPORT_PROPOSED,
      TimelineKind.RE_REPORT_DECIDED,
    ]);
    const times = dossier.timeline.map((entry) => entry.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(dossier.timeline.find((entry) => entry.kind === TimelineKind.PROGRESS_NOTE)).toMatchObject({ text: "已安排维修班组", unitNameZh: "城管局", detailEnum: "NoteVisibility", detailValue: "INTERNAL" });
    expect(dossier.timeline.find((entry) => entry.kind === TimelineKind.SURVEY_ANSWERED)).toMatchObject({ text: "路灯又不亮了", detailEnum: "Satisfaction", detailValue: "DISSATISFIED" });
    expect(dossier.timeline.find((entry) => entry.kind === TimelineKind.RE_REPORT_DECIDED)).toMatchObject({ actorName: "张静", detailValue: "ACCEPTED" });
    expect(dossier.reReports.rounds).toEqual([{ at: t(30), unitNameZh: "城管局", unitNameEn: "Urban bureau", decidedBy: "张静", note: "请继续跟进" }]);
    expect(dossier.reReports.tickets.map((row) => row.position)).toEqual([0]);

    // The re-report is counted for unit A once, however often the event is delivered.
    const [handler] = reReportCountHandlers(db.dataSource);
    const event = { id: "1", type: "callback.re_report_decided", payload: { proposalId: proposal.id, ticketId: ticket.id, accepted: true }, actorId: null, occurredAt: new Date(), attempts: 0 };
    await handler!.handle(event);
    await handler!.handle(event);
    await handler!.handle({ ...event, payload: { proposalId: randomUUID(), accepted: false } });
    const counts = await reReportCounts(db.dataSource, { actor: supervisor, from: t(-60), to: t(60) });
    expect(counts.map((row) => [row.unit.code, row.count])).toEqual([["DS-A", 1]]);
    expect(await reReportCounts(db.dataSource, { actor: supervisor, from: t(31), to: t(60) })).toEqual([]);
  });

  it("shows the re-report chain through RE_REPORT_OF links in both directions, original first", async () => {
    const original = await ticketFor(null, null);
    const first = await ticketFor(null, null);
    const second = await ticketFor(null, null);
    const unrelated = await ticketFor(null, null);
    await db.dataSource.query("INSERT INTO intake_ticket_link (ticket_id, other_ticket_id, kind) VALUES ($1, $2, 're_report_of'), ($3, $1, 're_report_of'), ($4, $1, 'related')", [
      first.id,
      original.id,
      second.id,
      unrelated.id,
    ]);
    const fromMiddle = await ticketDossier(db.dataSource, { actor: supervisor, trackingNumber: first.trackingNumber });
    expect(fromMiddle.reReports.tickets.map((row) => [row.trackingNumber, row.position])).toEqual([
      [original.trackingNumber, -1],
      [first.trackingNumber, 0],
      [second.trackingNumber, 1],
    ]);
    const fromOriginal = await ticketDossier(db.dataSource, { actor: supervisor, trackingNumber: original.trackingNumber });
    expect(fromOriginal.reReports.tickets.map((row) => [row.trackingNumber, row.position])).toEqual([
      [original.trackingNumber, 0],
      [first.trackingNumber, 1],
      [second.trackingNumber, 2],
    ]);
  });
});

describe("ticket dossier: indexes", () => {
  it("reads every source of the timeline through an index (no sequential scan even where the planner may choose)", async () => {
    const [{ id }] = await db.dataSource.query("SELECT id FROM intake_ticket LIMIT 1");
    const plan: Array<{ "QUERY PLAN": string }> = await db.dataSource.transaction(async (manager) => {
      await manager.query("SET LOCAL enable_seqscan = off");
      return manager.query(`EXPLAIN ${TIMELINE_SQL}`, [id]);
    });
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).not.toContain("Seq Scan");
    expect(text).toContain("intake_ticket_history_ticket_idx");
  });
});

describe("re-report counts", () => {
  it("refuses a period ending before it starts, and roles that do not read measures", async () => {
    const now = new Date();
    expect(await codeOf(reReportCounts(db.dataSource, { actor: supervisor, from: now, to: new Date(now.getTime() - 1) }))).toBe("BAD_USER_INPUT");
    expect(await codeOf(reReportCounts(db.dataSource, { actor: world.handlerA, from: new Date(0), to: now }))).toBe("FORBIDDEN");
  });

  it("reads the period from its index, and the entity matches the migration", async () => {
    const plan: Array<{ "QUERY PLAN": string }> = await db.dataSource.transaction(async (manager) => {
      await manager.query("SET LOCAL enable_seqscan = off");
      return manager.query("EXPLAIN SELECT unit_id, count(*) FROM supervision_re_report WHERE at >= now() - interval '30 days' AND at < now() GROUP BY unit_id");
    });
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("supervision_re_report_at_unit_idx");
    const pending = (await pendingSchemaChanges(db.dataSource)).filter((sql) => sql.includes("supervision_re_report"));
    expect(pending).toEqual([]);
  });
});
