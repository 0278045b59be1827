import { Channel, RequestType, Ticket, submitRequest } from "@civicline/intake";
import { Role, type Actor } from "@civicline/platform";
import { Unit, dispatchTicket } from "@civicline/routing";
import { PostgresQueryRunner } from "typeorm/driver/postgres/PostgresQueryRunner.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestGateway, type GraphQLResponse, type TestGateway } from "./harness.js";

const API_KEY = "cl_demo_integrator_0123456789abcdef";
const PHONE = "13700001234";
const DOSSIER = `query($n: String!) { ticketDossier(trackingNumber: $n) {
  ticket { id trackingNumber status citizenName citizenPhone category { code } district { nameZh } address links { kind ticket { trackingNumber } } coReporters { name } attachments { id } }
  assignments { id state leadUnit { code } signedForAt deadlines { completionDueAt state } notes { text } reply { outcome text } returns { reason } }
  timeline { id at kind historyKind toStatus actorName actorKind noteCode noteParams { name value } unitNameZh text detailEnum detailValue isPublic }
  reReports { tickets { trackingNumber position } rounds { at unitNameZh decidedBy note } }
} }`;

type Dossier = {
  ticket: { id: string; trackingNumber: string; status: string; citizenName: string; citizenPhone: string; category: { code: string } };
  assignments: Array<{ id: string; state: string; leadUnit: { code: string }; notes: Array<{ text: string }>; reply: { outcome: string } | null }>;
  timeline: Array<{ id: string; at: string; kind: string; historyKind: string | null; toStatus: string | null; text: string | null; detailEnum: string | null; detailValue: string | null }>;
  reReports: { tickets: Array<{ trackingNumber: string; position: number }>; rounds: Array<{ unitNameZh: string; decidedBy: string; note: string }> };
};

let gateway: TestGateway;
const cookies: Record<string, string> = {};
let eduBureau: Unit;

async function ok<T>(response: Promise<GraphQLResponse<T>>): Promise<T> {
  const result = await response;
  expect(result.errors).toBeUndefined();
  return result.data!;
}

function dossierAs(user: string, trackingNumber: string): Promise<GraphQLResponse<{ ticketDossier: Dossier }>> {
  return gateway.gql<{ ticketDossier: Dossier }>(DOSSIER, { n: trackingNumber }, cookies[user]);
}

beforeAll(async () => {
  gateway = await startTestGateway();
  for (const user of ["operator", "dispatcher", "supervisor", "callback", "qa", "leader", "admin", "handler", "handler.qingcheng"]) {
    cookies[user] = await gateway.login(user);
  }
  eduBureau = await gateway.db.dataSource.getRepository(Unit).findOneByOrFail({ code: "BUR-EDU" });
});
afterAll(async () => {
  await gateway?.stop();
});

/** A portal ticket dispatched to the Education Bureau (the demo handler's unit). */
async function dispatchedTicket(): Promise<Ticket> {
  const db = gateway.db.dataSource;
  const [category] = await db.query("SELECT id FROM intake_category WHERE code = 'EDU.BULLYING'");
  const [district] = await db.query("SELECT id FROM intake_area WHERE name_zh = '张店区'");
  const ticket = await submitRequest({
    db,
    cityPrefix: "ZB",
    actor: null,
    channel: Channel.PORTAL,
    input: { requestType: RequestType.COMPLAINT, categoryId: category.id, description: "孩子在学校午餐里吃出异物，希望学校整改。", districtId: district.id, address: "张店区人民西路", citizenName: "刘女士", phone: PHONE },
  });
  const dispatcher: Actor = { kind: "staff", id: "00000000-0000-4000-8000-0000000000d2", name: "李强", roles: [Role.DISPATCHER], unitId: null };
  await dispatchTicket(db, { actor: dispatcher, request: { ticketId: ticket.id, version: ticket.version, leadUnitId: eduBureau.id } });
  return ticket;
}

