import { Channel, RequestType, submitRequest, type Ticket } from "@civicline/intake";
import { Role, type Actor } from "@civicline/platform";
import { Unit, dispatchTicket } from "@civicline/routing";
import { PostgresQueryRunner } from "typeorm/driver/postgres/PostgresQueryRunner.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { settleBackground, startTestGateway, type GraphQLResponse, type TestGateway } from "./harness.js";

let gateway: TestGateway;
const cookies: Record<string, string> = {};
let urbanTicket: Ticket; // dispatched to the Urban Management Bureau
let eduTicket: Ticket; // dispatched to the Education Bureau

const SEARCH = `query($filter: TicketSearchFilter, $first: Int, $after: String) {
  searchTickets(filter: $filter, first: $first, after: $after) { total totalCapped hasNextPage endCursor
    hits { id trackingNumber title status citizenName citizenPhone leadUnitNameZh deadlineState } } }`;

type Page = { total: number | null; hasNextPage: boolean; endCursor: string | null; hits: Array<{ trackingNumber: string; citizenPhone: string; leadUnitNameZh: string | null }> };

async function ticketFor(unitCode: string, categoryCode: string, description: string, phone: string): Promise<Ticket> {
  const db = gateway.db.dataSource;
  const [category] = await db.query("SELECT id FROM intake_category WHERE code = $1", [categoryCode]);
  const [district] = await db.query("SELECT id FROM intake_area WHERE name_zh = '张店区'");
  const unit = await db.getRepository(Unit).findOneByOrFail({ code: unitCode });
  const ticket = await submitRequest({
    db,
    cityPrefix: "ZB",
    actor: null,
    channel: Channel.PORTAL,
    input: { requestType: RequestType.COMPLAINT, categoryId: category.id, description, districtId: district.id, address: "张店区柳泉路", citizenName: "王先生", phone },
  });
  const dispatcher: Actor = { kind: "staff", id: "00000000-0000-4000-8000-0000000000d1", name: "李强", roles: [Role.DISPATCHER], unitId: null };
  await dispatchTicket(db, { actor: dispatcher, request: { ticketId: ticket.id, version: ticket.version, leadUnitId: unit.id } });
  return ticket;
}

const exportCsv = (cookie: string | null, params: Record<string, string>) =>
  fetch(`${gateway.url}/tickets/export.csv?${new URLSearchParams(params)}`, { headers: cookie ? { cookie } : {} });

