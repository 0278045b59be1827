import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devSms, trackAsCitizen } from "./citizen.js";
import { pickSliceIds, startTestGateway, type TestGateway } from "./harness.js";
import { subscribedOn } from "./subscriptions.js";

const SUBMIT = `mutation($input: SubmitRequestInput!) { submitRequest(input: $input) { trackingNumber receivedAt } }`;
const TRACKED = "{ trackingNumber status category { code } district { nameZh } timeline { at status } }";

let gateway: TestGateway;
let ids: Awaited<ReturnType<typeof pickSliceIds>>;

beforeAll(async () => {
  gateway = await startTestGateway();
  ids = await pickSliceIds(gateway);
});
afterAll(() => gateway?.stop());

function request(overrides: Record<string, unknown> = {}) {
  return {
    requestType: "COMPLAINT",
    categoryId: ids.categoryId,
    description: "楼上住户每晚十一点后装修噪音扰民，影响休息。",
    districtId: ids.districtId,
    townshipId: ids.townshipId,
    address: "张店区共青团西路 88 号 3 单元",
    citizenName: "王先生",
    phone: "13812345678",
    ...overrides,
  };
}

describe("the first slice: portal submit → operator sees it live → citizen tracks it", () => {
  it("pushes a submitted request to a logged-in operator's subscription and lets the citizen track it", async () => {
    const operator = await gateway.login("operator");
    const client = gateway.wsClient(operator);
    const received: Array<{ trackingNumber: string; citizenPhone: string; status: string }> = [];
    const errors: unknown[] = [];
    await subscribedOn(
      gateway.app,
      () =>
        client.subscribe<{ ticketReceived: { trackingNumber: string; citizenPhone: string; status: string } }>(
          { query: "subscription { ticketReceived { trackingNumber citizenPhone status } }" },
          { next: (value) => value.data && received.push(value.data.ticketReceived), error: (error) => errors.push(error), complete: () => undefined },
        ),
      () => errors.length > 0,
    );
    expect(errors).toEqual([]);

    const submitted = await gateway.gql<{ submitRequest: { trackingNumber: string } }>(SUBMIT, { input: request() });
    expect(submitted.errors).toBeUndefined();
    const trackingNumber = submitted.data!.submitRequest.trackingNumber;
    expect(trackingNumber).toMatch(/^ZB-\d{8}-\d{5}$/);

    await expect.poll(() => received.map((t) => t.trackingNumber), { timeout: 10_000 }).toContain(trackingNumber);
    const pushed = received.find((t) => t.trackingNumber === trackingNumber)!;
    expect(pushed).toMatchObject({ status: "RECEIVED", citizenPhone: "13812345678" });
    await client.dispose();

    const tracked = await trackAsCitizen<{ trackTicket: { status: string; timeline: Array<{ status: string }> } }>(gateway.url, trackingNumber.toLowerCase(), "138-1234-5678", TRACKED);
    expect(tracked.errors).toBeUndefined();
    expect(tracked.data!.trackTicket.status).toBe("RECEIVED");
    expect(tracked.data!.trackTicket.timeline).toEqual([expect.objectContaining({ status: "RECEIVED" })]);
  });

  it("answers a wrong phone like an unknown tracking number, and texts no code", async () => {
    const submitted = await gateway.gql<{ submitRequest: { trackingNumber: string } }>(SUBMIT, { input: request({ phone: "13900001111" }) });
    const trackingNumber = submitted.data!.submitRequest.trackingNumber;
    const REQUEST = `mutation($n: String!, $p: String!) { requestTrackingCode(trackingNumber: $n, phone: $p) { sentTo resendAfterSeconds } }`;
    const wrongPhone = await gateway.gql(REQUEST, { n: trackingNumber, p: "13900002222" });
    const unknown = await gateway.gql(REQUEST, { n: "ZB-20990101-99999", p: "13900002222" });
    expect(wrongPhone).toEqual({ data: { requestTrackingCode: { sentTo: "139****2222", resendAfterSeconds: 60 } } });
    expect(unknown).toEqual(wrongPhone);
    expect(await devSms(gateway.url, "13900002222")).toEqual([]);
    const guessed = await gateway.gql(`query($n: String!) { trackTicket(trackingNumber: $n, accessToken: "guessed") { status } }`, { n: trackingNumber });
    expect(guessed.errors?.[0]?.extensions?.code).toBe("INTAKE/TRACKING_ACCESS_INVALID");
    expect(guessed.data).toBeNull();
  });

  it("keeps the timeline free of staff names and masks the phone for a supervisor", async () => {
    const supervisor = await gateway.login("supervisor");
    const queue = await gateway.gql<{ ticketQueue: { total: number; items: Array<{ citizenPhone: string; history: Array<{ actorName: string }> }> } }>(
      "{ ticketQueue(limit: 5) { total items { citizenPhone history { actorName } } } }",
      undefined,
      supervisor,
    );
    expect(queue.errors).toBeUndefined();
    expect(queue.data!.ticketQueue.total).toBeGreaterThan(0);
    for (const item of queue.data!.ticketQueue.items) {
      expect(item.citizenPhone).toMatch(/^\d{3}\*+\d{4}$/);
    }
  });
});

