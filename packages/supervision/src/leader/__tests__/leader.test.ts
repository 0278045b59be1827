import { TICKET_RECEIVED } from "@civicline/intake";
import type { StoredEvent } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addLeaderInstruction } from "../add-instruction.js";
import { assignToLeader } from "../assign-to-leader.js";
import { LeaderEvent } from "../leader.events.js";
import { leaderPage, listLeaderSessions, listLeaders, ticketInstructions, ticketLeaderMatters } from "../leader-queries.js";
import { markSessionTicket, sessionTicketHandler } from "../mark-session-ticket.js";
import { scheduleLeaderSession } from "../schedule-session.js";
import { buildLeaderWorld, dispatchTo, historyKinds, leaderRowCounts, leaderTestDatabase, logCallAs, type LeaderWorld } from "./leader-world.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await leaderTestDatabase();
});
afterAll(async () => {
  await db?.destroy();
});

const HOUR = 3600_000;

async function sessionNow(world: LeaderWorld) {
  const now = new Date();
  return scheduleLeaderSession({
    db: db.dataSource,
    actor: world.supervisor,
    now,
    input: { leaderId: world.leader.id, seat: world.seat, startsAt: new Date(now.getTime() - HOUR), endsAt: new Date(now.getTime() + HOUR), leaderTitle: "张店区区长", leaderUnit: "张店区人民政府" },
  });
}

/** The stored intake.ticket_received event of a ticket, as the outbox processor hands it over. */
async function receivedEvent(ticketId: string): Promise<StoredEvent> {
  const rows: Array<{ id: string; type: string; payload: Record<string, unknown>; actor_id: string | null; occurred_at: Date }> = await db.dataSource.query(
    "SELECT id, type, payload, actor_id, occurred_at FROM platform_outbox WHERE type = $1 AND payload->>'ticketId' = $2",
    [TICKET_RECEIVED, ticketId],
  );
  const row = rows[0]!;
  return { id: row.id, type: row.type, payload: row.payload, actorId: row.actor_id, occurredAt: row.occurred_at, attempts: 0 };
}

async function codeOf(promise: Promise<unknown>): Promise<{ code: string; fields: string[] }> {
  try {
    await promise;
  } catch (error) {
    const failure = error as { code?: string; details?: { fields?: Array<{ field: string }> } };
    return { code: String(failure.code), fields: (failure.details?.fields ?? []).map((field) => field.field) };
  }
  throw new Error("expected a coded error");
}

