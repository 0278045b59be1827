import { intakeModule } from "@civicline/intake";
import { TimerService, createDataSource, createLogger, platformModule, type FiringTimer } from "@civicline/platform";
import { createTestClock, type TestClock, type TestDatabase } from "@civicline/platform/testing";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Assignment } from "../assignment/assignment.entity.js";
import { dispatchTicket } from "../dispatch/dispatch-ticket.js";
import { routingModule } from "../routing.module.js";
import { RoutingEvent } from "../routing.events.js";
import { DeadlineTimer, deadlineTimerHandlers, deadlineTimerKey, scheduleDeadlineTimers, scheduleSignForTimer } from "../timers/deadline-timers.js";
import { signFor } from "../workbench/sign-for.js";
import { armDispatchOverdue, dispatchOverdueKey, dispatchOverdueTimerHandler } from "../timers/dispatch-overdue.js";
import { buildPolicies, buildTicket, buildWorld, dispatcher, routingTestDatabase } from "./factories.js";

const log = createLogger({ level: "silent" });
let db: TestDatabase;
beforeAll(async () => {
  db = await routingTestDatabase();
  await buildPolicies(db);
});
afterAll(() => db?.destroy());

/**
 * One app instance as the gateway runs it: its own pool and a TimerService with routing's handlers,
 * on the test's clock (the test moves it and runs passes with `timers.drain()`).
 */
async function startApp(name: string, clock: TestClock): Promise<{ timers: TimerService; stop(): Promise<void> }> {
  const dataSource = createDataSource({
    url: db.url,
    entities: [...platformModule.entities, ...intakeModule.entities, ...routingModule.entities],
    migrations: [],
    poolSize: 3,
    applicationName: name,
  });
  await dataSource.initialize();
  const timers = new TimerService(dataSource, log, { connectionUrl: db.url, pollMs: 60_000, instanceName: name, now: clock.now });
  for (const handler of [...deadlineTimerHandlers(), dispatchOverdueTimerHandler()]) {
    timers.register(handler);
  }
  await timers.start();
  return {
    timers,
    stop: async () => {
      await timers.stop();
      await dataSource.destroy();
    },
  };
}

/**
 * A clock for the timer services, an hour behind the database's: the handlers' marks (its now()) come
 * after every due time the test clock reaches, and the deadlines dispatch set stay far ahead of it.
 */
async function timerClock(): Promise<TestClock> {
  const [row] = (await db.dataSource.query("SELECT now() - interval '1 hour' AS start")) as Array<{ start: Date }>;
  return createTestClock(row!.start);
}

/** Moves an assignment's deadlines close to the clock's now (the limits themselves are tested elsewhere) and re-arms its timers. */
async function dueSoon(dataSource: DataSource, clock: TestClock, assignmentId: string, nearDueInMs: number, overdueInMs: number): Promise<void> {
  await dataSource.transaction(async (manager) => {
    const assignment = await manager.findOneByOrFail(Assignment, { id: assignmentId });
    assignment.nearDueAt = clock.in(nearDueInMs);
    assignment.completionDueAt = clock.in(overdueInMs);
    await manager.save(assignment);
    await scheduleDeadlineTimers(manager, assignment);
  });
}

async function deadlineEvents(ticketIds: string[]): Promise<Array<{ ticket: string; type: string; n: number }>> {
  return db.dataSource.query(
    `SELECT payload->>'ticketId' AS ticket, type, count(*)::int AS n FROM platform_outbox
      WHERE type IN ($1, $2) AND payload->>'ticketId' = ANY($3) GROUP BY 1, 2 ORDER BY 1, 2`,
    [RoutingEvent.TICKET_NEAR_DUE, RoutingEvent.TICKET_OVERDUE, ticketIds],
  );
}

