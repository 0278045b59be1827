import { Channel, RequestType, TicketHistoryKind, TicketStatus, acceptPortalUpload, requestTrackingCode, submitRequest, transitionTicket, verifyTrackingCode, type Ticket } from "@civicline/intake";
import { Role, type OutgoingSms } from "@civicline/platform";
import { pendingSchemaChanges, type TestDatabase } from "@civicline/platform/testing";
import { dispatchTicket } from "@civicline/routing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorld, callbackTestDatabase, dispatcher, operator, staff, type World } from "../__tests__/factories.js";
import { addToRequest } from "./add-to-request.js";
import { additionsOfOpenedRequest, markAdditionSeen, unreadAdditionsOfUnit } from "./addition-queries.js";
import { CitizenAddition } from "./citizen-addition.entity.js";

let db: TestDatabase;
let world: World;
beforeAll(async () => {
  db = await callbackTestDatabase();
  world = await buildWorld(db);
});
afterAll(() => db?.destroy());

/** A 1×1 PNG. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

let n = 0;
async function portalTicket(): Promise<Ticket> {
  return submitRequest({
    db: db.dataSource,
    cityPrefix: "ZB",
    actor: null,
    channel: Channel.PORTAL,
    input: {
      requestType: RequestType.COMPLAINT,
      categoryId: world.category.id,
      description: "路灯不亮已经一周。",
      districtId: world.district.id,
      address: "张店区人民西路",
      citizenName: "孙女士",
      phone: `1360000${String(++n).padStart(4, "0")}`,
    },
  });
}

async function accessTokenFor(ticket: Ticket): Promise<string> {
  const sent: OutgoingSms[] = [];
  await requestTrackingCode(db.dataSource, { trackingNumber: ticket.trackingNumber, phone: ticket.citizenPhone, sms: { send: async (m) => void sent.push(m) } });
  const code = /(\d{6})/.exec(sent[0]!.text)![1]!;
  return (await verifyTrackingCode(db.dataSource, { trackingNumber: ticket.trackingNumber, phone: ticket.citizenPhone, code })).accessToken;
}

const photo = () => acceptPortalUpload(db.dataSource, { filename: "lamp.png", contentType: "image/png", data: PNG, clientIp: "10.0.0.9" });

/** What was stored about a ticket's additions: rows, history entries, attachments. */
async function storedFor(ticketId: string) {
  const [counts] = (await db.dataSource.query(
    `SELECT (SELECT count(*)::int FROM callback_citizen_addition WHERE ticket_id = $1) AS additions,
            (SELECT count(*)::int FROM intake_ticket_history WHERE ticket_id = $1 AND kind = $2) AS history,
            (SELECT count(*)::int FROM intake_ticket_attachment WHERE ticket_id = $1) AS attachments,
            (SELECT count(*)::int FROM platform_outbox WHERE payload->>'ticketId' = $1::uuid::text AND type = 'callback.citizen_addition_added') AS events`,
    [ticketId, TicketHistoryKind.CITIZEN_ADDITION],
  )) as Array<{ additions: number; history: number; attachments: number; events: number }>;
  return counts!;
}

