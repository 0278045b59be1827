import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { CallbackSurvey, ReReportProposal, ReReportReason, ReReportState, Satisfaction, SurveyChannel, satisfactionSummary } from "@civicline/callback";
import { Channel, RequestType, TicketStatus, mergeIntoTicket, submitRequest, transitionTicket, type Ticket } from "@civicline/intake";
import { CALENDAR_OVERRIDE_CHANGED, Role, setCalendarOverride } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { Assignment, ReplyOutcome, ReturnReason, Unit, decideExtension, decideReturn, dispatchTicket, replyToTicket, requestExtension, returnTicket, signFor } from "@civicline/routing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startChasingApp } from "../../../chasing/__tests__/chasing-world.js";
import { OrderLevel } from "../../../orders/order.enums.js";
import { issueOrder } from "../../../orders/issue-order.js";
import { searchTickets } from "../../../search/ticket-search.js";
import { buildSearchWorld, searchTestDatabase, staff, type SearchWorld } from "../../../search/__tests__/search-db.js";
import { MeasureCounter } from "../drill-down.js";
import { measureEngineEventHandlers } from "../engine.parts.js";
import { MEASURE_DEFINITIONS, ON_TIME_RULE_EN } from "../measure-definitions.js";
import { MeasurePeriodKind, measureBreakdown, measures, MeasureBreakdownBy, type MeasureFilter, type MeasuresResult } from "../measures.js";
import { rebuildMeasures, refreshMeasureCalendar } from "../rebuild.js";

/**
 * Every measure on a small set of tickets whose right answers are worked out by hand below (the
 * comments show the arithmetic). November 2026; 2026-11-04 (a Wednesday) is declared a holiday by an
 * admin. Units: A with sub-unit A1, and B. Working hours 08:30–12:00, 13:30–17:30 (7.5 h a day).
 */
const at = (local: string): Date => new Date(`${local}+08:00`);
const H = 3_600_000;
const DAY_MS = 24 * H;
const WORK_DAY_MS = 7.5 * H;
const NOW = at("2026-12-10T12:00:00");

let db: TestDatabase;
let world: SearchWorld;
let unitA1: Unit;
let app: Awaited<ReturnType<typeof startChasingApp>>;
const operator = staff("话务员", [Role.OPERATOR]);
const dispatcher = staff("派单员", [Role.DISPATCHER]);
const supervisor = staff("督办员", [Role.SUPERVISOR]);
const admin = staff("管理员", [Role.ADMIN]);
const leader = staff("领导", [Role.LEADER]);

const tickets: Record<string, Ticket> = {};
const assignmentOf = async (ticket: Ticket) => db.dataSource.getRepository(Assignment).findOneByOrFail({ ticketId: ticket.id, current: true });

async function receive(name: string, receivedAt: Date, extraInput: Record<string, unknown> = {}) {
  const { channel, ...extra } = extraInput;
  tickets[name] = await submitRequest({
    db: db.dataSource,
    cityPrefix: "ZB",
    actor: operator,
    channel: (channel as Channel | undefined) ?? Channel.PHONE,
    receivedAt,
    input: {
      requestType: RequestType.COMPLAINT,
      categoryId: world.leaf.id,
      description: `测试工单 ${name} 路灯不亮`,
      districtId: world.district.id,
      townshipId: world.township.id,
      address: "柳泉路",
      citizenName: "王先生",
      phone: "13911112222",
      ...extra,
    } as Parameters<typeof submitRequest>[0]["input"],
  });
  return tickets[name];
}

async function dispatch(ticket: Ticket, unitId: string, now: Date) {
  const current = await db.dataSource.getRepository("intake_ticket").findOneByOrFail({ id: ticket.id });
  return dispatchTicket(db.dataSource, { actor: dispatcher, request: { ticketId: ticket.id, version: (current as Ticket).version, leadUnitId: unitId }, now });
}

