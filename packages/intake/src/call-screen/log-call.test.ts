import { saveFile } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildCall,
  buildCatalog,
  callInput,
  eventsOf,
  historyOf,
  housingFields,
  intakeTestDatabase,
  integrator,
  operator,
  secondOperator,
  supervisor,
} from "../__tests__/factories.js";
import { Ticket } from "../ticket/ticket.entity.js";
import { Channel, Privacy, RequestType, TicketStatus } from "../ticket/ticket.enums.js";
import { logCall } from "./log-call.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await intakeTestDatabase();
});
afterAll(() => db?.destroy());

async function ticketCount(): Promise<number> {
  return db.dataSource.getRepository(Ticket).count();
}

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201ffa5e1d80000000049454e44ae426082", "hex");

describe("logCall", () => {
  it("stores every field of a call, its extra fields and one opening history row and event", async () => {
    const catalog = await buildCatalog(db, { fields: housingFields });
    const ticket = await buildCall(db, catalog, {
      title: "强制收取有线电视费",
      latitude: 36.81,
      longitude: 118.05,
      citizenEmail: "zhao@example.com",
      citizenIdNumber: "11010519491231002x",
      extraFields: [
        { key: "estateName", value: " 翠湖苑小区 " },
        { key: "amountYuan", value: "280" },
        { key: "since", value: "2026-01-31" },
        { key: "when", value: "夜间" },
      ],
      callId: "cti-call-0001",
    });
    const stored = await db.dataSource.getRepository(Ticket).findOneByOrFail({ id: ticket.id });
    expect(stored).toMatchObject({
      status: TicketStatus.RECEIVED,
      channel: Channel.PHONE,
      title: "强制收取有线电视费",
      latitude: 36.81,
      longitude: 118.05,
      citizenEmail: "zhao@example.com",
      citizenIdNumber: "11010519491231002X",
      privacy: Privacy.NONE,
      callId: "cti-call-0001",
      createdBy: operator.id,
      extraFields: [
        { key: "estateName", value: "翠湖苑小区" },
        { key: "amountYuan", value: "280" },
        { key: "since", value: "2026-01-31" },
        { key: "when", value: "夜间" },
      ],
    });
    expect(await historyOf(db, ticket.id)).toEqual([expect.objectContaining({ from_status: null, to_status: "received", kind: "status", is_public: true })]);
    expect((await eventsOf(db, ticket.id)).map((e) => e.type)).toEqual(["intake.ticket_received"]);
  });

  it("stores emoji and mixed scripts intact (NFC)", async () => {
    const catalog = await buildCatalog(db);
    const description = "井盖丢了🕳️！Straße Ελλάδα 𠮷野家 👨‍👩‍👧 Cafe\u0301";
    const ticket = await buildCall(db, catalog, { description, citizenName: "Zoë 欧阳🌸" });
    const stored = await db.dataSource.getRepository(Ticket).findOneByOrFail({ id: ticket.id });
    expect(stored.description).toBe(description.normalize("NFC"));
    expect(stored.citizenName).toBe("Zoë 欧阳🌸");
  });

  it("makes a whistle-blowing report confidential unless told otherwise", async () => {
    const catalog = await buildCatalog(db);
    expect((await buildCall(db, catalog, { requestType: RequestType.REPORT })).privacy).toBe(Privacy.CONFIDENTIAL);
    expect((await buildCall(db, catalog, { requestType: RequestType.REPORT, privacy: Privacy.ANONYMOUS })).privacy).toBe(Privacy.ANONYMOUS);
    expect((await buildCall(db, catalog)).privacy).toBe(Privacy.NONE);
  });

  describe("refuses bad input with a clear error and writes nothing", () => {
    it.each([
      ["an unknown category", { categoryId: "00000000-0000-4000-8000-000000000000" }, "INTAKE/UNKNOWN_CATEGORY", "categoryId"],
      ["a missing required extra field", { extraFields: [{ key: "amountYuan", value: "3" }] }, "INTAKE/MISSING_EXTRA_FIELD", "extraFields.estateName"],
      ["an unknown extra field", { extraFields: [{ key: "estateName", value: "x" }, { key: "shoeSize", value: "42" }] }, "BAD_USER_INPUT", "extraFields.shoeSize"],
      ["a number field with text", { extraFields: [{ key: "estateName", value: "x" }, { key: "amountYuan", value: "很多" }] }, "BAD_USER_INPUT", "extraFields.amountYuan"],
      ["an impossible date", { extraFields: [{ key: "estateName", value: "x" }, { key: "since", value: "2026-02-30" }] }, "BAD_USER_INPUT", "extraFields.since"],
      ["a value not among the options", { extraFields: [{ key: "estateName", value: "x" }, { key: "when", value: "凌晨" }] }, "BAD_USER_INPUT", "extraFields.when"],
      ["a too long extra text", { extraFields: [{ key: "estateName", value: "长".repeat(21) }] }, "BAD_USER_INPUT", "extraFields.estateName"],
      ["a 10 MB description", { description: "噪".repeat(10 * 1024 * 1024) }, "BAD_USER_INPUT", "description"],
      ["an invalid phone", { phone: "12345" }, "BAD_USER_INPUT", "phone"],
      ["a NUL byte in the description", { description: "井盖\u0000丢了很久了" }, "BAD_USER_INPUT", "description"],
      ["a lone surrogate in the name", { citizenName: "王\ud800" }, "BAD_USER_INPUT", "citizenName"],
      ["a NUL byte in the title", { title: "a\u0000" }, "BAD_USER_INPUT", "title"],
      ["a lone surrogate in the address", { address: "\udc00柳泉路" }, "BAD_USER_INPUT", "address"],
      ["a NUL byte in an extra field", { extraFields: [{ key: "estateName", value: "翠湖\u0000苑" }] }, "BAD_USER_INPUT", "extraFields.estateName"],
      ["a lone surrogate in the e-mail", { citizenEmail: "\ud83dli@example.com" }, "BAD_USER_INPUT", "citizenEmail"],
      ["a NUL byte in the ID number", { citizenIdNumber: "1101051949\u00001231002X" }, "BAD_USER_INPUT", "citizenIdNumber"],
      ["a NUL byte in the phone", { phone: "138\u000012345678" }, "BAD_USER_INPUT", "phone"],
      ["a NUL byte in the call id", { callId: "call\u0000" }, "BAD_USER_INPUT", "callId"],
      ["a malformed e-mail", { citizenEmail: "not-an-email" }, "BAD_USER_INPUT", "citizenEmail"],
      ["a malformed ID number", { citizenIdNumber: "110105194912310021" }, "BAD_USER_INPUT", "citizenIdNumber"],
      ["one coordinate only", { latitude: 36.8 }, "BAD_USER_INPUT", "longitude"],
      ["a latitude out of range", { latitude: 91, longitude: 118 }, "BAD_USER_INPUT", "latitude"],
    ])("%s", async (_label, overrides, code, field) => {
      const catalog = await buildCatalog(db, { fields: housingFields });
      const before = await ticketCount();
      const input = callInput(catalog, { extraFields: [{ key: "estateName", value: "翠湖苑" }], ...overrides });
      const error = await logCall({ db: db.dataSource, cityPrefix: "ZB", actor: operator, input }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code, details: { fields: expect.arrayContaining([expect.objectContaining({ field })]) } });
      if (/NUL|surrogate/.test(_label)) {
        expect(error).toMatchObject({ details: { fields: expect.arrayContaining([expect.objectContaining({ field, code: "INVALID_CHARACTERS" })]) } });
      }
      expect(await ticketCount()).toBe(before);
    });
  });

  it("lets only operators and API clients log, API clients with API channels only", async () => {
    const catalog = await buildCatalog(db);
    await expect(buildCall(db, catalog, {}, supervisor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(logCall({ db: db.dataSource, cityPrefix: "ZB", actor: null, input: callInput(catalog) })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(buildCall(db, catalog, {}, integrator)).rejects.toMatchObject({ code: "BAD_USER_INPUT", details: { fields: [{ field: "channel" }] } });
    await expect(buildCall(db, catalog, { channel: Channel.PORTAL })).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    const viaApi = await buildCall(db, catalog, { channel: Channel.API }, integrator);
    expect(viaApi).toMatchObject({ channel: Channel.API, createdBy: integrator.id });
  });

  it("returns the first ticket when a request is retried with the same clientRequestId, also concurrently", async () => {
    const catalog = await buildCatalog(db);
    const first = await buildCall(db, catalog, { clientRequestId: "form-42" });
    const retry = await buildCall(db, catalog, { clientRequestId: "form-42", description: "重试时内容不同也返回第一次的工单" });
    expect(retry.id).toBe(first.id);
    expect(retry.description).toBe(first.description);
    const concurrent = await Promise.all(Array.from({ length: 4 }, () => buildCall(db, catalog, { clientRequestId: "form-43" })));
    expect(new Set(concurrent.map((t) => t.id)).size).toBe(1);
    const other = await buildCall(db, catalog, { clientRequestId: "form-42" }, secondOperator);
    expect(other.id).not.toBe(first.id);
    const [{ n }] = await db.dataSource.query("SELECT count(*)::int AS n FROM intake_ticket WHERE client_request_id IN ('form-42', 'form-43')");
    expect(n).toBe(3);
  });
});

describe("logCall attachments", () => {
  async function upload(filename: string, contentType: string, data: Buffer, ownerId = operator.id) {
    return (await saveFile(db.dataSource, { filename, contentType, data, ownerId })).id;
  }

  it("attaches a real PNG and PDF with the type found in their content", async () => {
    const catalog = await buildCatalog(db);
    const png = await upload("井盖.png", "image/png", PNG);
    const pdfBytes = Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n");
    const pdf = await upload("证明.PDF", "application/octet-stream", pdfBytes);
    const ticket = await buildCall(db, catalog, { attachmentIds: [png, pdf] });
    const rows = await db.dataSource.query("SELECT file_id, filename, content_type, size FROM intake_ticket_attachment WHERE ticket_id = $1 ORDER BY filename", [ticket.id]);
    expect(rows).toEqual([
      { file_id: png, filename: "井盖.png", content_type: "image/png", size: PNG.length },
      { file_id: pdf, filename: "证明.PDF", content_type: "application/pdf", size: pdfBytes.length },
    ]);
  });

  it.each([
    ["an .exe declared as image/png", "photo.png", "image/png", Buffer.concat([Buffer.from("MZ\x90\x00\x03"), Buffer.alloc(64)])],
    ["HTML disguised as image/png", "photo.png", "image/png", Buffer.from("<html><script>alert(1)</script></html>")],
    ["a PNG named .exe", "setup.exe", "image/png", PNG],
    ["a PNG declared as text/html", "photo.png", "text/html", PNG],
    ["an SVG image", "logo.svg", "image/svg+xml", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
  ])("rejects %s", async (_label, filename, contentType, data) => {
    const catalog = await buildCatalog(db);
    const before = await ticketCount();
    const id = await upload(filename, contentType, data);
    await expect(buildCall(db, catalog, { attachmentIds: [id] })).rejects.toMatchObject({
      code: "INTAKE/ATTACHMENT_REJECTED",
      details: { fields: [{ field: "attachmentIds", code: "UNSUPPORTED_TYPE" }] },
    });
    expect(await ticketCount()).toBe(before);
  });

  it("rejects a file over 10 MB, someone else's file and an unknown id", async () => {
    const catalog = await buildCatalog(db);
    const big = await upload("big.png", "image/png", Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]));
    await expect(buildCall(db, catalog, { attachmentIds: [big] })).rejects.toMatchObject({
      code: "INTAKE/ATTACHMENT_REJECTED",
      details: { fields: [{ field: "attachmentIds", code: "TOO_LARGE" }] },
    });
    const theirs = await upload("theirs.png", "image/png", PNG, secondOperator.id);
    for (const id of [theirs, "00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      await expect(buildCall(db, catalog, { attachmentIds: [id] })).rejects.toMatchObject({
        code: "INTAKE/ATTACHMENT_REJECTED",
        details: { fields: [{ field: "attachmentIds", code: "UNKNOWN" }] },
      });
    }
  });
});