describe("leader sessions (领导坐班接听)", () => {
  it("marks the tickets logged at the session's seat during the session, and no other", async () => {
    const world = await buildLeaderWorld(db);
    const session = await sessionNow(world);
    const atSeat = await logCallAs(db, world, world.operator);
    const otherSeat = await logCallAs(db, world, world.otherOperator);
    const before = await logCallAs(db, world, world.operator, new Date(Date.now() - 3 * HOUR));
    const after = await logCallAs(db, world, world.operator, new Date(Date.now() + 2 * HOUR));

    await sessionTicketHandler(db.dataSource).handle(await receivedEvent(atSeat.id));
    await sessionTicketHandler(db.dataSource).handle(await receivedEvent(otherSeat.id));
    await sessionTicketHandler(db.dataSource).handle(await receivedEvent(before.id));
    await sessionTicketHandler(db.dataSource).handle(await receivedEvent(after.id));
    // at least once: a second delivery changes nothing
    expect(await markSessionTicket(db.dataSource, atSeat.id)).toBe(session.id);

    const marked: Array<{ ticket_id: string; session_id: string }> = await db.dataSource.query(
      "SELECT ticket_id, session_id FROM supervision_leader_session_ticket WHERE session_id = $1",
      [session.id],
    );
    expect(marked).toEqual([{ ticket_id: atSeat.id, session_id: session.id }]);
    const history = await historyKinds(db, atSeat.id);
    expect(history.filter((row) => row.kind === "leader_session_ticket")).toEqual([
      { kind: "leader_session_ticket", actor_name: world.leader.name, reason: `张店区区长 · ${world.seat}`, is_public: false },
    ]);
    expect((await historyKinds(db, otherSeat.id)).map((row) => row.kind)).toEqual(["status"]);
    expect((await historyKinds(db, before.id)).map((row) => row.kind)).toEqual(["status"]);
    expect((await historyKinds(db, after.id)).map((row) => row.kind)).toEqual(["status"]);
    const events: unknown[] = await db.dataSource.query("SELECT 1 FROM platform_outbox WHERE type = $1 AND payload->>'ticketId' = $2", [LeaderEvent.TICKET_MARKED, atSeat.id]);
    expect(events).toHaveLength(1);

    const page = await leaderPage(db.dataSource, { actor: world.leader });
    expect(page.sessions.map((row) => row.id)).toEqual([session.id]);
    expect(page.sessionTickets.map((row) => [row.trackingNumber, row.sessionId, row.status])).toEqual([[atSeat.trackingNumber, session.id, "received"]]);
    expect((await leaderPage(db.dataSource, { actor: world.otherLeader })).sessionTickets).toEqual([]);
  });

  it("refuses a session ending before it starts, overlapping another at the seat, for a non-leader or an unknown seat, storing nothing", async () => {
    const world = await buildLeaderWorld(db);
    await sessionNow(world);
    const now = new Date();
    const input = { leaderId: world.otherLeader.id, seat: world.seat, startsAt: new Date(now.getTime() + 30 * 60_000), endsAt: new Date(now.getTime() + 2 * HOUR), leaderTitle: "局长", leaderUnit: "市城管局" };
    const counts = await leaderRowCounts(db);
    const schedule = (changes: Partial<typeof input>, actor = world.supervisor) => scheduleLeaderSession({ db: db.dataSource, actor, now, input: { ...input, ...changes } });

    expect(await codeOf(schedule({ seat: world.otherSeat, endsAt: new Date(now.getTime() + 10 * 60_000) }))).toEqual({ code: "BAD_USER_INPUT", fields: ["endsAt"] });
    expect(await codeOf(schedule({}))).toEqual({ code: "SUPERVISION/SEAT_BUSY", fields: ["startsAt"] });
    expect(await codeOf(schedule({ seat: world.otherSeat, leaderId: world.supervisor.id }))).toEqual({ code: "SUPERVISION/NOT_A_LEADER", fields: ["leaderId"] });
    expect(await codeOf(schedule({ seat: "NOBODY-SITS-HERE" }))).toEqual({ code: "SUPERVISION/UNKNOWN_SEAT", fields: ["seat"] });
    expect(await codeOf(schedule({ seat: world.otherSeat, leaderTitle: "  " }))).toEqual({ code: "BAD_USER_INPUT", fields: ["leaderTitle"] });
    expect(await codeOf(schedule({ seat: world.otherSeat }, world.operator))).toEqual({ code: "FORBIDDEN", fields: [] });
    expect(await codeOf(schedule({ seat: world.otherSeat }, world.leader))).toEqual({ code: "FORBIDDEN", fields: [] });
    expect(await leaderRowCounts(db)).toEqual(counts);

    // back to back at the same seat is fine; the schedule lists both with their ticket counts
    const next = await schedule({ startsAt: new Date(now.getTime() + HOUR) });
    const listed = await listLeaderSessions(db.dataSource, { actor: world.admin, from: new Date(now.getTime() - 2 * HOUR), to: new Date(now.getTime() + 3 * HOUR) });
    expect(listed.filter((row) => row.seat === world.seat).map((row) => [row.leaderName, row.ticketCount])).toEqual([
      [world.leader.name, 0],
      [world.otherLeader.name, 0],
    ]);
    expect(listed.some((row) => row.id === next.id)).toBe(true);
    expect(await codeOf(listLeaderSessions(db.dataSource, { actor: world.supervisor, from: now, to: new Date(now.getTime() - HOUR) }))).toEqual({ code: "BAD_USER_INPUT", fields: ["to"] });
    expect(await codeOf(listLeaderSessions(db.dataSource, { actor: world.handler, from: now, to: new Date(now.getTime() + HOUR) }))).toEqual({ code: "FORBIDDEN", fields: [] });
  });
});