describe("deadline timers across a restart of the app", () => {
  it("fires each near-due warning and overdue event exactly once in effect: late ones at once after the restart, the others on time", async () => {
    const clock = await timerClock();
    const world = await buildWorld(db);
    const first = await startApp("first", clock);
    const tickets = [await buildTicket(db, world), await buildTicket(db, world)];
    const assignments = [];
    for (const ticket of tickets) {
      assignments.push(await dispatchTicket(db.dataSource, { actor: dispatcher, request: { ticketId: ticket.id, version: ticket.version, leadUnitId: world.bureau.id } }));
    }
    const [early, late] = assignments as [Assignment, Assignment];
    await dueSoon(db.dataSource, clock, early.id, 900, 1_300); // falls due while the app is down
    await dueSoon(db.dataSource, clock, late.id, 3_000, 3_800); // falls due after the restart
    await first.timers.drain();
    await first.stop();
    clock.advance(1_800);
    const ids = tickets.map((ticket) => ticket.id);
    expect(await deadlineEvents(ids)).toEqual([]);

    const second = await startApp("second", clock);
    try {
      // No drain(): starting fires what fell due while the app was down.
      await vi.waitFor(async () => expect(await deadlineEvents([early.ticketId])).toHaveLength(2), { timeout: 10_000, interval: 25 });
      await second.timers.drain();
      expect(await deadlineEvents(ids)).toHaveLength(2);
      // The late ticket's on time: not a millisecond early.
      const lateDue = await db.dataSource.getRepository(Assignment).findOneByOrFail({ id: late.id });
      for (const [dueAt, type] of [
        [lateDue.nearDueAt, RoutingEvent.TICKET_NEAR_DUE],
        [lateDue.completionDueAt, RoutingEvent.TICKET_OVERDUE],
      ] as const) {
        clock.advanceTo(new Date(dueAt.getTime() - 1));
        await second.timers.drain();
        expect((await deadlineEvents([late.ticketId])).map((event) => event.type)).not.toContain(type);
        clock.advanceTo(dueAt);
        await second.timers.drain();
        expect((await deadlineEvents([late.ticketId])).map((event) => event.type)).toContain(type);
      }
      expect(await deadlineEvents(ids)).toHaveLength(4);
      const lateRow = await db.dataSource.getRepository(Assignment).findOneByOrFail({ id: late.id });
      expect(lateRow.overdueAt!.getTime()).toBeGreaterThanOrEqual(lateRow.completionDueAt.getTime());
    } finally {
      await second.stop();
    }

    // Another restart after everything fired fires nothing again.
    const third = await startApp("third", clock);
    clock.advance(60_000);
    await third.timers.drain();
    await third.stop();

    // A job that runs twice (or a stale timer) changes nothing: the assignment is marked.
    const [nearDue, overdue] = deadlineTimerHandlers();
    for (const assignment of [early, late]) {
      const row = await db.dataSource.getRepository(Assignment).findOneByOrFail({ id: assignment.id });
      expect(row.nearDueNotifiedAt).toBeInstanceOf(Date);
      expect(row.overdueAt).toBeInstanceOf(Date);
      const again = (type: string, dueAt: Date): FiringTimer => ({
        id: "0",
        key: deadlineTimerKey(row.id, type === DeadlineTimer.NEAR_DUE ? "near_due" : "overdue"),
        type,
        payload: { assignmentId: row.id, ticketId: row.ticketId, dueAt: dueAt.toISOString() },
        dueAt,
        attempts: 0,
      });
      await db.dataSource.transaction(async (manager) => {
        await nearDue!.handle(again(DeadlineTimer.NEAR_DUE, row.nearDueAt), manager);
        await overdue!.handle(again(DeadlineTimer.OVERDUE, row.completionDueAt), manager);
      });
    }
    expect(await deadlineEvents(ids)).toEqual(
      ids
        .flatMap((ticket) => [
          { ticket, type: RoutingEvent.TICKET_NEAR_DUE, n: 1 },
          { ticket, type: RoutingEvent.TICKET_OVERDUE, n: 1 },
        ])
        .sort((a, b) => (a.ticket + a.type).localeCompare(b.ticket + b.type)),
    );
    const [event] = await db.dataSource.query("SELECT payload FROM platform_outbox WHERE type = $1 AND payload->>'ticketId' = $2", [RoutingEvent.TICKET_OVERDUE, early.ticketId]);
    expect(event.payload).toMatchObject({ assignmentId: early.id, leadUnitId: world.bureau.id, unitIds: [world.bureau.id] });
  });
});

