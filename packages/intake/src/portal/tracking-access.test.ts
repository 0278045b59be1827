import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTicket, intakeTestDatabase } from "../__tests__/factories.js";
import { ACCESS_TTL_MS, issueTrackingAccess, ticketIdForTrackingAccess } from "./tracking-access.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await intakeTestDatabase();
});
afterAll(async () => {
  await db?.destroy();
});

describe("tracking access tokens", () => {
  it("resolve to their own ticket only, and stop working after 30 minutes", async () => {
    const [a, b] = [await buildTicket(db), await buildTicket(db)];
    const now = new Date();
    const forA = await issueTrackingAccess(db.dataSource, { ticketId: a.id, now });
    const forB = await issueTrackingAccess(db.dataSource, { ticketId: b.id, now });
    expect(forA.accessToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(forA.expiresAt.getTime() - now.getTime()).toBe(ACCESS_TTL_MS);
    expect(await ticketIdForTrackingAccess(db.dataSource, forA.accessToken)).toBe(a.id);
    expect(await ticketIdForTrackingAccess(db.dataSource, forB.accessToken)).toBe(b.id);

    const later = new Date(now.getTime() + ACCESS_TTL_MS + 1000);
    await expect(ticketIdForTrackingAccess(db.dataSource, forA.accessToken, { now: later })).rejects.toMatchObject({ code: "INTAKE/TRACKING_ACCESS_INVALID" });
  });

  it("refuse unknown, empty and oversized tokens with the same error", async () => {
    for (const token of ["", "nope", "x".repeat(500)]) {
      await expect(ticketIdForTrackingAccess(db.dataSource, token)).rejects.toMatchObject({ code: "INTAKE/TRACKING_ACCESS_INVALID" });
    }
  });
});
