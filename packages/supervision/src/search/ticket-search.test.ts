import { Channel, Privacy, RequestType, submitRequest, type Ticket } from "@civicline/intake";
import { Role, type Actor } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { ReplyOutcome, ReturnReason, dispatchTicket, replyToTicket, returnTicket, signFor } from "@civicline/routing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTickets } from "./__tests__/generator.js";
import { deleteSavedView, listSavedViews, saveSavedView } from "../saved-views/saved-views.js";
import { buildSearchWorld, searchTestDatabase, staff, type SearchWorld } from "./__tests__/search-db.js";
import { exportTickets } from "./ticket-export.js";
import { searchTickets, type TicketSearchPage } from "./ticket-search.js";
import { EXPORT_PAGE, type TicketSearchFilterInput } from "./search-filter.js";

const at = (local: string): Date => new Date(`${local}+08:00`);

let db: TestDatabase;
let world: SearchWorld;
const operator = staff("话务员 小王", [Role.OPERATOR]);
const supervisor = staff("督办员 张静", [Role.SUPERVISOR]);
const dispatcher = staff("派单员 李强", [Role.DISPATCHER]);
const leader = staff("领导", [Role.LEADER]);
const callbackAgent = staff("回访员", [Role.CALLBACK_AGENT]);
const qa = staff("质检员", [Role.QA_INSPECTOR]);
const admin = staff("管理员", [Role.ADMIN]);
const integrator: Actor = { kind: "integrator", id: "00000000-0000-4000-8000-000000000001", name: "api", roles: [Role.INTEGRATOR], unitId: null, scopes: ["telephony", "open311", "tickets:write", "tickets:read", "webhooks"] };

let lights: Ticket; // T1: dispatched to A (C assisting), signed, noted, replied
let noise: Ticket; // T2: dispatched to B, returned by B
let social: Ticket; // T3: confidential, urgent, not dispatched, other district
let english: Ticket; // T4: English, dispatched to A long ago (overdue)
const NOW = at("2026-12-01T10:00:00");

/** A ticket logged by the operator; `overrides` may also set what the console sets (title, urgency, privacy). */
function ticket(overrides: Record<string, unknown> & { receivedAt: Date; channel?: Channel }) {
  const { receivedAt, channel, ...input } = overrides;
  return submitRequest({
    db: db.dataSource,
    cityPrefix: "ZB",
    actor: operator,
    channel: channel ?? Channel.PHONE,
    receivedAt,
    input: {
      requestType: RequestType.COMPLAINT,
      categoryId: world.leaf.id,
      description: "描述",
      districtId: world.district.id,
      townshipId: world.township.id,
      address: "张店区",
      citizenName: "孙女士",
      phone: "13912345678",
      ...input,
    } as Parameters<typeof submitRequest>[0]["input"],
  });
}

