import { addWorkingTime, findTimer, loadWorkingCalendar } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MissedCallState } from "../callback.enums.js";
import { countCallbackQueues } from "../task/task-queries.js";
import { admin, agent, at, buildTicket, buildWorld, callbackTestDatabase, integrator, leader, operator, supervisor } from "../__tests__/factories.js";
import { listMissedCalls } from "./missed-call-queries.js";
import { recordMissedCallReturn, reportMissedCall } from "./missed-calls.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await callbackTestDatabase();
});
afterAll(() => db?.destroy());

let n = 0;
const report = (overrides: Record<string, unknown> = {}, now?: Date) =>
  reportMissedCall(db.dataSource, {
    actor: integrator,
    request: { callId: `cti-${++n}`, callerNumber: "139 0000 0031", abandonedAt: now ?? new Date(), waitedSeconds: 95, line: "12345-1", ...overrides },
    now,
  });

describe("missed calls", () => {
  it("are reported by the telephony integration (or an admin), idempotently by call id, due back within the limit in working time", async () => {
    const abandonedAt = at("2026-11-27T17:10:00"); // Friday, 20 minutes before closing
    const first = await reportMissedCall(db.dataSource, { actor: integrator, request: { callId: "cti-abc", callerNumber: "+86 139-0000-0031", abandonedAt, waitedSeconds: 95 }, now: abandonedAt });
    expect(first).toMatchObject({ callId: "cti-abc", callerNumber: "13900000031", state: MissedCallState.OPEN, attempts: 0, maxTries: 3, reportedByName: "CTI" });
    // 20 minutes on Friday, 40 on Monday morning.
    expect(first.dueAt).toEqual(at("2026-11-30T09:10:00"));
    expect(first.dueAt).toEqual(addWorkingTime(await loadWorkingCalendar(db.dataSource), abandonedAt, 60));
    expect((await findTimer(db.dataSource.manager, `callback:missed_call:${first.id}:due`))?.dueAt).toEqual(first.dueAt);
    const again = await reportMissedCall(db.dataSource, { actor: integrator, request: { callId: "cti-abc", callerNumber: "13800000000", abandonedAt, waitedSeconds: 1 }, now: abandonedAt });
    expect(again).toMatchObject({ id: first.id, callerNumber: "13900000031" });
    expect((await db.dataSource.query("SELECT count(*)::int AS n FROM callback_missed_call WHERE call_id = 'cti-abc'"))[0].n).toBe(1);
    expect(await reportMissedCall(db.dataSource, { actor: admin, request: { callId: "admin-1", callerNumber: "05332345678", abandonedAt }, now: abandonedAt })).toMatchObject({ callerNumber: "05332345678" });
  });

  it("cannot be reported by call-takers, agents or the public", async () => {
    const request = { callId: "x-1", callerNumber: "13900000031", abandonedAt: new Date() };
    await expect(reportMissedCall(db.dataSource, { actor: operator, request })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(reportMissedCall(db.dataSource, { actor: agent, request })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(reportMissedCall(db.dataSource, { actor: null, request })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("are checked field by field", async () => {
    const now = new Date();
    const error = await reportMissedCall(db.dataSource, {
      actor: integrator,
      request: { callId: "  ", callerNumber: "12", abandonedAt: new Date(now.getTime() + 3_600_000), waitedSeconds: -1, line: "L".repeat(41) },
      now,
    }).catch((caught: unknown) => caught);
    expect((error as { details: { fields: Array<{ field: string; code: string }> } }).details.fields.map((field) => [field.field, field.code])).toEqual([
      ["callId", "REQUIRED"],
      ["callerNumber", "INVALID_FORMAT"],
      ["abandonedAt", "IN_FUTURE"],
      ["waitedSeconds", "OUT_OF_RANGE"],
      ["line", "TOO_LONG"],
    ]);
    await expect(report({ abandonedAt: new Date(now.getTime() - 31 * 86_400_000) }, now)).rejects.toMatchObject({ details: { fields: [{ field: "abandonedAt", code: "TOO_OLD" }] } });
  });

  it("are listed for agents soonest due first, for supervisors and leaders too, not for call-takers", async () => {
    const now = new Date();
    const call = await report({ abandonedAt: new Date(now.getTime() - 7 * 86_400_000) }, now);
    const forAgent = await listMissedCalls(db.dataSource, { actor: agent, limit: 200 });
    expect(forAgent.items[0]!.dueAt.getTime()).toBeLessThanOrEqual(forAgent.items.at(-1)!.dueAt.getTime());
    expect(forAgent.items.map((item) => item.id)).toContain(call.id);
    expect((await listMissedCalls(db.dataSource, { actor: supervisor })).total).toBe(forAgent.total);
    await expect(listMissedCalls(db.dataSource, { actor: operator })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await countCallbackQueues(db.dataSource)).overdueMissedCalls).toBeGreaterThanOrEqual(1);
    expect((await listMissedCalls(db.dataSource, { actor: leader, state: MissedCallState.RETURNED })).total).toBe(0);
  });

  it("returned: reached closes it RETURNED with the ticket named; an unknown tracking number is refused", async () => {
    const call = await report();
    const ticket = await buildTicket(db, await buildWorld(db));
    await expect(recordMissedCallReturn(db.dataSource, { actor: agent, request: { id: call.id, reached: true, ticketTrackingNumber: "ZB-20991231-99999" } })).rejects.toMatchObject({
      details: { fields: [{ field: "ticketTrackingNumber", code: "UNKNOWN" }] },
    });
    await expect(recordMissedCallReturn(db.dataSource, { actor: supervisor, request: { id: call.id, reached: true } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const returned = await recordMissedCallReturn(db.dataSource, { actor: agent, request: { id: call.id, reached: true, note: "已为其登记工单", ticketTrackingNumber: ticket.trackingNumber.toLowerCase() } });
    expect(returned).toMatchObject({ state: MissedCallState.RETURNED, attempts: 1, ticketId: ticket.id, closedByName: agent.name });
    expect(await findTimer(db.dataSource.manager, `callback:missed_call:${call.id}:due`)).toBeNull();
    await expect(recordMissedCallReturn(db.dataSource, { actor: agent, request: { id: call.id, reached: false } })).rejects.toMatchObject({ code: "CALLBACK/MISSED_CALL_CLOSED" });
  });

  it("not reached: retried after the interval in working time, unreachable at the last try", async () => {
    const call = await report();
    const now = at("2026-12-01T10:00:00");
    const first = await recordMissedCallReturn(db.dataSource, { actor: agent, request: { id: call.id, reached: false, note: "占线" }, now });
    expect(first).toMatchObject({ state: MissedCallState.OPEN, attempts: 1, nextAttemptAt: at("2026-12-01T10:30:00") });
    await expect(recordMissedCallReturn(db.dataSource, { actor: agent, request: { id: call.id, reached: false }, now: at("2026-12-01T10:10:00") })).rejects.toMatchObject({
      code: "CALLBACK/RETRY_NOT_DUE",
    });
    const second = await recordMissedCallReturn(db.dataSource, { actor: agent, request: { id: call.id, reached: false }, now: first.nextAttemptAt! });
    const third = await recordMissedCallReturn(db.dataSource, { actor: agent, request: { id: call.id, reached: false }, now: second.nextAttemptAt! });
    expect(third).toMatchObject({ state: MissedCallState.UNREACHABLE, attempts: 3, nextAttemptAt: null });
    const attempts = await db.dataSource.query("SELECT reached, note FROM callback_missed_call_attempt WHERE missed_call_id = $1 ORDER BY at", [call.id]);
    expect(attempts).toEqual([
      { reached: false, note: "占线" },
      { reached: false, note: null },
      { reached: false, note: null },
    ]);
  });
});
