import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCall, buildCatalog, eventsOf, historyOf, intakeTestDatabase, operator, supervisor } from "../__tests__/factories.js";
import { Ticket } from "../ticket/ticket.entity.js";
import { TicketStatus } from "../ticket/ticket.enums.js";
import { answerDirectly } from "./answer-directly.js";
import { sendToDispatch } from "./send-to-dispatch.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await intakeTestDatabase();
});
afterAll(() => db?.destroy());

const ARTICLE_A = "0b7e6a4e-93d0-4e4a-9a52-6a1f0c1d2e3f";
const ARTICLE_B = "5f0c9d7a-1c2b-4e3d-8f9a-0b1c2d3e4f50";

describe("answerDirectly", () => {
  it("closes the ticket as a direct answer with the answer, the articles and an event for the knowledge base", async () => {
    const ticket = await buildCall(db, await buildCatalog(db));
    const answered = await answerDirectly(db.dataSource, {
      actor: operator,
      ticketId: ticket.id,
      version: ticket.version,
      articleIds: [ARTICLE_A, ARTICLE_B.toUpperCase(), ARTICLE_A],
      answer: "供暖期为每年11月15日至次年3月15日。🔥",
    });
    expect(answered).toMatchObject({ status: TicketStatus.CLOSED_DIRECT, version: ticket.version + 1 });
    const stored = await db.dataSource.getRepository(Ticket).findOneByOrFail({ id: ticket.id });
    expect(stored).toMatchObject({ status: TicketStatus.CLOSED_DIRECT, directAnswer: "供暖期为每年11月15日至次年3月15日。🔥", answeredArticleIds: [ARTICLE_A, ARTICLE_B] });
    expect((await historyOf(db, ticket.id)).map((h) => [h.from_status, h.to_status])).toEqual([
      [null, "received"],
      ["received", "closed_direct"],
    ]);
    const events = await eventsOf(db, ticket.id);
    expect(events.find((e) => e.type === "intake.ticket_answered_directly")?.payload).toEqual({ ticketId: ticket.id, articleIds: [ARTICLE_A, ARTICLE_B] });
  });

  it.each([
    ["a stale version", { version: 0 }, "CONFLICT"],
    ["an article id that is not a UUID", { articleIds: ["kb-1"] }, "BAD_USER_INPUT"],
    ["an empty answer", { answer: "  " }, "BAD_USER_INPUT"],
    ["a lone surrogate in the answer", { answer: "请拨打\ud800" }, "BAD_USER_INPUT"],
    ["an unknown ticket", { ticketId: "00000000-0000-4000-8000-000000000000" }, "INTAKE/TICKET_NOT_FOUND"],
    ["a ticket id that is not an id", { ticketId: "1 OR 1=1" }, "INTAKE/TICKET_NOT_FOUND"],
    ["a supervisor", { actor: supervisor }, "FORBIDDEN"],
  ])("refuses %s and changes nothing", async (_label, overrides, code) => {
    const ticket = await buildCall(db, await buildCatalog(db));
    await expect(
      answerDirectly(db.dataSource, { actor: operator, ticketId: ticket.id, version: ticket.version, articleIds: [ARTICLE_A], answer: "答复", ...overrides }),
    ).rejects.toMatchObject({ code });
    expect(await historyOf(db, ticket.id)).toHaveLength(1);
    expect((await eventsOf(db, ticket.id)).map((e) => e.type)).toEqual(["intake.ticket_received"]);
  });

  it("refuses to answer a ticket that was already sent to dispatch and closed", async () => {
    const ticket = await buildCall(db, await buildCatalog(db));
    const closed = await answerDirectly(db.dataSource, { actor: operator, ticketId: ticket.id, version: ticket.version, articleIds: [], answer: "已答复" });
    await expect(
      answerDirectly(db.dataSource, { actor: operator, ticketId: ticket.id, version: closed.version, articleIds: [], answer: "再次答复" }),
    ).rejects.toMatchObject({ code: "INTAKE/INVALID_TRANSITION" });
  });
});

describe("sendToDispatch", () => {
  it("moves the ticket to the dispatch queue with the note as the reason", async () => {
    const ticket = await buildCall(db, await buildCatalog(db));
    const sent = await sendToDispatch(db.dataSource, { actor: operator, ticketId: ticket.id, version: ticket.version, note: "需住建局核实" });
    expect(sent.status).toBe(TicketStatus.AWAITING_DISPATCH);
    expect((await historyOf(db, ticket.id)).at(-1)).toMatchObject({ to_status: "awaiting_dispatch", reason: "需住建局核实", is_public: true });
    await expect(sendToDispatch(db.dataSource, { actor: operator, ticketId: ticket.id, version: sent.version, note: null })).rejects.toMatchObject({
      code: "INTAKE/INVALID_TRANSITION",
    });
    await expect(sendToDispatch(db.dataSource, { actor: operator, ticketId: ticket.id, version: sent.version, note: "x\u0000" })).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      details: { fields: [{ field: "note", code: "INVALID_CHARACTERS" }] },
    });
  });
});
