import { TicketStatus, intakeModule, transitionTicket } from "@civicline/intake";
import { Role, TimerService, createDataSource, createLogger, platformModule } from "@civicline/platform";
import { createTestClock, pendingSchemaChanges, type TestDatabase } from "@civicline/platform/testing";
import { Assignment, ReturnReason, returnTicket, routingModule } from "@civicline/routing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideJointCase } from "../decide-joint-case.js";
import { JointCase } from "../joint-case.entity.js";
import { getJointCase, jointCaseOfTicket, listJointCases } from "../joint-queries.js";
import { jointTimerHandlers } from "../joint-timer.js";
import { jointEntities } from "../joint.parts.js";
import { JointCaseState, JointParty, JointTrigger, RuleProposalStatus } from "../joint.enums.js";
import { openJointCase } from "../open-joint-case.js";
import { recordJointOpinion } from "../record-opinion.js";
import { decideJointRuleProposal, listJointRuleProposals } from "../rule-proposals.js";
import { admin, buildParties, buildTicket, buildWorld, count, dispatcher, jointTestDatabase, returnedTwice, staff, supervisor } from "./joint-factories.js";

let db: TestDatabase;
let parties: Awaited<ReturnType<typeof buildParties>>;
beforeAll(async () => {
  db = await jointTestDatabase();
  parties = await buildParties(db);
});
afterAll(() => db?.destroy());

const reason = "城管局、交通局相互推诿，已两次退单。";
const historyKinds = async (ticketId: string): Promise<Array<{ kind: string; reason: string | null; is_public: boolean }>> =>
  db.dataSource.query("SELECT kind, reason, is_public FROM intake_ticket_history WHERE ticket_id = $1 AND kind LIKE 'joint%' ORDER BY id", [ticketId]);
const events = async (ticketId: string): Promise<string[]> =>
  (await db.dataSource.query("SELECT type FROM platform_outbox WHERE type LIKE 'supervision.joint%' AND payload->>'ticketId' = $1 ORDER BY id", [ticketId])).map((row: { type: string }) => row.type);
const statusOf = async (ticketId: string): Promise<string> => (await db.dataSource.query("SELECT status FROM intake_ticket WHERE id = $1", [ticketId]))[0].status;

async function openedCase(world: Awaited<ReturnType<typeof buildWorld>>) {
  const ticket = await returnedTwice(db, world);
  const jointCase = await openJointCase({ db: db.dataSource, actor: supervisor, request: { ticketId: ticket.id, trigger: JointTrigger.RETURNED_REPEATEDLY, reason, deadlineDays: 3 } });
  return { ticket, jointCase };
}

async function allOpinions(caseId: string, responsibleUnitId: string): Promise<void> {
  await recordJointOpinion({ db: db.dataSource, actor: parties.disciplineStaff, request: { caseId, opinion: "两单位存在推诿，建议明确责任并问责。" } });
  await recordJointOpinion({ db: db.dataSource, actor: parties.staffingStaff, request: { caseId, opinion: "按三定方案，城市道路附属设施由城管局负责。", proposedUnitId: responsibleUnitId } });
  await recordJointOpinion({ db: db.dataSource, actor: parties.centreHead, request: { caseId, opinion: "同意编办意见。" } });
}