describe("the sign-for deadline", () => {
  it("records one event for a unit that did not sign in time, none for one that did", async () => {
    const clock = await timerClock();
    const world = await buildWorld(db);
    const tickets = [await buildTicket(db, world), await buildTicket(db, world)];
    const assignments: Assignment[] = [];
    for (const ticket of tickets) {
      assignments.push(await dispatchTicket(db.dataSource, { actor: dispatcher, request: { ticketId: ticket.id, version: ticket.version, leadUnitId: world.bureau.id } }));
    }
    await signFor(db.dataSource, { actor: world.bureauHandler, ticketId: tickets[1]!.id });
    for (const assignment of assignments) {
      await db.dataSource.transaction(async (manager) => {
        const row = await manager.findOneByOrFail(Assignment, { id: assignment.id });
        row.signForDueAt = clock.in(300);
        await manager.update(Assignment, { id: row.id }, { signForDueAt: row.signForDueAt });
        if (!row.signedForAt) {
          await scheduleSignForTimer(manager, row);
        }
      });
    }
    const app = await startApp("sign-for", clock);
    const events = () =>
      db.dataSource.query("SELECT payload->>'ticketId' AS ticket FROM platform_outbox WHERE type = $1 AND payload->>'ticketId' = ANY($2)", [
        RoutingEvent.SIGN_FOR_OVERDUE,
        tickets.map((ticket) => ticket.id),
      ]) as Promise<Array<{ ticket: string }>>;
    try {
      await app.timers.drain();
      expect(await events()).toEqual([]);
      clock.advance(300);
      await app.timers.drain();
      expect(await events()).toHaveLength(1);
      clock.advance(60_000);
      await app.timers.drain();
      expect(await events()).toEqual([{ ticket: tickets[0]!.id }]);
    } finally {
      await app.stop();
    }
    const timers = await db.dataSource.query("SELECT key FROM platform_timer WHERE key = $1", [deadlineTimerKey(assignments[1]!.id, "sign_for_overdue")]);
    expect(timers).toEqual([]);
    expect(DeadlineTimer.SIGN_FOR_OVERDUE).toBe("routing.sign_for_overdue");
  });
});

describe("the dispatch deadline", () => {
  it("records one event for a received ticket nobody dispatched in time, none for one that was dispatched", async () => {
    const clock = await timerClock();
    const world = await buildWorld(db);
    const waiting = await buildTicket(db, world);
    const dispatched = await buildTicket(db, world);
    await armDispatchOverdue(db.dataSource, waiting.id);
    await armDispatchOverdue(db.dataSource, dispatched.id);
    await armDispatchOverdue(db.dataSource, waiting.id); // a redelivered event changes nothing
    await dispatchTicket(db.dataSource, { actor: dispatcher, request: { ticketId: dispatched.id, version: dispatched.version, leadUnitId: world.bureau.id } });
    await db.dataSource.query("UPDATE platform_timer SET due_at = $2, available_at = $2 WHERE key = ANY($1)", [
      [dispatchOverdueKey(waiting.id), dispatchOverdueKey(dispatched.id)],
      clock.in(300),
    ]);
    const events = () =>
      db.dataSource.query("SELECT payload->>'ticketId' AS ticket FROM platform_outbox WHERE type = $1 AND payload->>'ticketId' = ANY($2)", [
        RoutingEvent.DISPATCH_OVERDUE,
        [waiting.id, dispatched.id],
      ]) as Promise<Array<{ ticket: string }>>;
    const app = await startApp("dispatch-deadline", clock);
    try {
      await app.timers.drain();
      expect(await events()).toEqual([]);
      clock.advance(300);
      await app.timers.drain();
      expect(await events()).toHaveLength(1);
      clock.advance(60_000);
      await app.timers.drain();
      expect(await events()).toEqual([{ ticket: waiting.id }]);
    } finally {
      await app.stop();
    }
    await armDispatchOverdue(db.dataSource, waiting.id);
    const rows = await db.dataSource.query("SELECT fired_at FROM platform_timer WHERE key = $1", [dispatchOverdueKey(waiting.id)]);
    expect(rows[0].fired_at).toBeInstanceOf(Date);
  });
});
