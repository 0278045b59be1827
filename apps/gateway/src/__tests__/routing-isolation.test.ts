import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type GraphQLResponse, type TestGateway } from "./harness.js";
import { pubsubSettled, subscribedOn } from "./subscriptions.js";

/**
 * A handler of unit A (`handler`, 淄博市教育局) against a ticket of unit B (`handler.qingcheng`,
 * 青城镇人民政府): no query, mutation or subscription gives A anything of B's ticket.
 */
let gateway: TestGateway;
let unitA: string;
let unitB: string;
let ticketOfB: string;
const cookies: Record<string, string> = {};

type Queued = { ticket: { id: string; trackingNumber: string; version: number } };

async function ok<T>(response: Promise<GraphQLResponse<T>>): Promise<T> {
  const result = await response;
  expect(result.errors).toBeUndefined();
  return result.data!;
}

/** Submits a request on the portal and dispatches it to a unit; returns the ticket id. */
async function dispatchedTo(unitId: string): Promise<string> {
  const catalog = await ok(gateway.gql<{ categories: Array<{ id: string; code: string }>; areas: Array<{ id: string; nameZh: string }> }>("{ categories { id code } areas { id nameZh } }"));
  const submitted = await ok(
    gateway.gql<{ submitRequest: { trackingNumber: string } }>("mutation($input: SubmitRequestInput!) { submitRequest(input: $input) { trackingNumber } }", {
      input: {
        requestType: "COMPLAINT",
        categoryId: catalog.categories.find((category) => category.code === "OTHER.GENERAL")!.id,
        description: "路边广告牌松动，刮风时有掉落危险。",
        districtId: catalog.areas.find((area) => area.nameZh === "高青县")!.id,
        address: "高青县青城镇文化路",
        citizenName: "刘女士",
        phone: "13712345678",
      },
    }),
  );
  // The queue reads intake's tickets: a received ticket is in it at once.
  const queue = await ok(gateway.gql<{ dispatchQueue: Queued[] }>("{ dispatchQueue { ticket { id trackingNumber version } } }", undefined, cookies.dispatcher));
  const item = queue.dispatchQueue.find((entry) => entry.ticket.trackingNumber === submitted.submitRequest.trackingNumber);
  expect(item).toBeDefined();
  await ok(gateway.gql("mutation($i: DispatchInput!) { dispatchTicket(input: $i) { id } }", { i: { ticketId: item!.ticket.id, version: item!.ticket.version, leadUnitId: unitId } }, cookies.dispatcher));
  return item!.ticket.id;
}

beforeAll(async () => {
  gateway = await startTestGateway();
  for (const user of ["dispatcher", "handler", "handler.qingcheng"]) {
    cookies[user] = await gateway.login(user);
  }
  const units = await ok(gateway.gql<{ units: Array<{ id: string; code: string }> }>("{ units { id code } }", undefined, cookies.dispatcher));
  unitA = units.units.find((unit) => unit.code === "BUR-EDU")!.id;
  unitB = units.units.find((unit) => unit.code === "GOV-370322101")!.id;
  ticketOfB = await dispatchedTo(unitB);
});
afterAll(() => gateway?.stop());

const asA = (query: string, variables: Record<string, unknown> = {}) => gateway.gql(query, { t: ticketOfB, ...variables }, cookies.handler);
const codeOf = (response: GraphQLResponse): string | undefined => response.errors?.[0]?.extensions?.code as string | undefined;

