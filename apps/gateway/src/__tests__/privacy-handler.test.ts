import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "./harness.js";

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(() => gateway?.stop());

type TicketView = { id: string; privacy: string; citizenName: string; citizenPhone: string; description: string };

describe("a handling unit and a confidential ticket", () => {
  it("lets the assigned unit read the request but never the caller's identity", async () => {
    // The demo school-bullying case is confidential and dispatched to the education bureau.
    const handler = await gateway.login("handler");
    const inbox = await gateway.gql<{ unitInbox: Array<{ ticket: TicketView }> }>(
      "{ unitInbox { ticket { id privacy citizenName citizenPhone description } } }",
      undefined,
      handler,
    );
    expect(inbox.errors).toBeUndefined();
    const confidential = inbox.data!.unitInbox.map((a) => a.ticket).find((t) => t.privacy === "CONFIDENTIAL");
    expect(confidential).toBeDefined();
    expect(confidential).toMatchObject({ citizenName: "匿名 / Anonymous", citizenPhone: "" });
    expect(confidential!.description.length).toBeGreaterThan(10);

    const direct = await gateway.gql<{ ticket: TicketView }>(
      "query($id: ID!) { ticket(id: $id) { id privacy citizenName citizenPhone } }",
      { id: confidential!.id },
      handler,
    );
    expect(direct.errors).toBeUndefined();
    expect(direct.data!.ticket).toMatchObject({ citizenName: "匿名 / Anonymous", citizenPhone: "" });

    // The call-taker still sees who called, in full.
    const operator = await gateway.login("operator");
    const full = await gateway.gql<{ ticket: TicketView }>(
      "query($id: ID!) { ticket(id: $id) { citizenName citizenPhone } }",
      { id: confidential!.id },
      operator,
    );
    expect(full.data!.ticket.citizenName).not.toBe("匿名 / Anonymous");
    expect(full.data!.ticket.citizenPhone).toMatch(/^1\d{10}$/);

    // Another unit's handler may not read it at all.
    const other = await gateway.login("handler.qingcheng");
    const refused = await gateway.gql("query($id: ID!) { ticket(id: $id) { id } }", { id: confidential!.id }, other);
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
