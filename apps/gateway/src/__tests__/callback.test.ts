import { Channel, RequestType, Ticket, submitRequest } from "@civicline/intake";
import { Role, type Actor } from "@civicline/platform";
import { ReplyOutcome, Unit, dispatchTicket, replyToTicket, signFor } from "@civicline/routing";
import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { citizenAccessToken } from "./citizen.js";
import { startTestGateway, type GraphQLResponse, type TestGateway } from "./harness.js";
import { subscribedOn } from "./subscriptions.js";

const API_KEY = "cl_demo_integrator_0123456789abcdef";
const TASK = `id kind state dueAt overdue readyToCall attemptCount maxTries claimedBy claimedByMe nextAttemptAt
  ticket { id trackingNumber status citizenPhone }
  reply { outcome text unitNameZh repliedAt } script { zh en }
  attempts { reached note agentName } survey { channel resolution resultSatisfaction reasonable } proposal { id state reasons }`;

type TaskView = {
  id: string;
  kind: string;
  state: string;
  overdue: boolean;
  attemptCount: number;
  maxTries: number;
  claimedByMe: boolean;
  nextAttemptAt: string | null;
  ticket: { id: string; trackingNumber: string; status: string; citizenPhone: string };
  reply: { outcome: string; text: string; unitNameZh: string } | null;
  script: { zh: string; en: string };
  attempts: Array<{ reached: boolean; note: string | null }>;
  survey: { channel: string; resolution: string } | null;
  proposal: { id: string; state: string; reasons: string[] } | null;
};

let gateway: TestGateway;
const cookies: Record<string, string> = {};
const clients: Client[] = [];
let eduBureau: Unit;

async function ok<T>(response: Promise<GraphQLResponse<T>>): Promise<T> {
  const result = await response;
  expect(result.errors).toBeUndefined();
  return result.data!;
}

async function code(response: Promise<GraphQLResponse>): Promise<string | undefined> {
  return (await response).errors?.[0]?.extensions?.code;
}

