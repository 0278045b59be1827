import { OUTBOX_CHANNEL, PgListener, createLogger } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { PostgresQueryRunner } from "typeorm/driver/postgres/PostgresQueryRunner.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildCatalog, callInput, eventsOf, intakeTestDatabase, operator } from "../__tests__/factories.js";
import { logCall } from "../call-screen/log-call.js";
import { coalesced } from "./outbox-wake.js";
import { nextTrackingNumber } from "./tracking-number.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await intakeTestDatabase();
});
afterAll(() => db?.destroy());

/** The SQL statements `work` sends through TypeORM, whitespace folded. */
async function statementsOf<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const spy = vi.spyOn(PostgresQueryRunner.prototype, "query");
  try {
    const result = await work();
    return { result, statements: spy.mock.calls.map((call) => String(call[0]).replace(/\s+/gu, " ").trim()) };
  } finally {
    spy.mockRestore();
  }
}

describe("the statements of a logCall", () => {
  it("checks, takes a number and stores ticket, history and event in one statement each (no BEGIN/COMMIT), then wakes the outbox", async () => {
    const catalog = await buildCatalog(db);
    const listener = new PgListener(db.url, createLogger({ level: "silent" }));
    const woken: string[] = [];
    await listener.listen(OUTBOX_CHANNEL, (payload) => woken.push(payload));
    try {
      const { result: ticket, statements } = await statementsOf(async () => {
        const created = await logCall({ db: db.dataSource, cityPrefix: "ZB", actor: operator, input: callInput(catalog) });
        // The wake-up is sent before logCall returns; its delivery to the listener may take a moment.
        await vi.waitFor(() => expect(woken.length).toBeGreaterThan(0), { timeout: 5_000 });
        return created;
      });
      const listing = statements.map((sql) => sql.slice(0, 90)).join("\n");
      expect(statements, listing).toHaveLength(4);
      expect(statements[0], listing).toMatch(/^SELECT \(SELECT to_jsonb\(c\) FROM intake_category/u);
      expect(statements[1], listing).toMatch(/^INSERT INTO intake_tracking_sequence/u);
      expect(statements[2], listing).toMatch(/^WITH ticket AS \( INSERT INTO intake_ticket .* INSERT INTO intake_ticket_history .* INSERT INTO platform_outbox/u);
      expect(statements[3], listing).toMatch(/^SELECT pg_notify\(/u);
      expect(statements.filter((sql) => /^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT)/u.test(sql)), listing).toEqual([]);
      // Everything the statement wrote is there: the opening history row and the event.
      const history: unknown[] = await db.dataSource.query(
        "SELECT from_status, to_status, kind, actor_id, actor_name, actor_kind, is_public, at = $2::timestamptz AS at_receipt FROM intake_ticket_history WHERE ticket_id = $1",
        [ticket.id, ticket.receivedAt],
      );
      expect(history).toEqual([{ from_status: null, to_status: "received", kind: "status", actor_id: operator.id, actor_name: operator.name, actor_kind: "staff", is_public: true, at_receipt: true }]);
      expect(await eventsOf(db, ticket.id)).toMatchObject([{ type: "intake.ticket_received", payload: { ticketId: ticket.id, trackingNumber: ticket.trackingNumber } }]);
    } finally {
      await listener.close();
    }
  });

  it("the number's statement commits on its own asynchronously without changing the connection's synchronous_commit; in a transaction it joins it", async () => {
    const runner = db.dataSource.createQueryRunner();
    try {
      const at = new Date("2031-07-01T12:00:00+08:00");
      expect(await nextTrackingNumber(runner.manager, "ZB", at)).toBe("ZB-20310701-00001");
      // The pooled connection is back to synchronous commits for whatever it runs next.
      expect(await runner.query("SHOW synchronous_commit")).toEqual([{ synchronous_commit: "on" }]);
      await runner.startTransaction();
      expect(await nextTrackingNumber(runner.manager, "ZB", at)).toBe("ZB-20310701-00002");
      expect(await runner.query("SHOW synchronous_commit")).toEqual([{ synchronous_commit: "on" }]);
      await runner.rollbackTransaction();
      // Rolled back with its transaction: the number is issued again.
      expect(await nextTrackingNumber(runner.manager, "ZB", at)).toBe("ZB-20310701-00002");
    } finally {
      await runner.release();
    }
  });
});

describe("coalesced wake-ups", () => {
  /** A send whose runs the test finishes one by one. */
  function controlledSend() {
    const runs: Array<{ finish: (error?: Error) => void }> = [];
    const send = () =>
      new Promise<void>((resolve, reject) => {
        runs.push({ finish: (error) => (error ? reject(error) : resolve()) });
      });
    return { runs, send };
  }
  const settled = async (promise: Promise<unknown>) => {
    let done = false;
    promise.then(
      () => (done = true),
      () => (done = true),
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    return done;
  };

  it("runs at most once at a time; calls made during a run share one later run, which starts after them", async () => {
    const { runs, send } = controlledSend();
    const wake = coalesced(send);
    const first = wake();
    expect(runs).toHaveLength(1);
    const second = wake();
    const third = wake();
    expect(second).toBe(third);
    expect(runs).toHaveLength(1);
    runs[0]!.finish();
    await first;
    // The first run may have started before the second and third calls' commits: they wait for the next.
    expect(await settled(second)).toBe(false);
    await vi.waitFor(() => expect(runs).toHaveLength(2));
    runs[1]!.finish();
    await second;
    await third;
    const fourth = wake();
    expect(runs).toHaveLength(3);
    runs[2]!.finish();
    await fourth;
  });

  it("a failed run fails its own calls only; the calls queued behind it still get a run", async () => {
    const { runs, send } = controlledSend();
    const wake = coalesced(send);
    const first = wake();
    const second = wake();
    runs[0]!.finish(new Error("connection lost"));
    await expect(first).rejects.toThrow("connection lost");
    await vi.waitFor(() => expect(runs).toHaveLength(2));
    runs[1]!.finish();
    await expect(second).resolves.toBeUndefined();
  });
});
