import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "./harness.js";

const DEMO_API_KEY = "cl_demo_integrator_0123456789abcdef";
let gateway: TestGateway;
let telephony: Server;
let telephonyUrl: string;
const cookies: Record<string, string> = {};

/** POSTs as the telephony integration (API key). */
async function asTelephony<T = Record<string, unknown>>(query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${gateway.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", "x-api-key": DEMO_API_KEY }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string; fields?: Array<{ field: string; code: string }> } }> };
}

const REPORT = `mutation($input: QaCallRecordInput!) { reportCallRecord(input: $input) { id callId seatCode callerNumber callTaker { displayName } waitSeconds talkSeconds hasRecording recordingUrl } }`;
const QUEUE = `query($limit: Int) { qaInspectionQueue(limit: $limit) { total items { id day reason callTaker { displayName } call { id callerNumber recordingUrl hasRecording transcript ticketTrackingNumbers } } } }`;

beforeAll(async () => {
  gateway = await startTestGateway();
  for (const user of ["qa", "operator", "operator2", "operator3", "teamlead", "supervisor", "leader", "admin", "dispatcher"]) {
    cookies[user] = await gateway.login(user);
  }
  // A telephony system that keeps recordings: one exists, one is gone.
  telephony = createServer((req, res) => {
    if (req.url === "/rec/ok.wav") {
      res.writeHead(200, { "content-type": "audio/wav" }).end(Buffer.from("RIFF....WAVEfmt fake audio bytes"));
    } else {
      res.writeHead(404).end("gone");
    }
  });
  await new Promise<void>((resolve) => telephony.listen(0, "127.0.0.1", resolve));
  telephonyUrl = `http://127.0.0.1:${(telephony.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  await gateway?.stop();
  telephony?.close();
});

const recent = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();

describe("staff QA core over HTTP", () => {
  it("takes call records from the telephony key, idempotently, placing them by the roster; bad input is coded and stores nothing", async () => {
    const input = { callId: "GW-1", seatCode: "A01", callerNumber: "13900000031", direction: "INBOUND", startedAt: recent(30), answeredAt: recent(29.5), endedAt: recent(25), recordingUrl: `${telephonyUrl}/rec/ok.wav` };
    const first = await asTelephony<{ reportCallRecord: { id: string; callTaker: { displayName: string } | null; waitSeconds: number; talkSeconds: number; recordingUrl: string } }>(REPORT, { input });
    expect(first.errors).toBeUndefined();
    expect(first.data!.reportCallRecord).toMatchObject({ waitSeconds: 30, talkSeconds: 270, recordingUrl: `/qa/recordings/${first.data!.reportCallRecord.id}` });
    expect(first.data!.reportCallRecord.recordingUrl).not.toContain("127.0.0.1");
    const again = await asTelephony<{ reportCallRecord: { id: string } }>(REPORT, { input: { ...input, callerNumber: "13800000000" } });
    expect(again.data!.reportCallRecord.id).toBe(first.data!.reportCallRecord.id);

    const bad = await asTelephony(REPORT, { input: { ...input, callId: "GW-bad", seatCode: "Z99", startedAt: recent(10), answeredAt: null, endedAt: recent(20) } });
    expect(bad.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [expect.objectContaining({ field: "endedAt", code: "BEFORE_START" })] });
    const unknownSeat = await asTelephony(REPORT, { input: { ...input, callId: "GW-bad", seatCode: "Z99" } });
    expect(unknownSeat.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [expect.objectContaining({ field: "seatCode", code: "UNKNOWN" })] });
    expect((await gateway.db.dataSource.query(`SELECT count(*)::int AS n FROM qa_call WHERE call_id = 'GW-bad'`))[0].n).toBe(0);
    // Staff cannot report calls.
    const staff = await gateway.gql(REPORT, { input: { ...input, callId: "GW-op" } }, cookies.operator);
    expect(staff.errors![0]!.extensions!.code).toBe("FORBIDDEN");
  });

  it("serves recordings through the gateway only to inspectors, the call-taker and their team lead; a lost recording is a clear 502", async () => {
    const [call] = await gateway.db.dataSource.query(`SELECT c.id, u.username FROM qa_call c JOIN platform_user u ON u.id = c.call_taker_id WHERE c.recording_file_id IS NOT NULL AND u.username = 'operator' LIMIT 1`);
    type ErrorBody = { error: { code: string; message: string } };
    const errorOf = async (response: Response) => ((await response.json()) as ErrorBody).error;
    const get = (id: string, user?: string, headers: Record<string, string> = {}) =>
      fetch(`${gateway.url}/qa/recordings/${id}`, { headers: { ...(user ? { cookie: cookies[user]! } : {}), ...headers } });
    for (const user of ["qa", "operator", "teamlead"]) {
      const response = await get(call.id, user);
      expect(response.status, user).toBe(200);
      expect(response.headers.get("content-type")).toBe("audio/wav");
      expect(response.headers.get("cache-control")).toContain("no-store");
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(44);
    }
    const partial = await get(call.id, "qa", { range: "bytes=0-3" });
    expect(partial.status).toBe(206);
    expect(Buffer.from(await partial.arrayBuffer()).toString("ascii")).toBe("RIFF");
    // Colleagues: not found (as if it did not exist); roles that never hear recordings: forbidden.
    for (const user of ["operator2", "operator3"]) {
      const response = await get(call.id, user);
      expect(response.status, user).toBe(404);
      expect((await errorOf(response)).code).toBe("QA/RECORDING_NOT_FOUND");
    }
    for (const user of ["supervisor", "leader", "admin", "dispatcher"]) {
      const response = await get(call.id, user);
      expect(response.status, user).toBe(403);
      expect((await errorOf(response)).code).toBe("FORBIDDEN");
    }
    expect((await get(call.id)).status).toBe(401);
    expect((await get("00000000-0000-4000-8000-000000000000", "qa")).status).toBe(404);
    // Fetched from the telephony system's URL…
    const [fetched] = await gateway.db.dataSource.query(`SELECT id FROM qa_call WHERE call_id = 'GW-1'`);
    const ok = await get(fetched.id, "qa");
    expect(ok.status).toBe(200);
    expect(Buffer.from(await ok.arrayBuffer()).toString("ascii")).toContain("fake audio");
    // …and a recording the telephony system no longer has, or cannot serve.
    await gateway.db.dataSource.query(`UPDATE qa_call SET recording_url = $1 WHERE call_id = 'GW-1'`, [`${telephonyUrl}/rec/lost.wav`]);
    const lost = await get(fetched.id, "qa");
    expect(lost.status).toBe(502);
    const body = await errorOf(lost);
    expect(body.code).toBe("QA/RECORDING_UNAVAILABLE");
    expect(body.message).toContain("HTTP 404");
    const [unreachable] = await gateway.db.dataSource.query(`SELECT id FROM qa_call WHERE recording_url LIKE 'http://127.0.0.1:9/%'`);
    const refused = await get(unreachable.id, "qa");
    expect(refused.status).toBe(502);
    expect((await errorOf(refused)).message).toContain("cannot be reached");
  });

  it("shows the inspection queue to inspectors (all) and team leads (their members), masking callers' numbers", async () => {
    type Queue = { qaInspectionQueue: { total: number; items: Array<{ callTaker: { displayName: string }; call: { callerNumber: string; recordingUrl: string | null } }> } };
    const all = await gateway.gql<Queue>(QUEUE, { limit: 200 }, cookies.qa);
    expect(all.errors).toBeUndefined();
    const names = new Set(all.data!.qaInspectionQueue.items.map((item) => item.callTaker.displayName));
    expect(names).toEqual(new Set(["王敏 (Operator)", "李娜 (Operator)", "周磊 (Team lead)", "张伟 (Operator)"]));
    expect(all.data!.qaInspectionQueue.items.every((item) => /\*{4}/.test(item.call.callerNumber))).toBe(true);
    const lead = await gateway.gql<Queue>(QUEUE, { limit: 200 }, cookies.teamlead);
    expect(new Set(lead.data!.qaInspectionQueue.items.map((item) => item.callTaker.displayName))).toEqual(new Set(["王敏 (Operator)", "李娜 (Operator)"]));
    for (const user of ["operator", "supervisor", "leader", "admin"]) {
      const refused = await gateway.gql(QUEUE, { limit: 5 }, cookies[user]);
      expect(refused.errors?.[0]?.extensions?.code, user).toBe("FORBIDDEN");
    }
  });

  it("lets a call-taker see and flag only their own calls; a colleague's call is not found", async () => {
    type Calls = { qaCalls: { total: number; items: Array<{ id: string; callTaker: { displayName: string } }> } };
    const calls = `query { qaCalls(limit: 200) { total items { id callTaker { displayName } } } }`;
    const own = await gateway.gql<Calls>(calls, {}, cookies.operator);
    expect(own.data!.qaCalls.total).toBeGreaterThan(0);
    expect(new Set(own.data!.qaCalls.items.map((item) => item.callTaker.displayName))).toEqual(new Set(["王敏 (Operator)"]));
    const colleague = (await gateway.gql<Calls>(calls, {}, cookies.operator2)).data!.qaCalls.items[0]!;
    const peek = await gateway.gql(`query($id: ID!) { qaCall(id: $id) { id } }`, { id: colleague.id }, cookies.operator);
    expect(peek.errors![0]!.extensions!.code).toBe("QA/CALL_NOT_FOUND");
    const flag = `mutation($id: ID!, $reason: String!) { flagCallForReview(id: $id, reason: $reason) { id flagged flagReason } }`;
    expect((await gateway.gql(flag, { id: colleague.id, reason: "请复核" }, cookies.operator)).errors![0]!.extensions!.code).toBe("QA/CALL_NOT_FOUND");
    const mine = own.data!.qaCalls.items.find((item) => item.id)!;
    const flagged = await gateway.gql<{ flagCallForReview: { flagged: boolean } }>(flag, { id: mine.id, reason: "来电人对答复有疑问" }, cookies.operator);
    expect(flagged.errors).toBeUndefined();
    expect(flagged.data!.flagCallForReview.flagged).toBe(true);
    expect((await gateway.gql(flag, { id: mine.id, reason: "再次" }, cookies.operator)).errors![0]!.extensions!.code).toBe("QA/ALREADY_FLAGGED");
    // The team lead sees the member's calls; supervisors see no individual calls.
    expect((await gateway.gql<Calls>(calls, {}, cookies.teamlead)).data!.qaCalls.total).toBeGreaterThan(own.data!.qaCalls.total);
    for (const user of ["supervisor", "leader", "admin", "dispatcher"]) {
      expect((await gateway.gql<Calls>(calls, {}, cookies[user])).errors?.[0]?.extensions?.code, user).toBe("FORBIDDEN");
    }
    expect((await gateway.gql(flag, { id: mine.id, reason: "请复核这通电话" }, cookies.qa)).errors![0]!.extensions!.code).toBe("FORBIDDEN");
  });

  it("lets the team lead roster their members (shared seat, no overlaps) and nobody else's", async () => {
    const week = await gateway.gql<{ qaRosterWeek: { teamId: string; people: Array<{ id: string; displayName: string }>; shifts: unknown[] } }>(
      `query($w: String!) { qaRosterWeek(weekStart: $w) { teamId people { id displayName } shifts { id seatCode callTaker { displayName } startsAt endsAt } } }`,
      { w: mondayOf(new Date()) },
      cookies.teamlead,
    );
    expect(week.errors).toBeUndefined();
    expect(week.data!.qaRosterWeek.people.map((person) => person.displayName).sort()).toEqual(["周磊 (Team lead)", "李娜 (Operator)", "王敏 (Operator)"].sort());
    expect(week.data!.qaRosterWeek.shifts.length).toBeGreaterThan(0);
    const operator2 = week.data!.qaRosterWeek.people.find((person) => person.displayName.startsWith("李娜"))!;
    const save = `mutation($input: QaShiftInput!) { saveQaShift(input: $input) { id seatCode callTaker { displayName } } }`;
    const future = (days: number, hour: number) => new Date(Date.UTC(2027, 0, 10 + days, hour - 8)).toISOString();
    const ok = await gateway.gql(save, { input: { seatCode: "A05", callTakerId: operator2.id, startsAt: future(0, 8), endsAt: future(0, 16) } }, cookies.teamlead);
    expect(ok.errors).toBeUndefined();
    const overlap = await gateway.gql(save, { input: { seatCode: "A05", callTakerId: operator2.id, startsAt: future(0, 12), endsAt: future(0, 20) } }, cookies.teamlead);
    expect(overlap.errors![0]!.extensions!.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: "seatCode", code: "OVERLAP" })]));
    const unknownSeat = await gateway.gql(save, { input: { seatCode: "Z99", callTakerId: operator2.id, startsAt: future(1, 8), endsAt: future(1, 16) } }, cookies.teamlead);
    expect(unknownSeat.errors![0]!.extensions!.fields).toEqual([expect.objectContaining({ field: "seatCode", code: "UNKNOWN" })]);
    const backwards = await gateway.gql(save, { input: { seatCode: "A05", callTakerId: operator2.id, startsAt: future(2, 16), endsAt: future(2, 8) } }, cookies.teamlead);
    expect(backwards.errors![0]!.extensions!.fields).toEqual([expect.objectContaining({ field: "endsAt", code: "BEFORE_START" })]);
    expect((await gateway.gql(save, { input: { seatCode: "A06", callTakerId: operator2.id, startsAt: future(3, 8), endsAt: future(3, 16) } }, cookies.operator3)).errors![0]!.extensions!.code).toBe("FORBIDDEN");
    expect((await gateway.gql(save, { input: { seatCode: "A06", callTakerId: operator2.id, startsAt: future(3, 8), endsAt: future(3, 16) } }, cookies.operator)).errors![0]!.extensions!.code).toBe("FORBIDDEN");
  });
});

function mondayOf(date: Date): string {
  const day = date.toLocaleDateString("en-CA", { timeZone: "Asia/Shanghai" });
  const utc = new Date(`${day}T00:00:00Z`);
  return new Date(utc.getTime() - ((utc.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
}
