import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pickSliceIds, startTestGateway, type TestGateway } from "../harness.js";
import { DEMO_API_KEY, open311Post } from "../open311-client.js";
import { ONE_MB, RLO, VALID_UNUSUAL, expectRefused, fieldOf, postGraphQL, rowCounts, textCases, type TextCase } from "./kit.js";

// The bad-input suite for intake: logCall (call screen), submitRequest (portal), Open311 POST, login.
// Every refusal is coded, readable and stores nothing; valid unusual text round-trips exactly.

const LOG_CALL = "mutation($input: LogCallInput!) { logCall(input: $input) { id description citizenName address title } }";
const SUBMIT = "mutation($input: SubmitRequestInput!) { submitRequest(input: $input) { trackingNumber } }";
const TICKETS = ["intake_ticket", "intake_co_reporter", "intake_ticket_attachment"] as const;
const MISSING = "00000000-0000-4000-8000-000000000000";

let gateway: TestGateway;
let operator: string;
let ids: Awaited<ReturnType<typeof pickSliceIds>>;

beforeAll(async () => {
  gateway = await startTestGateway();
  operator = await gateway.login("operator");
  ids = await pickSliceIds(gateway);
});
afterAll(() => gateway?.stop());

function call(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    requestType: "COMPLAINT",
    categoryId: ids.categoryId,
    description: "楼下烧烤店每晚营业到凌晨两点，噪音扰民。",
    districtId: ids.districtId,
    address: "张店区共青团西路 88 号",
    citizenName: "王先生",
    phone: "13812345678",
    ...overrides,
  };
}

const TEXT_FIELDS = {
  description: { max: 4000, min: 4, required: true, kind: "text", valid: "噪音扰民严重" },
  citizenName: { max: 50, required: true, kind: "line", valid: "王先生" },
  address: { max: 200, required: true, kind: "line", valid: "共青团西路88号" },
  title: { max: 100, required: false, kind: "line", valid: "夜间噪音" },
} as const;

const textTable = Object.entries(TEXT_FIELDS).flatMap(([field, limits]) => textCases(limits).map((c): [string, string, TextCase] => [field, c.label, c]));

/** Refused: coded error, no ticket stored. Stored: the value reads back exactly. */
async function expectTextCase(mutation: "logCall" | "submitRequest", field: string, c: TextCase): Promise<void> {
  const before = await rowCounts(gateway, TICKETS);
  const isLogCall = mutation === "logCall";
  const portalField = field === "title" ? null : field;
  if (!isLogCall && !portalField) {
    return;
  }
  const response = await postGraphQL(gateway, isLogCall ? LOG_CALL : SUBMIT, { input: call({ [field]: c.value }) }, isLogCall ? { cookie: operator } : {});
  if (c.expect === "stored") {
    expect(response.errors).toBeUndefined();
    const column = { description: "description", citizenName: "citizen_name", address: "address", title: "title" }[field]!;
    const where = isLogCall ? ["id", (response.data as { logCall: { id: string } }).logCall.id] : ["tracking_number", (response.data as { submitRequest: { trackingNumber: string } }).submitRequest.trackingNumber];
    const [row] = (await gateway.db.dataSource.query(`SELECT ${column} AS value FROM intake_ticket WHERE ${where[0]} = $1`, [where[1]])) as Array<{ value: string }>;
    expect(row!.value).toBe(c.value);
    return;
  }
  expectRefused(response, c.expect.code, fieldOf(field, c.expect));
  expect(await rowCounts(gateway, TICKETS)).toEqual(before);
}

// Refusals run concurrently with each other only (they write nothing, so the counts hold), stored cases after them.
const refused = textTable.filter(([, , c]) => c.expect !== "stored");
const stored = textTable.filter(([, , c]) => c.expect === "stored");
const portal = ([field]: [string, string, TextCase]) => field !== "title";

describe.each([
  ["refused", refused],
  ["stored exactly", stored],
] as const)("logCall and submitRequest text fields: %s", (_kind, table) => {
  it.concurrent.each(table)("logCall %s: %s", (field, _label, c) => expectTextCase("logCall", field, c));
  it.concurrent.each(table.filter(portal))("submitRequest %s: %s", (field, _label, c) => expectTextCase("submitRequest", field, c));
});

