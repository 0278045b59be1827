import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { citizenAccessToken, devSms } from "./citizen.js";
import { startTestGateway, type GraphQLResponse, type TestGateway } from "./harness.js";
import { pubsubSettled, subscribedOn } from "./subscriptions.js";

/**
 * Issue 13 over real HTTP: citizens texted from the gateway's own outbox and timers (the dev SMS
 * sender records them), a confidential request's text naming no unit, a citizen's addition with a
 * photo seen by the lead unit and in the timeline, refusals with codes and nothing stored, the
 * admin-only template mutation with its placeholder code.
 */
type QueueItem = { ticket: { id: string; trackingNumber: string; version: number } };
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

let gateway: TestGateway;
const cookies = { dispatcher: "", handler: "", operator: "", admin: "" };
const ids = { categories: new Map<string, string>(), districts: new Map<string, string>(), units: new Map<string, string>() };

async function ok<T>(response: Promise<GraphQLResponse<T>>): Promise<T> {
  const result = await response;
  expect(result.errors).toBeUndefined();
  return result.data!;
}

beforeAll(async () => {
  gateway = await startTestGateway();
  for (const user of Object.keys(cookies) as Array<keyof typeof cookies>) {
    cookies[user] = await gateway.login(user);
  }
  const catalog = await ok(gateway.gql<{ categories: Array<{ id: string; code: string }>; areas: Array<{ id: string; nameZh: string }> }>("{ categories { id code } areas { id nameZh } }"));
  const units = await ok(gateway.gql<{ units: Array<{ id: string; code: string }> }>("{ units { id code } }", undefined, cookies.dispatcher));
  catalog.categories.forEach((category) => ids.categories.set(category.code, category.id));
  catalog.areas.forEach((area) => ids.districts.set(area.nameZh, area.id));
  units.units.forEach((unit) => ids.units.set(unit.code, unit.id));
});
afterAll(() => gateway?.stop());

async function submit(phone: string, privacy: "NONE" | "CONFIDENTIAL" = "NONE"): Promise<string> {
  const data = await ok(
    gateway.gql<{ submitRequest: { trackingNumber: string } }>("mutation($input: SubmitRequestInput!) { submitRequest(input: $input) { trackingNumber } }", {
      input: {
        requestType: "COMPLAINT",
        categoryId: ids.categories.get("EDU.FEES_TUTORING"),
        description: "学校要求家长购买指定的课外辅导资料。",
        districtId: ids.districts.get("张店区"),
        address: "张店区人民西路 12 号",
        citizenName: "赵女士",
        phone,
        privacy,
      },
    }),
  );
  return data.submitRequest.trackingNumber;
}

async function dispatchToEducation(trackingNumber: string): Promise<string> {
  let item: QueueItem | undefined;
  await expect
    .poll(async () => {
      const queue = await ok(gateway.gql<{ dispatchQueue: QueueItem[] }>("{ dispatchQueue { ticket { id trackingNumber version } } }", undefined, cookies.dispatcher));
      item = queue.dispatchQueue.find((entry) => entry.ticket.trackingNumber === trackingNumber);
      return item;
    }, { timeout: 10_000 })
    .toBeDefined();
  await ok(gateway.gql("mutation($input: DispatchInput!) { dispatchTicket(input: $input) { id } }", { input: { ticketId: item!.ticket.id, version: item!.ticket.version, leadUnitId: ids.units.get("BUR-EDU") } }, cookies.dispatcher));
  return item!.ticket.id;
}

/** Waits for a text of `purpose` to `phone`. */
async function textOf(phone: string, purpose: string): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(async () => {
      found = (await devSms(gateway.url, phone)).find((message) => message.purpose === purpose)?.text;
      return found;
    }, { timeout: 10_000 })
    .toBeDefined();
  return found!;
}

const ADD = "mutation($input: CitizenAdditionInput!) { addToRequest(input: $input) { id message photos { id url } } }";

describe("citizens informed through the running gateway", () => {
  it("a dispatch is texted with the unit and the deadline; a confidential request's text names no unit", async () => {
    const plain = await submit("13977770001");
    const secret = await submit("13977770002", "CONFIDENTIAL");
    await dispatchToEducation(plain);
    await dispatchToEducation(secret);
    const text = await textOf("13977770001", "notice-dispatched");
    expect(text).toContain(plain);
    expect(text).toContain("教育局");
    expect(text).toMatch(/办理时限至 \d{4}年\d{1,2}月\d{1,2}日/);
    const confidential = await textOf("13977770002", "notice-dispatched");
    expect(confidential).toContain(secret);
    expect(confidential).not.toContain("教育局");
    expect(confidential).toContain("相关承办单位");
  });
});

