import { Role, upsertUser, type Actor } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildCall, buildCatalog, callbackAgent, integrator, intakeTestDatabase, operator, supervisor } from "../__tests__/factories.js";
import { answerDirectly } from "./answer-directly.js";
import { callerHistory, loadCallerHistory, reportIncomingCall, seatOf } from "./screen-pop.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await intakeTestDatabase();
});
afterAll(() => db?.destroy());

describe("caller history", () => {
  it("lists a caller's tickets newest first with the open count, in any phone spelling", async () => {
    const catalog = await buildCatalog(db);
    const first = await buildCall(db, catalog, { phone: "13700000001" });
    const second = await buildCall(db, catalog, { phone: "13700000001" });
    await answerDirectly(db.dataSource, { actor: operator, ticketId: first.id, version: first.version, articleIds: [], answer: "已答复" });
    await buildCall(db, catalog, { phone: "13700000002" });
    const history = await callerHistory(db.dataSource, { actor: operator, phone: "+86 137-0000-0001" });
    expect(history.phone).toBe("13700000001");
    expect(history.tickets.map((t) => t.id)).toEqual([second.id, first.id]);
    expect(history.openCount).toBe(1);
    expect((await callerHistory(db.dataSource, { actor: callbackAgent, phone: "13700000001" })).tickets).toHaveLength(2);
  });

  it("gives the telephony client the open count without the tickets, and refuses others", async () => {
    const catalog = await buildCatalog(db);
    await buildCall(db, catalog, { phone: "13700000003" });
    const forCti = await loadCallerHistory(db.dataSource, integrator, "13700000003");
    expect(forCti).toEqual({ phone: "137****0003", tickets: [], openCount: 1 });
    await expect(callerHistory(db.dataSource, { actor: supervisor, phone: "13700000003" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerHistory(db.dataSource, { actor: operator, phone: "123" })).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
  });
});

describe("incoming calls", () => {
  it("publishes a screen-pop on the seat's topic when a call-taker is assigned to the seat", async () => {
    const user = await upsertUser(db.dataSource.manager, { username: "seat-b07", displayName: "座席B07", password: "x-not-used-x", roles: [Role.OPERATOR], seat: "B07" });
    const publish = vi.fn();
    const payload = await reportIncomingCall({ dataSource: db.dataSource, pubsub: { publish } as never }, {
      actor: integrator,
      callId: "call-7",
      callerNumber: "137 0000 0009",
      seat: "B07",
    });
    expect(payload).toMatchObject({ callId: "call-7", callerNumber: "13700000009", seat: "B07" });
    expect(publish).toHaveBeenCalledWith("SCREEN_POP:B07", payload);
    const operatorAtSeat: Actor = { kind: "staff", id: user.id, name: "座席B07", roles: [Role.OPERATOR], unitId: null };
    expect(await seatOf(db.dataSource, operatorAtSeat)).toBe("B07");
  });

  it("refuses an unknown seat, bad input, and callers other than the telephony client", async () => {
    const services = { dataSource: db.dataSource, pubsub: { publish: vi.fn() } as never };
    const call = { callId: "call-8", callerNumber: "13700000009", seat: "Z99" };
    await expect(reportIncomingCall(services, { actor: integrator, ...call })).rejects.toMatchObject({ code: "BAD_USER_INPUT", details: { fields: [{ field: "seat", code: "UNKNOWN" }] } });
    await expect(reportIncomingCall(services, { actor: integrator, ...call, seat: "A01; DROP" })).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    await expect(reportIncomingCall(services, { actor: integrator, ...call, callId: "x\u0000" })).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    await expect(reportIncomingCall(services, { actor: operator, ...call })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(seatOf(db.dataSource, operator)).rejects.toMatchObject({ code: "INTAKE/NO_SEAT" });
    await expect(seatOf(db.dataSource, supervisor)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