describe("a citizen adds to their open request", () => {
  it("adds a message and photos: the lead unit sees it first on its workbench and in the timeline, and marks it read", async () => {
    const ticket = await portalTicket();
    await dispatchTicket(db.dataSource, { actor: dispatcher, request: { ticketId: ticket.id, version: ticket.version, leadUnitId: world.bureau.id } });
    const token = await accessTokenFor(ticket);
    const upload = await photo();
    const addition = await addToRequest(db.dataSource, { trackingNumber: ticket.trackingNumber, accessToken: token, message: "  晚上七点以后整条路都是黑的。 ", attachments: [{ id: upload.id, uploadKey: upload.uploadKey }] });
    expect(addition.message).toBe("晚上七点以后整条路都是黑的。");
    expect(addition.unitId).toBe(world.bureau.id);
    expect(await storedFor(ticket.id)).toEqual({ additions: 1, history: 1, attachments: 1, events: 1 });

    const [history] = (await db.dataSource.query("SELECT actor_kind, note_code, note_params, is_public, reason FROM intake_ticket_history WHERE ticket_id = $1 AND kind = $2", [ticket.id, TicketHistoryKind.CITIZEN_ADDITION])) as Array<Record<string, unknown>>;
    expect(history).toMatchObject({ actor_kind: "citizen", note_code: "citizen_addition", note_params: { words: "晚上七点以后整条路都是黑的。", photos: "1" }, is_public: false });

    const unread = await unreadAdditionsOfUnit(db.dataSource, { actor: world.handler });
    expect(unread[0]).toMatchObject({ id: addition.id, trackingNumber: ticket.trackingNumber, message: "晚上七点以后整条路都是黑的。" });
    expect(unread[0]!.photos.map((p) => p.url)).toEqual([`/files/${upload.id}`]);
    // Another unit's handler sees nothing of it, and may not mark it read.
    const otherUnit = staff("别的单位", [Role.HANDLER], "00000000-0000-4000-8000-000000000001");
    expect(await unreadAdditionsOfUnit(db.dataSource, { actor: otherUnit })).toEqual([]);
    await expect(markAdditionSeen(db.dataSource, { actor: otherUnit, additionId: addition.id })).rejects.toMatchObject({ code: "CALLBACK/ADDITION_NOT_FOUND" });
    await expect(unreadAdditionsOfUnit(db.dataSource, { actor: operator })).rejects.toMatchObject({ code: "FORBIDDEN" });

    await markAdditionSeen(db.dataSource, { actor: world.handler, additionId: addition.id });
    expect((await unreadAdditionsOfUnit(db.dataSource, { actor: world.handler })).map((a) => a.id)).not.toContain(addition.id);
    expect((await additionsOfOpenedRequest(db.dataSource, { trackingNumber: ticket.trackingNumber, accessToken: token })).map((a) => a.id)).toEqual([addition.id]);
  });

  it("is refused on a closed request, without access, for another request, or empty — with codes, and nothing stored", async () => {
    const ticket = await portalTicket();
    const other = await portalTicket();
    const token = await accessTokenFor(ticket);
    const otherToken = await accessTokenFor(other);
    const upload = await photo();
    const attempt = (input: Partial<Parameters<typeof addToRequest>[1]>) =>
      addToRequest(db.dataSource, { trackingNumber: ticket.trackingNumber, accessToken: token, message: "补充", attachments: [{ id: upload.id, uploadKey: upload.uploadKey }], ...input });

    await expect(attempt({ accessToken: "not-a-token" })).rejects.toMatchObject({ code: "INTAKE/TRACKING_ACCESS_INVALID" });
    await expect(attempt({ accessToken: otherToken })).rejects.toMatchObject({ code: "INTAKE/TRACKING_ACCESS_INVALID" });
    await expect(attempt({ message: "  ", attachments: [] })).rejects.toMatchObject({ code: "CALLBACK/NOTHING_TO_ADD" });
    await expect(attempt({ message: "长".repeat(2001) })).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    await expect(attempt({ attachments: [{ id: upload.id, uploadKey: "wrong-key" }] })).rejects.toMatchObject({ code: "INTAKE/ATTACHMENT_REJECTED" });
    expect(await storedFor(ticket.id)).toEqual({ additions: 0, history: 0, attachments: 0, events: 0 });
    expect(await storedFor(other.id)).toEqual({ additions: 0, history: 0, attachments: 0, events: 0 });

    await db.dataSource.transaction((manager) => transitionTicket(manager, { ticketId: ticket.id, to: TicketStatus.CLOSED_DIRECT, expectedVersion: ticket.version, actor: operator, reason: "answered" }));
    await expect(attempt({})).rejects.toMatchObject({ code: "CALLBACK/REQUEST_CLOSED" });
    expect(await storedFor(ticket.id)).toEqual({ additions: 0, history: 0, attachments: 0, events: 0 });
    // The photo was not used up by the refused attempts: still the citizen's to attach elsewhere.
    const [upload_row] = (await db.dataSource.query("SELECT ticket_id FROM intake_portal_upload WHERE file_id = $1", [upload.id])) as Array<{ ticket_id: string | null }>;
    expect(upload_row?.ticket_id).toBeNull();
  });

  it("before dispatch it is in the timeline for the centre, with no unit's workbench to show it", async () => {
    const ticket = await portalTicket();
    const addition = await addToRequest(db.dataSource, { trackingNumber: ticket.trackingNumber, accessToken: await accessTokenFor(ticket), message: "地址补充：靠近十字路口。" });
    expect(addition.unitId).toBeNull();
    expect(await storedFor(ticket.id)).toMatchObject({ additions: 1, history: 1 });
  });

  it("the workbench list reads an index, and the entities match the migrations", async () => {
    await db.dataSource.query("SET enable_seqscan = off");
    const plan = (await db.dataSource.query(
      `EXPLAIN SELECT * FROM callback_citizen_addition WHERE unit_id = $1 AND seen_at IS NULL ORDER BY at DESC LIMIT 50`,
      [world.bureau.id],
    )) as Array<{ "QUERY PLAN": string }>;
    await db.dataSource.query("RESET enable_seqscan");
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("callback_citizen_addition_unread_idx");
    expect(await pendingSchemaChanges(db.dataSource)).toEqual([]);
    expect(await db.dataSource.getRepository(CitizenAddition).count()).toBeGreaterThan(0);
  });
});