beforeAll(async () => {
  db = await searchTestDatabase();
  world = await buildSearchWorld(db);
  lights = await ticket({
    receivedAt: at("2026-11-02T09:00:00"),
    title: "柳泉路路灯不亮",
    description: "柳泉路与华光路路口的路灯连续三晚不亮，行人过马路很危险。",
    address: "柳泉路与华光路路口",
    phone: "13911112222",
    citizenName: "王先生",
  });
  noise = await ticket({
    receivedAt: at("2026-11-10T20:00:00"),
    requestType: RequestType.HELP,
    categoryId: world.otherLeaf.id,
    townshipId: world.otherTownship.id,
    description: "楼下广场舞噪音扰民，每天晚上十点还不停。",
    address: "公园街道某小区",
    phone: "13933334444",
    channel: Channel.PORTAL,
  });
  social = await ticket({
    receivedAt: at("2026-11-20T10:00:00"),
    requestType: RequestType.CONSULTATION,
    categoryId: world.outside.id,
    districtId: world.otherDistrict.id,
    townshipId: null,
    description: "社保卡补办需要哪些材料？",
    address: "临淄区",
    phone: "13955556666",
    urgency: "urgent",
    privacy: Privacy.CONFIDENTIAL,
    citizenName: "赵女士",
  });
  english = await ticket({
    receivedAt: at("2026-11-03T11:00:00"),
    title: "Broken street light",
    description: "The street light on Liuquan Road is broken since Monday.",
    address: "Liuquan Road 12",
    phone: "13977778888",
    channel: Channel.EMAIL,
  });
  const dispatch = async (t: Ticket, leadUnitId: string, now: Date, assistingUnitIds: string[] = []) => {
    const fresh = (await db.dataSource.query("SELECT version FROM intake_ticket WHERE id = $1", [t.id]))[0].version as number;
    return dispatchTicket(db.dataSource, { actor: dispatcher, request: { ticketId: t.id, version: fresh, leadUnitId, assistingUnitIds }, now });
  };
  const assignment = await dispatch(lights, world.unitA.id, at("2026-11-02T10:00:00"), [world.unitC.id]);
  await signFor(db.dataSource, { actor: world.handlerA, ticketId: lights.id, now: at("2026-11-02T11:00:00") });
  await db.dataSource.query(
    `INSERT INTO routing_progress_note (assignment_id, ticket_id, unit_id, author_name, visibility, text) VALUES ($1, $2, $3, '王工', 'INTERNAL', '已联系物业公司，electrician 明天到场')`,
    [assignment.id, lights.id, world.unitA.id],
  );
  await replyToTicket(db.dataSource, {
    actor: world.handlerA,
    ticketId: lights.id,
    reply: { outcome: ReplyOutcome.RESOLVED, text: "路灯线路老化，已更换灯具并修复。", withoutAssistInput: true },
    now: at("2026-11-04T16:00:00"),
  });
  await dispatch(noise, world.unitB.id, at("2026-11-28T09:00:00"));
  await returnTicket(db.dataSource, { actor: world.handlerB, ticketId: noise.id, reason: ReturnReason.NOT_OUR_JURISDICTION, text: "不属于本单位职责。", now: at("2026-11-28T10:00:00") });
  await dispatch(english, world.unitA.id, at("2026-11-03T12:00:00"));
});

afterAll(async () => {
  await db?.destroy();
});

const ids = (page: TicketSearchPage) => page.hits.map((hit) => hit.trackingNumber);
const search = (actor: Actor, filter: TicketSearchFilterInput, extra: { first?: number; after?: string | null; sort?: "RECEIVED_DESC" | "RECEIVED_ASC" | "DUE_ASC" } = {}) =>
  searchTickets({ db: db.dataSource, actor, filter, now: NOW, ...extra });
/** Only this world's tickets (other files' worlds are in other databases, but stay exact). */
const mine = (page: TicketSearchPage) => ids(page).filter((n) => [lights, noise, social, english].some((t) => t.trackingNumber === n));

