import { Area, Channel, Privacy, Ticket } from "@civicline/intake";
import { createApiKey } from "@civicline/platform";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "./harness.js";
import { DEMO_API_KEY, expectJsonError, expectXmlError, open311Get, open311Post } from "./open311-client.js";
import { childrenNamed, textAt } from "./open311-xml.js";

type Service = { service_code: string; service_name: string; description: string; metadata: boolean; type: string; keywords: string; group: string | null };
type Attribute = { variable: boolean; code: string; datatype: string; required: boolean; datatype_description: string | null; order: number; description: string; values?: Array<{ key: string; name: string }> };
type Created = Array<{ service_request_id: string; token: string; service_notice: string; account_id: string | null }>;

let gateway: TestGateway;
let zhangdian: Area;
let zhangdianTownship: Area;

beforeAll(async () => {
  gateway = await startTestGateway();
  const areas = gateway.app.services.dataSource.getRepository(Area);
  zhangdian = (await areas.findOneBy({ nameZh: "张店区" }))!;
  zhangdianTownship = (await areas.find({ where: { parentId: zhangdian.id }, order: { code: "ASC" } }))[0]!;
});
afterAll(() => gateway?.stop());

function ticketByNumber(trackingNumber: string): Promise<Ticket> {
  return gateway.app.services.dataSource.getRepository(Ticket).findOneByOrFail({ trackingNumber });
}

