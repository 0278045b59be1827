import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trackAsCitizen } from "./citizen.js";
import { startTestGateway, type GraphQLResponse, type TestGateway } from "./harness.js";

const API_KEY = "cl_demo_integrator_0123456789abcdef";
const TICKET_FIELDS = `id trackingNumber status urgency version privacy title description citizenName citizenPhone citizenEmail citizenIdNumber callId
  extraFields { key value } attachments { id filename contentType size url } answeredArticleIds directAnswer
  links { kind ticket { id trackingNumber status } } coReporters { name phone addedAt }
  emergencyHandoffs { service reference handedOffAt handedOffBy checklist } history { kind fromStatus toStatus actorName reason }`;
const LOG_CALL = `mutation($input: LogCallInput!) { logCall(input: $input) { ${TICKET_FIELDS} } }`;

type TicketView = {
  id: string;
  trackingNumber: string;
  status: string;
  urgency: string;
  version: number;
  privacy: string;
  description: string;
  citizenName: string;
  citizenPhone: string;
  citizenEmail: string | null;
  citizenIdNumber: string | null;
  extraFields: Array<{ key: string; value: string }>;
  attachments: Array<{ id: string; filename: string; contentType: string; size: number; url: string }>;
  links: Array<{ kind: string; ticket: { id: string; trackingNumber: string; status: string } }>;
  coReporters: Array<{ name: string; phone: string }>;
  emergencyHandoffs: Array<{ service: string; reference: string; handedOffBy: string; checklist: string[] }>;
  history: Array<{ kind: string; fromStatus: string | null; toStatus: string; actorName: string; reason: string | null }>;
  answeredArticleIds: string[];
  directAnswer: string | null;
};

let gateway: TestGateway;
let operator: string;
let ids: { housing: string; noise: string; zhangdian: string; township: string };

beforeAll(async () => {
  gateway = await startTestGateway();
  operator = await gateway.login("operator");
  const catalog = await gateway.gql<{ categories: Array<{ id: string; code: string }>; areas: Array<{ id: string; nameZh: string }> }>("{ categories { id code } areas { id nameZh } }");
  const zhangdian = catalog.data!.areas.find((a) => a.nameZh === "张店区")!.id;
  const townships = await gateway.gql<{ areas: Array<{ id: string }> }>("query($p: ID) { areas(parentId: $p) { id } }", { p: zhangdian });
  ids = {
    housing: catalog.data!.categories.find((c) => c.code === "HOUSING.PROPERTY_SERVICE")!.id,
    noise: catalog.data!.categories.find((c) => c.code === "URBAN.NOISE")!.id,
    zhangdian,
    township: townships.data!.areas[0]!.id,
  };
});
afterAll(() => gateway?.stop());

function call(overrides: Record<string, unknown> = {}) {
  return {
    requestType: "COMPLAINT",
    categoryId: ids.noise,
    description: "楼下烧烤店每晚营业到凌晨两点，噪音和油烟扰民。",
    districtId: ids.zhangdian,
    townshipId: ids.township,
    address: "张店区共青团西路 88 号",
    citizenName: "王先生",
    phone: "13812345678",
    ...overrides,
  };
}

async function logCall(overrides: Record<string, unknown> = {}, cookie = operator): Promise<GraphQLResponse<{ logCall: TicketView }>> {
  return gateway.gql<{ logCall: TicketView }>(LOG_CALL, { input: call(overrides) }, cookie);
}

async function logged(overrides: Record<string, unknown> = {}): Promise<TicketView> {
  const response = await logCall(overrides);
  expect(response.errors).toBeUndefined();
  return response.data!.logCall;
}

