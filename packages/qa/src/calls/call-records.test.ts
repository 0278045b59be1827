import { Role } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCatalog, callOf, createStaff, integrator, openIntegrator, qaTestDatabase, seats, staff, ticketDuringCall } from "../__tests__/factories.js";
import { currentSeatOf, resolveSeatOccupant, saveShift } from "../roster/roster.js";
import { QaCallDirection } from "./call-record.entity.js";
import { reportCallRecord, ticketsOfCalls } from "./call-records.js";

let db: TestDatabase;
const at = (local: string) => new Date(`${local}+08:00`);
const now = at("2026-11-20T23:00:00");
const admin = staff("管理员", [Role.ADMIN]);
beforeAll(async () => {
  db = await qaTestDatabase();
  await seats(db.dataSource);
});
afterAll(() => db?.destroy());

const base = { callId: "c-1", seatCode: "A01", callerNumber: "+86 139-0000-0031", direction: QaCallDirection.INBOUND, startedAt: at("2026-11-20T09:00:00"), answeredAt: at("2026-11-20T09:00:20"), endedAt: at("2026-11-20T09:05:20") };
const fieldsOf = async (promise: Promise<unknown>) => ((await promise.catch((error: unknown) => error)) as { details: { fields: Array<{ field: string; code: string }> } }).details.fields.map((field) => [field.field, field.code]);

describe("call records", () => {
  it("are stored once per call id, with wait and talk times, placed on whoever the roster seats there (a shared seat by day and evening)", async () => {
    const ds = db.dataSource;
    const day = await createStaff(ds, "王敏", [Role.OPERATOR]);
    const evening = await createStaff(ds, "李娜", [Role.OPERATOR]);
    await saveShift(ds, { actor: admin, request: { seatCode: "A01", callTakerId: day.id, startsAt: at("2026-11-20T08:00:00"), endsAt: at("2026-11-20T16:00:00") } });
    await saveShift(ds, { actor: admin, request: { seatCode: "A01", callTakerId: evening.id, startsAt: at("2026-11-20T16:00:00"), endsAt: at("2026-11-21T00:00:00") } });
    const first = await reportCallRecord(ds, { actor: integrator, request: base, now });
    expect(first).toMatchObject({ callId: "c-1", callerNumber: "13900000031", callTakerId: day.id, waitSeconds: 20, talkSeconds: 300, reportedByName: "CTI" });
    const again = await reportCallRecord(ds, { actor: integrator, request: { ...base, callerNumber: "13800000000", seatCode: "A02" }, now });
    expect(again).toMatchObject({ id: first.id, callerNumber: "13900000031", seatCode: "A01" });
    const late = await reportCallRecord(ds, { actor: admin, request: { ...base, callId: "c-2", startedAt: at("2026-11-20T18:00:00"), answeredAt: null, endedAt: at("2026-11-20T18:01:00") }, now });
    expect(late).toMatchObject({ callTakerId: evening.id, waitSeconds: 60, talkSeconds: 0 });
    expect((await resolveSeatOccupant(ds, "A01", at("2026-11-20T15:59:59")))?.userId).toBe(day.id);
    expect((await resolveSeatOccupant(ds, "A01", at("2026-11-20T16:00:00")))?.userId).toBe(evening.id);
    expect(await currentSeatOf(ds, evening.id, at("2026-11-20T17:00:00"))).toBe("A01");
    expect(await currentSeatOf(ds, evening.id, at("2026-11-20T09:00:00"))).toBeNull();
    // Nobody rostered and no fixed seat: the record keeps no call-taker.
    expect(await reportCallRecord(ds, { actor: integrator, request: { ...base, callId: "c-3", seatCode: "A06" }, now })).toMatchObject({ callTakerId: null });
  });

  it("refuse bad input field by field and store nothing: end before start, unknown seat, unknown agent, answer after the end, two recordings", async () => {
    const ds = db.dataSource;
    expect(await fieldsOf(reportCallRecord(ds, { actor: integrator, request: { ...base, callId: "bad-1", endedAt: at("2026-11-20T08:59:00"), answeredAt: null }, now }))).toEqual([["endedAt", "BEFORE_START"]]);
    expect(await fieldsOf(reportCallRecord(ds, { actor: integrator, request: { ...base, callId: "bad-2", seatCode: "Z99" }, now }))).toEqual([["seatCode", "UNKNOWN"]]);
    expect(await fieldsOf(reportCallRecord(ds, { actor: integrator, request: { ...base, callId: "bad-3", agentUsername: "nobody" }, now }))).toEqual([["agentUsername", "UNKNOWN"]]);
    expect(await fieldsOf(reportCallRecord(ds, { actor: integrator, request: { ...base, callId: "bad-4", answeredAt: at("2026-11-20T10:00:00") }, now }))).toEqual([["answeredAt", "AFTER_END"]]);
    expect(
      await fieldsOf(
        reportCallRecord(ds, {
          actor: integrator,
          request: { ...base, callId: " ", seatCode: "A 1", callerNumber: "12", direction: "SIDEWAYS" as QaCallDirection, recordingUrl: "ftp://x", recordingFileId: "nope", waitSeconds: -1 },
          now,
        }),
      ),
    ).toEqual([
      ["callId", "REQUIRED"],
      ["seatCode", "INVALID_FORMAT"],
      ["callerNumber", "INVALID_FORMAT"],
      ["direction", "INVALID_FORMAT"],
      ["waitSeconds", "OUT_OF_RANGE"],
      ["recordingUrl", "INVALID_FORMAT"],
      ["recordingFileId", "INVALID_FORMAT"],
    ]);
    expect(await fieldsOf(reportCallRecord(ds, { actor: integrator, request: { ...base, callId: "bad-5", endedAt: at("2026-11-21T09:00:00"), startedAt: at("2026-11-21T08:00:00"), answeredAt: null }, now }))).toEqual([
      ["endedAt", "IN_FUTURE"],
    ]);
    expect((await ds.query(`SELECT count(*)::int AS n FROM qa_call WHERE call_id LIKE 'bad-%'`))[0].n).toBe(0);
  });

  it("are reported by the telephony key or an admin only", async () => {
    const request = { ...base, callId: "x-1" };
    await expect(reportCallRecord(db.dataSource, { actor: staff("王敏", [Role.OPERATOR]), request, now })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(reportCallRecord(db.dataSource, { actor: staff("刘洋", [Role.QA_INSPECTOR]), request, now })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(reportCallRecord(db.dataSource, { actor: openIntegrator, request, now })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(reportCallRecord(db.dataSource, { actor: null, request, now })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("link the tickets logged with their call id, whichever arrives first; calls without tickets stay records", async () => {
    const ds = db.dataSource;
    const catalog = await buildCatalog(ds);
    const taker = await createStaff(ds, "赵雷", [Role.OPERATOR], "A05");
    // The ticket first (logged during the call), the record after the call ended.
    const ticketFirst = await ticketDuringCall(ds, catalog, "link-1");
    const record = await callOf(ds, taker, new Date(Date.now() - 3_600_000), { callId: "link-1", seatCode: "A05" });
    expect(record.callTakerId).toBe(taker.id);
    // The record first, then a second ticket of the same call.
    const ticketAfter = await ticketDuringCall(ds, catalog, "link-1");
    const linked = await ticketsOfCalls(ds, ["link-1", "no-ticket"]);
    expect(linked.get("link-1")!.map((ticket) => ticket.id).sort()).toEqual([ticketFirst, ticketAfter].sort());
    expect(linked.get("no-ticket")).toBeUndefined();
  });
});
