import { Channel, RequestType, submitRequest } from "@civicline/intake";
import { Role, type Actor } from "@civicline/platform";
import { Unit, dispatchTicket, signFor } from "@civicline/routing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../harness.js";
import { VALID_UNUSUAL, expectRefused, fieldOf, postGraphQL, textCases, type TextCase } from "./kit.js";

// The bad-input suite for the workbench (dispatchTicket, replyToTicket, returnTicket) and callback
// recording (recordCallbackAttempt, recordMissedCallReturn, reportMissedCall). A refusal leaves the
// assignment, task or missed call exactly as it was; valid unusual text reads back exactly.

const API_KEY = "cl_demo_integrator_0123456789abcdef";
const MISSING = "00000000-0000-4000-8000-000000000000";
const WRONG_IDS: Array<[string, unknown]> = [
  ["no UUID", "not-a-uuid"],
  ["a number", 42],
  ["empty", ""],
  ["SQL", "1' OR '1'='1"],
  ["a NUL byte", "\u0000"],
  ["a UUID that does not exist", MISSING],
];
const VIEW = "query($t: ID!) { assignment(ticketId: $t) { state dispatchNote reply { text } returns { text } } }";

let gateway: TestGateway;
const cookies: Record<string, string> = {};
let edu: Unit;
let ids: { category: string; district: string };
const dispatcher: Actor = { kind: "staff", id: "00000000-0000-4000-8000-0000000000d1", name: "李强", roles: [Role.DISPATCHER], unitId: null };

beforeAll(async () => {
  gateway = await startTestGateway();
  for (const user of ["dispatcher", "handler", "callback", "admin"]) {
    cookies[user] = await gateway.login(user);
  }
  const db = gateway.db.dataSource;
  edu = await db.getRepository(Unit).findOneByOrFail({ code: "BUR-EDU" });
  const [category] = (await db.query("SELECT id FROM intake_category WHERE code = 'EDU.BULLYING'")) as Array<{ id: string }>;
  const [district] = (await db.query("SELECT id FROM intake_area WHERE name_zh = '张店区'")) as Array<{ id: string }>;
  ids = { category: category!.id, district: district!.id };
});
afterAll(() => gateway?.stop());

/** A new portal ticket, optionally dispatched to the Education Bureau and signed for (through the services). */
async function ticket(stage: "received" | "dispatched" | "signed"): Promise<{ id: string; version: number }> {
  const db = gateway.db.dataSource;
  const created = await submitRequest({
    db,
    cityPrefix: "ZB",
    actor: null,
    channel: Channel.PORTAL,
    input: { requestType: RequestType.COMPLAINT, categoryId: ids.category, description: "孩子在学校被同学欺负，希望学校处理。", districtId: ids.district, address: "张店区共青团西路", citizenName: "王先生", phone: "13812345678" },
  });
  if (stage !== "received") {
    await dispatchTicket(db, { actor: dispatcher, request: { ticketId: created.id, version: created.version, leadUnitId: edu.id } });
  }
  if (stage === "signed") {
    const handler: Actor = { kind: "staff", id: "00000000-0000-4000-8000-0000000000e1", name: "周老师", roles: [Role.HANDLER], unitId: edu.id };
    await signFor(db, { actor: handler, ticketId: created.id });
  }
  return { id: created.id, version: created.version };
}

/** The assignment as the dispatcher sees it, or the error code when there is none. */
async function view(ticketId: string): Promise<unknown> {
  const response = await gateway.gql<{ assignment: unknown }>(VIEW, { t: ticketId }, cookies.dispatcher);
  return response.data?.assignment ?? response.errors?.[0]?.extensions?.code;
}

