import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCall, buildCatalog, dispatcher, historyOf, intakeTestDatabase, operator } from "../__tests__/factories.js";
import { trackAsCitizen } from "../__tests__/tracking.js";
import { Privacy, TicketStatus } from "../ticket/ticket.enums.js";
import { answerDirectly } from "./answer-directly.js";
import { TicketLinkKind } from "./call-screen.enums.js";
import { CoReporter } from "./co-reporter.entity.js";
import { linkTickets } from "./link-tickets.js";
import { mergeIntoTicket } from "./merge-ticket.js";
import { TicketLink } from "./ticket-link.entity.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await intakeTestDatabase();
});
afterAll(() => db?.destroy());

describe("mergeIntoTicket", () => {
  it("merges a duplicate: MERGED with a link, the caller becomes a co-reporter, the citizen timeline stays public-only", async () => {
    const catalog = await buildCatalog(db);
    const target = await buildCall(db, catalog, { phone: "13800000001", citizenName: "先来电的人" });
    const earlier = await buildCall(db, catalog, { phone: "13800000003", citizenName: "更早并入的人", privacy: Privacy.CONFIDENTIAL });
    const duplicate = await buildCall(db, catalog, { phone: "13800000002", citizenName: "后来电的人" });
    await mergeIntoTicket(db.dataSource, { actor: operator, ticketId: earlier.id, version: earlier.version, intoTicketId: duplicate.id });

    const merged = await mergeIntoTicket(db.dataSource, { actor: dispatcher, ticketId: duplicate.id, version: duplicate.version, intoTicketId: target.id });
    expect(merged).toMatchObject({ status: TicketStatus.MERGED, version: duplicate.version + 1 });
    expect(await db.dataSource.getRepository(TicketLink).findBy({ ticketId: duplicate.id })).toEqual([
      expect.objectContaining({ otherTicketId: target.id, kind: TicketLinkKind.MERGED_INTO }),
    ]);
    const reporters = await db.dataSource.getRepository(CoReporter).find({ where: { ticketId: target.id }, order: { phone: "ASC" } });
    expect(reporters.map((r) => [r.name, r.phone, r.privacy, r.sourceTicketId])).toEqual([
      ["后来电的人", "13800000002", Privacy.NONE, duplicate.id],
      ["更早并入的人", "13800000003", Privacy.CONFIDENTIAL, earlier.id],
    ]);
    const targetHistory = await historyOf(db, target.id);
    expect(targetHistory.at(-1)).toMatchObject({ kind: "co_reporter_added", from_status: "received", to_status: "received", is_public: false });

    const forTargetCaller = await trackAsCitizen(db, target);
    expect(forTargetCaller.timeline.map((step) => step.toStatus)).toEqual([TicketStatus.RECEIVED]);
    expect(JSON.stringify(forTargetCaller)).not.toMatch(/后来电的人|13800000002|co_reporter|merged in/);
    const forDuplicateCaller = await trackAsCitizen(db, duplicate);
    expect(forDuplicateCaller.timeline.map((step) => step.toStatus)).toEqual([TicketStatus.RECEIVED, TicketStatus.MERGED]);
    expect(forDuplicateCaller.timeline.every((step) => step.isPublic && step.kind === "status")).toBe(true);
  });

  it("does not add the target's own caller as a co-reporter", async () => {
    const catalog = await buildCatalog(db);
    const target = await buildCall(db, catalog, { phone: "13800000011" });
    const again = await buildCall(db, catalog, { phone: "13800000011" });
    await mergeIntoTicket(db.dataSource, { actor: operator, ticketId: again.id, version: again.version, intoTicketId: target.id });
    expect(await db.dataSource.getRepository(CoReporter).countBy({ ticketId: target.id })).toBe(0);
  });

  it.each([
    ["itself", "self", "INTAKE/CANNOT_MERGE"],
    ["a closed ticket", "closed", "INTAKE/CANNOT_MERGE"],
    ["an unknown ticket", "unknown", "INTAKE/TICKET_NOT_FOUND"],
    ["with a stale version", "stale", "CONFLICT"],
  ])("refuses a merge into %s and changes nothing", async (_label, kind, code) => {
    const catalog = await buildCatalog(db);
    const source = await buildCall(db, catalog);
    let into = (await buildCall(db, catalog)).id;
    if (kind === "self") {
      into = source.id;
    } else if (kind === "closed") {
      const other = await buildCall(db, catalog);
      await answerDirectly(db.dataSource, { actor: operator, ticketId: other.id, version: other.version, articleIds: [], answer: "已答复" });
      into = other.id;
    } else if (kind === "unknown") {
      into = "00000000-0000-4000-8000-000000000000";
    }
    const version = kind === "stale" ? source.version - 1 : source.version;
    await expect(mergeIntoTicket(db.dataSource, { actor: operator, ticketId: source.id, version, intoTicketId: into })).rejects.toMatchObject({ code });
    expect(await historyOf(db, source.id)).toHaveLength(1);
    expect(await db.dataSource.getRepository(TicketLink).countBy({ ticketId: source.id })).toBe(0);
  });

  it("refuses to merge a ticket that was already merged", async () => {
    const catalog = await buildCatalog(db);
    const [a, b, c] = [await buildCall(db, catalog), await buildCall(db, catalog), await buildCall(db, catalog)];
    const merged = await mergeIntoTicket(db.dataSource, { actor: operator, ticketId: a.id, version: a.version, intoTicketId: b.id });
    await expect(mergeIntoTicket(db.dataSource, { actor: operator, ticketId: a.id, version: merged.version, intoTicketId: c.id })).rejects.toMatchObject({
      code: "INTAKE/CANNOT_MERGE",
    });
    await expect(mergeIntoTicket(db.dataSource, { actor: operator, ticketId: c.id, version: c.version, intoTicketId: a.id })).rejects.toMatchObject({
      code: "INTAKE/CANNOT_MERGE",
    });
  });
});