describe("logCall and submitRequest: enums, ids, numbers", () => {
  const cases: Array<[string, Record<string, unknown>, string, string?]> = [
    ["an unknown request type", { requestType: "NOPE" }, "BAD_USER_INPUT"],
    ["an unknown urgency", { urgency: "SUPER" }, "BAD_USER_INPUT"],
    ["an unknown channel", { channel: "FAX" }, "BAD_USER_INPUT"],
    ["an unknown privacy", { privacy: "SECRET" }, "BAD_USER_INPUT"],
    ["a category id that is no UUID", { categoryId: "not-a-uuid" }, "INTAKE/UNKNOWN_CATEGORY", "categoryId"],
    ["a category id that is a number", { categoryId: 42 }, "INTAKE/UNKNOWN_CATEGORY", "categoryId"],
    ["an empty category id", { categoryId: "" }, "INTAKE/UNKNOWN_CATEGORY", "categoryId"],
    ["a category id that does not exist", { categoryId: MISSING }, "INTAKE/UNKNOWN_CATEGORY", "categoryId"],
    ["a district id with SQL in it", { districtId: "1' OR '1'='1" }, "INTAKE/UNKNOWN_AREA", "districtId"],
    ["a district id that does not exist", { districtId: MISSING }, "INTAKE/UNKNOWN_AREA", "districtId"],
    ["a township id that is no UUID", { townshipId: "%" }, "INTAKE/UNKNOWN_AREA", "townshipId"],
    ["a huge latitude", { latitude: 1e308, longitude: 118 }, "BAD_USER_INPUT", "latitude"],
    ["a negative latitude out of range", { latitude: -91, longitude: 118 }, "BAD_USER_INPUT", "latitude"],
    ["a latitude that is a string", { latitude: "north", longitude: 118 }, "BAD_USER_INPUT"],
    ["a phone with letters", { phone: "138-ABCD-5678" }, "BAD_USER_INPUT", "phone"],
    ["a phone with a right-to-left override", { phone: `${RLO}13812345678` }, "BAD_USER_INPUT", "phone"],
    ["a NUL in a nested extra field", { extraFields: [{ key: "estateName", value: "锦华\u0000小区" }] }, "BAD_USER_INPUT", "extraFields.0.value"],
  ];
  it.concurrent.each(cases)("logCall refuses %s", async (_label, overrides, code, field) => {
    const before = await rowCounts(gateway, TICKETS);
    expectRefused(await postGraphQL(gateway, LOG_CALL, { input: call(overrides) }, { cookie: operator }), code, field ? { field } : undefined);
    expect(await rowCounts(gateway, TICKETS)).toEqual(before);
  });
  const portalCases = cases.filter(([, overrides]) => !["urgency", "channel", "extraFields"].some((key) => key in overrides));
  it.concurrent.each(portalCases)("submitRequest refuses %s", async (_label, overrides, code, field) => {
    const before = await rowCounts(gateway, TICKETS);
    expectRefused(await postGraphQL(gateway, SUBMIT, { input: call(overrides) }), code, field ? { field } : undefined);
    expect(await rowCounts(gateway, TICKETS)).toEqual(before);
  });
  it("submitRequest refuses attachments that are not uploads of this citizen", async () => {
    const before = await rowCounts(gateway, TICKETS);
    for (const attachment of [{ id: "x", uploadKey: "y" }, { id: MISSING, uploadKey: "" }, { id: MISSING, uploadKey: "%" }]) {
      const response = await postGraphQL(gateway, SUBMIT, { input: call({ attachments: [attachment] }) });
      expect(response.errors?.[0]?.extensions?.code).toMatch(/^(BAD_USER_INPUT|INTAKE\/[A-Z_]+)$/);
      expectRefused(response, response.errors![0]!.extensions!.code!);
    }
    expect(await rowCounts(gateway, TICKETS)).toEqual(before);
  });
});