describe("bad input to the slice gets a clear error with a code and writes nothing", () => {
  async function counts() {
    const [row] = await gateway.db.dataSource.query(
      "SELECT (SELECT count(*) FROM intake_ticket)::int AS tickets, (SELECT count(*) FROM intake_ticket_history)::int AS history, (SELECT count(*) FROM platform_outbox)::int AS events",
    );
    return row as { tickets: number; history: number; events: number };
  }

  /** The counts once the outbox has handled every due event: earlier tickets' handlers (auto-dispatch, notices) write history and events of their own. */
  async function settledCounts() {
    await expect
      .poll(async () => ((await gateway.db.dataSource.query("SELECT count(*)::int AS n FROM platform_outbox WHERE processed_at IS NULL AND available_at <= now()")) as Array<{ n: number }>)[0]!.n, {
        timeout: 15_000,
        interval: 50,
      })
      .toBe(0);
    return counts();
  }

  it.each([
    ["an empty description", { description: "   " }, "BAD_USER_INPUT", "description"],
    ["a 100,000-character description", { description: "噪".repeat(100_000) }, "BAD_USER_INPUT", "description"],
    ["an invalid phone number", { phone: "12345" }, "BAD_USER_INPUT", "phone"],
    ["an unknown category", { categoryId: "00000000-0000-4000-8000-000000000000" }, "INTAKE/UNKNOWN_CATEGORY", "categoryId"],
    ["a category id that is not an id", { categoryId: "1; DROP TABLE intake_ticket" }, "INTAKE/UNKNOWN_CATEGORY", "categoryId"],
    ["a township outside the district", { townshipId: "00000000-0000-4000-8000-000000000000" }, "INTAKE/UNKNOWN_AREA", "townshipId"],
  ])("rejects %s", async (_label, overrides, code, field) => {
    const before = await settledCounts();
    const response = await gateway.gql(SUBMIT, { input: request(overrides) });
    expect(response.data).toBeNull();
    expect(response.errors?.[0]?.extensions?.code).toBe(code);
    expect(response.errors?.[0]?.extensions?.fields?.map((f) => f.field)).toContain(field);
    expect(response.errors?.[0]?.message).not.toMatch(/SELECT|INSERT|at .*\.js/);
    expect(await counts()).toEqual(before);
  });

  it("treats SQL in a tracking-number lookup as text and answers with a clear error", async () => {
    const REQUEST_CODE = `mutation($n: String!, $p: String!) { requestTrackingCode(trackingNumber: $n, phone: $p) { sentTo } }`;
    const response = await gateway.gql(REQUEST_CODE, { n: "ZB-1' OR '1'='1", p: "13812345678" });
    expect(response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(response.errors?.[0]?.extensions?.fields?.[0]?.field).toBe("trackingNumber");
    const wellFormed = await gateway.gql(REQUEST_CODE, { n: "ZB-20261124-00001' --", p: "13812345678" });
    expect(wellFormed.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("rejects an unknown request type with the variable's name and no suggestion", async () => {
    const response = await gateway.gql(SUBMIT, { input: request({ requestType: "COMPLAIN" }) });
    expect(response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(response.errors?.[0]?.message).not.toMatch(/did you mean/i);
  });
});