function asIntegrator<T>(query: string, variables: Record<string, unknown>): Promise<GraphQLResponse<T>> {
  return fetch(`${gateway.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": API_KEY },
    body: JSON.stringify({ query, variables }),
  }).then((response) => response.json() as Promise<GraphQLResponse<T>>);
}

beforeAll(async () => {
  gateway = await startTestGateway();
  for (const user of ["callback", "supervisor", "admin", "operator", "handler", "leader"]) {
    cookies[user] = await gateway.login(user);
  }
  eduBureau = await gateway.db.dataSource.getRepository(Unit).findOneByOrFail({ code: "BUR-EDU" });
});
afterAll(async () => {
  for (const client of clients) {
    await client.dispose();
  }
  await gateway?.stop();
});

/** A portal ticket dispatched to the Education Bureau, signed for and replied through the services. */
async function repliedTicket(phone: string): Promise<Ticket> {
  const db = gateway.db.dataSource;
  const [category] = await db.query("SELECT id FROM intake_category WHERE code = 'EDU.BULLYING'");
  const [district] = await db.query("SELECT id FROM intake_area WHERE name_zh = '张店区'");
  const ticket = await submitRequest({
    db,
    cityPrefix: "ZB",
    actor: null,
    channel: Channel.PORTAL,
    input: { requestType: RequestType.COMPLAINT, categoryId: category.id, description: "孩子在学校被同学欺负，希望学校处理。", districtId: district.id, address: "张店区共青团西路", citizenName: "王先生", phone },
  });
  const dispatcher: Actor = { kind: "staff", id: "00000000-0000-4000-8000-0000000000d1", name: "李强", roles: [Role.DISPATCHER], unitId: null };
  const handler: Actor = { kind: "staff", id: "00000000-0000-4000-8000-0000000000e1", name: "周老师", roles: [Role.HANDLER], unitId: eduBureau.id };
  await dispatchTicket(db, { actor: dispatcher, request: { ticketId: ticket.id, version: ticket.version, leadUnitId: eduBureau.id } });
  await signFor(db, { actor: handler, ticketId: ticket.id });
  await replyToTicket(db, { actor: handler, ticketId: ticket.id, reply: { outcome: ReplyOutcome.RESOLVED, text: "学校已约谈双方家长并加强课间巡查。" } });
  return ticket;
}

/** The task of a ticket in the callback queue, once the reply's event has been processed. */
async function taskFor(trackingNumber: string): Promise<TaskView> {
  let found: TaskView | undefined;
  await expect
    .poll(async () => {
      const data = await ok(gateway.gql<{ callbackQueue: { items: TaskView[] } }>(`query { callbackQueue(limit: 200) { items { ${TASK} } } }`, undefined, cookies.callback));
      found = data.callbackQueue.items.find((item) => item.ticket.trackingNumber === trackingNumber);
      return found;
    }, { timeout: 10_000 })
    .toBeDefined();
  return found!;
}

const RECORD = `mutation($input: CallbackAttemptInput!) { recordCallbackAttempt(input: $input) { ${TASK} } }`;

describe("callback over HTTP", () => {
  it("the demo callback agent finds work; call-takers and handlers are refused the queue", async () => {
    const data = await ok(gateway.gql<{ callbackQueue: { total: number; items: TaskView[] }; missedCalls: { total: number } }>(
      `query { callbackQueue { total items { ${TASK} } } missedCalls { total } }`,
      undefined,
      cookies.callback,
    ));
    expect(data.callbackQueue.total).toBeGreaterThanOrEqual(2);
    expect(data.missedCalls.total).toBeGreaterThanOrEqual(3);
    const task = data.callbackQueue.items[0]!;
    expect(task).toMatchObject({ kind: "REPLY", state: "OPEN", reply: { outcome: expect.any(String) } });
    expect(task.ticket.citizenPhone).toMatch(/^\d+$/);
    expect(task.script.zh).toContain(task.ticket.trackingNumber);
    expect(await code(gateway.gql("{ callbackQueue { total } }", undefined, cookies.operator))).toBe("FORBIDDEN");
    expect(await code(gateway.gql("{ callbackQueue { total } }", undefined, cookies.handler))).toBe("FORBIDDEN");
    expect(await code(gateway.gql("{ missedCalls { total } }", undefined, cookies.handler))).toBe("FORBIDDEN");
    expect(await code(gateway.gql("{ callbackQueue { total } }"))).toBe("UNAUTHENTICATED");
  });

  it("handler replies → task → dissatisfied answer → the supervisor sees the proposal and accepts: the unit has the ticket again", async () => {
    const inbox = await ok(gateway.gql<{ unitInbox: Array<{ ticket: { id: string; trackingNumber: string } }> }>("{ unitInbox { ticket { id trackingNumber } } }", undefined, cookies.handler));
    const { id: ticketId, trackingNumber } = inbox.unitInbox[0]!.ticket;
    await ok(gateway.gql("mutation($t: ID!) { signFor(ticketId: $t) { state } }", { t: ticketId }, cookies.handler));
    await ok(gateway.gql("mutation($t: ID!, $i: ReplyInput!) { replyToTicket(ticketId: $t, input: $i) { state } }", { t: ticketId, i: { outcome: "EXPLAINED", text: "学校已调查并对涉事学生进行批评教育。" } }, cookies.handler));

    const task = await taskFor(trackingNumber);
    expect(task.reply).toMatchObject({ outcome: "EXPLAINED", unitNameZh: "淄博市教育局" });
    // The agent may open the ticket itself (read policy), with the phone in full.
    const opened = await ok(gateway.gql<{ ticket: { citizenPhone: string } }>("query($id: ID!) { ticket(id: $id) { citizenPhone } }", { id: ticketId }, cookies.callback));
    expect(opened.ticket.citizenPhone).toMatch(/^\d{11}$/);

    const claimed = await ok(gateway.gql<{ claimCallbackTask: TaskView }>(`mutation($id: ID!) { claimCallbackTask(id: $id) { ${TASK} } }`, { id: task.id }, cookies.callback));
    expect(claimed.claimCallbackTask.claimedByMe).toBe(true);
    const invalid = await gateway.gql(RECORD, { input: { taskId: task.id, outcome: "REACHED", answers: { processSatisfaction: "SATISFIED" } } }, cookies.callback);
    expect(invalid.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: expect.arrayContaining([expect.objectContaining({ field: "answers.resolution" })]) });
    const recorded = await ok(gateway.gql<{ recordCallbackAttempt: TaskView }>(
      RECORD,
      { input: { taskId: task.id, outcome: "REACHED", answers: { resolution: "UNRESOLVED", resultSatisfaction: "DISSATISFIED", processSatisfaction: "SATISFIED", reasonable: true, comment: "孩子还是被欺负" } } },
      cookies.callback,
    ));
    expect(recorded.recordCallbackAttempt).toMatchObject({ state: "DONE", survey: { channel: "PHONE", resolution: "UNRESOLVED" }, proposal: { state: "PENDING", reasons: ["RESULT_DISSATISFIED", "UNRESOLVED"] } });
    expect(recorded.recordCallbackAttempt.ticket.status).toBe("REPLIED");

    const proposals = await ok(gateway.gql<{ reReportProposals: { items: Array<{ id: string; trackingNumber: string; comment: string; unit: { code: string }; category: { code: string }; survey: { resultSatisfaction: string } }> } }>(
      "{ reReportProposals { total items { id trackingNumber comment reasons createdAt unit { code } category { code } survey { resultSatisfaction } reply { text } } } }",
      undefined,
      cookies.supervisor,
    ));
    const proposal = proposals.reReportProposals.items.find((item) => item.trackingNumber === trackingNumber)!;
    expect(proposal).toMatchObject({ comment: "孩子还是被欺负", unit: { code: "BUR-EDU" }, category: { code: "EDU.BULLYING" }, survey: { resultSatisfaction: "DISSATISFIED" } });
    expect(await code(gateway.gql("{ reReportProposals { total } }", undefined, cookies.callback))).toBe("FORBIDDEN");

    const decided = await ok(gateway.gql<{ decideReReport: { state: string; ticket: { status: string } } }>(
      "mutation($id: ID!) { decideReReport(id: $id, accept: true, note: \"请教育局继续跟进\") { state decidedBy ticket { status } } }",
      { id: proposal.id },
      cookies.supervisor,
    ));
    expect(decided.decideReReport).toMatchObject({ state: "ACCEPTED", ticket: { status: "DISPATCHED" } });
    expect(await code(gateway.gql("mutation($id: ID!) { decideReReport(id: $id, accept: false, note: \"不予续报\") { state } }", { id: proposal.id }, cookies.supervisor))).toBe("CALLBACK/ALREADY_DECIDED");
    const again = await ok(gateway.gql<{ unitInbox: Array<{ state: string; ticket: { trackingNumber: string } }> }>("{ unitInbox { state ticket { trackingNumber } } }", undefined, cookies.handler));
    expect(again.unitInbox.find((item) => item.ticket.trackingNumber === trackingNumber)).toMatchObject({ state: "DISPATCHED" });
  });

  it("not reached three times: retries wait for the interval, then the task closes and the ticket is closed", async () => {
    const ticket = await repliedTicket("13900006001");
    const task = await taskFor(ticket.trackingNumber);
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const data = await ok(gateway.gql<{ recordCallbackAttempt: TaskView }>(RECORD, { input: { taskId: task.id, outcome: "NOT_REACHED", note: `第${attempt}次无人接听` } }, cookies.callback));
      expect(data.recordCallbackAttempt.attemptCount).toBe(attempt);
      if (attempt < 3) {
        expect(data.recordCallbackAttempt).toMatchObject({ state: "OPEN", readyToCall: false });
        expect(await code(gateway.gql(RECORD, { input: { taskId: task.id, outcome: "NOT_REACHED" } }, cookies.callback))).toBe("CALLBACK/RETRY_NOT_DUE");
        // Let the retry interval pass.
        await gateway.db.dataSource.query("UPDATE callback_task SET next_attempt_at = now() - interval '1 minute' WHERE id = $1", [task.id]);
      } else {
        expect(data.recordCallbackAttempt).toMatchObject({ state: "UNREACHABLE", ticket: { status: "CLOSED" } });
      }
    }
    const history = await ok(gateway.gql<{ ticket: { history: Array<{ toStatus: string; reason: string | null }> } }>("query($id: ID!) { ticket(id: $id) { history { toStatus reason } } }", { id: ticket.id }, cookies.supervisor));
    expect(history.ticket.history.at(-1)).toMatchObject({ toStatus: "CLOSED", reason: expect.stringContaining("回访未接通") });
  });
});

describe("online ratings over HTTP", () => {
  const RATE = "mutation($input: OnlineRatingInput!) { rateTicketOnline(input: $input) { resolution resultSatisfaction processSatisfaction comment ratedAt channel } }";
  const TRACK = "query($n: String!, $t: String!) { trackTicket(trackingNumber: $n, accessToken: $t) { status canRate rating { channel resultSatisfaction } } }";
  const rating = (accessToken: string) => ({ input: { accessToken, resolution: "RESOLVED", resultSatisfaction: "VERY_SATISFIED", processSatisfaction: "SATISFIED", comment: "谢谢" } });

  it("a citizen rates the reply once: the callback task closes and the ticket is closed", async () => {
    const ticket = await repliedTicket("13900006002");
    const task = await taskFor(ticket.trackingNumber);
    const token = await citizenAccessToken(gateway.url, ticket.trackingNumber, "13900006002");
    expect((await ok(gateway.gql<{ trackTicket: unknown }>(TRACK, { n: ticket.trackingNumber, t: token }))).trackTicket).toEqual({ status: "REPLIED", canRate: true, rating: null });
    const rated = await ok(gateway.gql<{ rateTicketOnline: { channel: string } }>(RATE, rating(token)));
    expect(rated.rateTicketOnline).toMatchObject({ channel: "ONLINE", resolution: "RESOLVED", resultSatisfaction: "VERY_SATISFIED", comment: "谢谢" });
    expect((await ok(gateway.gql<{ trackTicket: unknown }>(TRACK, { n: ticket.trackingNumber, t: token }))).trackTicket).toEqual({
      status: "CLOSED",
      canRate: false,
      rating: { channel: "ONLINE", resultSatisfaction: "VERY_SATISFIED" },
    });
    expect(await code(gateway.gql(RATE, rating(token)))).toBe("CALLBACK/ALREADY_RATED");
    const closed = await ok(gateway.gql<{ callbackTask: TaskView }>(`query($id: ID!) { callbackTask(id: $id) { ${TASK} } }`, { id: task.id }, cookies.callback));
    expect(closed.callbackTask).toMatchObject({ state: "DONE_ONLINE", survey: { channel: "ONLINE" } });
  });

  it("is refused with a wrong or expired token, and before the reply; one citizen's token cannot rate another's ticket", async () => {
    expect(await code(gateway.gql(RATE, rating("not-a-token")))).toBe("INTAKE/TRACKING_ACCESS_INVALID");
    const replied = await repliedTicket("13900006003");
    const db = gateway.db.dataSource;
    const [category] = await db.query("SELECT id FROM intake_category WHERE code = 'EDU.BULLYING'");
    const [district] = await db.query("SELECT id FROM intake_area WHERE name_zh = '张店区'");
    const unreplied = await submitRequest({
      db,
      cityPrefix: "ZB",
      actor: null,
      channel: Channel.PORTAL,
      input: { requestType: RequestType.COMPLAINT, categoryId: category.id, description: "学校周边交通拥堵。", districtId: district.id, address: "张店区", citizenName: "李女士", phone: "13900006004" },
    });
    const ownToken = await citizenAccessToken(gateway.url, unreplied.trackingNumber, "13900006004");
    expect(await code(gateway.gql(RATE, rating(ownToken)))).toBe("CALLBACK/NOT_RATEABLE");
    const token = await citizenAccessToken(gateway.url, replied.trackingNumber, "13900006003");
    await db.query("UPDATE intake_tracking_access SET expires_at = now() - interval '1 second' WHERE ticket_id = $1", [replied.id]);
    expect(await code(gateway.gql(RATE, rating(token)))).toBe("INTAKE/TRACKING_ACCESS_INVALID");
    // Neither refused rating touched the replied ticket: its callback is still open.
    expect((await taskFor(replied.trackingNumber)).state).toBe("OPEN");
  });
});

describe("missed calls over HTTP", () => {
  const REPORT = "mutation($i: MissedCallInput!) { reportMissedCall(input: $i) { id callId callerNumber state dueAt overdue } }";

  it("the telephony integration reports (idempotently); call-takers cannot; agents see the number, supervisors a masked one; an agent returns it", async () => {
    const input = { callId: "cti-gw-0001", callerNumber: "13900006101", abandonedAt: new Date().toISOString(), waitedSeconds: 61, line: "12345-1" };
    const first = await asIntegrator<{ reportMissedCall: { id: string; state: string } }>(REPORT, { i: input });
    expect(first.errors).toBeUndefined();
    const second = await asIntegrator<{ reportMissedCall: { id: string } }>(REPORT, { i: { ...input, waitedSeconds: 5 } });
    expect(second.data!.reportMissedCall.id).toBe(first.data!.reportMissedCall.id);
    expect(await code(gateway.gql(REPORT, { i: { ...input, callId: "cti-gw-op" } }, cookies.operator))).toBe("FORBIDDEN");
    const invalid = await asIntegrator(REPORT, { i: { ...input, callId: "cti-gw-bad", callerNumber: "abc" } });
    expect(invalid.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [expect.objectContaining({ field: "callerNumber" })] });

    const QUEUE = "{ missedCalls(limit: 200) { total items { id callId callerNumber attemptCount } } }";
    const forAgent = await ok(gateway.gql<{ missedCalls: { items: Array<{ id: string; callId: string; callerNumber: string }> } }>(QUEUE, undefined, cookies.callback));
    expect(forAgent.missedCalls.items.find((item) => item.callId === "cti-gw-0001")?.callerNumber).toBe("13900006101");
    const forSupervisor = await ok(gateway.gql<{ missedCalls: { items: Array<{ callId: string; callerNumber: string }> } }>(QUEUE, undefined, cookies.supervisor));
    expect(forSupervisor.missedCalls.items.find((item) => item.callId === "cti-gw-0001")?.callerNumber).toBe("139****6101");

    const RETURN = "mutation($i: MissedCallReturnInput!) { recordMissedCallReturn(input: $i) { state attemptCount attempts { reached note agentName } closedBy } }";
    const id = first.data!.reportMissedCall.id;
    expect(await code(gateway.gql(RETURN, { i: { id, reached: true } }, cookies.supervisor))).toBe("FORBIDDEN");
    const returned = await ok(gateway.gql<{ recordMissedCallReturn: unknown }>(RETURN, { i: { id, reached: true, note: "已回电，市民已自行解决" } }, cookies.callback));
    expect(returned.recordMissedCallReturn).toMatchObject({ state: "RETURNED", attemptCount: 1, attempts: [{ reached: true, note: "已回电，市民已自行解决" }] });
  });

  it("pushes the new queue figures to a callback agent's live queue", async () => {
    const client = gateway.wsClient(cookies.callback);
    clients.push(client);
    const received: Array<{ callbackQueueChanged: { openMissedCalls: number } }> = [];
    await subscribedOn(gateway.app, () =>
      client.subscribe<{ callbackQueueChanged: { openMissedCalls: number } }>(
        { query: "subscription { callbackQueueChanged { openTasks overdueTasks openMissedCalls overdueMissedCalls } }" },
        { next: (value) => value.data && received.push(value.data), error: () => undefined, complete: () => undefined },
      ),
    );
    const before = await ok(gateway.gql<{ callbackQueueCounts: { openMissedCalls: number } }>("{ callbackQueueCounts { openMissedCalls } }", undefined, cookies.callback));
    await asIntegrator(REPORT, { i: { callId: "cti-gw-live", callerNumber: "13900006102", abandonedAt: new Date().toISOString() } });
    await expect.poll(() => received.at(-1)?.callbackQueueChanged.openMissedCalls, { timeout: 10_000 }).toBe(before.callbackQueueCounts.openMissedCalls + 1);
  });
});

describe("settings and figures over HTTP", () => {
  const SAVE = "mutation($i: CallbackSettingsInput!) { saveCallbackSettings(input: $i) { surveySampleRate updatedBy requestTypes { requestType dueMinutes maxTries retryMinutes } } }";
  const valid = { surveySampleRate: 0.2, missedCallReturnMinutes: 45, missedCallMaxTries: 3, missedCallRetryMinutes: 30, claimMinutes: 10, requestTypes: [{ requestType: "COMPLAINT", dueMinutes: 300, maxTries: 4, retryMinutes: 90 }] };

  it("agents read the settings; only admins change them, every field checked", async () => {
    const read = await ok(gateway.gql<{ callbackSettings: { surveySampleRate: number; requestTypes: unknown[] } }>("{ callbackSettings { surveySampleRate requestTypes { requestType dueMinutes } } }", undefined, cookies.callback));
    expect(read.callbackSettings.requestTypes).toHaveLength(7);
    expect(await code(gateway.gql(SAVE, { i: valid }, cookies.callback))).toBe("FORBIDDEN");
    const invalid = await gateway.gql(SAVE, { i: { ...valid, surveySampleRate: 2, claimMinutes: 0 } }, cookies.admin);
    expect(invalid.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [expect.objectContaining({ field: "surveySampleRate" }), expect.objectContaining({ field: "claimMinutes" })] });
    const saved = await ok(gateway.gql<{ saveCallbackSettings: { requestTypes: Array<{ requestType: string; dueMinutes: number }> } }>(SAVE, { i: valid }, cookies.admin));
    expect(saved.saveCallbackSettings.requestTypes.find((entry) => entry.requestType === "COMPLAINT")).toMatchObject({ dueMinutes: 300, maxTries: 4 });
  });

  it("leaders and supervisors read the satisfaction summary; agents do not", async () => {
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const QUERY = "query($f: DateTimeISO!, $t: DateTimeISO!) { satisfactionSummary(from: $f, to: $t) { answered reasonableAnswered resultSatisfied resultSatisfactionRate processAnswered processSatisfactionRate unreachable onlineAnswered reReportsProposed } }";
    const summary = await ok(gateway.gql<{ satisfactionSummary: { answered: number; unreachable: number } }>(QUERY, { f: from, t: to }, cookies.leader));
    expect(summary.satisfactionSummary.answered).toBeGreaterThanOrEqual(1);
    expect(await code(gateway.gql(QUERY, { f: from, t: to }, cookies.callback))).toBe("FORBIDDEN");
  });
});
