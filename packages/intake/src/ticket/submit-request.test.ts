import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCatalog, buildTicket, intakeTestDatabase } from "../__tests__/factories.js";
import { submitRequest } from "./submit-request.js";
import { Channel, RequestType } from "./ticket.enums.js";
import { issueTrackingAccess } from "../portal/tracking-access.js";
import { trackTicket } from "./ticket-queries.js";
import { hotlineDay } from "./tracking-number.js";
import { normalizePhone } from "./ticket-validation.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await intakeTestDatabase();
});
afterAll(() => db?.destroy());

describe("submitRequest", () => {
  it("issues unique, consecutive tracking numbers under concurrent submissions", async () => {
    const tickets = await Promise.all(Array.from({ length: 12 }, () => buildTicket(db)));
    const numbers = tickets.map((t) => t.trackingNumber);
    expect(new Set(numbers).size).toBe(12);
    const sequences = numbers.map((n) => Number(n.split("-")[2])).sort((a, b) => a - b);
    expect(sequences.at(-1)! - sequences[0]!).toBe(11);
  });

  it("numbers by the Asia/Shanghai calendar day", () => {
    expect(hotlineDay(new Date("2026-11-24T16:30:00Z"))).toBe("2026-11-25");
    expect(hotlineDay(new Date("2026-11-24T15:59:00Z"))).toBe("2026-11-24");
  });

  it("stores text in NFC and the phone as digits", async () => {
    const ticket = await buildTicket(db, { description: "Cafe\u0301 楼下噪音", phone: "+86 139-1234-5678" });
    expect(ticket.description).toBe("Caf\u00e9 楼下噪音");
    expect(ticket.citizenPhone).toBe("13912345678");
  });

  it("refuses a category group and rolls back everything", async () => {
    const catalog = await buildCatalog(db);
    const before = await db.dataSource.query("SELECT count(*)::int AS n FROM intake_tracking_sequence");
    await expect(
      submitRequest({
        db: db.dataSource,
        cityPrefix: "ZB",
        actor: null,
        channel: Channel.PORTAL,
        input: { requestType: RequestType.HELP, categoryId: catalog.group.id, description: "路灯不亮很多天了", districtId: catalog.district.id, address: "x", citizenName: "y", phone: "13800000000" },
      }),
    ).rejects.toMatchObject({ code: "INTAKE/UNKNOWN_CATEGORY", details: { fields: [{ field: "categoryId" }] } });
    expect(await db.dataSource.query("SELECT count(*)::int AS n FROM intake_tracking_sequence")).toEqual(before);
  });
});

describe("submitRequest refuses text that cannot be stored", () => {
  it.each([
    ["description", { description: "噪音\u0000扰民很久了" }],
    ["description", { description: "噪音\ud800扰民很久了" }],
    ["address", { address: "柳泉路\u0000" }],
    ["citizenName", { citizenName: "\udc00王" }],
    ["phone", { phone: "1381234\u00005678" }],
  ])("%s with a NUL byte or lone surrogate gets a field error and no ticket", async (field, overrides) => {
    const [{ n: before }] = await db.dataSource.query("SELECT count(*)::int AS n FROM intake_ticket");
    await expect(buildTicket(db, overrides)).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      details: { fields: [expect.objectContaining({ field, code: "INVALID_CHARACTERS" })] },
    });
    const [{ n: after }] = await db.dataSource.query("SELECT count(*)::int AS n FROM intake_ticket");
    expect(after).toBe(before);
  });

  it("keeps a whistle-blowing report confidential", async () => {
    expect((await buildTicket(db, { requestType: RequestType.REPORT })).privacy).toBe("confidential");
  });
});

describe("trackTicket", () => {
  it("opens a ticket with its access token, in any common spelling of the number", async () => {
    const ticket = await buildTicket(db, { phone: "13511112222" });
    const { accessToken } = await issueTrackingAccess(db.dataSource, { ticketId: ticket.id, now: new Date() });
    const found = await trackTicket(db.dataSource, { trackingNumber: ` ${ticket.trackingNumber.toLowerCase()} `, accessToken });
    expect(found.ticket.id).toBe(ticket.id);
    expect(found.timeline).toHaveLength(1);
  });

  it("refuses a token for another ticket, and an expired one", async () => {
    const a = await buildTicket(db);
    const b = await buildTicket(db);
    const now = new Date();
    const { accessToken } = await issueTrackingAccess(db.dataSource, { ticketId: a.id, now });
    await expect(trackTicket(db.dataSource, { trackingNumber: b.trackingNumber, accessToken })).rejects.toMatchObject({ code: "INTAKE/TRACKING_ACCESS_INVALID" });
    await expect(trackTicket(db.dataSource, { trackingNumber: a.trackingNumber, accessToken, now: new Date(now.getTime() + 31 * 60_000) })).rejects.toMatchObject({
      code: "INTAKE/TRACKING_ACCESS_INVALID",
    });
  });
});

describe("normalizePhone", () => {
  it.each([
    ["13812345678", "13812345678"],
    ["138 1234 5678", "13812345678"],
    ["0533-2345678", "05332345678"],
    ["12345678901", null],
    ["1381234567", null],
    ["abc", null],
  ])("%s → %s", (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });
});
