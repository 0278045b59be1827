import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTicket, intakeTestDatabase, operator } from "../__tests__/factories.js";
import { TRANSITIONS, canTransition, transitionTicket } from "./ticket-lifecycle.js";
import { TicketHistory } from "./ticket-history.entity.js";
import { Ticket } from "./ticket.entity.js";
import { TicketStatus } from "./ticket.enums.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await intakeTestDatabase();
});
afterAll(() => db?.destroy());

describe("the ticket state machine", () => {
  it("has no way out of a closed-direct or merged ticket", () => {
    expect(TRANSITIONS[TicketStatus.CLOSED_DIRECT]).toEqual([]);
    expect(TRANSITIONS[TicketStatus.MERGED]).toEqual([]);
    expect(canTransition(TicketStatus.RECEIVED, TicketStatus.REPLIED)).toBe(false);
  });

  it("moves a ticket, bumps its version and writes one history row", async () => {
    const ticket = await buildTicket(db);
    const moved = await db.dataSource.transaction((manager) =>
      transitionTicket(manager, { ticketId: ticket.id, to: TicketStatus.AWAITING_DISPATCH, expectedVersion: ticket.version, actor: operator, reason: "needs a unit" }),
    );
    expect(moved.status).toBe(TicketStatus.AWAITING_DISPATCH);
    const stored = await db.dataSource.getRepository(Ticket).findOneByOrFail({ id: ticket.id });
    expect(stored.version).toBe(ticket.version + 1);
    const history = await db.dataSource.getRepository(TicketHistory).find({ where: { ticketId: ticket.id }, order: { id: "ASC" } });
    expect(history.map((h) => [h.fromStatus, h.toStatus])).toEqual([
      [null, TicketStatus.RECEIVED],
      [TicketStatus.RECEIVED, TicketStatus.AWAITING_DISPATCH],
    ]);
    expect(history[1]).toMatchObject({ actorName: "王敏", reason: "needs a unit" });
  });

  it("refuses a stale version with CONFLICT and changes nothing", async () => {
    const ticket = await buildTicket(db);
    await db.dataSource.transaction((m) => transitionTicket(m, { ticketId: ticket.id, to: TicketStatus.AWAITING_DISPATCH, expectedVersion: ticket.version, actor: operator }));
    await expect(
      db.dataSource.transaction((m) => transitionTicket(m, { ticketId: ticket.id, to: TicketStatus.CLOSED_DIRECT, expectedVersion: ticket.version, actor: operator })),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await db.dataSource.getRepository(Ticket).findOneByOrFail({ id: ticket.id })).status).toBe(TicketStatus.AWAITING_DISPATCH);
    expect(await db.dataSource.getRepository(TicketHistory).countBy({ ticketId: ticket.id })).toBe(2);
  });

  it("refuses a transition the machine does not allow", async () => {
    const ticket = await buildTicket(db);
    await expect(
      db.dataSource.transaction((m) => transitionTicket(m, { ticketId: ticket.id, to: TicketStatus.CLOSED, expectedVersion: ticket.version, actor: operator })),
    ).rejects.toMatchObject({ code: "INTAKE/INVALID_TRANSITION" });
  });
});
