import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCatalog, callInput, intakeTestDatabase, operator, secondOperator } from "../__tests__/factories.js";
import { logCall } from "../call-screen/log-call.js";
import { createTicket } from "./create-ticket.js";
import { Channel } from "./ticket.enums.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await intakeTestDatabase();
});
afterAll(() => db?.destroy());

/** Noon in Asia/Shanghai on a day no other test uses, so that the day's numbers start at 1. */
const dayAt = (day: string) => new Date(`${day}T12:00:00+08:00`);

const sequenceOf = (trackingNumber: string) => Number(trackingNumber.split("-")[2]);

describe("tracking numbers", () => {
  it("8 parallel creators, three times over, get distinct numbers of the day without gaps; refused input takes none", async () => {
    const catalog = await buildCatalog(db);
    const receivedAt = dayAt("2031-03-04");
    const numbers: string[] = [];
    for (let round = 0; round < 3; round++) {
      const results = await Promise.allSettled([
        ...Array.from({ length: 8 }, (_, i) =>
          logCall({ db: db.dataSource, cityPrefix: "ZB", actor: i % 2 ? operator : secondOperator, receivedAt, input: callInput(catalog, { address: `柳泉路 ${round}-${i} 号` }) }),
        ),
        // Refused by the database checks (a category group), in the middle of the others.
        logCall({ db: db.dataSource, cityPrefix: "ZB", actor: operator, receivedAt, input: callInput(catalog, { categoryId: catalog.group.id }) }),
      ]);
      expect(results.at(-1)).toMatchObject({ status: "rejected", reason: { code: "INTAKE/UNKNOWN_CATEGORY" } });
      for (const result of results.slice(0, 8)) {
        expect(result.status).toBe("fulfilled");
        numbers.push((result as PromiseFulfilledResult<{ trackingNumber: string }>).value.trackingNumber);
      }
    }
    expect(new Set(numbers).size).toBe(24);
    expect(numbers.every((number) => number.startsWith("ZB-20310304-"))).toBe(true);
    expect(numbers.map(sequenceOf).sort((a, b) => a - b)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    const stored: Array<{ tracking_number: string }> = await db.dataSource.query("SELECT tracking_number FROM intake_ticket WHERE tracking_number LIKE 'ZB-20310304-%'");
    expect(stored.map((row) => row.tracking_number).sort()).toEqual([...numbers].sort());
  });

  it("a creator does not wait for another creator's open transaction (the day's counter is not held)", async () => {
    const catalog = await buildCatalog(db);
    const receivedAt = dayAt("2031-03-05");
    let reachedGate!: () => void;
    const atGate = new Promise<void>((resolve) => (reachedGate = resolve));
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    // The first creator stops inside its transaction, after its ticket, history row and event are written.
    const first = createTicket({
      db: db.dataSource,
      cityPrefix: "ZB",
      actor: operator,
      channel: Channel.PHONE,
      input: callInput(catalog),
      enforceExtraFields: true,
      receivedAt,
      alsoInTransaction: async () => {
        reachedGate();
        await gate;
      },
    });
    await atGate;
    try {
      const second = logCall({ db: db.dataSource, cityPrefix: "ZB", actor: secondOperator, receivedAt, input: callInput(catalog) });
      const outcome = await Promise.race([second.then((ticket) => ticket.trackingNumber), new Promise((resolve) => setTimeout(() => resolve("still waiting after 5 s"), 5_000))]);
      expect(outcome).toBe("ZB-20310305-00002");
    } finally {
      openGate();
    }
    expect((await first).trackingNumber).toBe("ZB-20310305-00001");
  });
});