/** A valid noise complaint; override or drop (undefined) any parameter. */
function noiseRequest(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const form: Record<string, string | undefined> = {
    api_key: DEMO_API_KEY,
    service_code: "URBAN.NOISE",
    address_string: `淄博市张店区${zhangdianTownship.nameZh}共青团西路100号`,
    description: "小区旁工地每晚十一点后仍在施工，噪音很大。",
    first_name: "小明",
    last_name: "王",
    phone: "13812345678",
    "attribute[noiseTime]": "夜间 / night",
    ...overrides,
  };
  return Object.fromEntries(Object.entries(form).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

describe("Open311 discovery and services", () => {
  it("describes the endpoint in JSON and XML", async () => {
    const json = await open311Get<{ changeset: string; endpoints: Array<{ specification: string; url: string; type: string; formats: string[] }> }>(gateway, "discovery.json");
    expect(json.status).toBe(200);
    expect(json.contentType).toBe("application/json; charset=utf-8");
    expect(json.json.changeset).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(json.json.endpoints).toEqual([
      expect.objectContaining({ specification: "http://wiki.open311.org/GeoReport_v2", type: "production", formats: ["application/json", "text/xml"] }),
    ]);
    expect(json.json.endpoints[0]!.url).toMatch(/\/open311\/v2$/);

    const xml = await open311Get(gateway, "discovery.xml");
    expect(xml.contentType).toBe("text/xml; charset=utf-8");
    expect(xml.text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(xml.xml!.name).toBe("discovery");
    expect(textAt(xml.xml!, "endpoints/endpoint/specification")).toBe("http://wiki.open311.org/GeoReport_v2");
    expect(childrenNamed(xml.xml!.children.find((child) => child.name === "endpoints")!.children[0]!.children.find((c) => c.name === "formats")!, "format").map((f) => f.text)).toEqual([
      "application/json",
      "text/xml",
    ]);
  });

  it("lets web pages on other sites read, but not create (no CORS for POST: the API key belongs on a server)", async () => {
    const read = await fetch(`${gateway.url}/open311/v2/services.json`, { headers: { origin: "https://311app.example.org" } });
    expect(read.headers.get("access-control-allow-origin")).toBe("*");
    const preflight = await fetch(`${gateway.url}/open311/v2/requests.json`, {
      method: "OPTIONS",
      headers: { origin: "https://311app.example.org", "access-control-request-method": "POST", "access-control-request-headers": "x-api-key" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, HEAD");
    expect(preflight.headers.get("access-control-allow-headers")).toBeNull();
    const post = await fetch(`${gateway.url}/open311/v2/requests.json`, { method: "POST", headers: { origin: "https://311app.example.org" } });
    expect(post.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("lists one service per selectable category, in Chinese by default and in English on request", async () => {
    const zh = await open311Get<Service[]>(gateway, "services.json");
    expect(zh.status).toBe(200);
    const noise = zh.json.find((service) => service.service_code === "URBAN.NOISE");
    expect(noise).toEqual({
      service_code: "URBAN.NOISE",
      service_name: "噪音扰民",
      description: "城市管理：噪音扰民",
      metadata: true,
      type: "realtime",
      keywords: "Noise nuisance, 城市管理, Urban management",
      group: "城市管理",
    });
    expect(zh.json.find((service) => service.service_code === "UTILITY.POWER_OUTAGE")?.metadata).toBe(false);
    expect(zh.json.some((service) => service.service_code === "URBAN")).toBe(false);

    const byHeader = await open311Get<Service[]>(gateway, "services.json", { "accept-language": "fr;q=1, en-US;q=0.9, zh;q=0.5" });
    expect(byHeader.json.find((service) => service.service_code === "URBAN.NOISE")).toMatchObject({ service_name: "Noise nuisance", group: "Urban management" });
    const byParam = await open311Get<Service[]>(gateway, "services.json?locale=en", { "accept-language": "zh-CN" });
    expect(byParam.json.find((service) => service.service_code === "URBAN.NOISE")?.service_name).toBe("Noise nuisance");

    const xml = await open311Get(gateway, "services.xml");
    expect(xml.xml!.name).toBe("services");
    const services = childrenNamed(xml.xml!, "service");
    expect(services).toHaveLength(zh.json.length);
    const xmlNoise = services.find((service) => textAt(service, "service_code") === "URBAN.NOISE")!;
    expect(textAt(xmlNoise, "service_name")).toBe("噪音扰民");
    expect(textAt(xmlNoise, "metadata")).toBe("true");
  });

  it("defines a service's attributes from the category's extra fields", async () => {
    const noise = await open311Get<{ service_code: string; attributes: Attribute[] }>(gateway, "services/URBAN.NOISE.json?locale=en");
    expect(noise.status).toBe(200);
    expect(noise.json).toEqual({
      service_code: "URBAN.NOISE",
      attributes: [
        {
          variable: true,
          code: "noiseTime",
          datatype: "singlevaluelist",
          required: false,
          datatype_description: null,
          order: 1,
          description: "When the noise occurs",
          values: [
            { key: "白天 / daytime", name: "白天 / daytime" },
            { key: "夜间 / night", name: "夜间 / night" },
            { key: "全天 / all day", name: "全天 / all day" },
          ],
        },
      ],
    });
    const bullying = await open311Get<{ attributes: Attribute[] }>(gateway, "services/edu.bullying.json");
    expect(bullying.json.attributes.map((a) => [a.code, a.datatype, a.required, a.order, a.description])).toEqual([
      ["schoolName", "string", true, 1, "学校名称"],
      ["gradeClass", "string", false, 2, "年级班级"],
    ]);
    const goods = await open311Get<{ attributes: Attribute[] }>(gateway, "services/CONSUMER.GOODS.json");
    expect(goods.json.attributes.map((a) => a.datatype)).toEqual(["string", "datetime", "number"]);
    const bare = await open311Get<{ service_code: string }>(gateway, "services/URBAN.NOISE");
    expect(bare.json.service_code).toBe("URBAN.NOISE");

    const xml = await open311Get(gateway, "services/URBAN.NOISE.xml");
    expect(xml.xml!.name).toBe("service_definition");
    expect(textAt(xml.xml!, "service_code")).toBe("URBAN.NOISE");
    const attribute = xml.xml!.children.find((child) => child.name === "attributes")!.children[0]!;
    expect(textAt(attribute, "datatype")).toBe("singlevaluelist");
    expect(childrenNamed(attribute.children.find((child) => child.name === "values")!, "value").map((value) => textAt(value, "key"))).toHaveLength(3);
  });

  it("answers unknown services, other jurisdictions, unknown resources and formats with spec errors", async () => {
    expectJsonError(await open311Get(gateway, "services/NO.SUCH.json"), 404, "service_code provided was not found");
    expectXmlError(await open311Get(gateway, "services/NO.SUCH.xml"), 404, "service_code provided was not found");
    expectJsonError(await open311Get(gateway, "services/URBAN.json"), 404, "service_code provided was not found");

    expectJsonError(await open311Get(gateway, "services.json?jurisdiction_id=sfgov.org"), 404, "jurisdiction_id provided was not found");
    expectXmlError(await open311Get(gateway, "services.xml?jurisdiction_id=sfgov.org"), 404, "jurisdiction_id provided was not found");
    expect((await open311Get(gateway, "services.json?jurisdiction_id=ZIBO.12345.gov.cn")).status).toBe(200);
    expect((await open311Get(gateway, "services.json?jurisdiction_id=")).status).toBe(200);

    expectJsonError(await open311Get(gateway, "services.csv"), 400, /format "csv" is not supported/);
    expectJsonError(await open311Get(gateway, "services/URBAN.NOISE.html"), 400, /format "html" is not supported/);
    expectJsonError(await open311Get(gateway, "nothing.json"), 404, "There is no such GeoReport v2 resource.");
    expectXmlError(await open311Get(gateway, "services/URBAN.NOISE/extra.xml"), 404, "There is no such GeoReport v2 resource.");
  });
});

describe("Open311 POST requests", () => {
  it("creates a ticket from a form-encoded request with the demo key (JSON)", async () => {
    const response = await open311Post<Created>(
      gateway,
      "requests.json",
      noiseRequest({ email: "wang@example.com", account_id: "acct-42", device_id: "dev-1", media_url: "https://img.example.com/noise.jpg" }),
    );
    expect(response.status).toBe(200);
    expect(response.json).toHaveLength(1);
    const [created] = response.json;
    expect(created).toMatchObject({ service_request_id: expect.stringMatching(/^ZB-\d{8}-\d{5}$/), account_id: "acct-42" });
    expect(created!.service_notice).toContain(created!.service_request_id);

    const ticket = await ticketByNumber(created!.service_request_id);
    expect(created!.token).toBe(ticket.id);
    expect(ticket).toMatchObject({
      channel: Channel.OPEN311,
      requestType: "help",
      districtId: zhangdian.id,
      townshipId: zhangdianTownship.id,
      citizenName: "王小明",
      citizenPhone: "13812345678",
      citizenEmail: "wang@example.com",
      privacy: Privacy.NONE,
      extraFields: [{ key: "noiseTime", value: "夜间 / night" }],
    });
    expect(ticket.description).toContain("https://img.example.com/noise.jpg");
    expect(ticket.createdBy).not.toBeNull();
  });

  it("answers in XML and takes the key as the X-Api-Key header", async () => {
    const response = await open311Post(gateway, "requests.xml", noiseRequest({ api_key: undefined }), { "x-api-key": DEMO_API_KEY });
    expect(response.status).toBe(200);
    expect(response.xml!.name).toBe("service_requests");
    const id = textAt(response.xml!, "request/service_request_id");
    expect(id).toMatch(/^ZB-\d{8}-\d{5}$/);
    expect(response.xml!.children[0]!.children.find((child) => child.name === "account_id")).toEqual({ name: "account_id", children: [], text: "" });
  });

  it("returns the first request's id when a POST is retried with the same key", async () => {
    const form = noiseRequest({ client_request_id: "retry-1" });
    const first = await open311Post<Created>(gateway, "requests.json", form);
    const again = await open311Post<Created>(gateway, "requests.json", form);
    expect(first.status).toBe(200);
    expect(again.json[0]!.service_request_id).toBe(first.json[0]!.service_request_id);

    const header = { "idempotency-key": "retry-header-1" };
    const byHeader = await open311Post<Created>(gateway, "requests.json", noiseRequest(), header);
    const byHeaderAgain = await open311Post<Created>(gateway, "requests.xml", noiseRequest(), header);
    expect(textAt(byHeaderAgain.xml!, "request/service_request_id")).toBe(byHeader.json[0]!.service_request_id);
    const count = await gateway.app.services.dataSource.getRepository(Ticket).countBy({ clientRequestId: "retry-header-1" });
    expect(count).toBe(1);
  });

  it("places a request by address_id, by names in the address, or in the default district from lat/long alone", async () => {
    const byId = await open311Post<Created>(gateway, "requests.json", noiseRequest({ address_string: undefined, address_id: zhangdianTownship.code }));
    const placed = await ticketByNumber(byId.json[0]!.service_request_id);
    expect(placed).toMatchObject({ districtId: zhangdian.id, townshipId: zhangdianTownship.id });
    expect(placed.address).toContain(zhangdianTownship.nameZh);

    const english = await open311Post<Created>(gateway, "requests.json", noiseRequest({ address_string: "100 Gongqingtuan Rd, Zhangdian District, Zibo" }));
    expect(await ticketByNumber(english.json[0]!.service_request_id)).toMatchObject({ districtId: zhangdian.id, townshipId: null });

    const point = await open311Post<Created>(gateway, "requests.json", noiseRequest({ address_string: undefined, lat: "36.8073", long: "118.0548", first_name: undefined, last_name: undefined }));
    expect(point.status).toBe(200);
    const pinned = await ticketByNumber(point.json[0]!.service_request_id);
    const firstDistrict = (await gateway.app.services.dataSource.getRepository(Area).find({ where: { level: "DISTRICT" }, order: { code: "ASC" } }))[0]!;
    expect(pinned).toMatchObject({ districtId: firstDistrict.id, townshipId: null, latitude: 36.8073, longitude: 118.0548, privacy: Privacy.ANONYMOUS });
    expect(pinned.address).toContain("36.8073, 118.0548");
  });

  it("refuses a missing, unknown or unprivileged api_key with 403", async () => {
    expectJsonError(await open311Post(gateway, "requests.json", noiseRequest({ api_key: undefined })), 403, /api_key was not provided/);
    expectXmlError(await open311Post(gateway, "requests.xml", noiseRequest({ api_key: undefined })), 403, /api_key was not provided/);
    expectJsonError(await open311Post(gateway, "requests.json", noiseRequest({ api_key: "cl_wrong" })), 403, "Invalid api_key received -- can't proceed with create_request.");
    expectXmlError(await open311Post(gateway, "requests.xml", noiseRequest({ api_key: "cl_wrong" })), 403, "Invalid api_key received -- can't proceed with create_request.");
    const readOnlyKey = await gateway.app.services.dataSource.transaction((manager) => createApiKey(manager, { name: "dashboard", roles: [] }));
    expectJsonError(await open311Post(gateway, "requests.json", noiseRequest({ api_key: readOnlyKey })), 403, "This api_key may not create requests.");
    const session = await gateway.login("operator");
    expectJsonError(await open311Post(gateway, "requests.json", noiseRequest({ api_key: undefined }), { cookie: session }), 403, /api_key was not provided/);
  });

  it("answers an unknown or missing service_code and another jurisdiction in the spec's terms", async () => {
    expectJsonError(await open311Post(gateway, "requests.json", noiseRequest({ service_code: "NO.SUCH" })), 404, "service_code provided was not found");
    expectXmlError(await open311Post(gateway, "requests.xml", noiseRequest({ service_code: "URBAN" })), 404, "service_code provided was not found");
    expectJsonError(await open311Post(gateway, "requests.json", noiseRequest({ service_code: undefined })), 400, "service_code was not provided");
    expectJsonError(await open311Post(gateway, "requests.json", noiseRequest({ jurisdiction_id: "sfgov.org" })), 404, "jurisdiction_id provided was not found");
    expectXmlError(await open311Post(gateway, "requests.xml", noiseRequest({ jurisdiction_id: "sfgov.org" })), 404, "jurisdiction_id provided was not found");
    expect((await open311Post(gateway, "requests.json", noiseRequest({ jurisdiction_id: "zibo.12345.gov.cn" }))).status).toBe(200);
  });

  it("lists every field problem with 400, naming the Open311 parameter", async () => {
    const missingAttribute = await open311Post(gateway, "requests.json", {
      ...noiseRequest({ "attribute[noiseTime]": undefined }),
      service_code: "EDU.BULLYING",
      description: "孩子在学校被同学欺负。",
    });
    expectJsonError(missingAttribute, 400, /^attribute\[schoolName\]: School name \(学校名称\) is required/);
    expectXmlError(
      await open311Post(gateway, "requests.xml", { ...noiseRequest({ "attribute[noiseTime]": undefined }), service_code: "EDU.BULLYING" }),
      400,
      /^attribute\[schoolName\]:/,
    );

    expectJsonError(await open311Post(gateway, "requests.json", noiseRequest({ lat: "abc", long: "118" })), 400, "lat: lat must be a decimal number (WGS84 degrees).");
    expectXmlError(await open311Post(gateway, "requests.xml", noiseRequest({ lat: "95", long: "118" })), 400, "lat: Latitude is between -90 and 90.");
    expectJsonError(await open311Post(gateway, "requests.json", noiseRequest({ lat: "36.8" })), 400, /^long: /);
    expectJsonError(await open311Post(gateway, "requests.json", noiseRequest({ address_string: undefined })), 400, "location: Give a location: lat and long, address_string, or address_id.");
    expectJsonError(await open311Post(gateway, "requests.json", noiseRequest({ address_id: "999999" })), 400, /^address_id: /);
    expectJsonError(await open311Post(gateway, "requests.json", noiseRequest({ "attribute[noiseTime]": "sometimes" })), 400, /^attribute\[noiseTime\]: When the noise occurs must be one of/);
    expectJsonError(await open311Post(gateway, "requests.json", noiseRequest({ "attribute[colour]": "red" })), 400, /^attribute\[colour\]: This category has no field/);
    expectJsonError(await open311Post(gateway, "requests.json", noiseRequest({ media_url: "javascript:alert(1)" })), 400, /^media_url: /);
    expectJsonError(await open311Post(gateway, "requests.json", noiseRequest({ request_type: "rant" })), 400, /^request_type: /);

    const several = await open311Post<Array<{ description: string }>>(gateway, "requests.json", noiseRequest({ phone: undefined, description: "吵", email: "not-an-email" }));
    expectJsonError(several, 400, /^phone: /, /^description: /, /^email: /);
    expect(several.json).toHaveLength(3);

    const multi = new URLSearchParams(noiseRequest({ "attribute[noiseTime]": undefined }));
    multi.append("attribute[noiseTime][]", "白天 / daytime");
    multi.append("attribute[noiseTime][]", "夜间 / night");
    expectJsonError(await open311Post(gateway, "requests.json", multi), 400, /^attribute\[noiseTime\]: This attribute takes one value/);
  });

  it("takes form-encoded parameters only, within the gateway's body limit", async () => {
    const asJson = await fetch(`${gateway.url}/open311/v2/requests.json`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(noiseRequest()),
    });
    expect(asJson.status).toBe(400);
    expect(await asJson.json()).toEqual([{ code: 400, description: "Send the parameters as application/x-www-form-urlencoded (or in the query string)." }]);

    const huge = await open311Post(gateway, "requests.xml", noiseRequest({ description: "噪".repeat(300_000) }));
    expectXmlError(huge, 413, /larger than this endpoint accepts/);
  });

  it("escapes what a citizen typed so the XML stays well-formed", async () => {
    const text = `工地 <b>"夜间"</b> & 'Tom' ]]> 施工 \u{20BB7}`;
    const created = await open311Post<Created>(gateway, "requests.json", noiseRequest({ description: text }));
    const xml = await open311Get(gateway, `requests/${created.json[0]!.service_request_id}.xml`);
    expect(xml.status).toBe(200);
    expect(textAt(xml.xml!, "request/description")).toBe(text);
  });
});