describe("a handler of unit A and unit B's ticket", () => {
  it("cannot list it (unitInbox), while unit B can", async () => {
    const inboxA = await ok(gateway.gql<{ unitInbox: Array<{ ticket: { id: string } }> }>("{ unitInbox(includeClosed: true) { ticket { id } } }", undefined, cookies.handler));
    expect(inboxA.unitInbox.map((entry) => entry.ticket.id)).not.toContain(ticketOfB);
    const inboxB = await ok(gateway.gql<{ unitInbox: Array<{ ticket: { id: string } }> }>("{ unitInbox { ticket { id } } }", undefined, cookies["handler.qingcheng"]));
    expect(inboxB.unitInbox.map((entry) => entry.ticket.id)).toContain(ticketOfB);
  });

  it("cannot read its assignment", async () => {
    const response = await asA("query($t: ID!) { assignment(ticketId: $t) { id ticket { description citizenName } } }");
    expect(codeOf(response)).toBe("ROUTING/NOT_YOUR_UNIT");
    expect(response.data).toBeNull();
  });

  it("cannot read the ticket itself", async () => {
    const response = await asA("query($t: ID!) { ticket(id: $t) { id description } }");
    expect(["FORBIDDEN", "ROUTING/NOT_YOUR_UNIT", "INTAKE/TICKET_NOT_FOUND"]).toContain(codeOf(response));
    expect(response.data).toBeNull();
  });

  it("cannot search for it through the centre's queues and proposals", async () => {
    expect(codeOf(await asA("{ dispatchQueue { ticket { id } } }"))).toBe("FORBIDDEN");
    expect(codeOf(await asA("{ ticketQueue { items { id } } }"))).toBe("FORBIDDEN");
    expect(codeOf(await asA("query($t: ID!) { routingProposal(ticketId: $t) { clear } }"))).toBe("FORBIDDEN");
    expect(codeOf(await asA("{ pendingExtensions { id } }"))).toBe("FORBIDDEN");
  });

  it("hears nothing of it on routingChanged, but hears its own unit's tickets", async () => {
    const heard: unknown[] = [];
    const client = gateway.wsClient(cookies.handler);
    let done: Promise<void> = Promise.resolve();
    await subscribedOn(gateway.app, () => {
      done = new Promise<void>((resolve, reject) => {
        client.subscribe({ query: "subscription { routingChanged }" }, { next: (value) => heard.push(value), error: reject, complete: resolve });
      });
    });
    try {
      // Deliver what is still pending from the demo seed (the seed dispatched a case to unit A).
      await gateway.app.outbox.drain();
      await pubsubSettled(gateway.app);
      heard.length = 0;
      await ok(gateway.gql("mutation($t: ID!) { signFor(ticketId: $t) { id } }", { t: ticketOfB }, cookies["handler.qingcheng"]));
      await dispatchedTo(unitB);
      // Every event about unit B's ticket has been published and handed to the subscribers.
      await gateway.app.outbox.drain();
      await pubsubSettled(gateway.app);
      expect(heard).toEqual([]);
      await dispatchedTo(unitA);
      await expect.poll(() => heard.length, { timeout: 10_000 }).toBeGreaterThan(0);
      expect(heard[0]).toEqual({ data: { routingChanged: true } });
    } finally {
      await client.dispose();
      await done.catch(() => undefined);
    }
  });

  it("cannot sign for it", async () => {
    expect(codeOf(await asA("mutation($t: ID!) { signFor(ticketId: $t) { id } }"))).toBe("ROUTING/NOT_YOUR_UNIT");
  });

  it("cannot reply to it", async () => {
    const response = await asA("mutation($t: ID!) { replyToTicket(ticketId: $t, input: { outcome: RESOLVED, text: \"已处理完毕。\" }) { id } }");
    expect(codeOf(response)).toBe("ROUTING/NOT_YOUR_UNIT");
  });

  it("cannot return it", async () => {
    expect(codeOf(await asA("mutation($t: ID!) { returnTicket(ticketId: $t, reason: OTHER, text: \"不归我们管。\") { id } }"))).toBe("ROUTING/NOT_YOUR_UNIT");
  });

  it("cannot ask for an extension of it", async () => {
    expect(codeOf(await asA("mutation($t: ID!) { requestExtension(ticketId: $t, workingDays: 2, reason: \"需要更多时间\") { id } }"))).toBe("ROUTING/NOT_YOUR_UNIT");
  });

  it("cannot add notes or assisting input to it", async () => {
    expect(codeOf(await asA("mutation($t: ID!) { addProgressNote(ticketId: $t, text: \"看一眼\", visibility: INTERNAL) { id } }"))).toBe("ROUTING/NOT_YOUR_UNIT");
    expect(codeOf(await asA("mutation($t: ID!) { addAssistInput(ticketId: $t, text: \"看一眼\") { id } }"))).toBe("ROUTING/NOT_YOUR_UNIT");
  });

  it("and nothing it tried changed the ticket", async () => {
    const view = await ok(gateway.gql<{ assignment: { state: string; notes: unknown[]; returns: unknown[]; extension: unknown; reply: unknown } }>(
      "query($t: ID!) { assignment(ticketId: $t) { state notes { id } returns { id } extension { id } reply { text } } }",
      { t: ticketOfB },
      cookies["handler.qingcheng"],
    ));
    expect(view.assignment).toEqual({ state: "SIGNED_FOR", notes: [], returns: [], extension: null, reply: null });
  });
});
