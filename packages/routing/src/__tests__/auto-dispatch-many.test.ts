import type { TestDatabase } from "@civicline/platform/testing";
import { TICKET_STATUS_CHANGED } from "@civicline/intake";
import { PostgresQueryRunner } from "typeorm/driver/postgres/PostgresQueryRunner.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { autoDispatch, autoDispatchMany } from "../dispatch/auto-dispatch.js";
import { RoutingEvent } from "../routing.events.js";
import { armDispatchOverdue, armDispatchOverdueMany, dispatchOverdueKey } from "../timers/dispatch-overdue.js";
import { buildPolicies, buildRule, buildTicket, buildWorld, historyOf, routingTestDatabase, signForTimerOf, timersOf } from "./factories.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await routingTestDatabase();
  await buildPolicies(db);
});
afterAll(() => db?.destroy());

const at = (local: string): Date => new Date(`${local}+08:00`);

/** The SQL statements `work` sends, in order. */
async function statementsOf<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const spy = vi.spyOn(PostgresQueryRunner.prototype, "query");
  try {
    const result = await work();
    return { result, statements: spy.mock.calls.map((call) => String(call[0]).replace(/\s+/gu, " ")) };
  } finally {
    spy.mockRestore();
  }
}

/** The ticket's outbox events (type) in the order they were recorded. */
async function eventTypesOf(ticketId: string): Promise<string[]> {
  const rows: Array<{ type: string }> = await db.dataSource.query("SELECT type FROM platform_outbox WHERE payload->>'ticketId' = $1 ORDER BY id", [ticketId]);
  return rows.map((row) => row.type);
}