describe("joint supervision (三方联动督办)", () => {
  it("the migration creates exactly the tables the entities describe", async () => {
    const probe = createDataSource({ url: db.url, entities: [...platformModule.entities, ...intakeModule.entities, ...routingModule.entities, ...jointEntities], migrations: [], poolSize: 1 });
    await probe.initialize();
    try {
      expect(await pendingSchemaChanges(probe)).toEqual([]);
    } finally {
      await probe.destroy();
    }
  });

  it("the lists' queries can use their indexes (EXPLAIN with sequential scans discouraged)", async () => {
    const plan = async (sql: string, params: unknown[]): Promise<string> =>
      db.dataSource.transaction(async (manager) => {
        await manager.query("SET LOCAL enable_seqscan = off");
        const rows: Array<{ "QUERY PLAN": string }> = await manager.query(`EXPLAIN ${sql}`, params);
        return rows.map((row) => row["QUERY PLAN"]).join("\n");
      });
    const unitId = parties.discipline.id;
    expect(await plan("SELECT c.id FROM supervision_joint_case c WHERE EXISTS (SELECT 1 FROM supervision_joint_party p WHERE p.case_id = c.id AND p.unit_id = $1)", [unitId])).toContain(
      "supervision_joint_party_unit_idx",
    );
    expect(await plan("SELECT id FROM supervision_joint_case WHERE state = 'OPEN' ORDER BY deadline_at LIMIT 50", [])).toContain("supervision_joint_case_state_idx");
    expect(await plan("SELECT id FROM supervision_joint_case WHERE ticket_id = $1 AND state = 'OPEN'", [parties.discipline.id])).toContain("supervision_joint_case_open_key");
    expect(await plan("SELECT id FROM supervision_joint_event WHERE case_id = $1 ORDER BY at", [unitId])).toContain("supervision_joint_event_case_idx");
    expect(await plan("SELECT id FROM supervision_joint_rule_proposal WHERE status = 'PENDING' ORDER BY proposed_at", [])).toContain("supervision_joint_rule_proposal_status_idx");
  });

  it("open → three opinions → decision → dispatched to the decided unit, whose return is refused; the history and the outbox say so", async () => {
    const world = await buildWorld(db);
    const { ticket, jointCase } = await openedCase(world);
    expect(jointCase).toMatchObject({ state: JointCaseState.OPEN, trigger: JointTrigger.RETURNED_REPEATEDLY, deadlineDays: 3 });
    expect(jointCase.deadlineAt.getTime()).toBeGreaterThan(jointCase.openedAt.getTime());
    const timers = await db.dataSource.query("SELECT type, due_at FROM platform_timer WHERE key = $1", [`supervision:joint:${jointCase.id}:deadline`]);
    expect(timers).toEqual([{ type: "supervision.joint_deadline", due_at: jointCase.deadlineAt }]);

    await expect(decideJointCase({ db: db.dataSource, actor: parties.centreHead, request: { caseId: jointCase.id, unitId: world.urban.id, decision: "由城管局承办。" } })).rejects.toMatchObject({
      code: "JOINT/OPINIONS_MISSING",
      details: { parties: [JointParty.DISCIPLINE_COMMISSION, JointParty.STAFFING_OFFICE, JointParty.COMPLAINT_CENTRE] },
    });
    await allOpinions(jointCase.id, world.urban.id);
    await expect(recordJointOpinion({ db: db.dataSource, actor: parties.disciplineStaff, request: { caseId: jointCase.id, opinion: "再说一遍。" } })).rejects.toMatchObject({
      code: "JOINT/OPINION_ALREADY_RECORDED",
    });

    const view = await getJointCase({ db: db.dataSource, actor: parties.staffingStaff, id: jointCase.id });
    expect(view.viewerParty).toBe(JointParty.STAFFING_OFFICE);
    expect(view.parties.map((party) => [party.party, party.unit.code, !!party.recordedAt, party.proposedUnit?.id ?? null])).toEqual([
      [JointParty.DISCIPLINE_COMMISSION, "ORG-DISCIPLINE", true, null],
      [JointParty.STAFFING_OFFICE, "ORG-STAFFING", true, world.urban.id],
      [JointParty.COMPLAINT_CENTRE, "CENTRE-12345", true, null],
    ]);
    expect(view.returns.map((r) => r.unitName)).toEqual([world.urban.nameZh, world.transport.nameZh]);

    await expect(
      decideJointCase({ db: db.dataSource, actor: parties.staffingStaff, request: { caseId: jointCase.id, unitId: world.urban.id, decision: "由城管局承办。" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const decided = await decideJointCase({
      db: db.dataSource,
      actor: parties.centreHead,
      request: { caseId: jointCase.id, unitId: world.urban.id, decision: "经三方会商，由城管局承办，限期整改反光条。", ruleProposal: { keywords: ["防撞柱", "反光条"] } },
    });
    expect(decided).toMatchObject({ state: JointCaseState.DECIDED, decidedUnitId: world.urban.id });
    const assignment = await db.dataSource.getRepository(Assignment).findOneByOrFail({ ticketId: ticket.id, current: true });
    expect(assignment).toMatchObject({ id: decided.assignmentId, leadUnitId: world.urban.id, state: "DISPATCHED" });
    expect(assignment.finalDecision).toContain(ticket.trackingNumber);
    expect(await statusOf(ticket.id)).toBe(TicketStatus.DISPATCHED);

    await expect(returnTicket(db.dataSource, { actor: world.urbanHandler, ticketId: ticket.id, reason: ReturnReason.NOT_OUR_JURISDICTION, text: "还是不归我们管。" })).rejects.toMatchObject({
      code: "ROUTING/JOINT_DECISION_FINAL",
    });
    expect(await statusOf(ticket.id)).toBe(TicketStatus.DISPATCHED);
    expect((await db.dataSource.getRepository(Assignment).findOneByOrFail({ id: assignment.id })).state).toBe("DISPATCHED");

    expect((await historyKinds(ticket.id)).map((row) => [row.kind, row.is_public])).toEqual([
      ["joint_case_opened", false],
      ["joint_opinion_recorded", false],
      ["joint_opinion_recorded", false],
      ["joint_opinion_recorded", false],
      ["joint_case_decided", false],
    ]);
    expect(await events(ticket.id)).toEqual([
      "supervision.joint_case_opened",
      "supervision.joint_opinion_recorded",
      "supervision.joint_opinion_recorded",
      "supervision.joint_opinion_recorded",
      "supervision.joint_case_decided",
      "supervision.joint_rule_proposed",
    ]);
    const timeline = (await getJointCase({ db: db.dataSource, actor: supervisor, id: jointCase.id })).timeline.map((step) => step.kind);
    expect(timeline).toEqual(["OPENED", "OPINION", "OPINION", "OPINION", "DECIDED", "RULE_PROPOSED"]);
    expect(await db.dataSource.query("SELECT fired_at FROM platform_timer WHERE key = $1", [`supervision:joint:${jointCase.id}:deadline`])).toEqual([]);
  });

  it("a return still pending when the case is decided is accepted by the decision, which then dispatches to the named unit — even the unit that returned it", async () => {
    const world = await buildWorld(db);
    const ticket = await returnedTwice(db, world, { secondPending: true });
    const jointCase = await openJointCase({ db: db.dataSource, actor: supervisor, request: { ticketId: ticket.id, trigger: JointTrigger.RETURNED_REPEATEDLY, reason } });
    await allOpinions(jointCase.id, world.transport.id);
    const decided = await decideJointCase({ db: db.dataSource, actor: parties.centreHead, request: { caseId: jointCase.id, unitId: world.transport.id, decision: "由交通运输局承办。" } });
    const returns = await db.dataSource.query("SELECT unit_id, status, decided_by_name FROM routing_return_request WHERE ticket_id = $1 ORDER BY requested_at", [ticket.id]);
    expect(returns).toEqual([
      { unit_id: world.urban.id, status: "ACCEPTED", decided_by_name: dispatcher.name },
      { unit_id: world.transport.id, status: "ACCEPTED", decided_by_name: parties.centreHead.name },
    ]);
    const assignment = await db.dataSource.getRepository(Assignment).findOneByOrFail({ ticketId: ticket.id, current: true });
    expect(assignment).toMatchObject({ id: decided.assignmentId, leadUnitId: world.transport.id, state: "DISPATCHED" });
    expect(assignment.finalDecision).not.toBeNull();
    await expect(returnTicket(db.dataSource, { actor: world.transportHandler, ticketId: ticket.id, reason: ReturnReason.NOT_OUR_JURISDICTION, text: "还是不归我们管。" })).rejects.toMatchObject({
      code: "ROUTING/JOINT_DECISION_FINAL",
    });
  });

  it("an admin accepts the proposed rule and it enters the catalogue; once; supervisors may not decide it", async () => {
    const world = await buildWorld(db);
    const { jointCase } = await openedCase(world);
    await allOpinions(jointCase.id, world.urban.id);
    await decideJointCase({ db: db.dataSource, actor: parties.centreHead, request: { caseId: jointCase.id, unitId: world.urban.id, decision: "由城管局承办。", ruleProposal: { keywords: ["防撞柱"] } } });
    const [proposal] = (await listJointRuleProposals({ db: db.dataSource, actor: admin })).filter((p) => p.caseId === jointCase.id);
    expect(proposal).toMatchObject({ status: RuleProposalStatus.PENDING, categoryId: world.category.id, leadUnitId: world.urban.id, keywords: ["防撞柱"] });
    await expect(decideJointRuleProposal({ db: db.dataSource, actor: supervisor, id: proposal!.id, accept: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const rulesBefore = await count(db, "routing_dispatch_rule");
    const accepted = await decideJointRuleProposal({ db: db.dataSource, actor: admin, id: proposal!.id, accept: true });
    expect(accepted.status).toBe(RuleProposalStatus.ACCEPTED);
    const [rule] = await db.dataSource.query("SELECT category_id, lead_unit_id, keywords, updated_by_name FROM routing_dispatch_rule WHERE id = $1", [accepted.ruleId]);
    expect(rule).toEqual({ category_id: world.category.id, lead_unit_id: world.urban.id, keywords: ["防撞柱"], updated_by_name: admin.name });
    expect(await count(db, "routing_dispatch_rule")).toBe(rulesBefore + 1);
    await expect(decideJointRuleProposal({ db: db.dataSource, actor: admin, id: proposal!.id, accept: false, note: "改主意了" })).rejects.toMatchObject({ code: "JOINT/PROPOSAL_DECIDED" });
    expect(await count(db, "routing_dispatch_rule")).toBe(rulesBefore + 1);
  });

  it("bad input is refused with a code and nothing is stored", async () => {
    const world = await buildWorld(db);
    const { ticket, jointCase } = await openedCase(world);
    const snapshot = async () => [await count(db, "supervision_joint_case"), await count(db, "supervision_joint_event"), await count(db, "intake_ticket_history"), await count(db, "platform_outbox"), await count(db, "supervision_joint_rule_proposal"), await count(db, "routing_assignment")];
    const before = await snapshot();

    await expect(openJointCase({ db: db.dataSource, actor: supervisor, request: { ticketId: ticket.id, trigger: JointTrigger.DISPATCHER_REQUEST, reason } })).rejects.toMatchObject({
      code: "JOINT/CASE_ALREADY_OPEN",
    });
    await expect(recordJointOpinion({ db: db.dataSource, actor: world.transportHandler, request: { caseId: jointCase.id, opinion: "我们也有意见。" } })).rejects.toMatchObject({
      code: "JOINT/NOT_A_PARTY",
    });
    await expect(recordJointOpinion({ db: db.dataSource, actor: dispatcher, request: { caseId: jointCase.id, opinion: "派单员的意见。" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recordJointOpinion({ db: db.dataSource, actor: parties.staffingStaff, request: { caseId: jointCase.id, opinion: "由已撤销单位负责。", proposedUnitId: world.closedUnit.id } })).rejects.toMatchObject({
      code: "JOINT/UNIT_INACTIVE",
    });
    await expect(openJointCase({ db: db.dataSource, actor: supervisor, request: { ticketId: ticket.id, trigger: JointTrigger.DISPATCHER_REQUEST, reason: "x", deadlineDays: 99 } })).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      details: { fields: [{ field: "reason" }, { field: "deadlineDays" }] },
    });
    await expect(openJointCase({ db: db.dataSource, actor: parties.disciplineStaff, request: { ticketId: ticket.id, trigger: JointTrigger.DISPATCHER_REQUEST, reason } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await snapshot()).toEqual(before);

    await allOpinions(jointCase.id, world.urban.id);
    const afterOpinions = await snapshot();
    await expect(decideJointCase({ db: db.dataSource, actor: parties.centreHead, request: { caseId: jointCase.id, unitId: world.closedUnit.id, decision: "由已撤销单位承办。", ruleProposal: { keywords: ["防撞柱"] } } })).rejects.toMatchObject({
      code: "JOINT/UNIT_INACTIVE",
    });
    expect(await snapshot()).toEqual(afterOpinions);
    expect(await db.dataSource.getRepository(JointCase).findOneByOrFail({ id: jointCase.id })).toMatchObject({ state: JointCaseState.OPEN, decidedUnitId: null, assignmentId: null });
    expect(await statusOf(ticket.id)).toBe(TicketStatus.AWAITING_DISPATCH);

    const fresh = await buildTicket(db, world);
    await expect(openJointCase({ db: db.dataSource, actor: supervisor, request: { ticketId: fresh.id, trigger: JointTrigger.RETURNED_REPEATEDLY, reason } })).rejects.toMatchObject({
      code: "JOINT/NOT_RETURNED_TWICE",
    });
    const closed = await buildTicket(db, world);
    await db.dataSource.transaction((manager) => transitionTicket(manager, { ticketId: closed.id, to: TicketStatus.CLOSED_DIRECT, expectedVersion: closed.version, actor: supervisor, reason: "已当场答复" }));
    await expect(openJointCase({ db: db.dataSource, actor: supervisor, request: { ticketId: closed.id, trigger: JointTrigger.DISPATCHER_REQUEST, reason } })).rejects.toMatchObject({
      code: "JOINT/TICKET_CLOSED",
    });
    expect(await count(db, "supervision_joint_case")).toBe(before[0]);
  });

  it("only parties and centre roles read a case: a non-party handler gets CASE_NOT_FOUND, an empty list and no panel", async () => {
    const world = await buildWorld(db);
    const { ticket, jointCase } = await openedCase(world);
    await expect(getJointCase({ db: db.dataSource, actor: world.urbanHandler, id: jointCase.id })).rejects.toMatchObject({ code: "JOINT/CASE_NOT_FOUND" });
    expect(await listJointCases({ db: db.dataSource, actor: world.urbanHandler })).toEqual({ total: 0, items: [] });
    expect(await jointCaseOfTicket({ db: db.dataSource, actor: world.urbanHandler, ticketId: ticket.id })).toBeNull();

    const mine = await listJointCases({ db: db.dataSource, actor: parties.disciplineStaff, state: JointCaseState.OPEN });
    expect(mine.items.map((item) => item.id)).toContain(jointCase.id);
    expect(mine.items.every((item) => item.viewerParty === JointParty.DISCIPLINE_COMMISSION)).toBe(true);
    expect((await jointCaseOfTicket({ db: db.dataSource, actor: dispatcher, ticketId: ticket.id }))?.id).toBe(jointCase.id);
    await expect(listJointCases({ db: db.dataSource, actor: null })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(listJointCases({ db: db.dataSource, actor: staff("王敏", [Role.OPERATOR]) })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a case whose deadline passes undecided is marked overdue once by its durable timer", async () => {
    const world = await buildWorld(db);
    const [row] = (await db.dataSource.query("SELECT now() - interval '30 days' AS start")) as Array<{ start: Date }>;
    const clock = createTestClock(row!.start);
    const ticket = await returnedTwice(db, world);
    const jointCase = await openJointCase({ db: db.dataSource, actor: supervisor, request: { ticketId: ticket.id, trigger: JointTrigger.RETURNED_REPEATEDLY, reason, deadlineDays: 1 }, now: clock.now() });
    const dataSource = createDataSource({ url: db.url, entities: [...platformModule.entities, ...intakeModule.entities, ...routingModule.entities, ...jointEntities], migrations: [], poolSize: 2 });
    await dataSource.initialize();
    const timers = new TimerService(dataSource, createLogger({ level: "silent" }), { pollMs: 60_000, now: clock.now });
    for (const handler of jointTimerHandlers()) {
      timers.register(handler);
    }
    try {
      await timers.drain();
      expect((await db.dataSource.getRepository(JointCase).findOneByOrFail({ id: jointCase.id })).overdueAt).toBeNull();
      clock.advanceTo(new Date(jointCase.deadlineAt.getTime() + 60_000));
      await timers.drain();
      await timers.drain();
      expect((await db.dataSource.getRepository(JointCase).findOneByOrFail({ id: jointCase.id })).overdueAt).toEqual(jointCase.deadlineAt);
      expect((await events(ticket.id)).filter((type) => type === "supervision.joint_case_overdue")).toHaveLength(1);
    } finally {
      await timers.stop();
      await dataSource.destroy();
    }
  });
});