describe("领导包案 and instructions (领导批示)", () => {
  it("assigns a ticket and a hot issue to a leader, whose page shows status, deadline and outcome", async () => {
    const world = await buildLeaderWorld(db);
    const single = await logCallAs(db, world, world.otherOperator);
    const first = await logCallAs(db, world, world.otherOperator);
    const second = await logCallAs(db, world, world.otherOperator);
    const assignment = await dispatchTo(db, world, single, world.unit.id);
    const dueAt = new Date(Date.now() + 7 * 24 * HOUR);

    const matter = await assignToLeader({ db: db.dataSource, actor: world.supervisor, input: { leaderId: world.leader.id, ticketIds: [single.id], note: "群众反映强烈", dueAt } });
    const hot = await assignToLeader({
      db: db.dataSource,
      actor: world.admin,
      input: { leaderId: world.leader.id, ticketIds: [first.id], trackingNumbers: [` ${second.trackingNumber.toLowerCase()} `], title: "人民路夜市占道" },
    });
    expect([matter.kind, hot.kind]).toEqual(["TICKET", "HOT_ISSUE"]);
    expect((await historyKinds(db, single.id)).filter((row) => row.kind === "leader_assigned")).toEqual([
      { kind: "leader_assigned", actor_name: world.supervisor.name, reason: `${world.leader.name} · 群众反映强烈`, is_public: false },
    ]);
    expect((await historyKinds(db, second.id)).map((row) => row.kind)).toEqual(["status", "leader_assigned"]);

    const page = await leaderPage(db.dataSource, { actor: world.leader });
    expect(page.matters.map((row) => [row.kind, row.title, row.status, row.tickets.length])).toEqual([
      ["HOT_ISSUE", "人民路夜市占道", "OPEN", 2],
      ["TICKET", null, "OPEN", 1],
    ]);
    const ticket = page.matters[1]!.tickets[0]!;
    expect(ticket).toMatchObject({ trackingNumber: single.trackingNumber, status: "dispatched", leadUnitName: world.unit.nameZh, overdue: false, outcome: null });
    expect(ticket.dueAt?.getTime()).toBe(assignment.completionDueAt.getTime());
    expect(page.matters[1]!.dueAt?.getTime()).toBe(dueAt.getTime());
    // supervisors may open a leader's page and see the ticket's leaders; another leader sees nothing of it
    expect((await leaderPage(db.dataSource, { actor: world.supervisor, leaderId: world.leader.id })).matters).toHaveLength(2);
    expect((await leaderPage(db.dataSource, { actor: world.otherLeader })).matters).toEqual([]);
    expect((await ticketLeaderMatters(db.dataSource, { actor: world.dispatcher, ticketId: single.id })).map((row) => row.leaderName)).toEqual([world.leader.name]);
    expect((await listLeaders(db.dataSource, world.supervisor)).map((row) => row.id)).toEqual(expect.arrayContaining([world.leader.id, world.otherLeader.id]));
    expect((await listLeaders(db.dataSource, world.supervisor)).map((row) => row.id)).not.toContain(world.supervisor.id);
  });

  it("refuses assigning to a non-leader, a hot issue without a name, a repeated ticket or an unknown ticket, storing nothing", async () => {
    const world = await buildLeaderWorld(db);
    const ticket = await logCallAs(db, world, world.otherOperator);
    const other = await logCallAs(db, world, world.otherOperator);
    await assignToLeader({ db: db.dataSource, actor: world.supervisor, input: { leaderId: world.leader.id, ticketIds: [ticket.id] } });
    const counts = await leaderRowCounts(db);
    const assign = (input: Parameters<typeof assignToLeader>[0]["input"], actor = world.supervisor) => assignToLeader({ db: db.dataSource, actor, input });

    expect(await codeOf(assign({ leaderId: world.handler.id, ticketIds: [other.id] }))).toEqual({ code: "SUPERVISION/NOT_A_LEADER", fields: ["leaderId"] });
    expect(await codeOf(assign({ leaderId: world.leader.id, ticketIds: [other.id, ticket.id] }))).toEqual({ code: "BAD_USER_INPUT", fields: ["title"] });
    expect(await codeOf(assign({ leaderId: world.leader.id, ticketIds: [other.id, ticket.id], title: "热点" }))).toEqual({ code: "SUPERVISION/ALREADY_ASSIGNED", fields: [] });
    expect(await codeOf(assign({ leaderId: world.leader.id, ticketIds: [other.id, "6f1c2a7e-0000-4000-8000-000000000000"], title: "热点" }))).toEqual({ code: "SUPERVISION/TICKET_NOT_FOUND", fields: ["ticketIds"] });
    expect(await codeOf(assign({ leaderId: world.leader.id, trackingNumbers: ["ZB-20200101-99999"] }))).toEqual({ code: "SUPERVISION/TICKET_NOT_FOUND", fields: ["trackingNumbers"] });
    expect(await codeOf(assign({ leaderId: world.leader.id, trackingNumbers: ["not a number"] }))).toEqual({ code: "BAD_USER_INPUT", fields: ["trackingNumbers"] });
    expect(await codeOf(assign({ leaderId: world.leader.id, ticketIds: [] }))).toEqual({ code: "BAD_USER_INPUT", fields: ["trackingNumbers"] });
    expect(await codeOf(assign({ leaderId: world.leader.id, ticketIds: [other.id], dueAt: new Date(Date.now() - HOUR) }))).toEqual({ code: "BAD_USER_INPUT", fields: ["dueAt"] });
    expect(await codeOf(assign({ leaderId: world.leader.id, ticketIds: [other.id] }, world.leader))).toEqual({ code: "FORBIDDEN", fields: [] });
    expect(await codeOf(assign({ leaderId: world.leader.id, ticketIds: [other.id] }, world.handler))).toEqual({ code: "FORBIDDEN", fields: [] });
    expect(await leaderRowCounts(db)).toEqual(counts);
  });

  it("shows a leader's instruction to the ticket's lead unit and not to another unit", async () => {
    const world = await buildLeaderWorld(db);
    const ticket = await logCallAs(db, world, world.otherOperator);
    await dispatchTo(db, world, ticket, world.unit.id);
    await assignToLeader({ db: db.dataSource, actor: world.supervisor, input: { leaderId: world.leader.id, ticketIds: [ticket.id] } });

    const instruction = await addLeaderInstruction({ db: db.dataSource, actor: world.leader, input: { ticketId: ticket.id, text: "  请三日内整改到位，结果报我。 " } });
    expect(instruction.text).toBe("请三日内整改到位，结果报我。");
    const forUnit = await ticketInstructions(db.dataSource, { actor: world.handler, ticketId: ticket.id });
    expect(forUnit.map((row) => [row.leaderName, row.text])).toEqual([[world.leader.name, "请三日内整改到位，结果报我。"]]);
    expect(await codeOf(ticketInstructions(db.dataSource, { actor: world.otherHandler, ticketId: ticket.id }))).toEqual({ code: "FORBIDDEN", fields: [] });
    expect(await ticketInstructions(db.dataSource, { actor: world.supervisor, ticketId: ticket.id })).toHaveLength(1);
    expect((await historyKinds(db, ticket.id)).filter((row) => row.kind === "leader_instruction")).toEqual([
      { kind: "leader_instruction", actor_name: world.leader.name, reason: "请三日内整改到位，结果报我。", is_public: false },
    ]);
    const events: Array<{ payload: { unitIds: string[] } }> = await db.dataSource.query("SELECT payload FROM platform_outbox WHERE type = $1 AND payload->>'ticketId' = $2", [
      LeaderEvent.INSTRUCTION_ADDED,
      ticket.id,
    ]);
    expect(events.map((row) => row.payload.unitIds)).toEqual([[world.unit.id]]);
    expect((await leaderPage(db.dataSource, { actor: world.leader })).matters[0]!.tickets[0]!.instructionCount).toBe(1);
  });

  it("refuses an empty instruction, one on a ticket not on the leader's page, and instructions by other roles, storing nothing", async () => {
    const world = await buildLeaderWorld(db);
    const mine = await logCallAs(db, world, world.otherOperator);
    const notMine = await logCallAs(db, world, world.otherOperator);
    await assignToLeader({ db: db.dataSource, actor: world.supervisor, input: { leaderId: world.leader.id, ticketIds: [mine.id] } });
    await assignToLeader({ db: db.dataSource, actor: world.supervisor, input: { leaderId: world.otherLeader.id, ticketIds: [notMine.id] } });
    const counts = await leaderRowCounts(db);
    const instruct = (ticketId: string, text: string, actor = world.leader) => addLeaderInstruction({ db: db.dataSource, actor, input: { ticketId, text } });

    expect(await codeOf(instruct(mine.id, "   "))).toEqual({ code: "BAD_USER_INPUT", fields: ["text"] });
    expect(await codeOf(instruct(mine.id, "x".repeat(1001)))).toEqual({ code: "BAD_USER_INPUT", fields: ["text"] });
    expect(await codeOf(instruct(notMine.id, "请尽快处理"))).toEqual({ code: "SUPERVISION/NOT_YOUR_TICKET", fields: [] });
    expect(await codeOf(instruct("not-a-ticket", "请尽快处理"))).toEqual({ code: "SUPERVISION/NOT_YOUR_TICKET", fields: [] });
    expect(await codeOf(instruct(mine.id, "请尽快处理", world.supervisor))).toEqual({ code: "FORBIDDEN", fields: [] });
    expect(await codeOf(instruct(mine.id, "请尽快处理", world.handler))).toEqual({ code: "FORBIDDEN", fields: [] });
    expect(await leaderRowCounts(db)).toEqual(counts);
  });

  it("lets a leader open only their own page, supervisors and admins any leader's, nobody else", async () => {
    const world = await buildLeaderWorld(db);
    expect((await leaderPage(db.dataSource, { actor: world.leader })).leaderName).toBe(world.leader.name);
    expect((await leaderPage(db.dataSource, { actor: world.leader, leaderId: world.leader.id })).leaderId).toBe(world.leader.id);
    expect(await codeOf(leaderPage(db.dataSource, { actor: world.leader, leaderId: world.otherLeader.id }))).toEqual({ code: "FORBIDDEN", fields: [] });
    expect((await leaderPage(db.dataSource, { actor: world.admin, leaderId: world.otherLeader.id })).leaderId).toBe(world.otherLeader.id);
    expect(await codeOf(leaderPage(db.dataSource, { actor: world.supervisor, leaderId: world.dispatcher.id }))).toEqual({ code: "FORBIDDEN", fields: [] });
    for (const actor of [world.operator, world.dispatcher, world.handler]) {
      expect(await codeOf(leaderPage(db.dataSource, { actor }))).toEqual({ code: "FORBIDDEN", fields: [] });
    }
    expect(await codeOf(leaderPage(db.dataSource, { actor: null }))).toEqual({ code: "UNAUTHENTICATED", fields: [] });
    expect(await codeOf(ticketLeaderMatters(db.dataSource, { actor: world.handler, ticketId: world.unit.id }))).toEqual({ code: "FORBIDDEN", fields: [] });
  });
});

