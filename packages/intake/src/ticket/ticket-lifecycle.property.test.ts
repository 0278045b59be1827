import type { TestDatabase } from "@civicline/platform/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCall, buildCatalog, historyOf, intakeTestDatabase, operator, type Catalog } from "../__tests__/factories.js";
import { canTransition, recordTicketEvent, transitionTicket } from "./ticket-lifecycle.js";
import { RequestType, TicketHistoryKind, TicketStatus, Urgency } from "./ticket.enums.js";

let db: TestDatabase;
let catalog: Catalog;
beforeAll(async () => {
  db = await intakeTestDatabase();
  catalog = await buildCatalog(db);
});
afterAll(() => db?.destroy());

const STATUSES = Object.values(TicketStatus);

type Step = { type: "transition"; to: TicketStatus; stale: boolean } | { type: "note" };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ type: fc.constant("transition" as const), to: fc.constantFrom(...STATUSES), stale: fc.integer({ min: 0, max: 4 }).map((n) => n === 0) }) },
  { weight: 1, arbitrary: fc.constant({ type: "note" as const }) },
);

const randomTicket = fc.record({
  requestType: fc.constantFrom(...Object.values(RequestType)),
  urgency: fc.constantFrom(...Object.values(Urgency)),
  phone: fc.integer({ min: 0, max: 99_999_999 }).map((n) => `139${String(n).padStart(8, "0")}`),
});

async function stored(ticketId: string): Promise<{ status: TicketStatus; version: number }> {
  const [row] = await db.dataSource.query("SELECT status, version FROM intake_ticket WHERE id = $1", [ticketId]);
  return row;
}

async function outcome<T>(work: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; code: string }> {
  try {
    return { ok: true, value: await work };
  } catch (error) {
    return { ok: false, code: (error as { code?: string }).code ?? String(error) };
  }
}

describe("the ticket lifecycle under random sequences of transitions (fast-check)", () => {
  it("never reaches an illegal state; each accepted transition writes one history row, each refused one none", async () => {
    await fc.assert(
      fc.asyncProperty(randomTicket, fc.array(step, { minLength: 1, maxLength: 14 }), async (attributes, steps) => {
        const ticket = await buildCall(db, catalog, attributes);
        const model = { status: TicketStatus.RECEIVED, version: ticket.version, rows: 1 };
        for (const next of steps) {
          if (next.type === "note") {
            await db.dataSource.transaction((m) => recordTicketEvent(m, { ticketId: ticket.id, actor: operator, kind: TicketHistoryKind.LINKED, reason: "note" }));
            model.rows++;
          } else {
            const expectedVersion = next.stale ? model.version - 1 : model.version;
            const result = await outcome(
              db.dataSource.transaction((m) => transitionTicket(m, { ticketId: ticket.id, to: next.to, expectedVersion, actor: operator })),
            );
            if (!next.stale && canTransition(model.status, next.to)) {
              expect(result.ok).toBe(true);
              model.status = next.to;
              model.version++;
              model.rows++;
            } else {
              expect(result).toEqual({ ok: false, code: next.stale ? "CONFLICT" : "INTAKE/INVALID_TRANSITION" });
            }
          }
          const history = await historyOf(db, ticket.id);
          expect(history).toHaveLength(model.rows);
          expect(await stored(ticket.id)).toEqual({ status: model.status, version: model.version });
        }
        const history = await historyOf(db, ticket.id);
        expect(STATUSES).toContain((await stored(ticket.id)).status);
        expect(history[0]).toMatchObject({ from_status: null, to_status: TicketStatus.RECEIVED, kind: TicketHistoryKind.STATUS });
        for (let i = 1; i < history.length; i++) {
          const row = history[i]!;
          expect(row.from_status).toBe(history[i - 1]!.to_status);
          if (row.kind === TicketHistoryKind.STATUS) {
            expect(canTransition(row.from_status as TicketStatus, row.to_status as TicketStatus)).toBe(true);
          } else {
            expect(row.to_status).toBe(row.from_status);
          }
        }
        expect(history.at(-1)!.to_status).toBe(model.status);
        const [{ events }] = await db.dataSource.query(
          "SELECT count(*)::int AS events FROM platform_outbox WHERE type = 'intake.ticket_status_changed' AND payload->>'ticketId' = $1",
          [ticket.id],
        );
        expect(events).toBe(history.filter((row) => row.kind === TicketHistoryKind.STATUS).length - 1);
      }),
      { numRuns: 40 },
    );
  });

  it("never lets two concurrent transitions from the same version both succeed (two connections at once)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...STATUSES), fc.constantFrom(...STATUSES), async (first, second) => {
        const ticket = await buildCall(db, catalog);
        let arrived = 0;
        let release!: () => void;
        const bothInside = new Promise<void>((resolve) => {
          release = resolve;
        });
        const pids: number[] = [];
        const attempt = (to: TicketStatus) =>
          outcome(
            db.dataSource.transaction(async (m) => {
              const [{ pid }] = await m.query("SELECT pg_backend_pid() AS pid");
              pids.push(pid);
              if (++arrived === 2) {
                release();
              }
              await bothInside;
              return transitionTicket(m, { ticketId: ticket.id, to, expectedVersion: ticket.version, actor: operator });
            }),
          );
        const results = await Promise.all([attempt(first), attempt(second)]);
        expect(new Set(pids).size).toBe(2);
        const succeeded = results.filter((result) => result.ok).length;
        const possible = canTransition(TicketStatus.RECEIVED, first) || canTransition(TicketStatus.RECEIVED, second);
        expect(succeeded).toBe(possible ? 1 : 0);
        for (const [i, result] of results.entries()) {
          if (!result.ok) {
            const to = i === 0 ? first : second;
            expect(["CONFLICT", "INTAKE/INVALID_TRANSITION"]).toContain(result.code);
            if (canTransition(TicketStatus.RECEIVED, to)) {
              expect(result.code).toBe("CONFLICT");
            }
          }
        }
        expect(await historyOf(db, ticket.id)).toHaveLength(1 + succeeded);
        expect((await stored(ticket.id)).version).toBe(ticket.version + succeeded);
      }),
      { numRuns: 30 },
    );
  });
});
