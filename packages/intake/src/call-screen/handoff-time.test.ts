import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCall, buildCatalog, intakeTestDatabase, operator } from "../__tests__/factories.js";
import { EmergencyService } from "./call-screen.enums.js";
import { recordEmergencyHandoff } from "./emergency.js";
import { EmergencyHandoff } from "./emergency-handoff.entity.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await intakeTestDatabase();
});
afterAll(() => db?.destroy());

/** Issue 16 bug 5: a hand-off noted before the caller's details were taken keeps the time it happened. */
describe("a hand-off noted before the call could be saved", () => {
  it("keeps the time it happened (within the last 2 hours) and refuses other times with nothing stored", async () => {
    const catalog = await buildCatalog(db);
    const ticket = await buildCall(db, catalog);
    const now = new Date("2026-11-24T03:00:00Z");
    const base = { actor: operator, ticketId: ticket.id, service: EmergencyService.AMBULANCE_120, checklist: [], now };
    const noted = new Date("2026-11-24T02:51:00Z");
    await recordEmergencyHandoff(db.dataSource, { ...base, reference: "120-77", handedOffAt: noted });
    const stored = await db.dataSource.getRepository(EmergencyHandoff).findBy({ ticketId: ticket.id });
    expect(stored.map((row) => row.handedOffAt.toISOString())).toEqual([noted.toISOString()]);

    for (const handedOffAt of [new Date("2026-11-24T00:30:00Z"), new Date("2026-11-24T03:30:00Z")]) {
      await expect(recordEmergencyHandoff(db.dataSource, { ...base, reference: "120-78", handedOffAt })).rejects.toMatchObject({
        code: "BAD_USER_INPUT",
        details: { fields: [{ field: "handedOffAt", code: "INVALID_FORMAT" }] },
      });
    }
    expect(await db.dataSource.getRepository(EmergencyHandoff).countBy({ ticketId: ticket.id })).toBe(1);
  });
});