type Action = { user: string; query: string; stage: "received" | "signed"; variables: (ticketId: string, version: number, text: string) => Record<string, unknown>; read: (assignment: Record<string, unknown>) => unknown };
const ACTIONS: Record<string, Action & { field: string; limits: Parameters<typeof textCases>[0] }> = {
  dispatchTicket: {
    user: "dispatcher",
    stage: "received",
    query: "mutation($i: DispatchInput!) { dispatchTicket(input: $i) { id } }",
    variables: (ticketId, version, text) => ({ i: { ticketId, version, leadUnitId: edu.id, note: text } }),
    read: (a) => a.dispatchNote,
    field: "note",
    limits: { max: 2000, required: false, kind: "text", valid: "请尽快处理" },
  },
  replyToTicket: {
    user: "handler",
    stage: "signed",
    query: "mutation($t: ID!, $i: ReplyInput!) { replyToTicket(ticketId: $t, input: $i) { id } }",
    variables: (ticketId, _version, text) => ({ t: ticketId, i: { outcome: "RESOLVED", text } }),
    read: (a) => (a.reply as { text: string } | null)?.text,
    field: "text",
    limits: { max: 4000, min: 4, required: true, kind: "text", valid: "已经处理完毕" },
  },
  returnTicket: {
    user: "handler",
    stage: "signed",
    query: "mutation($t: ID!, $text: String!) { returnTicket(ticketId: $t, reason: WRONG_LOCATION, text: $text) { id } }",
    variables: (ticketId, _version, text) => ({ t: ticketId, text }),
    read: (a) => (a.returns as Array<{ text: string }>)[0]?.text,
    field: "text",
    limits: { max: 1000, min: 4, required: true, kind: "text", valid: "不属于本单位" },
  },
};

describe.each(Object.entries(ACTIONS))("%s", (name, action) => {
  let target: { id: string; version: number };
  beforeAll(async () => {
    target = await ticket(action.stage);
  });

  const table = textCases(action.limits).map((c): [string, TextCase] => [c.label, c]);
  // Each stored case works on a ticket of its own: they run concurrently.
  it.concurrent.each(table.filter(([, c]) => c.expect === "stored"))("text stored exactly: %s", async (_label, c) => {
    if (c.expect === "stored") {
      const fresh = await ticket(action.stage);
      const response = await postGraphQL(gateway, action.query, action.variables(fresh.id, fresh.version, c.value), { cookie: cookies[action.user]! });
      expect(response.errors).toBeUndefined();
      expect(action.read((await view(fresh.id)) as Record<string, unknown>)).toBe(c.value);
    }
  });

  it.concurrent.each(table.filter(([, c]) => c.expect !== "stored"))("text refused: %s", async (_label, c) => {
    if (c.expect === "stored") {
      return;
    }
    const before = await view(target.id);
    expectRefused(await postGraphQL(gateway, action.query, action.variables(target.id, target.version, c.value), { cookie: cookies[action.user]! }), c.expect.code, fieldOf(action.field, c.expect));
    expect(await view(target.id)).toEqual(before);
  });

  it.concurrent.each(WRONG_IDS)("a ticket id that is %s: a coded refusal", async (_label, id) => {
    const before = await view(target.id);
    const response = await postGraphQL(gateway, action.query, action.variables(id as string, 1, "文字说明足够长"), { cookie: cookies[action.user]! });
    const code = response.errors?.[0]?.extensions?.code ?? "";
    expect(code).toMatch(/^(BAD_USER_INPUT|INTAKE\/TICKET_NOT_FOUND|ROUTING\/ASSIGNMENT_NOT_FOUND)$/);
    expectRefused(response, code);
    expect(await view(target.id)).toEqual(before);
  });
});

