import type { TestDatabase } from "@civicline/platform/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCatalog, intakeTestDatabase, type Catalog } from "../__tests__/factories.js";
import { TicketAttachment } from "../call-screen/ticket-attachment.entity.js";
import { submitRequest, type SubmitRequestOptions } from "../ticket/submit-request.js";
import { Channel, Privacy, RequestType } from "../ticket/ticket.enums.js";
import { acceptPortalUpload, deleteUnusedPortalUploads, PORTAL_UPLOADS_PER_WINDOW, UNUSED_UPLOAD_TTL_MS } from "./portal-uploads.js";

let db: TestDatabase;
let catalog: Catalog;
beforeAll(async () => {
  db = await intakeTestDatabase();
  catalog = await buildCatalog(db);
});
afterAll(() => db?.destroy());

/** A real 1×1 PNG. */
const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082", "hex");

function portalRequest(overrides: Partial<SubmitRequestOptions["input"]> = {}): SubmitRequestOptions {
  return {
    db: db.dataSource,
    cityPrefix: "ZB",
    actor: null,
    channel: Channel.PORTAL,
    input: {
      requestType: RequestType.COMPLAINT,
      categoryId: catalog.leaf.id,
      description: "小区门口路灯坏了一个月",
      districtId: catalog.district.id,
      townshipId: catalog.township.id,
      address: "柳泉路 8 号",
      citizenName: "陈先生",
      phone: "13700002222",
      ...overrides,
    },
  };
}

let ipCounter = 0;
const upload = (data = PNG, filename = "photo.png", contentType = "image/png") =>
  acceptPortalUpload(db.dataSource, { filename, contentType, data, clientIp: `10.0.0.${++ipCounter}` });

describe("portal uploads", () => {
  it("accept photos by content, type and name, and nothing else", async () => {
    const photo = await upload();
    expect(photo).toMatchObject({ filename: "photo.png", contentType: "image/png", size: PNG.length });
    expect(photo.uploadKey).toMatch(/^[A-Za-z0-9_-]{32}$/);
    await expect(upload(Buffer.from("%PDF-1.4 hello"), "doc.pdf", "application/pdf")).rejects.toMatchObject({ code: "INTAKE/UPLOAD_UNSUPPORTED_TYPE" });
    await expect(upload(Buffer.from("<svg/>"), "x.png")).rejects.toMatchObject({ code: "INTAKE/UPLOAD_UNSUPPORTED_TYPE" });
    await expect(upload(PNG, "photo.jpg", "image/jpeg")).rejects.toMatchObject({ code: "INTAKE/UPLOAD_UNSUPPORTED_TYPE" });
    await expect(upload(Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]))).rejects.toMatchObject({ code: "INTAKE/UPLOAD_TOO_LARGE" });
  });

  it("are limited per client address", async () => {
    const clientIp = "192.0.2.77";
    const now = new Date();
    for (let i = 0; i < PORTAL_UPLOADS_PER_WINDOW; i++) {
      await acceptPortalUpload(db.dataSource, { filename: "p.png", contentType: "image/png", data: PNG, clientIp, now });
    }
    await expect(acceptPortalUpload(db.dataSource, { filename: "p.png", contentType: "image/png", data: PNG, clientIp, now })).rejects.toMatchObject({
      code: "RATE_LIMITED",
      details: { retryAfterSeconds: 600 },
    });
    await expect(acceptPortalUpload(db.dataSource, { filename: "p.png", contentType: "image/png", data: PNG, clientIp: "192.0.2.78", now })).resolves.toHaveProperty("id");
  });
});

describe("unused portal uploads", () => {
  it("are deleted with their bytes after a day; attached ones stay", async () => {
    const unused = await upload();
    const attached = await upload();
    await submitRequest(portalRequest({ attachments: [attached] }));
    expect(await deleteUnusedPortalUploads(db.dataSource, { now: new Date(Date.now() + 60_000) })).toBe(0);
    expect(await deleteUnusedPortalUploads(db.dataSource, { now: new Date(Date.now() + UNUSED_UPLOAD_TTL_MS + 60_000) })).toBeGreaterThanOrEqual(1);
    const files = await db.dataSource.query("SELECT id FROM platform_file WHERE id = ANY($1)", [[unused.id, attached.id]]);
    expect(files).toEqual([{ id: attached.id }]);
  });
});

describe("submitRequest from the portal", () => {
  it("stores privacy, e-mail, map pin and photos with their upload keys", async () => {
    const photo = await upload();
    const ticket = await submitRequest(
      portalRequest({ privacy: Privacy.ANONYMOUS, email: "chen@example.cn", latitude: 36.81, longitude: 118.05, attachments: [{ id: photo.id, uploadKey: photo.uploadKey }] }),
    );
    expect(ticket).toMatchObject({ privacy: Privacy.ANONYMOUS, citizenEmail: "chen@example.cn", latitude: 36.81, longitude: 118.05, channel: Channel.PORTAL, createdBy: null });
    expect(await db.dataSource.getRepository(TicketAttachment).findBy({ ticketId: ticket.id })).toEqual([
      expect.objectContaining({ fileId: photo.id, contentType: "image/png", filename: "photo.png" }),
    ]);
  });

  it("refuses a photo without its key, with someone else's key, or attached already", async () => {
    const mine = await upload();
    const theirs = await upload();
    const [{ n: before }] = await db.dataSource.query("SELECT count(*)::int AS n FROM intake_ticket");
    for (const attachments of [[{ id: mine.id, uploadKey: theirs.uploadKey }], [{ id: mine.id, uploadKey: "" }], [{ id: "not-a-uuid", uploadKey: mine.uploadKey }]]) {
      await expect(submitRequest(portalRequest({ attachments }))).rejects.toMatchObject({
        code: "INTAKE/ATTACHMENT_REJECTED",
        details: { fields: [{ field: "attachments", code: "UNKNOWN" }] },
      });
    }
    const [{ n: after }] = await db.dataSource.query("SELECT count(*)::int AS n FROM intake_ticket");
    expect(after).toBe(before);
    await submitRequest(portalRequest({ attachments: [mine] }));
    await expect(submitRequest(portalRequest({ attachments: [mine] }))).rejects.toMatchObject({ code: "INTAKE/ATTACHMENT_REJECTED" });
  });

  it("returns the first ticket when the same request id comes again, even concurrently", async () => {
    const clientRequestId = randomUUID();
    const tickets = await Promise.all(Array.from({ length: 4 }, () => submitRequest(portalRequest({ clientRequestId }))));
    expect(new Set(tickets.map((t) => t.id)).size).toBe(1);
    const again = await submitRequest(portalRequest({ clientRequestId, phone: "137 0000 2222" }));
    expect(again.id).toBe(tickets[0]!.id);
    // Another citizen (another phone) never gets that ticket back.
    await expect(submitRequest(portalRequest({ clientRequestId, phone: "13700003333" }))).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      details: { fields: [{ field: "clientRequestId", code: "ALREADY_USED" }] },
    });
    await expect(submitRequest(portalRequest({ clientRequestId: "short" }))).rejects.toMatchObject({ details: { fields: [{ field: "clientRequestId", code: "TOO_SHORT" }] } });
  });

  it("ties field errors to the portal's field names", async () => {
    await expect(submitRequest(portalRequest({ email: "not an address", latitude: 95, longitude: 10 }))).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      details: { fields: expect.arrayContaining([expect.objectContaining({ field: "email" }), expect.objectContaining({ field: "latitude" })]) },
    });
  });
});
