import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPolicies, buildTicket, buildWorld, dispatcher, routingTestDatabase } from "../__tests__/factories.js";
import { NoteVisibility, ReplyOutcome } from "../assignment/assignment.enums.js";
import { dispatchTicket } from "../dispatch/dispatch-ticket.js";
import { addProgressNote } from "./notes.js";
import { publicRepliesOf } from "./public-reply.resolver.js";
import { replyToTicket } from "./reply.js";
import { signFor } from "./sign-for.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await routingTestDatabase();
  await buildPolicies(db);
});
afterAll(() => db?.destroy());

describe("PublicTicket.reply", () => {
  it("is null until the lead unit replies, then its text, time and unit without staff names or notes", async () => {
    const world = await buildWorld(db);
    const ticket = await buildTicket(db, world);
    const other = await buildTicket(db, world);
    await dispatchTicket(db.dataSource, { actor: dispatcher, request: { ticketId: ticket.id, version: ticket.version, leadUnitId: world.bureau.id, assistingUnitIds: [] } });
    await signFor(db.dataSource, { actor: world.bureauHandler, ticketId: ticket.id });
    await addProgressNote(db.dataSource, { actor: world.bureauHandler, ticketId: ticket.id, text: "内部：联系了物业经理。", visibility: NoteVisibility.INTERNAL });
    expect(await publicRepliesOf(db.dataSource, [ticket.id])).toEqual([null]);

    const replied = await replyToTicket(db.dataSource, { actor: world.bureauHandler, ticketId: ticket.id, reply: { outcome: ReplyOutcome.RESOLVED, text: "已责成物业退还有线电视费。" } });
    const [reply, none] = await publicRepliesOf(db.dataSource, [ticket.id, other.id]);
    expect(reply).toEqual({ text: "已责成物业退还有线电视费。", repliedAt: replied.repliedAt, unitNameZh: world.bureau.nameZh, unitNameEn: world.bureau.nameEn, attachments: [] });
    expect(JSON.stringify(reply)).not.toContain(world.bureauHandler.name);
    expect(JSON.stringify(reply)).not.toContain("内部");
    expect(none).toBeNull();
  });
});
