import { Urgency } from "@civicline/intake";
import { Role } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { ReplyOutcome, replyToTicket, signFor } from "@civicline/routing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTicket, buildWorld, chasingTestDatabase, countersAndDirect, dispatchTo, staff, startChasingApp, type World } from "./chasing-world.js";

let db: TestDatabase;
let app: Awaited<ReturnType<typeof startChasingApp>>;
let world: World;

beforeAll(async () => {
  db = await chasingTestDatabase();
  app = await startChasingApp(db);
  world = await buildWorld(db);
  await db.dataSource.query(
    `INSERT INTO routing_sla_policy (urgency, dispatch_minutes, sign_for_minutes, completion_minutes, near_due_percent, around_the_clock, updated_by_name)
     VALUES ('emergency', 15, 15, 1440, 80, true, 'test')`,
  );
});
afterAll(async () => {
  await app?.stop();
  await db?.destroy();
});

type Command =
  | { kind: "receive"; emergency: boolean }
  | { kind: "dispatch"; ticket: number; unit: number }
  | { kind: "signFor"; ticket: number }
  | { kind: "reply"; ticket: number }
  | { kind: "advance"; minutes: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant("receive" as const), emergency: fc.boolean() }),
  fc.record({ kind: fc.constant("dispatch" as const), ticket: fc.nat(5), unit: fc.nat(2) }),
  fc.record({ kind: fc.constant("signFor" as const), ticket: fc.nat(5) }),
  fc.record({ kind: fc.constant("reply" as const), ticket: fc.nat(5) }),
  fc.record({ kind: fc.constant("advance" as const), minutes: fc.integer({ min: 5, max: 4 * 24 * 60 }) }),
);

describe("per-unit counters under any series of events", () => {
  it("equal a direct count of the late tickets, and the board equals the truth, after every step", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 3, maxLength: 12 }), async (commands) => {
        const tickets: Array<{ id: string; unitId: string | null }> = [];
        for (const step of commands) {
          const ticket = "ticket" in step ? tickets[step.ticket % Math.max(tickets.length, 1)] : undefined;
          try {
            if (step.kind === "receive") {
              const created = await buildTicket(db, world, { receivedAt: app.clock.now(), urgency: step.emergency ? Urgency.EMERGENCY : Urgency.NORMAL });
              tickets.push({ id: created.id, unitId: null });
            } else if (step.kind === "advance") {
              app.clock.advance(step.minutes * 60_000);
            } else if (ticket && step.kind === "dispatch") {
              ticket.unitId = world.units[step.unit]!.id;
              await dispatchTo(db, ticket, ticket.unitId, app.clock.now());
            } else if (ticket?.unitId && step.kind === "signFor") {
              await signFor(db.dataSource, { actor: staff("经办人", [Role.HANDLER], ticket.unitId), ticketId: ticket.id, now: app.clock.now() });
            } else if (ticket?.unitId && step.kind === "reply") {
              const handler = staff("经办人", [Role.HANDLER], ticket.unitId);
              await replyToTicket(db.dataSource, { actor: handler, ticketId: ticket.id, reply: { outcome: ReplyOutcome.RESOLVED, text: "已处理完毕。" }, now: app.clock.now() });
            }
          } catch (error) {
            // A step the ticket's state does not allow (dispatching twice, replying before signing …) changes nothing.
            if (!(error instanceof Error) || !("code" in error)) {
              throw error;
            }
          }
          await app.settle();
          const { counters, direct, items, truth } = await countersAndDirect(db);
          expect(counters).toEqual(direct);
          expect(items).toEqual(truth);
        }
      }),
      { numRuns: 12 },
    );
    const { items } = await countersAndDirect(db);
    // The series did put tickets on the board (the property was not checked on an empty board only).
    expect(items.length).toBeGreaterThan(0);
  });
});