describe("Open311 POST requests.json", () => {
  const base = { api_key: DEMO_API_KEY, service_code: "URBAN.NOISE", address_string: "张店区共青团西路100号", description: "工地夜间施工噪音扰民，请处理。", phone: "13812345678" };
  const cases: Array<[string, Record<string, string>, number]> = [
    ["an empty description", { description: "" }, 400],
    ["a whitespace-only description", { description: "  \t  " }, 400],
    ["a description just over 4,000 characters", { description: "噪".repeat(4001) }, 400],
    ["a NUL in the description", { description: "噪音\u0000扰民" }, 400],
    ["a NUL in the name", { first_name: "王\u0000" }, 400],
    ["a right-to-left override in the name", { first_name: `王${RLO}gpj.exe` }, 400],
    ["a NUL in the address", { address_string: "张店区\u0000" }, 400],
    ["a NUL in address_id", { address_id: "3703\u0000" }, 400],
    ["SQL in address_id", { address_id: "' OR 1=1 --" }, 400],
    ["LIKE wildcards in address_id", { address_id: "%_%" }, 400],
    ["a NUL in service_code", { service_code: "URBAN\u0000" }, 404],
    ["SQL in service_code", { service_code: "'; DROP TABLE intake_category; --" }, 404],
    ["an unknown request_type", { request_type: "bribe" }, 400],
    ["an unknown privacy", { privacy: "secret" }, 400],
    ["a latitude that is no number", { lat: "north", long: "118.05" }, 400],
    ["a huge latitude", { lat: "1e400", long: "118.05" }, 400],
    ["a negative latitude out of range", { lat: "-91", long: "118.05" }, 400],
    ["a phone with a NUL", { phone: "138\u000012345678" }, 400],
    ["an e-mail with a NUL", { email: "a\u0000@b.cn" }, 400],
  ];
  it.concurrent.each(cases)("refuses %s", async (_label, overrides, status) => {
    const before = await rowCounts(gateway, TICKETS);
    const response = await open311Post(gateway, "requests.json", { ...base, ...overrides });
    expect(response.status, response.text).toBe(status);
    const errors = response.json as Array<{ code: number; description: string }>;
    expect(errors.every((error) => error.code === status && error.description.length > 10)).toBe(true);
    expect(response.text).not.toMatch(/\bat .+\.(js|ts):\d+|SELECT |INSERT |QueryFailedError|byte sequence|syntax for type|intake_[a-z]/);
    expect(await rowCounts(gateway, TICKETS)).toEqual(before);
  });
  it("refuses a body of 1 MB and percent-encoded invalid UTF-8 (a lone surrogate), storing nothing", async () => {
    const before = await rowCounts(gateway, TICKETS);
    const big = await open311Post(gateway, "requests.json", { ...base, description: ONE_MB });
    expect(big.status).toBe(413);
    const body = `${new URLSearchParams(base).toString()}&first_name=%ED%A0%80`;
    const surrogate = await fetch(`${gateway.url}/open311/v2/requests.json`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
    expect(surrogate.status).toBe(400);
    expect(await rowCounts(gateway, TICKETS)).toEqual(before);
  });
  it("accepts emoji and metacharacters in the description and stores them exactly", async () => {
    const description = `${VALID_UNUSUAL.emoji} ${VALID_UNUSUAL.sql} ${VALID_UNUSUAL.like} ${VALID_UNUSUAL.tsquery}`;
    const response = await open311Post<Array<{ service_request_id: string }>>(gateway, "requests.json", { ...base, description, first_name: VALID_UNUSUAL.rtlMark });
    expect(response.status, response.text).toBe(200);
    const [row] = (await gateway.db.dataSource.query("SELECT description, citizen_name FROM intake_ticket WHERE tracking_number = $1", [response.json[0]!.service_request_id])) as Array<{ description: string; citizen_name: string }>;
    expect(row).toEqual({ description, citizen_name: VALID_UNUSUAL.rtlMark });
  });
});

describe("login", () => {
  const LOGIN = "mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { token } }";
  const cases: Array<[string, string, string, string]> = [
    ["an empty username", "", "x", "BAD_USER_INPUT"],
    ["a whitespace-only username", " \t ", "x", "BAD_USER_INPUT"],
    ["an empty password", "supervisor", "", "BAD_USER_INPUT"],
    ["a NUL in the username", "admin\u0000", "civicline-demo", "BAD_USER_INPUT"],
    ["a NUL in the password", "admin", "civicline-demo\u0000", "BAD_USER_INPUT"],
    ["a lone surrogate in the username", "admin\ud800", "civicline-demo", "INVALID_UTF8"],
    ["a 1 MB password", "admin", ONE_MB, "PAYLOAD_TOO_LARGE"],
    ["SQL in the username", "admin' --", "x", "AUTH/INVALID_CREDENTIALS"],
    ["LIKE wildcards in the username", "adm%", "x", "AUTH/INVALID_CREDENTIALS"],
    ["a right-to-left override in the username", `${RLO}nimda`, "x", "AUTH/INVALID_CREDENTIALS"],
    ["an emoji username", "👮", "x", "AUTH/INVALID_CREDENTIALS"],
    ["a username over 200 characters", "a".repeat(300), "x", "AUTH/INVALID_CREDENTIALS"],
  ];
  it.each(cases)("refuses %s without opening a session", async (_label, username, password, code) => {
    const before = await rowCounts(gateway, ["platform_session"]);
    const response = await fetch(`${gateway.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: LOGIN, variables: { u: username, p: password } }) });
    expect(response.headers.get("set-cookie")).toBeNull();
    expectRefused((await response.json()) as never, code);
    expect(await rowCounts(gateway, ["platform_session"])).toEqual(before);
  });
});
