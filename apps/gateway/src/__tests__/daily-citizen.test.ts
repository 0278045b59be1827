import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { citizenAccessToken } from "./citizen.js";
import { startTestGateway, type GraphQLResponse, type TestGateway } from "./harness.js";
import { DEMO_API_KEY, open311Get, open311Post } from "./open311-client.js";

/**
 * Issue 16: what a citizen sees of the unit's work (public notes, reply photos, Open311 status
 * notes) and the lead unit's handlers calling a citizen who chose no restriction (先联系后办理).
 */
type QueueItem = { ticket: { id: string; trackingNumber: string; version: number } };
type PublicView = {
  trackTicket: {
    publicNotes: Array<{ text: string; unitNameZh: string }>;
    reply: { text: string; attachments: Array<{ id: string; filename: string; contentType: string; url: string }> } | null;
  };
};

const PHONE = "13912345678";
// The smallest valid PNG (1×1).
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

let gateway: TestGateway;
const cookies = { dispatcher: "", handler: "", "handler.qingcheng": "", operator: "" };
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

/** A portal request about a school in 张店区, with the citizen's privacy choice. */
async function submit(privacy: "NONE" | "ANONYMOUS" | "CONFIDENTIAL"): Promise<string> {
  const data = await ok(
    gateway.gql<{ submitRequest: { trackingNumber: string } }>("mutation($input: SubmitRequestInput!) { submitRequest(input: $input) { trackingNumber } }", {
      input: {
        requestType: "COMPLAINT",
        categoryId: ids.categories.get("EDU.FEES_TUTORING"),
        description: "学校要求家长购买指定的课外辅导资料，费用较高。",
        districtId: ids.districts.get("张店区"),
        address: "张店区人民西路 12 号",
        citizenName: "赵女士",
        phone: PHONE,
        privacy,
      },
    }),
  );
  return data.submitRequest.trackingNumber;
}

/** Waits for the ticket in the dispatch queue and dispatches it to the education bureau. */
async function dispatchToEducation(trackingNumber: string): Promise<string> {
  let item: QueueItem | undefined;
  await expect
    .poll(async () => {
      const queue = await ok(gateway.gql<{ dispatchQueue: QueueItem[] }>("{ dispatchQueue { ticket { id trackingNumber version } } }", undefined, cookies.dispatcher));
      item = queue.dispatchQueue.find((entry) => entry.ticket.trackingNumber === trackingNumber);
      return item;
    }, { timeout: 10_000 })
    .toBeDefined();
  await ok(
    gateway.gql("mutation($input: DispatchInput!) { dispatchTicket(input: $input) { id } }", {
      input: { ticketId: item!.ticket.id, version: item!.ticket.version, leadUnitId: ids.units.get("BUR-EDU") },
    }, cookies.dispatcher),
  );
  return item!.ticket.id;
}

function note(ticketId: string, text: string, visibility: "PUBLIC" | "INTERNAL") {
  return ok(gateway.gql("mutation($t: ID!, $x: String!, $v: NoteVisibility!) { addProgressNote(ticketId: $t, text: $x, visibility: $v) { id } }", { t: ticketId, x: text, v: visibility }, cookies.handler));
}