async function reply(ticket: Ticket, handler: ReturnType<typeof staff>, signedAt: Date, repliedAt: Date) {
  await signFor(db.dataSource, { actor: handler, ticketId: ticket.id, now: signedAt });
  return replyToTicket(db.dataSource, { actor: handler, ticketId: ticket.id, reply: { outcome: ReplyOutcome.RESOLVED, text: "已经处理完毕", withoutAssistInput: true }, now: repliedAt });
}

/** A callback answer as the callback package records it (full survey about a reply, or process only). */
async function survey(ticket: Ticket, answeredAt: Date, values: { full: boolean; reasonable?: boolean | null; result?: Satisfaction | null; process: Satisfaction; leadUnitId: string | null }) {
  return db.dataSource.getRepository(CallbackSurvey).save({
    taskId: randomUUID(),
    ticketId: ticket.id,
    fullSurvey: values.full,
    channel: SurveyChannel.PHONE,
    resolution: null,
    resultSatisfaction: values.result ?? null,
    processSatisfaction: values.process,
    reasonable: values.reasonable ?? null,
    comment: null,
    answeredAt,
    recordedById: null,
    recordedByName: "回访员",
    leadUnitId: values.leadUnitId,
    categoryId: world.leaf.id,
    requestType: RequestType.COMPLAINT,
  });
}

const novemberFilter = (extra: Partial<MeasureFilter> = {}): MeasureFilter => ({ period: { kind: MeasurePeriodKind.MONTH, anchor: "2026-11-15" }, ...extra });
const november = (extra: Partial<MeasureFilter> = {}, actor = supervisor): Promise<MeasuresResult> =>
  measures(db.dataSource, { actor, filter: novemberFilter(extra), now: NOW });

