import { randomUUID } from "node:crypto";
import { Role, type Actor, type StoredEvent } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCall, buildCatalog, intakeTestDatabase, type Catalog } from "../__tests__/factories.js";
import { Channel } from "../ticket/ticket.enums.js";
import { reportIncomingCall } from "../call-screen/screen-pop.js";
import { integratorTicket, integratorTickets } from "./integrator-tickets.js";
import { integratorWebhookHandlers, webhookEventOfStatusChange } from "./webhook-events.js";

let db: TestDatabase;
let catalog: Catalog;

beforeAll(async () => {
  db = await intakeTestDatabase();
  catalog = await buildCatalog(db);
});
afterAll(() => db?.destroy());

async function integrator(scopes: string[]): Promise<Actor> {
  const name = `itg ${randomUUID().slice(0, 8)}`;
  const [row] = (await db.dataSource.query("INSERT INTO platform_integrator (name) VALUES ($1) RETURNING id", [name])) as Array<{ id: string }>;
  return { kind: "integrator", id: row!.id, name, roles: [Role.INTEGRATOR], unitId: null, scopes };
}

describe("integrator scopes and own tickets", () => {
  it("refuses operations outside a key's scopes and stores nothing", async () => {
    const reader = await integrator(["tickets:read"]);
    const before = (await db.dataSource.query("SELECT count(*)::int AS n FROM intake_ticket")) as Array<{ n: number }>;
    await expect(buildCall(db, catalog, { channel: Channel.API }, reader)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(reportIncomingCall({ dataSource: db.dataSource, pubsub: { publish: async () => undefined } as never }, { actor: reader, callId: "c1", callerNumber: "13800000000", seat: "A01" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const telephony = await integrator(["telephony"]);
    await expect(integratorTickets(db.dataSource, { actor: telephony })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const after = (await db.dataSource.query("SELECT count(*)::int AS n FROM intake_ticket")) as Array<{ n: number }>;
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it("reads only the tickets the integrator created, newest first, with the public timeline", async () => {
    const mine = await integrator(["tickets:write", "tickets:read"]);
    const other = await integrator(["tickets:write", "tickets:read"]);
    const first = await buildCall(db, catalog, { channel: Channel.API }, mine);
    const second = await buildCall(db, catalog, { channel: Channel.API, phone: "13900000001" }, mine);
    const foreign = await buildCall(db, catalog, { channel: Channel.API }, other);
    const list = await integratorTickets(db.dataSource, { actor: mine, first: 10 });
    expect(list.map((entry) => entry.ticket.trackingNumber)).toEqual([second.trackingNumber, first.trackingNumber]);
    expect(list[0]!.timeline.every((row) => row.isPublic)).toBe(true);
    const page = await integratorTickets(db.dataSource, { actor: mine, first: 1, before: list[0]!.ticket.receivedAt });
    expect(page.map((entry) => entry.ticket.trackingNumber)).toEqual([first.trackingNumber]);
    expect((await integratorTicket(db.dataSource, { actor: mine, trackingNumber: first.trackingNumber })).ticket.id).toBe(first.id);
    await expect(integratorTicket(db.dataSource, { actor: mine, trackingNumber: foreign.trackingNumber })).rejects.toMatchObject({ code: "INTAKE/TICKET_NOT_FOUND" });
    await expect(integratorTickets(db.dataSource, { actor: mine, first: 0 })).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
  });

  it("lists an integrator's tickets through intake_ticket_created_by_idx", async () => {
    const runner = db.dataSource.createQueryRunner();
    await runner.query("SET enable_seqscan = off");
    try {
      const plan = (await runner.query(
        "EXPLAIN SELECT * FROM intake_ticket WHERE created_by = '00000000-0000-4000-8000-000000000001' AND received_at < now() ORDER BY received_at DESC LIMIT 20",
      )) as Array<{ "QUERY PLAN": string }>;
      expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("intake_ticket_created_by_idx");
    } finally {
      await runner.query("SET enable_seqscan = on");
      await runner.release();
    }
  });
});

describe("ticket events for webhooks", () => {
  it("names status changes as webhook events", () => {
    expect(webhookEventOfStatusChange("awaiting_dispatch", "dispatched")).toBe("ticket.dispatched");
    expect(webhookEventOfStatusChange("replied", "dispatched")).toBe("ticket.re_reported");
    expect(webhookEventOfStatusChange("closed", "dispatched")).toBe("ticket.re_reported");
    expect(webhookEventOfStatusChange("in_progress", "replied")).toBe("ticket.replied");
    expect(webhookEventOfStatusChange("replied", "closed")).toBe("ticket.closed");
    expect(webhookEventOfStatusChange("received", "closed_direct")).toBe("ticket.closed");
    expect(webhookEventOfStatusChange("dispatched", "signed_for")).toBeNull();
  });

  it("queues the received event for the creating integrator's webhooks only, once per outbox event", async () => {
    const mine = await integrator(["tickets:write", "webhooks"]);
    const other = await integrator(["tickets:write", "webhooks"]);
    for (const owner of [mine, other]) {
      await db.dataSource.query("INSERT INTO platform_webhook (integrator_id, url, events, signing_secret) VALUES ($1, 'https://example.com/h', '{ticket.received}', 'whsec_x')", [owner.id]);
    }
    const ticket = await buildCall(db, catalog, { channel: Channel.API }, mine);
    const [outbox] = (await db.dataSource.query("SELECT id, type, payload, occurred_at FROM platform_outbox WHERE type = 'intake.ticket_received' AND payload->>'ticketId' = $1", [ticket.id])) as Array<{
      id: string;
      type: string;
      payload: Record<string, unknown>;
      occurred_at: Date;
    }>;
    const event: StoredEvent = { id: outbox!.id, type: outbox!.type, payload: outbox!.payload, occurredAt: outbox!.occurred_at, attempts: 0 };
    const handler = integratorWebhookHandlers(db.dataSource).find((entry) => entry.eventType === "intake.ticket_received")!;
    await handler.handle(event);
    await handler.handle(event);
    const rows = (await db.dataSource.query(
      "SELECT w.integrator_id, d.event_id, d.body FROM platform_webhook_delivery d JOIN platform_webhook w ON w.id = d.webhook_id WHERE d.body LIKE $1",
      [`%${ticket.trackingNumber}%`],
    )) as Array<{ integrator_id: string; event_id: string; body: string }>;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.integrator_id).toBe(mine.id);
    expect(rows[0]!.event_id).toBe(`evt_${outbox!.id}`);
    expect(JSON.parse(rows[0]!.body)).toMatchObject({ type: "ticket.received", data: { trackingNumber: ticket.trackingNumber, status: "RECEIVED" } });
  });
});