function post(body: string, headers: Record<string, string> = {}) {
  return fetch(`${gateway.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
}

async function upload(filename: string, contentType: string, data: Buffer, cookie = operator): Promise<string> {
  const response = await fetch(`${gateway.url}/uploads`, { method: "POST", headers: { cookie, "content-type": contentType, "x-filename": encodeURIComponent(filename) }, body: data });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201ffa5e1d80000000049454e44ae426082", "hex");

describe("logCall over HTTP", () => {
  it("logs a call with extra fields, an attachment and identity details, and returns them as the operator may see them", async () => {
    const photo = await upload("楼道照片.png", "image/png", PNG);
    const ticket = await logged({
      categoryId: ids.housing,
      extraFields: [{ key: "estateName", value: "锦华小区" }],
      attachmentIds: [photo],
      citizenEmail: "wang@example.com",
      citizenIdNumber: "11010519491231002X",
      callId: "cti-42",
      title: "电梯长期故障",
      description: "小区3号楼电梯停运两周，老人上下楼困难。🛗",
    });
    expect(ticket).toMatchObject({
      status: "RECEIVED",
      urgency: "NORMAL",
      privacy: "NONE",
      citizenPhone: "13812345678",
      citizenEmail: "wang@example.com",
      citizenIdNumber: "1101**********002X",
      extraFields: [{ key: "estateName", value: "锦华小区" }],
      attachments: [{ id: photo, filename: "楼道照片.png", contentType: "image/png", size: PNG.length, url: `/files/${photo}` }],
      description: "小区3号楼电梯停运两周，老人上下楼困难。🛗",
      history: [{ kind: "STATUS", fromStatus: null, toStatus: "RECEIVED", actorName: "王敏 (Operator)", reason: null }],
    });
    const supervisor = await gateway.login("supervisor");
    const seen = await gateway.gql<{ ticket: TicketView }>(`query($id: ID!) { ticket(id: $id) { citizenPhone citizenEmail citizenIdNumber } }`, { id: ticket.id }, supervisor);
    expect(seen.data!.ticket).toEqual({ citizenPhone: "138****5678", citizenEmail: "w***@example.com", citizenIdNumber: "1101**********002X" });
  });

  it("returns emoji and mixed scripts exactly as sent", async () => {
    const description = "噪音🎵太大！Straße Ελλάδα 𠮷野家 👨‍👩‍👧 مرحبا";
    const ticket = await logged({ description, citizenName: "Zoë 欧阳" });
    const read = await gateway.gql<{ ticket: TicketView }>(`query($id: ID!) { ticket(id: $id) { description citizenName } }`, { id: ticket.id }, operator);
    expect(read.data!.ticket).toEqual({ description, citizenName: "Zoë 欧阳" });
  });

  it("refuses a 10 MB body before GraphQL with 413 PAYLOAD_TOO_LARGE", async () => {
    const response = await post(JSON.stringify({ query: LOG_CALL, variables: { input: call({ description: "噪".repeat(10 * 1024 * 1024) }) } }), { cookie: operator });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
  });

  it.each<[string, Record<string, unknown>, string, string, string]>([
    ["a 100 kB description", { description: "噪".repeat(100_000) }, "BAD_USER_INPUT", "description", "TOO_LONG"],
    ["an invalid phone", { phone: "12345" }, "BAD_USER_INPUT", "phone", "INVALID_FORMAT"],
    ["an unknown category", { categoryId: "00000000-0000-4000-8000-000000000000" }, "INTAKE/UNKNOWN_CATEGORY", "categoryId", "UNKNOWN"],
    ["a housing call without the estate", { categoryId: "@housing" }, "INTAKE/MISSING_EXTRA_FIELD", "extraFields.estateName", "REQUIRED"],
    ["a NUL byte in the address", { address: "共青团西路\u000088号" }, "BAD_USER_INPUT", "address", "INVALID_CHARACTERS"],
    ["a NUL byte in the name", { citizenName: "王\u0000" }, "BAD_USER_INPUT", "citizenName", "INVALID_CHARACTERS"],
    ["a NUL byte in the e-mail", { citizenEmail: "a\u0000@b.cn" }, "BAD_USER_INPUT", "citizenEmail", "INVALID_CHARACTERS"],
    ["a NUL byte in the idempotency key", { clientRequestId: "k\u0000" }, "BAD_USER_INPUT", "clientRequestId", "INVALID_CHARACTERS"],
  ])("refuses %s with a field error and writes nothing", async (_label, overrides, code, field, fieldCode) => {
    const [before] = await gateway.db.dataSource.query("SELECT count(*)::int AS n FROM intake_ticket");
    const response = await logCall(overrides.categoryId === "@housing" ? { ...overrides, categoryId: ids.housing } : overrides);
    // null when the domain refused it; absent when the gateway refused a NUL before execution (input-text.ts)
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions?.code).toBe(code);
    expect(response.errors?.[0]?.extensions?.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field, code: fieldCode })]));
    expect(await gateway.db.dataSource.query("SELECT count(*)::int AS n FROM intake_ticket")).toEqual([before]);
  });

  it.each([
    ["the description", { description: "噪音\ud800扰民严重" }],
    ["the title", { title: "\udfff" }],
    ["the name, written as a JSON escape", { citizenName: "\ud800王" }],
  ])("refuses a lone surrogate in %s as text that is not valid UTF-8 (400), and writes nothing", async (_label, overrides) => {
    const [before] = await gateway.db.dataSource.query("SELECT count(*)::int AS n FROM intake_ticket");
    const response = await post(JSON.stringify({ query: LOG_CALL, variables: { input: call(overrides) } }), { cookie: operator });
    expect(response.status).toBe(400);
    const json = (await response.json()) as GraphQLResponse;
    expect(json.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_UTF8" });
    expect(json.errors?.[0]?.message).toMatch(/not valid UTF-8/);
    expect(await gateway.db.dataSource.query("SELECT count(*)::int AS n FROM intake_ticket")).toEqual([before]);
  });

  it.each([
    ["an .exe disguised as image/png", "photo.png", "image/png", Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200)]), "UNSUPPORTED_TYPE"],
    ["HTML disguised as image/png", "photo.png", "image/png", Buffer.from("<!doctype html><script>alert(1)</script>"), "UNSUPPORTED_TYPE"],
    ["an 11 MB image", "big.png", "image/png", Buffer.concat([PNG, Buffer.alloc(11 * 1024 * 1024)]), "TOO_LARGE"],
  ])("refuses an attachment: %s", async (_label, filename, contentType, data, fieldCode) => {
    const id = await upload(filename, contentType, data);
    const response = await logCall({ attachmentIds: [id] });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "INTAKE/ATTACHMENT_REJECTED", fields: [{ field: "attachmentIds", code: fieldCode }] });
  });

  it("returns the first ticket when a call is retried with the same clientRequestId", async () => {
    const first = await logged({ clientRequestId: "ui-form-7f3a" });
    const retry = await logged({ clientRequestId: "ui-form-7f3a" });
    expect(retry.id).toBe(first.id);
    expect(retry.trackingNumber).toBe(first.trackingNumber);
  });

  it("lets a telephony/API client log with channel API via X-Api-Key, and refuses PHONE for it", async () => {
    const api = (input: Record<string, unknown>) =>
      post(JSON.stringify({ query: `mutation($input: LogCallInput!) { logCall(input: $input) { id trackingNumber citizenPhone } }`, variables: { input } }), { "x-api-key": API_KEY });
    const refused = (await (await api(call())).json()) as GraphQLResponse;
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "channel" }] });
    const accepted = (await (await api(call({ channel: "API" }))).json()) as GraphQLResponse<{ logCall: { citizenPhone: string } }>;
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.logCall.citizenPhone).toBe("138****5678");
    const anonymous = await gateway.gql(LOG_CALL, { input: call() });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("the call screen's other mutations over HTTP", () => {
  it("answers directly, sends to dispatch, links, and refuses a stale version with CONFLICT", async () => {
    const answered = await logged();
    const articleId = "0b7e6a4e-93d0-4e4a-9a52-6a1f0c1d2e3f";
    const closed = await gateway.gql<{ answerDirectly: TicketView }>(
      `mutation($t: ID!, $v: Int!, $a: [ID!]!, $text: String!) { answerDirectly(ticketId: $t, version: $v, articleIds: $a, answer: $text) { status version answeredArticleIds directAnswer } }`,
      { t: answered.id, v: answered.version, a: [articleId], text: "夜间施工噪音可拨打城管热线，已告知。" },
      operator,
    );
    expect(closed.data!.answerDirectly).toEqual({ status: "CLOSED_DIRECT", version: answered.version + 1, answeredArticleIds: [articleId], directAnswer: "夜间施工噪音可拨打城管热线，已告知。" });
    const [event] = await gateway.db.dataSource.query("SELECT payload FROM platform_outbox WHERE type = 'intake.ticket_answered_directly' AND payload->>'ticketId' = $1", [answered.id]);
    expect(event.payload).toEqual({ ticketId: answered.id, articleIds: [articleId] });

    const dispatched = await logged();
    const SEND = `mutation($t: ID!, $v: Int!, $n: String) { sendToDispatch(ticketId: $t, version: $v, note: $n) { status version } }`;
    expect((await gateway.gql<{ sendToDispatch: TicketView }>(SEND, { t: dispatched.id, v: dispatched.version, n: "需城管执法" }, operator)).data!.sendToDispatch.status).toBe("AWAITING_DISPATCH");
    const stale = await gateway.gql(SEND, { t: dispatched.id, v: dispatched.version, n: null }, operator);
    expect(stale.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const badNote = await gateway.gql(SEND, { t: dispatched.id, v: dispatched.version + 1, n: "\ud800" }, operator);
    expect(badNote.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_UTF8" });

    const linked = await gateway.gql<{ linkTickets: TicketView }>(
      `mutation($a: ID!, $b: ID!) { linkTickets(ticketId: $a, otherTicketId: $b, kind: RELATED) { links { kind ticket { id status } } } }`,
      { a: dispatched.id, b: answered.id },
      operator,
    );
    expect(linked.data!.linkTickets.links).toEqual([{ kind: "RELATED", ticket: { id: answered.id, status: "CLOSED_DIRECT" } }]);
  });

  it("merges a duplicate: co-reporter on the target for staff, nothing of it on the citizen's timeline", async () => {
    const target = await logged({ phone: "13611110001", citizenName: "第一位来电人" });
    const duplicate = await logged({ phone: "13611110002", citizenName: "第二位来电人" });
    const merged = await gateway.gql<{ mergeIntoTicket: TicketView }>(
      `mutation($t: ID!, $v: Int!, $into: ID!) { mergeIntoTicket(ticketId: $t, version: $v, intoTicketId: $into) { status links { kind ticket { id } } } }`,
      { t: duplicate.id, v: duplicate.version, into: target.id },
      operator,
    );
    expect(merged.data!.mergeIntoTicket).toEqual({ status: "MERGED", links: [{ kind: "MERGED_INTO", ticket: { id: target.id } }] });
    const READ = `query($id: ID!) { ticket(id: $id) { coReporters { name phone } history { kind reason } } }`;
    expect((await gateway.gql<{ ticket: TicketView }>(READ, { id: target.id }, operator)).data!.ticket.coReporters).toEqual([{ name: "第二位来电人", phone: "13611110002" }]);
    const supervisor = await gateway.login("supervisor");
    expect((await gateway.gql<{ ticket: TicketView }>(READ, { id: target.id }, supervisor)).data!.ticket.coReporters).toEqual([{ name: "第二位来电人", phone: "136****0002" }]);

    const TRACKED = "{ status timeline { status } }";
    const forTarget = await trackAsCitizen(gateway.url, target.trackingNumber, "13611110001", TRACKED);
    expect(forTarget.data).toEqual({ trackTicket: { status: "RECEIVED", timeline: [{ status: "RECEIVED" }] } });
    expect(JSON.stringify(forTarget)).not.toMatch(/第二位|13611110002|王敏/);
    const forDuplicate = await trackAsCitizen(gateway.url, duplicate.trackingNumber, "13611110002", TRACKED);
    expect(forDuplicate.data).toEqual({ trackTicket: { status: "MERGED", timeline: [{ status: "RECEIVED" }, { status: "MERGED" }] } });
    const again = await gateway.gql(`mutation($t: ID!, $into: ID!) { mergeIntoTicket(ticketId: $t, version: 2, intoTicketId: $into) { id } }`, { t: duplicate.id, into: target.id }, operator);
    expect(again.errors?.[0]?.extensions?.code).toBe("INTAKE/CANNOT_MERGE");
  });

  it("marks an emergency, records a 119 hand-off, and puts it first in every queue", async () => {
    await logged({ urgency: "URGENT" });
    const fire = await logged({ description: "化工厂东侧冒出大量黑烟，可见明火。", categoryId: ids.noise });
    const marked = await gateway.gql<{ markEmergency: TicketView }>(
      `mutation($t: ID!, $v: Int!) { markEmergency(ticketId: $t, version: $v) { urgency version history { kind reason } } }`,
      { t: fire.id, v: fire.version },
      operator,
    );
    expect(marked.data!.markEmergency).toMatchObject({ urgency: "EMERGENCY", version: fire.version + 1 });
    expect(marked.data!.markEmergency.history.at(-1)).toEqual({ kind: "URGENCY_CHANGED", reason: "marked as an emergency (was normal)" });
    const handoff = await gateway.gql<{ recordEmergencyHandoff: TicketView }>(
      `mutation($t: ID!, $input: EmergencyHandoffInput!) { recordEmergencyHandoff(ticketId: $t, input: $input) { emergencyHandoffs { service reference handedOffBy checklist } } }`,
      { t: fire.id, input: { service: "FIRE_119", reference: "119-0815", checklist: ["人员已撤离", "已告知勿靠近"] } },
      operator,
    );
    expect(handoff.data!.recordEmergencyHandoff.emergencyHandoffs).toEqual([{ service: "FIRE_119", reference: "119-0815", handedOffBy: "王敏 (Operator)", checklist: ["人员已撤离", "已告知勿靠近"] }]);
    const tracked = await trackAsCitizen(gateway.url, fire.trackingNumber, "13812345678", "{ timeline { status } }");
    expect(tracked.data).toEqual({ trackTicket: { timeline: [{ status: "RECEIVED" }] } });
    const rank = { EMERGENCY: 0, URGENT: 1, NORMAL: 2 } as Record<string, number>;
    for (const kind of ["RECEIVED", "MINE_TODAY", "EMERGENCIES"]) {
      const queue = await gateway.gql<{ ticketQueue: { items: Array<{ id: string; urgency: string }> } }>(
        `query($k: QueueKind) { ticketQueue(kind: $k, limit: 200) { items { id urgency } } }`,
        { k: kind },
        operator,
      );
      const items = queue.data!.ticketQueue.items;
      expect(items.map((t) => t.id), kind).toContain(fire.id);
      expect(items[0]!.urgency, kind).toBe("EMERGENCY");
      const ranks = items.map((t) => rank[t.urgency]!);
      expect(ranks, kind).toEqual([...ranks].sort((a, b) => a - b));
    }
  });

  it("makes a whistle-blowing report confidential (the centre still sees the caller) and keeps handlers out of intake tickets", async () => {
    const report = await logged({ requestType: "REPORT" });
    expect(report.privacy).toBe("CONFIDENTIAL");
    expect(report.citizenName).toBe("王先生");
    const handler = await gateway.login("handler");
    const denied = await gateway.gql(`query($id: ID!) { ticket(id: $id) { citizenName } }`, { id: report.id }, handler);
    expect(denied.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
