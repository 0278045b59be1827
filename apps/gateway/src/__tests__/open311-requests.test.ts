import { Area, Channel, Privacy, RequestType, Ticket } from "@civicline/intake";
import { Assignment, Unit } from "@civicline/routing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Not } from "typeorm";
import { startTestGateway, type TestGateway } from "./harness.js";
import { DEMO_API_KEY, expectJsonError, expectXmlError, open311Get, open311Post } from "./open311-client.js";
import { childrenNamed, textAt } from "./open311-xml.js";

type ServiceRequest = {
  service_request_id: string;
  status: "open" | "closed";
  status_notes: string | null;
  service_name: string | null;
  service_code: string | null;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
};
type Created = Array<{ service_request_id: string; token: string }>;

const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
let gateway: TestGateway;
let township: Area;

beforeAll(async () => {
  gateway = await startTestGateway();
  const areas = gateway.app.services.dataSource.getRepository(Area);
  const district = (await areas.findOneBy({ nameZh: "张店区" }))!;
  township = (await areas.find({ where: { parentId: district.id }, order: { code: "ASC" } }))[0]!;
});
afterAll(() => gateway?.stop());

async function create(overrides: Record<string, string> = {}): Promise<{ id: string; token: string }> {
  const response = await open311Post<Created>(gateway, "requests.json", {
    api_key: DEMO_API_KEY,
    service_code: "URBAN.NOISE",
    address_id: township.code,
    address_string: `${township.nameZh}共青团西路100号`,
    lat: "36.8073",
    long: "118.0548",
    description: "工地夜间施工噪音扰民，请尽快处理。",
    first_name: "小明",
    last_name: "王",
    phone: "13812345678",
    ...overrides,
  });
  expect(response.status).toBe(200);
  return { id: response.json[0]!.service_request_id, token: response.json[0]!.token };
}

function ticketNamed(trackingNumber: string): Promise<Ticket> {
  return gateway.app.services.dataSource.getRepository(Ticket).findOneByOrFail({ trackingNumber });
}

async function list(query = ""): Promise<ServiceRequest[]> {
  const response = await open311Get<ServiceRequest[]>(gateway, `requests.json${query}`);
  expect(response.status).toBe(200);
  return response.json;
}