describe("a citizen's addition over HTTP", () => {
  it("is stored with its photo, seen by the lead unit and in the timeline; refused with codes and nothing stored otherwise", async () => {
    const phone = "13977770003";
    const trackingNumber = await submit(phone);
    const ticketId = await dispatchToEducation(trackingNumber);
    const token = await citizenAccessToken(gateway.url, trackingNumber, phone);
    const upload = await fetch(`${gateway.url}/uploads`, { method: "POST", headers: { "content-type": "image/png", "x-filename": "fee.png", "x-portal-upload": "1" }, body: PNG });
    expect(upload.status).toBe(201);
    const photo = (await upload.json()) as { id: string; uploadKey: string };

    const refused = async (input: Record<string, unknown>, cookie?: string) => (await gateway.gql(ADD, { input: { trackingNumber, accessToken: token, ...input } }, cookie)).errors?.[0]?.extensions?.code;
    expect(await refused({ accessToken: "forged" })).toBe("INTAKE/TRACKING_ACCESS_INVALID");
    expect(await refused({ message: " " })).toBe("CALLBACK/NOTHING_TO_ADD");
    expect(await refused({ message: "x", attachments: [{ id: photo.id, uploadKey: "not-the-key" }] })).toBe("INTAKE/ATTACHMENT_REJECTED");
    const [before] = (await gateway.db.dataSource.query("SELECT count(*)::int AS n FROM callback_citizen_addition WHERE ticket_id = $1", [ticketId])) as Array<{ n: number }>;
    expect(before!.n).toBe(0);

    // The lead unit's open workbench hears of it live (one routingChanged push on its unit topic).
    // Earlier events' pushes (the dispatch) delivered first, so only the addition's can arrive after.
    await gateway.app.outbox.drain();
    await pubsubSettled(gateway.app);
    const pushes: unknown[] = [];
    const ws = gateway.wsClient(cookies.handler);
    await subscribedOn(gateway.app, () => {
      ws.subscribe({ query: "subscription { routingChanged }" }, { next: (value) => void pushes.push(value), error: () => undefined, complete: () => undefined });
    });
    const added = await ok(gateway.gql<{ addToRequest: { id: string; message: string; photos: Array<{ id: string }> } }>(ADD, { input: { trackingNumber, accessToken: token, message: "又收到了新的收费通知。", attachments: [{ id: photo.id, uploadKey: photo.uploadKey }] } }));
    expect(added.addToRequest).toMatchObject({ message: "又收到了新的收费通知。", photos: [{ id: photo.id }] });
    await expect.poll(() => pushes.length, { timeout: 10_000 }).toBeGreaterThan(0);
    await ws.dispose();

    const unread = await ok(gateway.gql<{ unreadCitizenAdditions: Array<{ id: string; trackingNumber: string; photos: Array<{ url: string }> }> }>("{ unreadCitizenAdditions { id trackingNumber photos { url } } }", undefined, cookies.handler));
    const mine = unread.unreadCitizenAdditions.find((row) => row.id === added.addToRequest.id);
    expect(mine?.trackingNumber).toBe(trackingNumber);
    const file = await fetch(`${gateway.url}${mine!.photos[0]!.url}`, { headers: { cookie: cookies.handler } });
    expect(file.status).toBe(200);
    const timeline = await ok(gateway.gql<{ ticket: { history: Array<{ kind: string; actorKind: string; noteCode: string | null }> } }>("query($id: ID!) { ticket(id: $id) { history { kind actorKind noteCode } } }", { id: ticketId }, cookies.handler));
    expect(timeline.ticket.history).toContainEqual({ kind: "CITIZEN_ADDITION", actorKind: "CITIZEN", noteCode: "CITIZEN_ADDITION" });
    expect((await gateway.gql("{ unreadCitizenAdditions { id } }", undefined, cookies.operator)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("text templates", () => {
  const SAVE = "mutation($s: NoticeStep!, $l: NoticeLocale!, $t: String) { saveSmsTemplate(step: $s, locale: $l, text: $t) { text isDefault } }";
  it("are admin-only; an unknown placeholder answers its code and the placeholder, nothing stored", async () => {
    expect((await gateway.gql(SAVE, { s: "CLOSED", l: "EN", t: "{number}" }, cookies.dispatcher)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await gateway.gql(SAVE, { s: "CLOSED", l: "EN", t: "{number}" })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const bad = await gateway.gql(SAVE, { s: "CLOSED", l: "EN", t: "{number} closed {when}" }, cookies.admin);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "CALLBACK/TEMPLATE_UNKNOWN_PLACEHOLDER", placeholder: "when", fields: [{ field: "text", code: "UNKNOWN_PLACEHOLDER" }] });
    const listed = await ok(gateway.gql<{ smsTemplates: Array<{ step: string; locale: string; isDefault: boolean }> }>("{ smsTemplates { step locale isDefault } }", undefined, cookies.admin));
    expect(listed.smsTemplates).toHaveLength(8);
    expect(listed.smsTemplates.every((template) => template.isDefault)).toBe(true);
  });
});