describe("dispatchTicket, replyToTicket and returnTicket: enums and numbers", () => {
  it.each<[string, Record<string, unknown>, string]>([
    ["a negative version", { version: -1 }, "CONFLICT"],
    ["a version over 32 bits", { version: 2 ** 31 }, "BAD_USER_INPUT"],
    ["a fractional version", { version: 1.5 }, "BAD_USER_INPUT"],
    ["a lead unit id that is no UUID", { leadUnitId: "x" }, "BAD_USER_INPUT"],
    ["a lead unit that does not exist", { leadUnitId: MISSING }, "ROUTING/UNIT_NOT_FOUND"],
    ["six assisting units", { assistingUnitIds: "@six" }, "BAD_USER_INPUT"],
  ])("dispatchTicket refuses %s", async (_label, given, code) => {
    const target = await ticket("received");
    const six = (await gateway.db.dataSource.query("SELECT id FROM routing_unit WHERE id <> $1 ORDER BY code LIMIT 6", [edu.id])) as Array<{ id: string }>;
    const overrides = given.assistingUnitIds === "@six" ? { assistingUnitIds: six.map((unit) => unit.id) } : given;
    const response = await postGraphQL(gateway, ACTIONS.dispatchTicket!.query, { i: { ticketId: target.id, version: target.version, leadUnitId: edu.id, ...overrides } }, { cookie: cookies.dispatcher! });
    expectRefused(response, code);
    expect(await view(target.id)).toBe("ROUTING/ASSIGNMENT_NOT_FOUND");
  });

  it("refuses an unknown reply outcome and an unknown return reason", async () => {
    const target = await ticket("signed");
    const before = await view(target.id);
    expectRefused(await postGraphQL(gateway, ACTIONS.replyToTicket!.query, { t: target.id, i: { outcome: "FIXED", text: "已经处理完毕" } }, { cookie: cookies.handler! }), "BAD_USER_INPUT");
    expectRefused(await postGraphQL(gateway, "mutation($t: ID!, $r: ReturnReason!) { returnTicket(ticketId: $t, reason: $r, text: \"不属于本单位\") { id } }", { t: target.id, r: "LAZY" }, { cookie: cookies.handler! }), "BAD_USER_INPUT");
    expect(await view(target.id)).toEqual(before);
  });
});