describe("Open311 GET requests", () => {
  it("lists requests of the last 90 days with the spec's fields, in JSON and XML", async () => {
    const { id } = await create({ media_url: "https://img.example.com/a.jpg" });
    const requests = await list();
    const mine = requests.find((request) => request.service_request_id === id)!;
    expect(Object.keys(mine)).toEqual([
      "service_request_id",
      "status",
      "status_notes",
      "service_name",
      "service_code",
      "description",
      "agency_responsible",
      "service_notice",
      "requested_datetime",
      "updated_datetime",
      "expected_datetime",
      "address",
      "address_id",
      "zipcode",
      "lat",
      "long",
      "media_url",
    ]);
    expect(mine).toMatchObject({
      status: "open",
      status_notes: "已受理，等待分类派单。",
      service_name: "噪音扰民",
      service_code: "URBAN.NOISE",
      description: "工地夜间施工噪音扰民，请尽快处理。",
      agency_responsible: null,
      expected_datetime: null,
      address: `${township.nameZh}共青团西路100号`,
      address_id: township.code,
      lat: 36.8073,
      long: 118.0548,
      media_url: "https://img.example.com/a.jpg",
    });
    expect(mine.requested_datetime).toMatch(W3C);
    expect(mine.updated_datetime).toMatch(W3C);
    // the demo cases (phone and portal, received up to weeks ago) are there too, newest first
    expect(requests.length).toBeGreaterThan(15);
    const times = requests.map((request) => request.requested_datetime);
    expect([...times].sort().reverse()).toEqual(times);

    const xml = await open311Get(gateway, "requests.xml");
    expect(xml.xml!.name).toBe("service_requests");
    const entries = childrenNamed(xml.xml!, "request");
    expect(entries).toHaveLength(requests.length);
    const xmlMine = entries.find((entry) => textAt(entry, "service_request_id") === id)!;
    expect(textAt(xmlMine, "status")).toBe("open");
    expect(textAt(xmlMine, "lat")).toBe("36.8073");
    expect(textAt(xmlMine, "agency_responsible")).toBe("");
  });

  it("never shows who asked, and withholds confidential tickets and reports", async () => {
    const { id } = await create({
      description: "我叫王小明，电话 13812345678，另一位邻居 139-0000-1111，邮箱 wang@example.com，身份证 370302199001011234。",
      email: "wang@example.com",
    });
    const report = await create({ request_type: "report", description: "某单位工作人员在工地收受好处费。" });
    const confidential = await create({ privacy: "confidential" });
    const everything = (await open311Get(gateway, "requests.json")).text;
    for (const secret of ["13812345678", "1390000", "139-0000-1111", "王小明", "wang@example.com", "370302199001011234", "刘女士", "周女士"]) {
      expect(everything).not.toContain(secret);
    }
    const requests = await list();
    expect(requests.find((request) => request.service_request_id === id)!.description).toBe("我叫***，电话 ***，另一位邻居 ***，邮箱 ***，身份证 ***。");
    for (const withheld of [report.id, confidential.id]) {
      expect(requests.find((request) => request.service_request_id === withheld)).toMatchObject({
        description: null,
        address: null,
        lat: null,
        long: null,
        media_url: null,
        address_id: township.code.slice(0, 6),
        service_code: "URBAN.NOISE",
      });
    }
    // the brief's bullying case was logged as confidential by phone
    const bullying = await gateway.app.services.dataSource.getRepository(Ticket).findOneByOrFail({ citizenPhone: "13900000001" });
    const [listed] = await list(`?service_request_id=${bullying.trackingNumber}`);
    expect(listed).toMatchObject({ service_code: "EDU.BULLYING", description: null, address: null });
    // an ordinary phone call is not published either: the caller never agreed to it
    const phoneCall = await gateway.app.services.dataSource
      .getRepository(Ticket)
      .findOneByOrFail({ channel: Channel.PHONE, privacy: Privacy.NONE, requestType: Not(RequestType.REPORT) });
    const [call] = await list(`?service_request_id=${phoneCall.trackingNumber}`);
    expect(call).toMatchObject({ service_request_id: phoneCall.trackingNumber, description: null, address: null, lat: null, long: null, media_url: null });
    const xml = await open311Get(gateway, `requests/${report.id}.xml`);
    expect(xml.xml!.children[0]!.children.find((child) => child.name === "description")).toEqual({ name: "description", children: [], text: "" });
  });

  it("filters by id list (overriding the rest), service code, status and dates", async () => {
    const a = await create();
    const b = await create({ service_code: "UTILITY.POWER_OUTAGE", description: "小区停电已经三个小时了。" });
    const c = await create();
    const ticket = await ticketNamed(c.id);
    const operator = await gateway.login("operator");
    const answered = await gateway.gql(
      "mutation($t: ID!, $v: Int!) { answerDirectly(ticketId: $t, version: $v, articleIds: [], answer: \"夜间施工须经许可，已告知可向城管部门反映。\") { status } }",
      { t: ticket.id, v: ticket.version },
      operator,
    );
    expect(answered.errors).toBeUndefined();

    const byIds = await list(`?service_request_id=${a.id},${b.id.toLowerCase()}&status=closed&start_date=2030-01-01`);
    expect(byIds.map((request) => request.service_request_id).sort()).toEqual([a.id, b.id].sort());

    const power = await list("?service_code=UTILITY.POWER_OUTAGE");
    expect(power.map((request) => request.service_request_id)).toContain(b.id);
    expect(power.every((request) => request.service_code === "UTILITY.POWER_OUTAGE")).toBe(true);
    const two = await list("?service_code=UTILITY.POWER_OUTAGE,edu.bullying");
    expect(new Set(two.map((request) => request.service_code))).toEqual(new Set(["UTILITY.POWER_OUTAGE", "EDU.BULLYING"]));
    expect(await list("?service_code=NO.SUCH")).toEqual([]);

    const closed = await list("?status=closed");
    expect(closed.find((request) => request.service_request_id === c.id)).toMatchObject({ status: "closed", status_notes: "已按政策直接答复并办结。" });
    expect(closed.every((request) => request.status === "closed")).toBe(true);
    const open = await list("?status=open");
    expect(open.some((request) => request.service_request_id === c.id)).toBe(false);
    expect(open.every((request) => request.status === "open")).toBe(true);
    const both = new URLSearchParams([["status", "open"], ["status", "closed"]]);
    expect((await list(`?${both.toString()}`)).length).toBe(open.length + closed.length);

    const received = (await ticketNamed(a.id)).receivedAt;
    const hour = 3_600_000;
    const window = `?start_date=${new Date(received.getTime() - hour).toISOString()}&end_date=${encodeURIComponent(new Date(received.getTime() + hour).toISOString().replace("Z", "+00:00"))}`;
    expect((await list(window)).map((request) => request.service_request_id)).toContain(a.id);
    expect(await list(`?start_date=${new Date(Date.now() + 86_400_000).toISOString()}`)).toEqual([]);
    const before = await list("?end_date=2020-01-01T00:00:00Z");
    expect(before).toEqual([]);
    const yesterday = new Date(Date.now() - 86_400_000 + 8 * hour).toISOString().slice(0, 10);
    expect((await list(`?start_date=${yesterday}`)).map((request) => request.service_request_id)).toContain(a.id);
  });

  it("refuses bad dates, spans over 90 days, unknown statuses and other jurisdictions", async () => {
    expectJsonError(await open311Get(gateway, "requests.json?start_date=yesterday"), 400, /^start_date must be a W3C datetime/);
    expectXmlError(await open311Get(gateway, "requests.xml?end_date=2026-02-30T00:00:00Z"), 400, /^end_date must be a W3C datetime/);
    expectJsonError(await open311Get(gateway, "requests.json?start_date=2026-01-01T10:00:00"), 400, /^start_date must be a W3C datetime with a time zone/);
    expectJsonError(await open311Get(gateway, "requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z"), 400, "start_date and end_date may not span more than 90 days.");
    expectXmlError(await open311Get(gateway, "requests.xml?start_date=2026-03-01T00:00:00Z&end_date=2026-02-01T00:00:00Z"), 400, "end_date must not be before start_date.");
    expectJsonError(await open311Get(gateway, "requests.json?status=pending"), 400, /^status must be open or closed/);
    expectJsonError(await open311Get(gateway, "requests.json?jurisdiction_id=city.gov"), 404, "jurisdiction_id provided was not found");
    expectXmlError(await open311Get(gateway, "requests.xml?jurisdiction_id=city.gov"), 404, "jurisdiction_id provided was not found");
  });
});