describe("ticket search criteria", () => {
  it("finds a ticket by its whole tracking number, and by a part of it", async () => {
    expect(ids(await search(supervisor, { trackingNumber: lights.trackingNumber }))).toEqual([lights.trackingNumber]);
    expect(ids(await search(supervisor, { trackingNumber: lights.trackingNumber.toLowerCase() }))).toEqual([lights.trackingNumber]);
    const tail = lights.trackingNumber.slice(-5);
    expect(ids(await search(supervisor, { trackingNumber: tail }))).toContain(lights.trackingNumber);
    expect(mine(await search(supervisor, { trackingNumber: "ZB-202611" }))).toEqual([social, noise, english, lights].map((t) => t.trackingNumber));
  });

  it("finds by the caller's phone, whole or in part, for call-takers and callback agents only", async () => {
    expect(ids(await search(operator, { phone: "139 1111 2222" }))).toEqual([lights.trackingNumber]);
    expect(ids(await search(callbackAgent, { phone: "2222" }))).toEqual([lights.trackingNumber]);
    for (const actor of [supervisor, dispatcher, leader, qa, admin, world.handlerA]) {
      await expect(search(actor, { phone: "13911112222" })).rejects.toMatchObject({ code: "SUPERVISION/PHONE_SEARCH_NOT_ALLOWED" });
    }
  });

  it("finds Chinese and English text in title, description, address, replies and notes", async () => {
    const text = async (query: string) => mine(await search(supervisor, { text: query }));
    expect(await text("路灯")).toEqual([lights.trackingNumber]);
    expect(await text("路灯不亮")).toEqual([lights.trackingNumber]);
    expect(await text("不亮路灯")).toEqual([]);
    expect(await text("华光路路口")).toEqual([lights.trackingNumber]);
    expect(await text("更换灯具")).toEqual([lights.trackingNumber]); // the unit's reply
    expect(await text("物业公司")).toEqual([lights.trackingNumber]); // a progress note
    expect(await text("electrician")).toEqual([lights.trackingNumber]);
    expect(await text("street light")).toEqual([english.trackingNumber]);
    expect(await text("LIUQUAN roa")).toEqual([english.trackingNumber]); // the last word as a prefix
    expect(await text("广场舞 噪音")).toEqual([noise.trackingNumber]);
    expect(await text("社")).toEqual([social.trackingNumber]);
    expect(await text("火星签证")).toEqual([]);
  });

  it("filters by status, type, channel, urgency, category subtree, district, township and lead unit", async () => {
    const f = async (filter: TicketSearchFilterInput) => mine(await search(supervisor, filter));
    expect(await f({ statuses: ["replied" as never] })).toEqual([lights.trackingNumber]);
    expect(await f({ statuses: ["received" as never, "replied" as never] })).toEqual([social.trackingNumber, lights.trackingNumber]);
    expect(await f({ requestTypes: ["help" as never] })).toEqual([noise.trackingNumber]);
    expect(await f({ channels: ["email" as never] })).toEqual([english.trackingNumber]);
    expect(await f({ urgencies: ["urgent" as never] })).toEqual([social.trackingNumber]);
    expect(await f({ categoryId: world.group.id })).toEqual([noise.trackingNumber, english.trackingNumber, lights.trackingNumber]);
    expect(await f({ categoryId: world.otherLeaf.id })).toEqual([noise.trackingNumber]);
    expect(await f({ districtId: world.otherDistrict.id })).toEqual([social.trackingNumber]);
    expect(await f({ townshipId: world.otherTownship.id })).toEqual([noise.trackingNumber]);
    expect(await f({ leadUnitId: world.unitA.id })).toEqual([english.trackingNumber, lights.trackingNumber]);
  });

  it("filters by received, dispatched, replied and closed ranges, overdue, near due, returned, re-reported and supervision", async () => {
    const f = async (filter: TicketSearchFilterInput, now = NOW) => mine(await searchTickets({ db: db.dataSource, actor: supervisor, filter, now }));
    expect(await f({ received: { from: at("2026-11-03T00:00:00"), to: at("2026-11-15T00:00:00") } })).toEqual([noise.trackingNumber, english.trackingNumber]);
    expect(await f({ received: { from: at("2026-11-15T00:00:00") } })).toEqual([social.trackingNumber]);
    expect(await f({ dispatched: { from: at("2026-11-02T00:00:00"), to: at("2026-11-02T23:59:59") } })).toEqual([lights.trackingNumber]);
    expect(await f({ dispatched: { to: at("2026-12-31T00:00:00") } })).toEqual([noise.trackingNumber, english.trackingNumber, lights.trackingNumber]);
    expect(await f({ replied: { from: at("2026-11-04T00:00:00") } })).toEqual([lights.trackingNumber]);
    expect(await f({ closed: { from: at("2026-11-01T00:00:00") } })).toEqual([]);
    expect(await f({ overdue: true })).toEqual([english.trackingNumber]);
    expect(await f({ overdue: true }, at("2026-11-04T12:00:00"))).toEqual([]);
    const [{ near }] = await db.dataSource.query("SELECT near_due_at AS near FROM supervision_ticket_search WHERE ticket_id = $1", [english.id]);
    expect(await f({ nearDue: true }, new Date(near.getTime() + 60_000))).toEqual([english.trackingNumber]);
    expect(await f({ returned: true })).toEqual([noise.trackingNumber]);
    expect(await f({ reReported: true })).toEqual([]);
    await db.dataSource.query(
      `INSERT INTO callback_re_report_proposal (ticket_id, task_id, survey_id, assignment_id, lead_unit_id, reasons, state) SELECT $1, gen_random_uuid(), gen_random_uuid(), a.id, a.lead_unit_id, ARRAY['UNRESOLVED'], 'PENDING' FROM routing_assignment a WHERE a.ticket_id = $1`,
      [lights.id],
    );
    expect(await f({ reReported: true })).toEqual([]);
    await db.dataSource.query(`UPDATE callback_re_report_proposal SET state = 'ACCEPTED' WHERE ticket_id = $1`, [lights.id]);
    expect(await f({ reReported: true })).toEqual([lights.trackingNumber]);
    expect(await f({ underSupervision: true })).toEqual([]);
  });

  it("combines criteria (AND)", async () => {
    const f = async (filter: TicketSearchFilterInput) => mine(await search(supervisor, filter));
    expect(await f({ text: "路灯", categoryId: world.group.id, statuses: ["replied" as never], leadUnitId: world.unitA.id })).toEqual([lights.trackingNumber]);
    expect(await f({ text: "路灯", statuses: ["dispatched" as never] })).toEqual([]);
    expect(await f({ trackingNumber: "ZB-2026", channels: ["email" as never, "portal" as never], received: { to: at("2026-11-05T00:00:00") } })).toEqual([english.trackingNumber]);
    expect(mine(await search(operator, { phone: "13933334444", returned: true, townshipId: world.otherTownship.id }))).toEqual([noise.trackingNumber]);
  });

  it("pages with cursors in each order, without gaps or repeats", async () => {
    for (const sort of ["RECEIVED_DESC", "RECEIVED_ASC", "DUE_ASC"] as const) {
      const seen: string[] = [];
      let after: string | null = null;
      let first = true;
      for (;;) {
        const page: TicketSearchPage = await search(supervisor, { trackingNumber: "ZB-202611" }, { first: 1, after, sort });
        if (first) {
          expect(page.total).toBe(4);
          first = false;
        } else {
          expect(page.total).toBeNull();
        }
        seen.push(...ids(page));
        if (!page.hasNextPage) {
          break;
        }
        after = page.endCursor;
      }
      expect([...seen].sort()).toEqual([lights, noise, social, english].map((t) => t.trackingNumber).sort());
      if (sort === "RECEIVED_ASC") {
        expect(seen).toEqual([lights, english, noise, social].map((t) => t.trackingNumber));
      }
      if (sort === "DUE_ASC") {
        expect(seen.at(-1)).toBe(social.trackingNumber); // no deadline: last
      }
    }
  });
});