async function uploadPhoto(cookie: string, name: string): Promise<string> {
  const response = await fetch(`${gateway.url}/uploads`, { method: "POST", headers: { cookie, "content-type": "image/png", "x-filename": name }, body: PNG });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

function track(trackingNumber: string, accessToken: string): Promise<GraphQLResponse<PublicView>> {
  return gateway.gql<PublicView>(
    "query($n: String!, $t: String!) { trackTicket(trackingNumber: $n, accessToken: $t) { publicNotes { text unitNameZh } reply { text attachments { id filename contentType url } } } }",
    { n: trackingNumber, t: accessToken },
  );
}

const revealMutation = "mutation($t: ID!) { revealCitizenPhone(ticketId: $t) { phone telUri } }";

describe("what the citizen sees of the unit's work", () => {
  it("shows public progress notes and the reply's photos to the citizen, never internal notes; the photo opens only with that ticket's access", async () => {
    const trackingNumber = await submit("NONE");
    const ticketId = await dispatchToEducation(trackingNumber);
    await ok(gateway.gql("mutation($t: ID!) { signFor(ticketId: $t) { id } }", { t: ticketId }, cookies.handler));
    await note(ticketId, "已联系学校核实情况，预计本周内答复。", "PUBLIC");
    await note(ticketId, "校长办公室电话 0533-0000000，内部跟进。", "INTERNAL");

    const token = await citizenAccessToken(gateway.url, trackingNumber, PHONE);
    const before = await ok(track(trackingNumber, token));
    expect(before.trackTicket.publicNotes).toEqual([{ text: "已联系学校核实情况，预计本周内答复。", unitNameZh: expect.stringContaining("教育局") }]);
    expect(JSON.stringify(before.trackTicket)).not.toContain("内部跟进");
    expect(before.trackTicket.reply).toBeNull();

    const photo = await uploadPhoto(cookies.handler, "school-notice.png");
    const unrelated = await uploadPhoto(cookies.handler, "other.png");
    await ok(
      gateway.gql("mutation($t: ID!, $i: ReplyInput!) { replyToTicket(ticketId: $t, input: $i) { id } }", {
        t: ticketId,
        i: { outcome: "RESOLVED", text: "学校已停止统一征订辅导资料，已购资料可退。", attachmentIds: [photo] },
      }, cookies.handler),
    );
    const after = await ok(track(trackingNumber, token));
    expect(after.trackTicket.reply?.attachments).toEqual([{ id: photo, filename: "school-notice.png", contentType: "image/png", url: `/files/${photo}` }]);

    // The citizen reads the photo with their tracking access; not without it, not another file.
    const own = await fetch(`${gateway.url}/files/${photo}`, { headers: { "x-tracking-access": token } });
    expect(own.status).toBe(200);
    expect(Buffer.from(await own.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await fetch(`${gateway.url}/files/${photo}`)).status).toBe(404);
    expect((await fetch(`${gateway.url}/files/${unrelated}`, { headers: { "x-tracking-access": token } })).status).toBe(404);
    expect((await fetch(`${gateway.url}/files/${photo}`, { headers: { "x-tracking-access": "not-a-token" } })).status).toBe(404);

    // Another citizen's access (another request) does not open it.
    const otherNumber = await submit("NONE");
    const otherToken = await citizenAccessToken(gateway.url, otherNumber, PHONE);
    expect((await fetch(`${gateway.url}/files/${photo}`, { headers: { "x-tracking-access": otherToken } })).status).toBe(404);
    // Staff who may see the ticket still open it with their login.
    expect((await fetch(`${gateway.url}/files/${photo}`, { headers: { cookie: cookies.dispatcher } })).status).toBe(200);
  });

  it("puts the latest public note in Open311 status_notes of a request that may be published, never of a withheld one", async () => {
    const areas = await ok(gateway.gql<{ areas: Array<{ id: string; code: string }> }>("query($p: ID) { areas(parentId: $p) { id code } }", { p: ids.districts.get("张店区") }));
    const created = await open311Post<Array<{ service_request_id: string }>>(gateway, "requests.json", {
      api_key: DEMO_API_KEY,
      service_code: "URBAN.NOISE",
      address_id: areas.areas[0]!.code,
      address_string: "共青团西路100号",
      description: "工地夜间施工噪音扰民，请尽快处理。",
      first_name: "小明",
      last_name: "王",
      phone: "13812345678",
    });
    expect(created.status).toBe(200);
    const published = created.json[0]!.service_request_id;
    const publishedId = await dispatchToEducation(published);
    await ok(gateway.gql("mutation($t: ID!) { signFor(ticketId: $t) { id } }", { t: publishedId }, cookies.handler));
    await note(publishedId, "已责令工地停止夜间施工，联系人 13812345678。", "PUBLIC");
    await note(publishedId, "内部：施工方负责人态度不好。", "INTERNAL");

    const portal = await submit("NONE");
    const portalId = await dispatchToEducation(portal);
    await ok(gateway.gql("mutation($t: ID!) { signFor(ticketId: $t) { id } }", { t: portalId }, cookies.handler));
    await note(portalId, "已到学校了解情况。", "PUBLIC");

    const open = await open311Get<Array<{ status_notes: string | null }>>(gateway, `requests/${published}.json?locale=zh`);
    expect(open.status).toBe(200);
    expect(open.json[0]!.status_notes).toContain("已责令工地停止夜间施工");
    expect(open.json[0]!.status_notes).not.toContain("13812345678");
    expect(open.json[0]!.status_notes).not.toContain("内部");
    const withheld = await open311Get<Array<{ status_notes: string | null }>>(gateway, `requests/${portal}.json`);
    expect(withheld.status).toBe(200);
    expect(withheld.json[0]!.status_notes).not.toContain("已到学校了解情况");
  });
});

describe("先联系后办理: the lead unit's handler calls a citizen who chose no restriction", () => {
  it("reveals the number with a tel: link and logs it, only with Privacy NONE, only to the lead unit's handlers", async () => {
    const open = await dispatchToEducation(await submit("NONE"));
    const anonymous = await dispatchToEducation(await submit("ANONYMOUS"));
    const confidential = await dispatchToEducation(await submit("CONFIDENTIAL"));

    // Before: the handler sees a masked number.
    const masked = await ok(gateway.gql<{ ticket: { citizenPhone: string } }>("query($id: ID!) { ticket(id: $id) { citizenPhone } }", { id: open }, cookies.handler));
    expect(masked.ticket.citizenPhone).toBe("139****5678");

    const revealed = await ok(gateway.gql<{ revealCitizenPhone: { phone: string; telUri: string } }>(revealMutation, { t: open }, cookies.handler));
    expect(revealed.revealCitizenPhone).toEqual({ phone: PHONE, telUri: `tel:${PHONE}` });
    const history = await ok(gateway.gql<{ ticket: { history: Array<{ kind: string; actorName: string | null }> } }>("query($id: ID!) { ticket(id: $id) { history { kind actorName } } }", { id: open }, cookies.dispatcher));
    expect(history.ticket.history.filter((entry) => entry.kind === "CITIZEN_PHONE_REVEALED")).toEqual([{ kind: "CITIZEN_PHONE_REVEALED", actorName: expect.any(String) }]);

    for (const hidden of [anonymous, confidential]) {
      const refused = await gateway.gql(revealMutation, { t: hidden }, cookies.handler);
      expect(refused.errors?.[0]?.extensions?.code).toBe("ROUTING/PHONE_PROTECTED");
      expect(JSON.stringify(refused)).not.toContain(PHONE);
      const kinds = await ok(gateway.gql<{ ticket: { history: Array<{ kind: string }> } }>("query($id: ID!) { ticket(id: $id) { history { kind } } }", { id: hidden }, cookies.dispatcher));
      expect(kinds.ticket.history.map((entry) => entry.kind)).not.toContain("CITIZEN_PHONE_REVEALED");
    }

    // A handler of another unit, and centre staff, cannot use it.
    const otherUnit = await gateway.gql(revealMutation, { t: open }, cookies["handler.qingcheng"]);
    expect(otherUnit.errors?.[0]?.extensions?.code).toBe("ROUTING/NOT_YOUR_UNIT");
    const operator = await gateway.gql(revealMutation, { t: open }, cookies.operator);
    expect(operator.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const anonymousCaller = await gateway.gql(revealMutation, { t: open });
    expect(anonymousCaller.errors?.[0]?.extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
  });
});