describe("auto-dispatching several tickets together", () => {
  it("dispatches each as autoDispatch would, reading the catalogue, calendar and units once and adding at most 5 statements per ticket", async () => {
    const world = await buildWorld(db);
    await buildRule(db, { categoryId: world.group.id, areaId: world.township.id, leadUnitId: world.townshipOffice.id, assistingUnitIds: [world.bureau.id], autoDispatch: true });
    const receivedAt = at("2026-09-30T16:30:00");
    const now = at("2026-09-30T16:31:00");
    const single = await buildTicket(db, world, { receivedAt });
    const burst = await Promise.all(Array.from({ length: 8 }, () => buildTicket(db, world, { receivedAt })));
    // Not for auto-dispatch: another township (no rule), and a ticket already dispatched (idempotence).
    const noRule = await buildTicket(db, world, { receivedAt, townshipId: world.otherTownship.id });
    const already = await buildTicket(db, world, { receivedAt });
    expect(await autoDispatch(db.dataSource, { ticketId: already.id, trigger: "received", now })).not.toBeNull();

    const one = await statementsOf(() => autoDispatch(db.dataSource, { ticketId: single.id, trigger: "received", now }));
    const many = await statementsOf(() =>
      autoDispatchMany(db.dataSource, [...burst, noRule, already].map((ticket) => ({ ticketId: ticket.id, trigger: "received" as const })), now),
    );

    expect([...many.result.keys()].sort()).toEqual(burst.map((ticket) => ticket.id).sort());
    for (const ticket of [single, ...burst]) {
      const assignment = ticket.id === single.id ? one.result! : many.result.get(ticket.id)!;
      expect(assignment).toMatchObject({ ticketId: ticket.id, leadUnitId: world.townshipOffice.id, assistingUnitIds: [world.bureau.id], dispatchedByName: "自动派单 / auto-dispatch", completionDueAt: at("2026-10-13T16:31:00") });
      expect((await historyOf(db, ticket.id)).at(-1)).toMatchObject({ from_status: "received", to_status: "dispatched", is_public: true, reason: world.townshipOffice.nameZh });
      expect((await timersOf(db, assignment.id)).map((timer) => timer.type)).toEqual(["routing.near_due", "routing.overdue"]);
      expect(await signForTimerOf(db, assignment.id)).toHaveLength(1);
      const units: Array<{ unit_id: string; role: string }> = await db.dataSource.query("SELECT unit_id, role FROM routing_assignment_unit WHERE assignment_id = $1 ORDER BY role DESC", [assignment.id]);
      expect(units.map((unit) => unit.unit_id)).toEqual([world.townshipOffice.id, world.bureau.id]);
      // The status change comes before the dispatch event, as for a ticket dispatched alone.
      expect((await eventTypesOf(ticket.id)).slice(-2)).toEqual([TICKET_STATUS_CHANGED, RoutingEvent.TICKET_DISPATCHED]);
    }
    expect((await historyOf(db, noRule.id)).at(-1)).toMatchObject({ to_status: "received" });
    expect(await eventTypesOf(already.id)).toEqual(expect.arrayContaining([RoutingEvent.TICKET_DISPATCHED]));
    expect((await eventTypesOf(already.id)).filter((type) => type === RoutingEvent.TICKET_DISPATCHED)).toHaveLength(1);

    const matching = (pattern: RegExp) => many.statements.filter((sql) => pattern.test(sql)).length;
    expect(matching(/routing_catalogue_version/u)).toBe(1);
    expect(matching(/platform_calendar_override/u)).toBe(1);
    expect(matching(/FROM "routing_unit"/u)).toBe(1);
    expect(matching(/^(START TRANSACTION|BEGIN)/u)).toBe(1);
    // 8 tickets dispatched (and 2 left alone) cost at most 5 statements each more than one ticket alone.
    const listing = many.statements.map((sql) => sql.slice(0, 100)).join("\n");
    expect(many.statements.length - one.statements.length, listing).toBeLessThanOrEqual(5 * (burst.length - 1));
  });

  it("arms the dispatch deadlines of several received tickets in as many statements as one, the same as one by one", async () => {
    const world = await buildWorld(db);
    const receivedAt = at("2026-09-30T16:30:00");
    const alone = await buildTicket(db, world, { receivedAt });
    const waiting = await Promise.all(Array.from({ length: 6 }, () => buildTicket(db, world, { receivedAt })));
    const another = await buildTicket(db, world, { receivedAt });
    await buildRule(db, { categoryId: world.group.id, areaId: world.otherTownship.id, leadUnitId: world.townshipOffice.id, autoDispatch: true });
    const other = await buildTicket(db, world, { receivedAt, townshipId: world.otherTownship.id });
    expect(await autoDispatch(db.dataSource, { ticketId: other.id, trigger: "received" })).not.toBeNull();
    // Already armed (a redelivered event): left as it is.
    await armDispatchOverdue(db.dataSource, waiting[0]!.id);
    await db.dataSource.query("UPDATE platform_timer SET fired_at = now() WHERE key = $1", [dispatchOverdueKey(waiting[0]!.id)]);

    const one = await statementsOf(() => armDispatchOverdue(db.dataSource, alone.id));
    const many = await statementsOf(() => armDispatchOverdueMany(db.dataSource, [...waiting, another, other].map((ticket) => ticket.id)));
    expect(many.statements.length).toBe(one.statements.length);

    const timers: Array<{ key: string; due_at: Date; fired: boolean }> = await db.dataSource.query("SELECT key, due_at, fired_at IS NOT NULL AS fired FROM platform_timer WHERE key = ANY($1) ORDER BY key", [
      [alone, ...waiting, another, other].map((ticket) => dispatchOverdueKey(ticket.id)),
    ]);
    const [first] = timers.filter((timer) => timer.key === dispatchOverdueKey(alone.id));
    // Every received ticket has its timer (one deadline: same receipt, same limits); `other` was dispatched at once and has none.
    expect(timers.map((timer) => timer.key).sort()).toEqual([alone, ...waiting, another].map((ticket) => dispatchOverdueKey(ticket.id)).sort());
    expect(timers.filter((timer) => timer.due_at.getTime() === first!.due_at.getTime())).toHaveLength(8);
    expect(timers.filter((timer) => timer.fired).map((timer) => timer.key)).toEqual([dispatchOverdueKey(waiting[0]!.id)]);
  });
});