async function search(cookie: string, filter: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<GraphQLResponse<{ searchTickets: Page }>> {
  return gateway.gql<{ searchTickets: Page }>(SEARCH, { filter, ...extra }, cookie);
}

beforeAll(async () => {
  gateway = await startTestGateway();
  for (const user of ["supervisor", "operator", "handler.urban", "handler", "leader", "callback"]) {
    cookies[user] = await gateway.login(user);
  }
  const [urbanCategory] = await gateway.db.dataSource.query("SELECT code FROM intake_category WHERE code LIKE 'URBAN.%' AND selectable LIMIT 1");
  urbanTicket = await ticketFor("BUR-URBAN", urbanCategory.code, "柳泉路井盖破损，夜间行人容易踩空，请尽快更换。", "13966667777");
  eduTicket = await ticketFor("BUR-EDU", "EDU.BULLYING", "孩子在学校被同学欺负，井盖旁的校门口也没有人管。", "13988889999");
});

afterAll(async () => {
  await gateway?.stop();
});

describe("searchTickets over GraphQL", () => {
  it("finds by tracking number and text, masks phones by role and keeps a handler to their unit", async () => {
    const bySupervisor = await search(cookies.supervisor!, { trackingNumber: urbanTicket.trackingNumber });
    expect(bySupervisor.errors).toBeUndefined();
    expect(bySupervisor.data!.searchTickets.hits).toEqual([expect.objectContaining({ trackingNumber: urbanTicket.trackingNumber, citizenPhone: "139****7777" })]);
    const byOperator = await search(cookies.operator!, { phone: "13966667777" });
    expect(byOperator.data!.searchTickets.hits.map((h) => [h.trackingNumber, h.citizenPhone])).toEqual([[urbanTicket.trackingNumber, "13966667777"]]);
    const text = await search(cookies.supervisor!, { text: "井盖" });
    expect(text.data!.searchTickets.hits.map((h) => h.trackingNumber)).toEqual(expect.arrayContaining([urbanTicket.trackingNumber, eduTicket.trackingNumber]));
    const urbanHandler = await search(cookies["handler.urban"]!, { text: "井盖" });
    expect(urbanHandler.errors).toBeUndefined();
    expect(urbanHandler.data!.searchTickets.hits.map((h) => h.trackingNumber)).toContain(urbanTicket.trackingNumber);
    expect(urbanHandler.data!.searchTickets.hits.map((h) => h.trackingNumber)).not.toContain(eduTicket.trackingNumber);
    const eduHandler = await search(cookies.handler!, { trackingNumber: urbanTicket.trackingNumber });
    expect(eduHandler.data!.searchTickets.hits).toEqual([]);
  });

  it("answers bad input and a phone search by a role without phones with coded errors", async () => {
    const long = await search(cookies.supervisor!, { text: "井".repeat(10_000) });
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [expect.objectContaining({ field: "filter.text", code: "TOO_LONG" })] });
    const range = await search(cookies.supervisor!, { received: { from: "2026-11-10T00:00:00Z", to: "2026-11-01T00:00:00Z" } });
    expect(range.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [expect.objectContaining({ field: "filter.received", code: "INVALID_RANGE" })] });
    const phone = await search(cookies.supervisor!, { phone: "13966667777" });
    expect(phone.errors?.[0]?.extensions?.code).toBe("SUPERVISION/PHONE_SEARCH_NOT_ALLOWED");
    expect(phone.errors?.[0]?.message).not.toMatch(/select|supervision_ticket_search/i);
    const anonymous = await gateway.gql(SEARCH, { filter: {} });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("answers a search with one SQL statement: the page, with its total counted only when the page is full", async () => {
    // Statements the request sends; the outbox, timers, schedules and pushes work on the same pool meanwhile.
    // The texts to citizens are delivered by durable timers (callback_sms_notice, platform_sms_message): with the
    // clock a year ahead every seeded timer is due at once, and their deliveries went on during all three runs.
    const BACKGROUND =
      /platform_outbox|platform_timer|platform_schedule|supervision_chasing|callback_sms_notice|platform_sms_message|pg_notify|pg_advisory|SAVEPOINT|^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)/u;
    const statementsOf = async (cookie: string, filter: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
      await search(cookie, filter, extra); // the session is looked up once, then cached
      const runs: Array<{ sent: string[]; page: Page }> = [];
      for (let run = 0; run < 3; run += 1) {
        await settleBackground(gateway);
        const spy = vi.spyOn(PostgresQueryRunner.prototype, "query");
        const response = await search(cookie, filter, extra);
        runs.push({ sent: spy.mock.calls.map((call) => String(call[0]).replace(/\s+/gu, " ")).filter((sql) => !BACKGROUND.test(sql)), page: response.data!.searchTickets });
        spy.mockRestore();
      }
      return runs.reduce((best, run) => (run.sent.length < best.sent.length ? run : best));
    };
    const byPhone = await statementsOf(cookies.operator!, { phone: "13966667777" });
    expect(byPhone.sent, byPhone.sent.join("\n")).toHaveLength(1);
    expect(byPhone.page).toMatchObject({ total: 1, hasNextPage: false, hits: [expect.objectContaining({ trackingNumber: urbanTicket.trackingNumber, citizenPhone: "13966667777" })] });
    const fullPage = await statementsOf(cookies.supervisor!, { text: "井盖" }, { first: 1 });
    expect(fullPage.sent, fullPage.sent.join("\n")).toHaveLength(1);
    expect(fullPage.page).toMatchObject({ total: 2, totalCapped: false, hasNextPage: true });
    expect(fullPage.page.hits[0]!.citizenPhone).toMatch(/^139\*{4}\d{4}$/u);
  });

  it("keeps saved views to their owner", async () => {
    const saved = await gateway.gql<{ saveTicketSearchView: { id: string; name: string; filterJson: string; sort: string } }>(
      `mutation { saveTicketSearchView(name: "井盖", filter: { text: "井盖", overdue: true, statuses: [DISPATCHED], channels: [SMS_WECHAT] }, sort: DUE_ASC) { id name filterJson sort } }`,
      undefined,
      cookies.supervisor,
    );
    expect(saved.errors).toBeUndefined();
    const stored = JSON.parse(saved.data!.saveTicketSearchView.filterJson) as Record<string, unknown>;
    expect(stored).toEqual({ text: "井盖", overdue: true, statuses: ["DISPATCHED"], channels: ["SMS_WECHAT"] });
    // what a client reads back is a valid filter as it stands
    expect((await search(cookies.supervisor!, stored)).errors).toBeUndefined();
    const id = saved.data!.saveTicketSearchView.id;
    const mine = await gateway.gql<{ ticketSearchViews: Array<{ id: string }> }>("{ ticketSearchViews { id name } }", undefined, cookies.supervisor);
    expect(mine.data!.ticketSearchViews.map((v) => v.id)).toEqual([id]);
    const theirs = await gateway.gql<{ ticketSearchViews: Array<{ id: string }> }>("{ ticketSearchViews { id name } }", undefined, cookies.leader);
    expect(theirs.data!.ticketSearchViews).toEqual([]);
    const steal = await gateway.gql(`mutation($id: ID!) { deleteTicketSearchView(id: $id) }`, { id }, cookies.leader);
    expect(steal.errors?.[0]?.extensions?.code).toBe("SUPERVISION/SAVED_VIEW_NOT_FOUND");
    const bad = await gateway.gql(`mutation { saveTicketSearchView(name: "坏", filter: { received: { from: "2026-11-10T00:00:00Z", to: "2026-11-01T00:00:00Z" } }) { id } }`, undefined, cookies.supervisor);
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const [{ n }] = await gateway.db.dataSource.query("SELECT count(*)::int AS n FROM supervision_saved_view");
    expect(n).toBe(1);
  });
});