beforeAll(async () => {
  db = await searchTestDatabase();
  world = await buildSearchWorld(db);
  unitA1 = await db.dataSource.getRepository(Unit).save({ code: `SU-A1-${randomUUID().slice(0, 6)}`, nameZh: "城管局执法大队", nameEn: "Urban enforcement", kind: "BUREAU", areaId: world.city.id, parentId: world.unitA.id });
  const handlerA1 = staff("执法大队", [Role.HANDLER], unitA1.id);
  app = await startChasingApp(db, at("2026-10-20T09:00:00"));
  // a holiday inside the period (an admin's override), synced into the measures' calendar
  await db.dataSource.transaction((m) => setCalendarOverride(m, { day: "2026-11-04", working: false, note: "停工", actor: admin }));
  await db.dataSource.transaction((m) => refreshMeasureCalendar(m));

  // T1 — A, extended, replied after the original deadline but within the extended one (on time)
  await receive("T1", at("2026-11-02T09:00:00"));
  const t1 = await dispatch(tickets.T1!, world.unitA.id, at("2026-11-02T10:00:00"));
  // 10 working days from Mon 11-02 10:00, 11-04 off: 3,5,6,9,10,11,12,13,16,17 → Tue 11-17 10:00
  expect(t1.completionDueAt).toEqual(at("2026-11-17T10:00:00"));
  await signFor(db.dataSource, { actor: world.handlerA, ticketId: tickets.T1!.id, now: at("2026-11-02T11:00:00") });
  await requestExtension(db.dataSource, { actor: world.handlerA, ticketId: tickets.T1!.id, workingDays: 2, reason: "需要协调施工单位", now: at("2026-11-16T10:00:00") });
  await decideExtension(db.dataSource, { actor: supervisor, ticketId: tickets.T1!.id, approve: true, now: at("2026-11-16T11:00:00") });
  expect((await assignmentOf(tickets.T1!)).completionDueAt).toEqual(at("2026-11-19T10:00:00"));
  await replyToTicket(db.dataSource, { actor: world.handlerA, ticketId: tickets.T1!.id, reply: { outcome: ReplyOutcome.RESOLVED, text: "路灯已修复", withoutAssistInput: true }, now: at("2026-11-18T15:00:00") });
  await survey(tickets.T1!, at("2026-11-20T10:00:00"), { full: true, reasonable: true, result: Satisfaction.SATISFIED, process: Satisfaction.VERY_SATISFIED, leadUnitId: world.unitA.id });

  // T2 — dispatched to A, returned, re-dispatched to B, replied on time; the request judged unreasonable
  await receive("T2", at("2026-11-03T09:00:00"));
  await dispatch(tickets.T2!, world.unitA.id, at("2026-11-03T09:30:00"));
  await returnTicket(db.dataSource, { actor: world.handlerA, ticketId: tickets.T2!.id, reason: ReturnReason.NOT_OUR_JURISDICTION, text: "不属于本单位职责", now: at("2026-11-03T11:00:00") });
  const t2 = await db.dataSource.getRepository("intake_ticket").findOneByOrFail({ id: tickets.T2!.id });
  await decideReturn(db.dataSource, {
    actor: dispatcher,
    request: { ticketId: tickets.T2!.id, accept: true, redispatch: { ticketId: tickets.T2!.id, version: (t2 as Ticket).version, leadUnitId: world.unitB.id } },
    now: at("2026-11-03T14:00:00"),
  });
  await reply(tickets.T2!, world.handlerB, at("2026-11-03T15:00:00"), at("2026-11-05T10:00:00"));
  await survey(tickets.T2!, at("2026-11-06T10:00:00"), { full: true, reasonable: false, result: Satisfaction.DISSATISFIED, process: Satisfaction.SATISFIED, leadUnitId: world.unitB.id });

  // T3 — B, replied on time, then re-reported (续报 accepted); a duplicate T6 merged into it
  await receive("T3", at("2026-11-09T09:00:00"));
  await dispatch(tickets.T3!, world.unitB.id, at("2026-11-09T10:00:00"));
  await receive("T6", at("2026-11-12T10:00:00"));
  await mergeIntoTicket(db.dataSource, { actor: operator, ticketId: tickets.T6!.id, version: tickets.T6!.version, intoTicketId: tickets.T3!.id });
  const t3 = await reply(tickets.T3!, world.handlerB, at("2026-11-09T11:00:00"), at("2026-11-10T10:00:00"));
  const t3Survey = await survey(tickets.T3!, at("2026-11-11T10:00:00"), { full: true, reasonable: true, result: Satisfaction.DISSATISFIED, process: Satisfaction.DISSATISFIED, leadUnitId: world.unitB.id });
  await db.dataSource.getRepository(ReReportProposal).save({
    ticketId: tickets.T3!.id,
    taskId: t3Survey.taskId,
    surveyId: t3Survey.id,
    assignmentId: t3.id,
    leadUnitId: world.unitB.id,
    reasons: [ReReportReason.RESULT_DISSATISFIED],
    state: ReReportState.ACCEPTED,
    decidedAt: at("2026-11-11T11:00:00"),
    decidedByName: "督办员",
  });

  // T4 — received in October, dispatched to sub-unit A1, never replied: overdue on 11-03 (crosses the boundary)
  await receive("T4", at("2026-10-20T09:00:00"));
  const t4 = await dispatch(tickets.T4!, unitA1.id, at("2026-10-20T10:00:00"));
  // 10 working days from Tue 10-20 10:00: 21,22,23,26,27,28,29,30, 11-02, 11-03 → Tue 11-03 10:00
  expect(t4.completionDueAt).toEqual(at("2026-11-03T10:00:00"));
  await signFor(db.dataSource, { actor: handlerA1, ticketId: tickets.T4!.id, now: at("2026-10-20T11:00:00") });
  app.clock.advanceTo(at("2026-11-03T10:30:00"));
  await app.settle(); // the overdue timer marks it
  expect((await assignmentOf(tickets.T4!)).overdueAt).not.toBeNull();
  await issueOrder(db.dataSource, { actor: supervisor, request: { ticketId: tickets.T4!.id, level: OrderLevel.REMINDER, reason: "请尽快办理并回复", responseWorkingMinutes: 450 }, now: at("2026-11-04T09:00:00") });

  // T5 — answered on the spot (直办); its process-only survey has no unit
  await receive("T5", at("2026-11-12T09:00:00"), { requestType: RequestType.CONSULTATION });
  await db.dataSource.transaction((m) =>
    transitionTicket(m, { ticketId: tickets.T5!.id, to: TicketStatus.CLOSED_DIRECT, expectedVersion: tickets.T5!.version, actor: operator, changes: { directAnswer: "按政策答复" } }),
  );
  await survey(tickets.T5!, at("2026-11-12T09:30:00"), { full: false, process: Satisfaction.SATISFIED, leadUnitId: null });

  // T7 — 07:00 on 11-01 in Shanghai is still 10-31 in UTC: a November ticket, never dispatched
  await receive("T7", at("2026-11-01T07:00:00"), { channel: Channel.PORTAL, townshipId: null });
  // T8 — 00:30 on 12-01 in Shanghai is 11-30 in UTC: a December ticket
  await receive("T8", at("2026-12-01T00:30:00"));

  // T9 — B, deadline Mon 11-30 09:00, replied 12-01 (late): not on time, counted in November (its deadline)
  await receive("T9", at("2026-11-16T08:00:00"), { categoryId: world.otherLeaf.id, townshipId: world.otherTownship.id });
  const t9 = await dispatch(tickets.T9!, world.unitB.id, at("2026-11-16T09:00:00"));
  // 10 working days from Mon 11-16 09:00: 17,18,19,20,23,24,25,26,27,30 → Mon 11-30 09:00
  expect(t9.completionDueAt).toEqual(at("2026-11-30T09:00:00"));
  await reply(tickets.T9!, world.handlerB, at("2026-11-16T10:00:00"), at("2026-12-01T10:00:00"));
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await db?.destroy();
});