describe("leader tables", () => {
  it("match the migration and are read through their indexes", async () => {
    const pending = await db.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query).filter((sql) => sql.includes("supervision_leader"))).toEqual([]);
    const plan = async (sql: string, params: unknown[]) => {
      const runner = db.dataSource.createQueryRunner();
      try {
        await runner.query("SET enable_seqscan = off");
        const rows: Array<{ "QUERY PLAN": string }> = await runner.query(`EXPLAIN ${sql}`, params);
        return rows.map((row) => row["QUERY PLAN"]).join("\n");
      } finally {
        await runner.query("RESET enable_seqscan");
        await runner.release();
      }
    };
    const id = "6f1c2a7e-0000-4000-8000-000000000000";
    expect(await plan("SELECT 1 FROM supervision_leader_session WHERE seat = $1 AND starts_at < $2 AND ends_at > $2", ["A01", new Date()])).toContain("supervision_leader_session_seat_idx");
    expect(await plan("SELECT * FROM supervision_leader_session WHERE leader_id = $1 ORDER BY starts_at DESC LIMIT 200", [id])).toContain("supervision_leader_session_leader_idx");
    expect(await plan("SELECT * FROM supervision_leader_session_ticket WHERE session_id = $1", [id])).toContain("supervision_leader_session_ticket_session_idx");
    expect(await plan("SELECT * FROM supervision_leader_matter WHERE leader_id = $1 ORDER BY assigned_at DESC LIMIT 200", [id])).toContain("supervision_leader_matter_leader_idx");
    expect(await plan("SELECT * FROM supervision_leader_matter_ticket WHERE ticket_id = $1", [id])).toContain("supervision_leader_matter_ticket_ticket_idx");
    expect(await plan("SELECT * FROM supervision_leader_instruction WHERE ticket_id = $1 ORDER BY created_at DESC", [id])).toContain("supervision_leader_instruction_ticket_idx");
  });
});