describe("who sees what", () => {
  it("gives every centre role every ticket, a handler only tickets their unit has or had, and nobody else anything", async () => {
    for (const actor of [operator, supervisor, dispatcher, leader, callbackAgent, qa, admin]) {
      expect(mine(await search(actor, { trackingNumber: "ZB-202611" }))).toHaveLength(4);
    }
    expect(mine(await search(world.handlerA, {}))).toEqual([english.trackingNumber, lights.trackingNumber]);
    expect(mine(await search(world.handlerC, {}))).toEqual([lights.trackingNumber]); // assisting
    expect(mine(await search(world.handlerB, {}))).toEqual([noise.trackingNumber]); // returned: had it
    expect(mine(await search(world.handlerB, { text: "路灯" }))).toEqual([]);
    expect(mine(await search(world.handlerB, { trackingNumber: lights.trackingNumber }))).toEqual([]);
    expect(mine(await search(world.handlerA, { categoryId: world.otherLeaf.id }))).toEqual([]);
    await expect(search(staff("无单位", [Role.HANDLER], null), {})).rejects.toMatchObject({ code: "SUPERVISION/NO_UNIT" });
    await expect(search(integrator, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(searchTickets({ db: db.dataSource, actor: null, filter: {} })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("masks the phone for roles that do not see phones and hides a confidential caller from handlers", async () => {
    const hit = async (actor: Actor, t: Ticket) => (await search(actor, { trackingNumber: t.trackingNumber })).hits[0]!;
    expect((await hit(operator, lights)).citizenPhone).toBe("13911112222");
    expect((await hit(callbackAgent, lights)).citizenPhone).toBe("13911112222");
    for (const actor of [supervisor, dispatcher, leader, qa, admin, world.handlerA]) {
      expect((await hit(actor, lights)).citizenPhone).toBe("139****2222");
    }
    expect(await hit(supervisor, social)).toMatchObject({ citizenName: "赵女士", citizenPhone: "139****6666" });
    await db.dataSource.query(`UPDATE intake_ticket SET privacy = 'confidential' WHERE id = $1`, [english.id]);
    expect(await hit(world.handlerA, english)).toMatchObject({ citizenName: "匿名 / Anonymous", citizenPhone: "" });
    await db.dataSource.query(`UPDATE intake_ticket SET privacy = 'none' WHERE id = $1`, [english.id]);
  });

  it("shows the result's facts: names, deadline state, counts", async () => {
    const [hit] = (await search(supervisor, { trackingNumber: english.trackingNumber })).hits;
    expect(hit).toMatchObject({
      title: "Broken street light",
      status: "dispatched",
      categoryNameZh: world.leaf.nameZh,
      districtName: world.district.nameZh,
      townshipName: world.township.nameZh,
      leadUnitNameZh: world.unitA.nameZh,
      deadlineState: "OVERDUE",
      returnedCount: 0,
      underSupervision: false,
    });
    const [noiseHit] = (await search(supervisor, { trackingNumber: noise.trackingNumber })).hits;
    expect(noiseHit).toMatchObject({ returnedCount: 1, leadUnitNameZh: world.unitB.nameZh });
  });
});

describe("bad input", () => {
  it("refuses a 10,000-character text, an inverted date range, bad ids, bad paging and a bad cursor with coded errors", async () => {
    const fields = async (filter: TicketSearchFilterInput, extra = {}) => {
      const error = await search(supervisor, filter, extra).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "BAD_USER_INPUT" });
      return (error as { details: { fields: Array<{ field: string; code: string }> } }).details.fields.map((f) => `${f.field}:${f.code}`);
    };
    expect(await fields({ text: "路".repeat(10_000) })).toEqual(["filter.text:TOO_LONG"]);
    expect(await fields({ received: { from: at("2026-11-10T00:00:00"), to: at("2026-11-01T00:00:00") } })).toEqual(["filter.received:INVALID_RANGE"]);
    expect(await fields({ closed: { from: "2026-11-10", to: "2026-11-01" }, replied: { from: "not a date" } })).toEqual(["filter.replied.from:INVALID_FORMAT", "filter.closed:INVALID_RANGE"]);
    expect(await fields({ categoryId: "x'; DROP TABLE intake_ticket; --" })).toEqual(["filter.categoryId:INVALID_FORMAT"]);
    expect(await fields({ trackingNumber: "ZB" })).toEqual(["filter.trackingNumber:TOO_SHORT"]);
    expect(await fields({ trackingNumber: "ZB%_" })).toEqual(["filter.trackingNumber:INVALID_FORMAT"]);
    expect(await fields({ statuses: ["nonsense" as never] })).toEqual(["filter.statuses:INVALID_FORMAT"]);
    expect(await fields({ text: "！！！" })).toEqual(["filter.text:INVALID_FORMAT"]);
    expect(await fields({}, { first: 0 })).toEqual(["first:OUT_OF_RANGE"]);
    expect(await fields({}, { first: 101 })).toEqual(["first:OUT_OF_RANGE"]);
    expect(await fields({}, { after: "bm90IGEgY3Vyc29y" })).toEqual(["after:INVALID_FORMAT"]);
    expect(await fields({}, { after: Buffer.from(JSON.stringify(["2026-01-01'", "00000000-0000-4000-8000-000000000000"])).toString("base64url") })).toEqual(["after:INVALID_FORMAT"]);
  });
});

describe("saved views", () => {
  it("keeps each user's views to themselves, checks their filter and stores nothing on bad input", async () => {
    const mineView = await saveSavedView(db.dataSource, supervisor, { name: "超期路灯", filter: { text: "路灯", overdue: true, received: { from: at("2026-11-01T00:00:00") } }, sort: "DUE_ASC" });
    expect(mineView.filter).toEqual({ text: "路灯", overdue: true, received: { from: at("2026-11-01T00:00:00").toISOString(), to: null }, sort: "DUE_ASC" });
    await saveSavedView(db.dataSource, leader, { name: "超期路灯", filter: {} });
    expect((await listSavedViews(db.dataSource, supervisor)).map((v) => v.name)).toEqual(["超期路灯"]);
    await expect(saveSavedView(db.dataSource, supervisor, { name: "超期路灯", filter: {} })).rejects.toMatchObject({ code: "SUPERVISION/SAVED_VIEW_NAME_TAKEN" });
    await expect(saveSavedView(db.dataSource, supervisor, { name: "坏的", filter: { text: "x".repeat(10_000) } })).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    await expect(saveSavedView(db.dataSource, supervisor, { name: "倒序", filter: { received: { from: "2026-11-10", to: "2026-11-01" } } })).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    await expect(saveSavedView(db.dataSource, supervisor, { name: "电话", filter: { phone: "13911112222" } })).rejects.toMatchObject({ code: "SUPERVISION/PHONE_SEARCH_NOT_ALLOWED" });
    await expect(saveSavedView(db.dataSource, supervisor, { name: " ", filter: {} })).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    expect((await listSavedViews(db.dataSource, supervisor)).map((v) => v.name)).toEqual(["超期路灯"]);
    await expect(saveSavedView(db.dataSource, leader, { id: mineView.id, name: "抢", filter: {} })).rejects.toMatchObject({ code: "SUPERVISION/SAVED_VIEW_NOT_FOUND" });
    await expect(deleteSavedView(db.dataSource, leader, mineView.id)).rejects.toMatchObject({ code: "SUPERVISION/SAVED_VIEW_NOT_FOUND" });
    const renamed = await saveSavedView(db.dataSource, supervisor, { id: mineView.id, name: "路灯", filter: { text: "路灯" } });
    expect(renamed).toMatchObject({ id: mineView.id, name: "路灯", filter: { text: "路灯", sort: "RECEIVED_DESC" } });
    expect(await deleteSavedView(db.dataSource, supervisor, mineView.id)).toBe(true);
    expect(await listSavedViews(db.dataSource, supervisor)).toEqual([]);
    expect((await listSavedViews(db.dataSource, leader)).map((v) => v.name)).toEqual(["超期路灯"]);
  });
});

describe("CSV export", () => {
  const csv = async (actor: Actor, filter: TicketSearchFilterInput, language: "zh-CN" | "en" = "zh-CN") => {
    let text = "";
    for await (const chunk of exportTickets({ db: db.dataSource, actor, filter, language, now: NOW })) {
      text += chunk;
    }
    return text;
  };

  it("starts with a BOM and the list's columns, masks phones by role and keeps a handler to their unit", async () => {
    const zh = await csv(supervisor, { trackingNumber: "ZB-202611" });
    expect(zh.startsWith("\uFEFF工单编号,标题,状态,诉求类型,来源渠道,紧急程度,分类,区域,主办单位,受理时间,办理期限,时限状态,来电人,来电号码\r\n")).toBe(true);
    const lines = zh.slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(5);
    expect(lines.find((l) => l.startsWith(lights.trackingNumber))).toContain(",已答复,投诉,电话,一般,");
    expect(zh).toContain("139****2222");
    expect(zh).not.toContain("13911112222");
    expect(await csv(operator, { trackingNumber: lights.trackingNumber })).toContain("13911112222");
    const en = await csv(supervisor, { trackingNumber: english.trackingNumber }, "en");
    expect(en.split("\r\n")[0]).toBe("\uFEFFTracking number,Title,Status,Request type,Channel,Urgency,Category,Area,Lead unit,Received,Due,Deadline,Caller,Phone");
    expect(en).toContain(",Broken street light,Sent to department,Complaint,Email,Normal,");
    expect(en).toContain(",Overdue,");
    const handlerB = await csv(world.handlerB, {});
    expect(handlerB).toContain(noise.trackingNumber);
    expect(handlerB).not.toContain(lights.trackingNumber);
    expect(handlerB).not.toContain(english.trackingNumber);
    expect(() => exportTickets({ db: db.dataSource, actor: supervisor, filter: { phone: "1391" }, language: "en" })).toThrow(expect.objectContaining({ code: "SUPERVISION/PHONE_SEARCH_NOT_ALLOWED" }));
  });

  it("walks the result page by page (more rows than one page), each ticket once", async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await generateTickets(client, { tickets: 1200, chunk: 600 });
    } finally {
      await client.end();
    }
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM supervision_ticket_search`);
    expect(n).toBeGreaterThan(EXPORT_PAGE * 2);
    const lines = (await csv(supervisor, {})).slice(1).trimEnd().split("\r\n").slice(1);
    expect(lines).toHaveLength(n);
    expect(new Set(lines.map((line) => line.split(",")[0])).size).toBe(n);
  });
});