describe("linkTickets", () => {
  it("links related tickets once, with a history entry on both, and re-reports one way", async () => {
    const catalog = await buildCatalog(db);
    const [a, b] = [await buildCall(db, catalog), await buildCall(db, catalog)];
    await linkTickets(db.dataSource, { actor: operator, ticketId: b.id, otherTicketId: a.id, kind: TicketLinkKind.RELATED });
    await linkTickets(db.dataSource, { actor: operator, ticketId: a.id, otherTicketId: b.id, kind: TicketLinkKind.RELATED });
    expect(await db.dataSource.getRepository(TicketLink).countBy({ kind: TicketLinkKind.RELATED, ticketId: [a.id, b.id].sort()[0] })).toBe(1);
    expect((await historyOf(db, a.id)).filter((h) => h.kind === "linked")).toHaveLength(1);
    expect((await historyOf(db, b.id)).filter((h) => h.kind === "linked")).toHaveLength(1);
    await linkTickets(db.dataSource, { actor: operator, ticketId: b.id, otherTicketId: a.id, kind: TicketLinkKind.RE_REPORT_OF });
    expect((await historyOf(db, b.id)).at(-1)).toMatchObject({ kind: "linked", reason: `re-report of ${a.trackingNumber}` });
    expect((await historyOf(db, a.id)).filter((h) => h.kind === "linked")).toHaveLength(1);
  });

  it("refuses MERGED_INTO and a link to itself", async () => {
    const ticket = await buildCall(db, await buildCatalog(db));
    await expect(linkTickets(db.dataSource, { actor: operator, ticketId: ticket.id, otherTicketId: ticket.id, kind: TicketLinkKind.RELATED })).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
    });
    const other = await buildCall(db, await buildCatalog(db));
    await expect(linkTickets(db.dataSource, { actor: operator, ticketId: ticket.id, otherTicketId: other.id, kind: TicketLinkKind.MERGED_INTO })).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      details: { fields: [{ field: "kind" }] },
    });
  });
});