describe("GET /tickets/export.csv", () => {
  it("streams UTF-8 CSV with a BOM, the list's columns and phones masked as the role requires", async () => {
    const response = await exportCsv(cookies.supervisor!, { filter: JSON.stringify({ text: "井盖" }), lang: "zh-CN" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="tickets-\d{8}\.csv"; filename\*=UTF-8''/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    const lines = text.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe("工单编号,标题,状态,诉求类型,来源渠道,紧急程度,分类,区域,主办单位,受理时间,办理期限,时限状态,来电人,来电号码");
    const urbanLine = lines.find((line) => line.startsWith(urbanTicket.trackingNumber))!;
    expect(urbanLine.split(",")).toHaveLength(14);
    expect(urbanLine).toContain(",已派单,投诉,网站,一般,");
    expect(urbanLine.endsWith(",王先生,139****7777")).toBe(true);
    expect(text).not.toContain("13966667777");

    // the filter's JSON as the page sends it: enums by their GraphQL names
    const englishBytes = new Uint8Array(
      await (await exportCsv(cookies.operator!, { filter: JSON.stringify({ trackingNumber: urbanTicket.trackingNumber, statuses: ["DISPATCHED"], channels: ["PORTAL"] }), lang: "en" })).arrayBuffer(),
    );
    const english = new TextDecoder("utf-8", { ignoreBOM: true }).decode(englishBytes);
    expect(english.split("\r\n")[0]).toBe("\uFEFFTracking number,Title,Status,Request type,Channel,Urgency,Category,Area,Lead unit,Received,Due,Deadline,Caller,Phone");
    expect(english).toContain(",Sent to department,Complaint,Web portal,Normal,");
    expect(english).toContain("13966667777");
  });

  it("gives a handler only their unit's tickets", async () => {
    const text = await (await exportCsv(cookies["handler.urban"]!, { filter: JSON.stringify({ text: "井盖" }) })).text();
    expect(text).toContain(urbanTicket.trackingNumber);
    expect(text).not.toContain(eduTicket.trackingNumber);
    expect(text).toContain("139****7777");
  });

  it("refuses without a login, a phone filter for a role without phones, bad JSON and a 10,000-character text, before any CSV", async () => {
    const anonymous = await exportCsv(null, {});
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
    const phone = await exportCsv(cookies.supervisor!, { filter: JSON.stringify({ phone: "13966667777" }) });
    expect(phone.status).toBe(403);
    expect(await phone.json()).toMatchObject({ error: { code: "SUPERVISION/PHONE_SEARCH_NOT_ALLOWED" } });
    const json = await exportCsv(cookies.supervisor!, { filter: "{nope" });
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ error: { code: "BAD_USER_INPUT" } });
    // 10,000 Latin letters still fit in a request line (10,000 Chinese characters, percent-encoded, do
    // not: Node answers 431 before the route sees them).
    const long = await exportCsv(cookies.supervisor!, { filter: JSON.stringify({ text: "a".repeat(10_000) }) });
    expect(long.status).toBe(400);
    expect(await long.json()).toMatchObject({ error: { code: "BAD_USER_INPUT", fields: [expect.objectContaining({ field: "filter.text", code: "TOO_LONG" })] } });
    const sort = await exportCsv(cookies.supervisor!, { sort: "DROP" });
    expect(sort.status).toBe(400);
    const range = await exportCsv(cookies.supervisor!, { filter: JSON.stringify({ closed: { from: "2026-11-10", to: "2026-11-01" } }) });
    expect(range.status).toBe(400);
    expect(await range.json()).toMatchObject({ error: { code: "BAD_USER_INPUT", fields: [expect.objectContaining({ field: "filter.closed", code: "INVALID_RANGE" })] } });
  });
});