describe("callback recording", () => {
  const RECORD = "mutation($i: CallbackAttemptInput!) { recordCallbackAttempt(input: $i) { id attemptCount state } }";
  const RETURN = "mutation($i: MissedCallReturnInput!) { recordMissedCallReturn(input: $i) { id state } }";
  const REPORT = "mutation($i: MissedCallInput!) { reportMissedCall(input: $i) { id } }";
  let taskId: string;
  let missedId: string;

  async function taskState(): Promise<unknown> {
    return (await gateway.db.dataSource.query("SELECT t.state, t.claimed_by_id, (SELECT count(*)::int FROM callback_attempt a WHERE a.task_id = t.id) AS attempts FROM callback_task t WHERE t.id = $1", [taskId]))[0];
  }
  async function missedState(): Promise<unknown> {
    return (await gateway.db.dataSource.query("SELECT m.state, (SELECT count(*)::int FROM callback_missed_call_attempt a WHERE a.missed_call_id = m.id) AS attempts FROM callback_missed_call m WHERE m.id = $1", [missedId]))[0];
  }

  beforeAll(async () => {
    const queue = await gateway.gql<{ callbackQueue: { items: Array<{ id: string; state: string }> }; missedCalls: { items: Array<{ id: string; state: string }> } }>(
      "{ callbackQueue(limit: 50) { items { id state } } missedCalls(limit: 50) { items { id state } } }",
      undefined,
      cookies.callback,
    );
    taskId = queue.data!.callbackQueue.items.find((task) => task.state === "OPEN")!.id;
    missedId = queue.data!.missedCalls.items.find((call) => call.state === "OPEN")!.id;
  });

  it.each([
    ...textCases({ max: 1000, required: false, kind: "text", valid: "未接通" })
      .filter((c) => c.expect !== "stored")
      .map((c): [string, Record<string, unknown>, string, string?] => [`a note: ${c.label}`, { note: c.value }, (c.expect as { code: string }).code, fieldOf("note", c.expect)?.code]),
    ["an unknown outcome", { outcome: "MAYBE" }, "BAD_USER_INPUT"],
    ["REACHED without answers", { outcome: "REACHED" }, "BAD_USER_INPUT"],
    ["an unknown satisfaction", { outcome: "REACHED", answers: { processSatisfaction: "ECSTATIC" } }, "BAD_USER_INPUT"],
    ["a NUL in the answers' comment", { outcome: "REACHED", answers: { processSatisfaction: "SATISFIED", comment: "好\u0000" } }, "BAD_USER_INPUT", "INVALID_CHARACTERS"],
    ...WRONG_IDS.map(([label, id]): [string, Record<string, unknown>, string] => [`a task id that is ${label}`, { taskId: id }, id === MISSING ? "CALLBACK/TASK_NOT_FOUND" : "BAD_USER_INPUT"]),
  ])("recordCallbackAttempt refuses %s and records nothing", async (_label, overrides, code, fieldCode) => {
    const before = await taskState();
    const response = await postGraphQL(gateway, RECORD, { i: { taskId, outcome: "NOT_REACHED", ...overrides } }, { cookie: cookies.callback! });
    expectRefused(response, code, fieldCode ? { code: fieldCode } : undefined);
    expect(await taskState()).toEqual(before);
  });

  it.each([
    ["a note with a NUL byte", { note: "未接\u0000" }, "BAD_USER_INPUT"],
    ["a note just over 1,000 characters", { note: "字".repeat(1001) }, "BAD_USER_INPUT"],
    ["a tracking number with LIKE wildcards", { reached: true, ticketTrackingNumber: "ZB-%" }, "BAD_USER_INPUT"],
    ["a tracking number with SQL", { reached: true, ticketTrackingNumber: "' OR 1=1 --" }, "BAD_USER_INPUT"],
    ...WRONG_IDS.map(([label, id]): [string, Record<string, unknown>, string] => [`an id that is ${label}`, { id }, id === MISSING ? "CALLBACK/MISSED_CALL_NOT_FOUND" : "BAD_USER_INPUT"]),
  ])("recordMissedCallReturn refuses %s and records nothing", async (_label, overrides, code) => {
    const before = await missedState();
    expectRefused(await postGraphQL(gateway, RETURN, { i: { id: missedId, reached: false, ...overrides } }, { cookie: cookies.callback! }), code);
    expect(await missedState()).toEqual(before);
  });

  it.each([
    ["an impossible date", { abandonedAt: "2026-02-30T10:00:00Z" }],
    ["a date that is no date", { abandonedAt: "yesterday" }],
    ["an empty date", { abandonedAt: "" }],
    ["a negative wait", { waitedSeconds: -5 }],
    ["a wait over 32 bits", { waitedSeconds: 2 ** 31 }],
    ["a caller number with a NUL byte", { callerNumber: "138\u00001234" }],
    ["an empty call id", { callId: "" }],
  ])("reportMissedCall refuses %s and stores nothing", async (_label, overrides) => {
    const [before] = (await gateway.db.dataSource.query("SELECT count(*)::int AS n FROM callback_missed_call")) as Array<{ n: number }>;
    const input = { callId: `bad-input-${Math.random()}`, callerNumber: "13812345678", abandonedAt: "2026-12-01T09:00:00Z", waitedSeconds: 30, ...overrides };
    expectRefused(await postGraphQL(gateway, REPORT, { i: input }, { "x-api-key": API_KEY }), "BAD_USER_INPUT");
    expect(await gateway.db.dataSource.query("SELECT count(*)::int AS n FROM callback_missed_call")).toEqual([before]);
  });

  it("keeps emoji, metacharacters and a right-to-left override in an agent's note exactly", async () => {
    const note = `${VALID_UNUSUAL.emoji} ${VALID_UNUSUAL.sql} ${VALID_UNUSUAL.like} ${VALID_UNUSUAL.tsquery} \u202Eمرحبا`;
    const response = await postGraphQL(gateway, RECORD, { i: { taskId, outcome: "NOT_REACHED", note } }, { cookie: cookies.callback! });
    expect(response.errors).toBeUndefined();
    const [attempt] = (await gateway.db.dataSource.query("SELECT note FROM callback_attempt WHERE task_id = $1 ORDER BY at DESC LIMIT 1", [taskId])) as Array<{ note: string }>;
    expect(attempt!.note).toBe(note);
  });
});

describe("over the WebSocket", () => {
  it.each([
    ["a NUL byte", "已处理\u0000完毕"],
    ["a lone surrogate", "已处理\ud800完毕"],
  ])("refuses %s in a mutation's variables as over HTTP, and the ticket stays as it was", async (_label, text) => {
    const target = await ticket("signed");
    const before = await view(target.id);
    const client = gateway.wsClient(cookies.handler);
    try {
      const result = await new Promise<{ errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }>((resolve) => {
        client.subscribe(
          { query: ACTIONS.replyToTicket!.query, variables: { t: target.id, i: { outcome: "RESOLVED", text } } },
          { next: (value) => resolve(value as never), error: (errors) => resolve({ errors: errors as never }), complete: () => undefined },
        );
      });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "text", code: "INVALID_CHARACTERS" }] });
    } finally {
      await client.dispose();
    }
    expect(await view(target.id)).toEqual(before);
  });
});