describe("ticket page over HTTP", () => {
  it("dispatched → noted → replied → called back → re-reported: the dossier shows it all in time order, masked per role, scoped per unit", async () => {
    const ticket = await dispatchedTicket();
    const t = { t: ticket.id };
    await ok(gateway.gql("mutation($t: ID!) { signFor(ticketId: $t) { state } }", t, cookies.handler));
    await ok(gateway.gql("mutation($t: ID!) { addProgressNote(ticketId: $t, text: \"已约谈学校食堂负责人\", visibility: INTERNAL) { state } }", t, cookies.handler));
    await ok(gateway.gql("mutation($t: ID!, $i: ReplyInput!) { replyToTicket(ticketId: $t, input: $i) { state } }", { ...t, i: { outcome: "RESOLVED", text: "食堂已整改并更换供应商。" } }, cookies.handler));

    // The callback agent reaches the citizen, who is not satisfied: a re-report proposal, accepted by the supervisor.
    let taskId: string | undefined;
    await expect
      .poll(async () => {
        const data = await ok(gateway.gql<{ callbackQueue: { items: Array<{ id: string; ticket: { trackingNumber: string } }> } }>("{ callbackQueue(limit: 200) { items { id ticket { trackingNumber } } } }", undefined, cookies.callback));
        taskId = data.callbackQueue.items.find((item) => item.ticket.trackingNumber === ticket.trackingNumber)?.id;
        return taskId;
      }, { timeout: 10_000 })
      .toBeDefined();
    await ok(gateway.gql("mutation($id: ID!) { claimCallbackTask(id: $id) { id } }", { id: taskId }, cookies.callback));
    const recorded = await ok(gateway.gql<{ recordCallbackAttempt: { proposal: { id: string } } }>(
      "mutation($input: CallbackAttemptInput!) { recordCallbackAttempt(input: $input) { proposal { id } } }",
      { input: { taskId, outcome: "REACHED", answers: { resolution: "UNRESOLVED", resultSatisfaction: "DISSATISFIED", processSatisfaction: "SATISFIED", reasonable: true, comment: "食堂还是老样子" } } },
      cookies.callback,
    ));
    await ok(gateway.gql("mutation($id: ID!) { decideReReport(id: $id, accept: true, note: \"请教育局继续跟进\") { state } }", { id: recorded.recordCallbackAttempt.proposal.id }, cookies.supervisor));

    // The whole page in a bounded number of statements: the dossier's six, then one batched statement per
    // field list (category, areas, attachments, links, co-reporters, units, calendar, notes, returns …),
    // never one per row. Other modules' background work (outbox, timers, chasing pushes) runs meanwhile
    // on the same pool: it is left out, and the quietest of three runs counts.
    const BACKGROUND = /platform_|supervision_chasing|pg_notify|pg_advisory|k\.stage|^(START TRANSACTION|COMMIT|ROLLBACK)|WHERE id = ANY\(\$1::uuid\[\]\)/u;
    const runs: string[][] = [];
    for (let run = 0; run < 3; run += 1) {
      const spy = vi.spyOn(PostgresQueryRunner.prototype, "query");
      await ok(dossierAs("supervisor", ticket.trackingNumber));
      runs.push(spy.mock.calls.map((call) => String(call[0]).replace(/\s+/gu, " ")).filter((sql) => !BACKGROUND.test(sql)));
      spy.mockRestore();
    }
    const quietest = runs.reduce((best, run) => (run.length < best.length ? run : best));
    expect(quietest.length, quietest.map((sql) => sql.slice(0, 110)).join("\n")).toBeLessThanOrEqual(24);
    const { ticketDossier: dossier } = await ok(dossierAs("supervisor", ticket.trackingNumber));
    expect(dossier.ticket).toMatchObject({ id: ticket.id, status: "DISPATCHED", citizenName: "刘女士", category: { code: "EDU.BULLYING" } });
    expect(dossier.assignments.map((row) => [row.leadUnit.code, row.state])).toEqual([
      ["BUR-EDU", "REPLIED"],
      ["BUR-EDU", "DISPATCHED"],
    ]);
    expect(dossier.assignments[0]!.notes.map((note) => note.text)).toEqual(["已约谈学校食堂负责人"]);
    const kinds = dossier.timeline.map((entry) => (entry.kind === "HISTORY" ? `${entry.historyKind}:${entry.toStatus}` : entry.kind));
    expect(kinds).toEqual([
      "STATUS:RECEIVED",
      "STATUS:DISPATCHED",
      "STATUS:SIGNED_FOR",
      "PROGRESS_NOTE",
      "STATUS:REPLIED",
      "CALLBACK_ATTEMPT",
      "SURVEY_ANSWERED",
      "RE_REPORT_PROPOSED",
      "RE_REPORT_DECIDED",
      "STATUS:DISPATCHED",
    ]);
    const times = dossier.timeline.map((entry) => Date.parse(entry.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(dossier.timeline.find((entry) => entry.kind === "SURVEY_ANSWERED")).toMatchObject({ text: "食堂还是老样子", detailEnum: "Satisfaction", detailValue: "DISSATISFIED" });
    expect(dossier.reReports.rounds).toEqual([expect.objectContaining({ unitNameZh: "淄博市教育局", note: "请教育局继续跟进" })]);
    expect(dossier.reReports.tickets).toEqual([{ trackingNumber: ticket.trackingNumber, position: 0 }]);

    // Masking: call-takers and callback agents see the phone in full; supervisors, QA, leaders, admins and the unit masked.
    for (const user of ["operator", "callback"]) {
      expect((await ok(dossierAs(user, ticket.trackingNumber))).ticketDossier.ticket.citizenPhone).toBe(PHONE);
    }
    for (const user of ["supervisor", "qa", "leader", "admin", "dispatcher", "handler"]) {
      expect((await ok(dossierAs(user, ticket.trackingNumber))).ticketDossier.ticket.citizenPhone).toBe("137****1234");
    }

    // Scoping: another unit's handler gets exactly what an unknown number gets; an API client is refused.
    const otherUnit = await dossierAs("handler.qingcheng", ticket.trackingNumber);
    const unknown = await dossierAs("handler.qingcheng", "ZB-20000101-99999");
    expect(otherUnit.data).toBeNull();
    expect(otherUnit.errors?.[0]?.extensions?.code).toBe("SUPERVISION/TICKET_NOT_FOUND");
    expect(otherUnit.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
    expect(unknown.errors?.[0]?.extensions?.code).toBe("SUPERVISION/TICKET_NOT_FOUND");
    const asIntegrator = (await (
      await fetch(`${gateway.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", "x-api-key": API_KEY }, body: JSON.stringify({ query: DOSSIER, variables: { n: ticket.trackingNumber } }) })
    ).json()) as GraphQLResponse;
    expect(asIntegrator.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await gateway.gql(DOSSIER, { n: ticket.trackingNumber })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");

    // The accepted re-report is counted for the Education Bureau (kept from callback's event).
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    await expect
      .poll(async () => {
        const data = await ok(gateway.gql<{ reReportCounts: Array<{ unit: { code: string }; count: number }> }>("query($f: DateTimeISO!, $t: DateTimeISO!) { reReportCounts(from: $f, to: $t) { unit { code } count } }", { f: from, t: to }, cookies.supervisor));
        return data.reReportCounts.find((row) => row.unit.code === "BUR-EDU")?.count;
      }, { timeout: 10_000 })
      .toBe(1);
    const backwards = await gateway.gql("query($f: DateTimeISO!, $t: DateTimeISO!) { reReportCounts(from: $f, to: $t) { count } }", { f: to, t: from }, cookies.supervisor);
    expect(backwards.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect((await gateway.gql("query($f: DateTimeISO!, $t: DateTimeISO!) { reReportCounts(from: $f, to: $t) { count } }", { f: from, t: to }, cookies.handler)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("the demo's cable-TV fee case (the brief's re-report) has its whole life on the ticket page", async () => {
    const [row] = await gateway.db.dataSource.query("SELECT tracking_number FROM intake_ticket WHERE description LIKE '%翠湖苑%'");
    const { ticketDossier: dossier } = await ok(dossierAs("supervisor", row.tracking_number));
    expect(dossier.ticket.status).toBe("REPLIED");
    expect(dossier.assignments.map((assignment) => [assignment.leadUnit.code, assignment.state, assignment.reply?.outcome])).toEqual([
      ["BUR-HOUSING", "REPLIED", "EXPLAINED"],
      ["BUR-HOUSING", "REPLIED", "RESOLVED"],
    ]);
    const kinds = dossier.timeline.map((entry) => (entry.kind === "HISTORY" ? `${entry.historyKind}:${entry.toStatus}` : entry.kind));
    expect(kinds.slice(1)).toEqual([
      "STATUS:DISPATCHED",
      "STATUS:SIGNED_FOR",
      "PROGRESS_NOTE",
      "STATUS:REPLIED",
      "CALLBACK_ATTEMPT",
      "SURVEY_ANSWERED",
      "RE_REPORT_PROPOSED",
      "RE_REPORT_DECIDED",
      "STATUS:DISPATCHED",
      "STATUS:SIGNED_FOR",
      "STATUS:REPLIED",
    ]);
    expect(dossier.reReports.rounds).toHaveLength(1);
    const counts = await ok(gateway.gql<{ reReportCounts: Array<{ unit: { code: string }; count: number }> }>(
      "query($f: DateTimeISO!, $t: DateTimeISO!) { reReportCounts(from: $f, to: $t) { unit { code } count } }",
      { f: new Date(Date.now() - 86_400_000).toISOString(), t: new Date(Date.now() + 60_000).toISOString() },
      cookies.leader,
    ));
    expect(counts.reReportCounts.find((entry) => entry.unit.code === "BUR-HOUSING")?.count).toBe(1);
  });
});
