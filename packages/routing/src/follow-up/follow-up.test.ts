import { Role, type Actor } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unitInbox } from "../assignment/assignment-queries.js";
import { dispatchTicket } from "../dispatch/dispatch-ticket.js";
import { buildPolicies, buildTicket, buildWorld, dispatcher, eventsOf, routingTestDatabase, supervisor, type World } from "../__tests__/factories.js";
import { FollowUp } from "./follow-up.entity.js";
import { followUpCountOfTicket, followUpCountsByUnit, recordFollowUp } from "./record-follow-up.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await routingTestDatabase();
  await buildPolicies(db);
});
afterAll(() => db?.destroy());

const operator: Actor = { kind: "staff", id: randomUUID(), name: "王敏", roles: [Role.OPERATOR], unitId: null };

async function dispatched(world: World, now?: Date) {
  const ticket = await buildTicket(db, world);
  const assignment = await dispatchTicket(db.dataSource, {
    actor: dispatcher,
    request: { ticketId: ticket.id, version: ticket.version, leadUnitId: world.bureau.id, assistingUnitIds: [] },
    now,
  });
  return { ticket, assignment };
}

describe("follow-up calls (催办)", () => {
  it("records the caller's words in the history, counts them per ticket and per unit, and puts the ticket first in the unit's inbox", async () => {
    const world = await buildWorld(db);
    const earlier = await dispatched(world);
    // Dispatched three days later: its deadline is later, so only the follow-up can put it first.
    const later = await dispatched(world, new Date(Date.now() + 3 * 24 * 3600_000));
    const inboxBefore = (await unitInbox(db.dataSource, { actor: world.bureauHandler, includeClosed: false })).map((a) => a.id);
    expect(inboxBefore).toEqual([earlier.assignment.id, later.assignment.id]);

    const from = new Date(Date.now() - 60_000);
    const { assignment } = await recordFollowUp(db.dataSource, { actor: operator, ticketId: later.ticket.id, words: "已经一周了还没人来清运，请尽快处理。", callId: "cti-9" });
    await recordFollowUp(db.dataSource, { actor: operator, ticketId: later.ticket.id, words: "又来催一次。" });
    expect(assignment).toMatchObject({ followUpCount: 1, lastFollowUpWords: "已经一周了还没人来清运，请尽快处理。" });

    const inbox = await unitInbox(db.dataSource, { actor: world.bureauHandler, includeClosed: false });
    expect(inbox.map((a) => a.id)).toEqual([later.assignment.id, earlier.assignment.id]);
    expect(inbox[0]).toMatchObject({ followUpCount: 2, lastFollowUpWords: "又来催一次。" });

    const history: { kind: string; note_code: string; note_params: Record<string, string>; is_public: boolean }[] = await db.dataSource.query(
      "SELECT kind, note_code, note_params, is_public FROM intake_ticket_history WHERE ticket_id = $1 AND kind = 'follow_up' ORDER BY id",
      [later.ticket.id],
    );
    expect(history).toEqual([
      { kind: "follow_up", note_code: "follow_up", note_params: { words: "已经一周了还没人来清运，请尽快处理。" }, is_public: false },
      { kind: "follow_up", note_code: "follow_up", note_params: { words: "又来催一次。" }, is_public: false },
    ]);
    expect(await eventsOf(db, later.ticket.id, "routing.ticket_followed_up")).toHaveLength(2);
    expect(await followUpCountOfTicket(db.dataSource, later.ticket.id)).toBe(2);
    const perUnit = await followUpCountsByUnit(db.dataSource, { actor: supervisor, from, to: new Date(Date.now() + 60_000) });
    expect(perUnit.find((row) => row.unitId === world.bureau.id)?.count).toBe(2);
  });

  it("is for call-takers; empty words and unknown tickets are refused with nothing stored", async () => {
    const world = await buildWorld(db);
    const { ticket } = await dispatched(world);
    await expect(recordFollowUp(db.dataSource, { actor: world.bureauHandler, ticketId: ticket.id, words: "催一下" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recordFollowUp(db.dataSource, { actor: operator, ticketId: ticket.id, words: " " })).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      details: { fields: [{ field: "words", code: "REQUIRED" }] },
    });
    await expect(recordFollowUp(db.dataSource, { actor: operator, ticketId: randomUUID(), words: "催一下" })).rejects.toMatchObject({ code: "INTAKE/TICKET_NOT_FOUND" });
    expect(await db.dataSource.getRepository(FollowUp).countBy({ ticketId: ticket.id })).toBe(0);
  });

  it("counts per unit with the index, not a scan", async () => {
    await db.dataSource.query("SET enable_seqscan = off");
    try {
      const plan: { "QUERY PLAN": string }[] = await db.dataSource.query(
        "EXPLAIN SELECT unit_id, count(*) FROM routing_follow_up WHERE unit_id IS NOT NULL AND at >= now() - interval '30 days' AND at < now() GROUP BY unit_id",
      );
      expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toMatch(/routing_follow_up_at_unit_idx/);
    } finally {
      await db.dataSource.query("SET enable_seqscan = on");
    }
  });
});