describe("measures on hand-computed tickets (November 2026)", () => {
  it("computes every figure with its numerator and denominator, all units", async () => {
    const m = await november();
    expect(m.period).toEqual({ kind: MeasurePeriodKind.MONTH, from: "2026-11-01", to: "2026-11-30", days: 30 });
    expect(m.previousPeriod).toMatchObject({ from: "2026-10-01", to: "2026-10-31", days: 31 });
    const c = m.current;
    // received: T1 T2 T3 T5 T7 T9 (T6 merged, T4 October, T8 December)
    expect(c.volume).toMatchObject({ numerator: 6, denominator: null, value: 6 });
    expect(c.counts.merged).toBe(1);
    expect(c.dailyAverage).toMatchObject({ numerator: 6, denominator: 30, value: 0.2 });
    expect(c.directHandlingRate).toMatchObject({ numerator: 1, denominator: 6 });
    // dispatches in November: T1→A, T2→A, T2→B, T3→B, T9→B; T2→A returned; T1 extended
    expect(c.returnRate).toMatchObject({ numerator: 1, denominator: 5, value: 0.2 });
    expect(c.extensionRate).toMatchObject({ numerator: 1, denominator: 5, value: 0.2 });
    // settled in November: T1 (on time, extended), T2→B, T3 (on time), T4 (deadline 11-03, overdue), T9 (deadline 11-30, late)
    expect(c.onTimeRate).toMatchObject({ numerator: 3, denominator: 5, value: 0.6 });
    expect(c.overdueCount).toMatchObject({ numerator: 2, value: 2 });
    // replies in November: T1 (11-02 10:00 → 11-18 15:00 = 16 d 5 h), T2→B (11-03 14:00 → 11-05 10:00 = 44 h), T3 (24 h)
    expect(c.counts.replied).toBe(3);
    expect(c.counts.handlingMs).toBe((16 * 24 + 5 + 44 + 24) * H);
    expect(c.averageHandlingDays.numerator).toBeCloseTo(457 / 24, 9);
    expect(c.averageHandlingDays.value).toBeCloseTo(457 / 24 / 3, 9);
    // working: T1 6 + 7.5 (11-03) + 0 (holiday) + 15 + 37.5 + 15 + 5 = 86 h; T2→B 3.5 + 0 + 1.5 = 5 h; T3 6 + 1.5 = 7.5 h
    expect(c.counts.handlingWorkMs).toBe((86 + 5 + 7.5) * H);
    expect(c.averageHandlingWorkingDays.numerator).toBeCloseTo(98.5 / 7.5, 9);
    expect(c.averageHandlingWorkingDays.value).toBeCloseTo(98.5 / 7.5 / 3, 9);
    expect(c.reReportRate).toMatchObject({ numerator: 1, denominator: 3 });
    // result: T1 satisfied, T3 dissatisfied (T2 unreasonable: excluded); process: T1 T2 T5 satisfied, T3 not
    expect(c.resultSatisfactionRate).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
    expect(c.counts.surveyAnswered).toBe(3);
    expect(c.processSatisfactionRate).toMatchObject({ numerator: 3, denominator: 4, value: 0.75 });
    expect(c.supervisionOrders).toMatchObject({ numerator: 1, value: 1 });
    // October: T4 received and dispatched, nothing else
    expect(m.previous.counts).toMatchObject({ received: 1, dispatched: 1, replied: 0, due: 0, orders: 0 });
    expect(m.previous.dailyAverage).toMatchObject({ numerator: 1, denominator: 31 });
  });

  it("agrees with callback's satisfactionSummary (the same definitions, not a fork)", async () => {
    const summary = await satisfactionSummary(db.dataSource, { actor: supervisor, from: at("2026-11-01T00:00:00"), to: at("2026-12-01T00:00:00") });
    const c = (await november()).current.counts;
    expect([c.surveyAnswered, c.surveyReasonable, c.resultSatisfied, c.processAnswered, c.processSatisfied]).toEqual([
      summary.answered,
      summary.reasonableAnswered,
      summary.resultSatisfied,
      summary.processAnswered,
      summary.processSatisfied,
    ]);
    const forB = await satisfactionSummary(db.dataSource, { actor: supervisor, from: at("2026-11-01T00:00:00"), to: at("2026-12-01T00:00:00"), unitId: world.unitB.id });
    const b = (await november({ unitId: world.unitB.id })).current.counts;
    expect([b.surveyAnswered, b.surveyReasonable, b.resultSatisfied, b.processAnswered, b.processSatisfied]).toEqual([
      forB.answered,
      forB.reasonableAnswered,
      forB.resultSatisfied,
      forB.processAnswered,
      forB.processSatisfied,
    ]);
  });

  it("a unit with its sub-units, and without them", async () => {
    const withSubs = (await november({ unitId: world.unitA.id })).current;
    // A: received T1 (its current lead unit); dispatched T1, T2 (returned); settled T1 (on time) + A1's T4 (overdue); A1's order
    expect(withSubs.volume.numerator).toBe(1);
    expect(withSubs.returnRate).toMatchObject({ numerator: 1, denominator: 2 });
    expect(withSubs.onTimeRate).toMatchObject({ numerator: 1, denominator: 2 });
    expect(withSubs.supervisionOrders.numerator).toBe(1);
    expect(withSubs.resultSatisfactionRate).toMatchObject({ numerator: 1, denominator: 1 });
    const alone = (await november({ unitId: world.unitA.id, includeSubUnits: false })).current;
    expect(alone.onTimeRate).toMatchObject({ numerator: 1, denominator: 1 });
    expect(alone.supervisionOrders.numerator).toBe(0);
    const b = (await november({ unitId: world.unitB.id })).current;
    // B: dispatched T2, T3, T9; replied T2, T3 (T9 in December); settled T2, T3 on time, T9 late
    expect(b.counts).toMatchObject({ dispatched: 3, replied: 2, due: 3, onTime: 2, rereported: 1, received: 3 });
  });

  it("filters by district/township, category subtree, channel and request type", async () => {
    expect((await november({ townshipId: world.otherTownship.id })).current.volume.numerator).toBe(1); // T9
    expect((await november({ categoryId: world.group.id })).current.volume.numerator).toBe(6);
    expect((await november({ categoryId: world.otherLeaf.id })).current.volume.numerator).toBe(1);
    expect((await november({ channels: [Channel.PORTAL] })).current.volume.numerator).toBe(1); // T7
    expect((await november({ requestTypes: [RequestType.CONSULTATION] })).current.directHandlingRate).toMatchObject({ numerator: 1, denominator: 1 });
    expect((await november({ districtId: world.otherDistrict.id })).current.volume.numerator).toBe(0);
  });

  it("periods: day, week, quarter, year and custom, with their previous periods", async () => {
    const day = await measures(db.dataSource, { actor: supervisor, filter: { period: { kind: MeasurePeriodKind.DAY, anchor: "2026-11-03" } }, now: NOW });
    expect(day.period).toMatchObject({ from: "2026-11-03", to: "2026-11-03", days: 1 });
    expect(day.current.volume.numerator).toBe(1); // T2
    expect(day.current.onTimeRate).toMatchObject({ numerator: 0, denominator: 1 }); // T4's deadline
    const week = await measures(db.dataSource, { actor: supervisor, filter: { period: { kind: MeasurePeriodKind.WEEK, anchor: "2026-11-04" } }, now: NOW });
    expect(week.period).toMatchObject({ from: "2026-11-02", to: "2026-11-08" });
    expect(week.previousPeriod).toMatchObject({ from: "2026-10-26", to: "2026-11-01" });
    expect(week.previous.volume.numerator).toBe(1); // T7 on Sunday 11-01
    const quarter = await measures(db.dataSource, { actor: supervisor, filter: { period: { kind: MeasurePeriodKind.QUARTER, anchor: "2026-11-04" } }, now: NOW });
    expect(quarter.period).toMatchObject({ from: "2026-10-01", to: "2026-12-31", days: 71 }); // up to today, 12-10
    expect(quarter.previousPeriod).toMatchObject({ from: "2026-07-01", to: "2026-09-30", days: 92 });
    expect(quarter.current.volume.numerator).toBe(8); // + T4, T8
    const year = await measures(db.dataSource, { actor: supervisor, filter: { period: { kind: MeasurePeriodKind.YEAR, anchor: "2026-06-01" } }, now: NOW });
    expect(year.period).toMatchObject({ from: "2026-01-01", to: "2026-12-31" });
    expect(year.current.counts.replied).toBe(4);
    const custom = await measures(db.dataSource, { actor: supervisor, filter: { period: { kind: MeasurePeriodKind.CUSTOM, from: "2026-11-30", to: "2026-12-01" } }, now: NOW });
    expect(custom.previousPeriod).toMatchObject({ from: "2026-11-28", to: "2026-11-29" });
    expect(custom.current.volume.numerator).toBe(1); // T8 (T7 was 11-01)
    expect(custom.current.counts).toMatchObject({ due: 1, onTime: 0, replied: 1 });
  });

  it("breaks down by unit, category, district, township and day", async () => {
    const filter = novemberFilter();
    const byUnit = await measureBreakdown(db.dataSource, { actor: leader, filter, by: MeasureBreakdownBy.UNIT, now: NOW });
    const unit = (id: string) => byUnit.find((row) => row.key === id)?.set;
    expect(unit(world.unitA.id)?.counts).toMatchObject({ dispatched: 2, due: 1, onTime: 1, returned: 1 });
    expect(unit(unitA1.id)?.counts).toMatchObject({ due: 1, onTime: 0, orders: 1 });
    expect(unit(world.unitB.id)?.onTimeRate).toMatchObject({ numerator: 2, denominator: 3 });
    const byCategory = await measureBreakdown(db.dataSource, { actor: supervisor, filter: novemberFilter({ categoryId: world.group.id }), by: MeasureBreakdownBy.CATEGORY, now: NOW });
    expect(byCategory.map((r) => [r.key, r.set.volume.numerator])).toEqual(
      expect.arrayContaining([
        [world.leaf.id, 5],
        [world.otherLeaf.id, 1],
      ]),
    );
    const byTownship = await measureBreakdown(db.dataSource, { actor: supervisor, filter, by: MeasureBreakdownBy.TOWNSHIP, now: NOW });
    expect(byTownship.find((r) => r.key === null)?.set.volume.numerator).toBe(1); // T7
    const byDistrict = await measureBreakdown(db.dataSource, { actor: supervisor, filter, by: MeasureBreakdownBy.DISTRICT, now: NOW });
    expect(byDistrict).toHaveLength(1);
    expect(byDistrict[0]?.set.volume.numerator).toBe(6);
    const byDay = await measureBreakdown(db.dataSource, { actor: supervisor, filter, by: MeasureBreakdownBy.DAY, now: NOW });
    expect(byDay).toHaveLength(30);
    expect(byDay.find((r) => r.key === "2026-11-12")?.set.counts).toMatchObject({ received: 1, direct: 1, merged: 1 });
    expect(byDay.reduce((sum, r) => sum + r.set.volume.numerator, 0)).toBe(6);
  });

  it("drills down to exactly the tickets behind a numerator and a denominator", async () => {
    const list = async (counter: MeasureCounter, unitId: string | null = null) =>
      (
        await searchTickets({ db: db.dataSource, actor: supervisor, filter: { measure: { counter, from: "2026-11-01", to: "2026-11-30", unitId } }, first: 50, now: NOW })
      ).hits
        .map((hit) => hit.trackingNumber)
        .sort();
    const numbers = (...names: string[]) => names.map((n) => tickets[n]!.trackingNumber).sort();
    expect(await list(MeasureCounter.OVERDUE)).toEqual(numbers("T4", "T9"));
    expect(await list(MeasureCounter.DUE)).toEqual(numbers("T1", "T2", "T3", "T4", "T9"));
    expect(await list(MeasureCounter.RECEIVED)).toEqual(numbers("T1", "T2", "T3", "T5", "T7", "T9"));
    expect(await list(MeasureCounter.RETURNED)).toEqual(numbers("T2"));
    expect(await list(MeasureCounter.RESULT_NOT_SATISFIED)).toEqual(numbers("T3"));
    expect(await list(MeasureCounter.ORDERS, world.unitA.id)).toEqual(numbers("T4"));
    expect(await list(MeasureCounter.DISPATCHED, world.unitB.id)).toEqual(numbers("T2", "T3", "T9"));
  });

  it("a holiday declared afterwards moves working handling times (calendar change → recompute)", async () => {
    const before = (await november()).current.counts.handlingWorkMs;
    await db.dataSource.transaction((m) => setCalendarOverride(m, { day: "2026-11-10", working: false, note: "停工", actor: admin }));
    // the module's outbox handler for the calendar event (what the running app does)
    const [handler] = measureEngineEventHandlers(app.services).filter((h) => h.eventType === CALENDAR_OVERRIDE_CHANGED);
    const [event] = (await db.dataSource.query(`SELECT * FROM platform_outbox WHERE type = $1 ORDER BY id DESC LIMIT 1`, [CALENDAR_OVERRIDE_CHANGED])) as Array<Record<string, unknown>>;
    await handler!.handle(event as never);
    // T1 spans 11-10 (−7.5 h); T3 (11-09 10:00 → 11-10 10:00) loses 11-10's 1.5 h
    expect((await november()).current.counts.handlingWorkMs).toBe(before - 9 * H);
    await db.dataSource.transaction((m) => setCalendarOverride(m, { day: "2026-11-10", working: true, note: "恢复", actor: admin }));
    await db.dataSource.transaction((m) => refreshMeasureCalendar(m));
    expect((await november()).current.counts.handlingWorkMs).toBe(before);
  });

  it("rebuild gives the same aggregate", async () => {
    // the cells with their stripes summed (the rebuild writes one stripe)
    const keys = "day, unit_id, category_id, district_id, township_id, channel, request_type";
    const counters = ["received", "direct", "merged", "dispatched", "replied", "due", "orders", "process_answered"];
    const dump = () =>
      db.dataSource.query(
        `SELECT ${keys}, ${counters.map((c) => `sum(${c})::int AS ${c}`).join(", ")} FROM supervision_measure_day GROUP BY ${keys}
          HAVING ${counters.map((c) => `sum(${c}) <> 0`).join(" OR ")} ORDER BY 1, 2, 3, 4, 5, 6, 7`,
      );
    const maintained = await dump();
    await rebuildMeasures(db.dataSource);
    expect(await dump()).toEqual(maintained);
  });

  it("authorises by role and unit", async () => {
    await expect(november({}, operator)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(november({}, staff("质检员", [Role.QA_INSPECTOR]))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(measures(db.dataSource, { actor: null, filter: novemberFilter(), now: NOW })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    // a handler: their own unit by default, another unit refused
    const own = await november({}, world.handlerB);
    expect(own.filter).toMatchObject({ unitId: world.unitB.id, includeSubUnits: false });
    // A's handler sees A's own figures, not those of its sub-unit A1 (T4's overdue dispatch and its order)
    const a = await november({ unitId: world.unitA.id }, world.handlerA);
    expect(a.current.onTimeRate).toMatchObject({ numerator: 1, denominator: 1 });
    expect(a.current.supervisionOrders.numerator).toBe(0);
    expect(own.current.counts.dispatched).toBe(3);
    await expect(november({ unitId: world.unitA.id }, world.handlerB)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      measureBreakdown(db.dataSource, { actor: world.handlerB, filter: novemberFilter(), by: MeasureBreakdownBy.UNIT, now: NOW }).then((rows) => rows.map((r) => r.key)),
    ).resolves.toEqual([world.unitB.id]);
  });

  it("the README states the one on-time rule word for word, and every measure the UI explains", () => {
    const readme = readFileSync(new URL("../../../../README.md", import.meta.url), "utf8");
    expect(readme).toContain(ON_TIME_RULE_EN);
    for (const definition of MEASURE_DEFINITIONS) {
      expect(readme.toLowerCase()).toContain(`**${definition.nameEn.toLowerCase().replace(/ \(.*\)$/, "")}**`);
    }
  });

  it("refuses bad input with coded field errors", async () => {
    const bad = (period: MeasureFilter["period"], extra: Partial<MeasureFilter> = {}) => measures(db.dataSource, { actor: supervisor, filter: { period, ...extra }, now: NOW });
    await expect(bad({ kind: MeasurePeriodKind.CUSTOM, from: "2026-11-30", to: "2026-11-01" })).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      fields: [expect.objectContaining({ field: "period.to", code: "BEFORE_START" })],
    });
    await expect(bad({ kind: MeasurePeriodKind.CUSTOM, from: "2026-02-30", to: null })).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    await expect(bad({ kind: MeasurePeriodKind.MONTH }, { unitId: "not-a-uuid" })).rejects.toMatchObject({ fields: [expect.objectContaining({ field: "unitId" })] });
    await expect(bad({ kind: "FORTNIGHT" as MeasurePeriodKind })).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
  });
});

// keep the constants honest
expect(WORK_DAY_MS).toBe(27_000_000);
expect(DAY_MS).toBe(86_400_000);