describe("Open311 GET one request and tokens", () => {
  it("returns one request as a list, with the agency and due time once dispatched", async () => {
    const { id } = await create();
    const ticket = await ticketNamed(id);
    const unit = await gateway.app.services.dataSource.getRepository(Unit).findOneByOrFail({ code: "BUR-URBAN" });
    const dispatched = await gateway.gql(
      "mutation($i: DispatchInput!) { dispatchTicket(input: $i) { id } }",
      { i: { ticketId: ticket.id, version: ticket.version, leadUnitId: unit.id } },
      await gateway.login("dispatcher"),
    );
    expect(dispatched.errors).toBeUndefined();
    const assignment = await gateway.app.services.dataSource.getRepository(Assignment).findOneByOrFail({ ticketId: ticket.id, current: true });
    const due = assignment.completionDueAt;

    const one = await open311Get<ServiceRequest[]>(gateway, `requests/${id.toLowerCase()}.json`);
    expect(one.status).toBe(200);
    expect(one.json).toHaveLength(1);
    expect(one.json[0]).toMatchObject({ service_request_id: id, status: "open", agency_responsible: unit.nameZh, status_notes: "已派单至承办单位。" });
    expect(new Date(one.json[0]!.expected_datetime!).getTime()).toBe(Math.floor(due.getTime() / 1000) * 1000);

    const english = await open311Get<ServiceRequest[]>(gateway, `requests/${id}.json`, { "accept-language": "en" });
    expect(english.json[0]).toMatchObject({ agency_responsible: unit.nameEn, service_name: "Noise nuisance", status_notes: "Dispatched to the responsible agency." });

    const xml = await open311Get(gateway, `requests/${id}.xml`);
    expect(xml.xml!.name).toBe("service_requests");
    expect(childrenNamed(xml.xml!, "request")).toHaveLength(1);
    expect(textAt(xml.xml!, "request/agency_responsible")).toBe(unit.nameZh);
    expect(textAt(xml.xml!, "request/expected_datetime")).toBe(one.json[0]!.expected_datetime);
  });

  it("answers an unknown request id with 404", async () => {
    expectJsonError(await open311Get(gateway, "requests/ZB-20000101-99999.json"), 404, "service_request_id provided was not found");
    expectXmlError(await open311Get(gateway, "requests/ZB-20000101-99999.xml"), 404, "service_request_id provided was not found");
    expectJsonError(await open311Get(gateway, `requests/${encodeURIComponent("1' OR '1'='1")}.json`), 404, "service_request_id provided was not found");
  });

  it("resolves the token of a POSTed request to its id", async () => {
    const { id, token } = await create();
    const json = await open311Get<Array<{ service_request_id: string; token: string }>>(gateway, `tokens/${token}.json`);
    expect(json.status).toBe(200);
    expect(json.json).toEqual([{ service_request_id: id, token }]);
    const xml = await open311Get(gateway, `tokens/${token}.xml`);
    expect(textAt(xml.xml!, "request/service_request_id")).toBe(id);
    expect(textAt(xml.xml!, "request/token")).toBe(token);

    expectJsonError(await open311Get(gateway, "tokens/00000000-0000-4000-8000-000000000000.json"), 404, "token provided was not found");
    expectXmlError(await open311Get(gateway, "tokens/not-a-token.xml"), 404, "token provided was not found");
    const phoneTicket = await gateway.app.services.dataSource.getRepository(Ticket).findOneByOrFail({ citizenPhone: "13900000001" });
    expectJsonError(await open311Get(gateway, `tokens/${phoneTicket.id}.json`), 404, "token provided was not found");
    expectJsonError(await open311Get(gateway, `tokens/${token}.json?jurisdiction_id=city.gov`), 404, "jurisdiction_id provided was not found");
  });
});
