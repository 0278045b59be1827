import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { Channel, Privacy, RequestType, mergeIntoTicket, requestTrackingCode, submitRequest, verifyTrackingCode, type Ticket } from "@civicline/intake";
import { AuditEntry, OutboxProcessor, TimerService, createLogger, devSmsSender, listDevSms, webhookSmsSender, type OutgoingSms, type StoredEvent } from "@civicline/platform";
import { createTestClock, type TestDatabase } from "@civicline/platform/testing";
import { ReplyOutcome, RoutingEvent, dispatchTicket, replyToTicket, signFor } from "@civicline/routing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin, buildWorld, callbackTestDatabase, dispatcher, integrator, operator, type World } from "../__tests__/factories.js";
import { Resolution, Satisfaction } from "../callback.enums.js";
import { rateOnline } from "../online/rate-online.js";
import { MAX_NOTICE_ATTEMPTS, noticeTimerHandler } from "./deliver-notice.js";
import { NoticeLocale, NoticeState, NoticeStep } from "./notice.enums.js";
import { CONFIDENTIAL_UNIT, noticeEventHandlers } from "./queue-notices.js";
import { SmsNotice } from "./sms-notice.entity.js";
import { setSmsPreference } from "./sms-preferences.js";
import { listSmsTemplates, saveSmsTemplate } from "./sms-templates.js";
import { SmsTemplate } from "./sms-template.entity.js";

const BASE_URL = "https://12345.example.gov.cn";
const silent = createLogger({ level: "silent" });

let db: TestDatabase;
let world: World;
let outbox: OutboxProcessor;
beforeAll(async () => {
  db = await callbackTestDatabase();
  world = await buildWorld(db);
  outbox = new OutboxProcessor(db.dataSource, silent);
  const config = { publicBaseUrl: BASE_URL } as Parameters<typeof noticeEventHandlers>[0]["config"];
  for (const handler of noticeEventHandlers({ dataSource: db.dataSource, config, log: silent })) {
    outbox.register(handler);
  }
});
afterAll(() => db?.destroy());

let phoneCounter = 0;
/** A fresh mobile number per call, so tests never read each other's texts. */
const freshPhone = () => `1370000${String(++phoneCounter).padStart(4, "0")}`;

function file(world: World, options: { phone?: string; privacy?: Privacy; channel?: Channel; requestType?: RequestType } = {}): Promise<Ticket> {
  return submitRequest({
    db: db.dataSource,
    cityPrefix: "ZB",
    actor: options.channel === Channel.API ? integrator : null,
    channel: options.channel ?? Channel.PORTAL,
    input: {
      requestType: options.requestType ?? RequestType.COMPLAINT,
      categoryId: world.category.id,
      description: "小区物业未经业主大会同意上调物业费。",
      districtId: world.district.id,
      address: "张店区某小区",
      citizenName: "郑先生",
      phone: options.phone ?? freshPhone(),
      privacy: options.privacy ?? null,
    },
  });
}

/** The notices of a ticket, by phone. */
function noticesOf(ticketId: string): Promise<SmsNotice[]> {
  return db.dataSource.getRepository(SmsNotice).find({ where: { ticketId }, order: { createdAt: "ASC", phone: "ASC" } });
}

/** Timers fired by a real TimerService on a test clock, sending through `sender`. */
function timersWith(sender: Parameters<typeof noticeTimerHandler>[0]["sender"], clock = createTestClock(new Date()), log = silent) {
  const timers = new TimerService(db.dataSource, silent, { now: clock.now });
  timers.register(noticeTimerHandler({ sender, log, now: clock.now }));
  return { timers, clock };
}

/** A citizen's access token, the way the portal gets it (a code texted, then verified). */
async function accessTokenFor(ticket: Ticket): Promise<string> {
  const sent: OutgoingSms[] = [];
  await requestTrackingCode(db.dataSource, { trackingNumber: ticket.trackingNumber, phone: ticket.citizenPhone, sms: { send: async (m) => void sent.push(m) } });
  const code = /(\d{6})/.exec(sent[0]!.text)![1]!;
  return (await verifyTrackingCode(db.dataSource, { trackingNumber: ticket.trackingNumber, phone: ticket.citizenPhone, code })).accessToken;
}

describe("texts to citizens at the steps they care about", () => {
  it("dispatch, reply: to the citizen and every co-reporter of a merged ticket, each once, with the unit, the deadline and the link", async () => {
    const target = await file(world);
    const duplicate = await file(world);
    const sameAsTarget = await file(world, { phone: target.citizenPhone });
    await mergeIntoTicket(db.dataSource, { actor: operator, ticketId: duplicate.id, version: duplicate.version, intoTicketId: target.id });
    await mergeIntoTicket(db.dataSource, { actor: operator, ticketId: sameAsTarget.id, version: sameAsTarget.version, intoTicketId: target.id });
    const assignment = await dispatchTicket(db.dataSource, { actor: dispatcher, request: { ticketId: target.id, version: target.version, leadUnitId: world.bureau.id } });
    await outbox.drain();

    const dispatched = (await noticesOf(target.id)).filter((n) => n.step === NoticeStep.DISPATCHED);
    expect(dispatched.map((n) => [n.phone, n.coReporter]).sort()).toEqual([[duplicate.citizenPhone, true], [target.citizenPhone, false]].sort());
    for (const notice of dispatched) {
      expect(notice.state).toBe(NoticeState.PENDING);
      expect(notice.text).toContain(target.trackingNumber);
      expect(notice.text).toContain(world.bureau.nameZh);
      expect(notice.text).toContain(world.bureau.nameEn);
      // Both languages without a preference; the deadline in Asia/Shanghai time.
      expect(notice.text).toMatch(/办理时限至 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
      expect(notice.text).toMatch(/to be completed by \d{1,2} [A-Z][a-z]{2} \d{4}/);
      expect(notice.text).not.toContain("郑先生");
      expect(notice.text).not.toContain("物业费");
    }
    expect(assignment.completionDueAt).toBeTruthy();

    const { timers } = timersWith(devSmsSender(db.dataSource, silent));
    await timers.drain();
    expect((await noticesOf(target.id)).every((n) => n.state === NoticeState.SENT && n.attempts === 1)).toBe(true);
    const texted = await listDevSms(db.dataSource, { to: duplicate.citizenPhone });
    expect(texted.filter((m) => m.purpose === "notice-dispatched")).toHaveLength(1);

    await signFor(db.dataSource, { actor: world.handler, ticketId: target.id });
    await replyToTicket(db.dataSource, { actor: world.handler, ticketId: target.id, reply: { outcome: ReplyOutcome.RESOLVED, text: "已责令物业公司暂停执行新收费标准。" } });
    await outbox.drain();
    await timersWith(devSmsSender(db.dataSource, silent)).timers.drain();
    const replied = (await noticesOf(target.id)).filter((n) => n.step === NoticeStep.REPLIED);
    expect(replied).toHaveLength(2);
    expect(replied[0]!.text).toContain(`${BASE_URL}/track?n=${target.trackingNumber}`);
    expect((await listDevSms(db.dataSource, { to: duplicate.citizenPhone })).map((m) => m.purpose).sort()).toEqual(["notice-dispatched", "notice-replied"]);

    // Rated satisfied online: the ticket closes, and both are told.
    await rateOnline(db.dataSource, { ticketId: target.id, request: { resolution: Resolution.RESOLVED, resultSatisfaction: Satisfaction.SATISFIED, processSatisfaction: Satisfaction.SATISFIED } });
    await outbox.drain();
    const closed = (await noticesOf(target.id)).filter((n) => n.step === NoticeStep.CLOSED);
    expect(closed.map((n) => n.phone).sort()).toEqual([duplicate.citizenPhone, target.citizenPhone].sort());
    expect(closed[0]!.text).toContain("已办结");
    expect(closed[0]!.text).toContain("is closed");
  });

  it("one delivery per event: the outbox delivering an event twice stores and sends nothing more", async () => {
    const ticket = await file(world);
    await dispatchTicket(db.dataSource, { actor: dispatcher, request: { ticketId: ticket.id, version: ticket.version, leadUnitId: world.bureau.id } });
    const [row] = (await db.dataSource.query("SELECT id, type, payload, attempts, occurred_at FROM platform_outbox WHERE type = $1 AND payload->>'ticketId' = $2", [RoutingEvent.TICKET_DISPATCHED, ticket.id])) as Array<{ id: string; type: string; payload: Record<string, unknown>; attempts: number; occurred_at: Date }>;
    const event: StoredEvent = { id: String(row!.id), type: row!.type, payload: row!.payload, occurredAt: row!.occurred_at, attempts: 0 };
    const handler = noticeEventHandlers({ dataSource: db.dataSource, config: { publicBaseUrl: BASE_URL } as never, log: silent }).find((h) => h.eventType === RoutingEvent.TICKET_DISPATCHED)!;
    await handler.handle(event);
    await handler.handle(event);
    await outbox.drain();
    expect(await noticesOf(ticket.id)).toHaveLength(1);
    const timersOfTicket = await db.dataSource.query("SELECT count(*)::int AS n FROM platform_timer WHERE payload->>'noticeId' = $1", [(await noticesOf(ticket.id))[0]!.id]);
    expect(timersOfTicket[0].n).toBe(1);
  });

  it("received: requests from other channels are texted the tracking number; the portal's own text stays as it was", async () => {
    const api = await file(world, { channel: Channel.API });
    const portal = await file(world);
    await outbox.drain();
    const [received] = await noticesOf(api.id);
    expect(received?.step).toBe(NoticeStep.RECEIVED);
    expect(received?.text).toContain(api.trackingNumber);
    expect(await noticesOf(portal.id)).toEqual([]);
  });

  it("an opt-out on the portal is respected from the next step; the language chosen is the only one sent", async () => {
    const quiet = await file(world);
    const english = await file(world);
    await setSmsPreference(db.dataSource, { trackingNumber: quiet.trackingNumber, accessToken: await accessTokenFor(quiet), optedOut: true, locale: null });
    await setSmsPreference(db.dataSource, { trackingNumber: english.trackingNumber, accessToken: await accessTokenFor(english), optedOut: false, locale: NoticeLocale.EN });
    for (const ticket of [quiet, english]) {
      await dispatchTicket(db.dataSource, { actor: dispatcher, request: { ticketId: ticket.id, version: ticket.version, leadUnitId: world.bureau.id } });
    }
    await outbox.drain();
    expect(await noticesOf(quiet.id)).toEqual([]);
    const [notice] = await noticesOf(english.id);
    expect(notice?.locale).toBe(NoticeLocale.EN);
    expect(notice?.text).toContain(world.bureau.nameEn);
    expect(notice?.text).not.toMatch(/[\u4e00-\u9fff]/);
    // The co-reporter's opt-out counts too: merged into another ticket, the quiet number still gets nothing.
    const other = await file(world);
    const quietAgain = await file(world, { phone: quiet.citizenPhone });
    await mergeIntoTicket(db.dataSource, { actor: operator, ticketId: quietAgain.id, version: quietAgain.version, intoTicketId: other.id });
    await dispatchTicket(db.dataSource, { actor: dispatcher, request: { ticketId: other.id, version: other.version, leadUnitId: world.bureau.id } });
    await outbox.drain();
    expect((await noticesOf(other.id)).map((n) => n.phone)).toEqual([other.citizenPhone]);
  });

  it("confidential requests never name the unit (neither to the citizen nor to a confidential co-reporter); anonymous ones are texted as usual", async () => {
    const report = await file(world, { requestType: RequestType.REPORT }); // confidential by default
    const anonymous = await file(world, { privacy: Privacy.ANONYMOUS });
    const plain = await file(world);
    const confidentialCaller = await file(world, { privacy: Privacy.CONFIDENTIAL });
    await mergeIntoTicket(db.dataSource, { actor: operator, ticketId: confidentialCaller.id, version: confidentialCaller.version, intoTicketId: plain.id });
    for (const ticket of [report, anonymous, plain]) {
      await dispatchTicket(db.dataSource, { actor: dispatcher, request: { ticketId: ticket.id, version: ticket.version, leadUnitId: world.bureau.id } });
    }
    await outbox.drain();
    const [reportNotice] = await noticesOf(report.id);
    expect(reportNotice?.text).not.toContain(world.bureau.nameZh);
    expect(reportNotice?.text).not.toContain(world.bureau.nameEn);
    expect(reportNotice?.text).toContain(CONFIDENTIAL_UNIT[NoticeLocale.ZH_CN]);
    expect((await noticesOf(anonymous.id))[0]?.text).toContain(world.bureau.nameZh);
    const plainNotices = await noticesOf(plain.id);
    expect(plainNotices.find((n) => n.phone === plain.citizenPhone)?.text).toContain(world.bureau.nameZh);
    const confidentialNotice = plainNotices.find((n) => n.phone === confidentialCaller.citizenPhone);
    expect(confidentialNotice?.text).not.toContain(world.bureau.nameZh);
    expect(confidentialNotice?.text).toContain(CONFIDENTIAL_UNIT[NoticeLocale.EN]);
  });
});

describe("delivery failures", () => {
  let server: Server;
  let url: string;
  let failuresLeft = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        res.statusCode = failuresLeft-- > 0 ? 500 : 202;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /** A logger whose lines the test reads. */
  function capturedLog() {
    const lines: string[] = [];
    const log = createLogger({ level: "trace", destination: new Writable({ write: (chunk: Buffer, _e, done) => void (lines.push(chunk.toString("utf8")), done()) }) });
    return { log, lines };
  }

  /** Sends whatever earlier tests left pending, so that only this test's texts meet the failing provider. */
  const flushPending = () => timersWith(devSmsSender(db.dataSource, silent)).timers.drain();

  it("are retried with backoff from durable timers, never block the ticket, and log neither the phone nor the text", async () => {
    await flushPending();
    const ticket = await file(world);
    await dispatchTicket(db.dataSource, { actor: dispatcher, request: { ticketId: ticket.id, version: ticket.version, leadUnitId: world.bureau.id } });
    await outbox.drain();
    const { log, lines } = capturedLog();
    const clock = createTestClock(new Date());
    const { timers } = timersWith(webhookSmsSender(url, log), clock, log);
    failuresLeft = 2;
    await timers.drain();
    let [notice] = await noticesOf(ticket.id);
    expect([notice?.state, notice?.attempts, notice?.lastError]).toEqual([NoticeState.PENDING, 1, "the SMS webhook answered 500"]);
    expect(notice!.nextAttemptAt!.getTime() - clock.now().getTime()).toBe(60_000);
    await timers.drain(); // not due yet
    expect((await noticesOf(ticket.id))[0]?.attempts).toBe(1);
    clock.advance(60_000);
    await timers.drain();
    [notice] = await noticesOf(ticket.id);
    expect([notice?.state, notice?.attempts]).toEqual([NoticeState.PENDING, 2]);
    expect(notice!.nextAttemptAt!.getTime() - clock.now().getTime()).toBe(120_000);
    clock.advance(120_000);
    await timers.drain();
    [notice] = await noticesOf(ticket.id);
    expect([notice?.state, notice?.attempts, notice?.sentAt?.getTime()]).toEqual([NoticeState.SENT, 3, clock.now().getTime()]);

    // The ticket went on regardless: signed for while its text was failing.
    const logged = lines.join("");
    expect(logged).toContain("citizen text failed; will retry");
    expect(logged).not.toContain(ticket.citizenPhone);
    expect(logged).not.toContain(ticket.citizenPhone.slice(-8));
    expect(logged).not.toContain(ticket.trackingNumber);
    expect(logged).not.toContain("办理时限");
  });

  it("are given up after the last attempt (FAILED, logged once as an error), and nothing reaches the citizen's page", async () => {
    await flushPending();
    const ticket = await file(world);
    await dispatchTicket(db.dataSource, { actor: dispatcher, request: { ticketId: ticket.id, version: ticket.version, leadUnitId: world.bureau.id } });
    await outbox.drain();
    const { log, lines } = capturedLog();
    const clock = createTestClock(new Date());
    const { timers } = timersWith(webhookSmsSender(url, log), clock, log);
    failuresLeft = 100;
    for (let attempt = 1; attempt <= MAX_NOTICE_ATTEMPTS + 1; attempt += 1) {
      await timers.drain();
      clock.advance(60 * 60_000);
    }
    failuresLeft = 0;
    const [notice] = await noticesOf(ticket.id);
    expect([notice?.state, notice?.attempts]).toEqual([NoticeState.FAILED, MAX_NOTICE_ATTEMPTS]);
    expect(lines.filter((line) => line.includes("citizen text given up"))).toHaveLength(1);
    expect(lines.join("")).not.toContain(ticket.citizenPhone);
    // The ticket itself moved on.
    await signFor(db.dataSource, { actor: world.handler, ticketId: ticket.id });
  });
});

describe("templates", () => {
  it("admins save a wording per language that the next texts use; bad placeholders are refused with codes and nothing stored; each save is audited", async () => {
    const bad = async (text: string) => {
      try {
        await saveSmsTemplate(db.dataSource, { actor: admin, step: NoticeStep.DISPATCHED, locale: NoticeLocale.EN, text });
      } catch (error) {
        const e = error as { code: string; details: { fields: Array<{ code: string; placeholder?: string }> } };
        return [e.code, e.details.fields[0]!.code, e.details.fields[0]!.placeholder ?? null];
      }
      throw new Error(`"${text}" was accepted`);
    };
    expect(await bad("Request {number} to {unit} by {deadline}")).toEqual(["CALLBACK/TEMPLATE_UNKNOWN_PLACEHOLDER", "UNKNOWN_PLACEHOLDER", "deadline"]);
    expect(await bad("Request {number} to {unit}")).toEqual(["CALLBACK/TEMPLATE_MISSING_PLACEHOLDER", "MISSING_PLACEHOLDER", "due"]);
    expect(await bad("Request {number to {unit} by {due}")).toEqual(["CALLBACK/TEMPLATE_INVALID", "UNBALANCED_BRACE", null]);
    expect(await bad("   ")).toEqual(["CALLBACK/TEMPLATE_INVALID", "EMPTY", null]);
    expect(await bad(`{number}{unit}{due}${"x".repeat(300)}`)).toEqual(["CALLBACK/TEMPLATE_INVALID", "TOO_LONG", null]);
    expect(await db.dataSource.getRepository(SmsTemplate).count()).toBe(0);
    await expect(saveSmsTemplate(db.dataSource, { actor: dispatcher, step: NoticeStep.DISPATCHED, locale: NoticeLocale.EN, text: "{number} {unit} {due}" })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const saved = await saveSmsTemplate(db.dataSource, { actor: admin, step: NoticeStep.DISPATCHED, locale: NoticeLocale.EN, text: "Hotline: {number} is with {unit} until {due}." });
    expect(saved.isDefault).toBe(false);
    const listed = await listSmsTemplates(db.dataSource, { actor: admin });
    expect(listed).toHaveLength(8);
    expect(listed.find((t) => t.step === NoticeStep.DISPATCHED && t.locale === NoticeLocale.EN)?.text).toBe("Hotline: {number} is with {unit} until {due}.");

    const ticket = await file(world);
    await dispatchTicket(db.dataSource, { actor: dispatcher, request: { ticketId: ticket.id, version: ticket.version, leadUnitId: world.bureau.id } });
    await outbox.drain();
    expect((await noticesOf(ticket.id))[0]?.text).toContain(`Hotline: ${ticket.trackingNumber} is with ${world.bureau.nameEn} until`);

    await saveSmsTemplate(db.dataSource, { actor: admin, step: NoticeStep.DISPATCHED, locale: NoticeLocale.EN, text: null });
    expect(await db.dataSource.getRepository(SmsTemplate).count()).toBe(0);
    const audit = await db.dataSource.getRepository(AuditEntry).find({ where: { entityType: "sms_template", entityId: "dispatched:en" }, order: { at: "ASC", id: "ASC" } });
    expect(audit.map((entry) => entry.action)).toEqual(["sms_template.save", "sms_template.reset"]);
    expect(audit[0]?.after).toMatchObject({ text: "Hotline: {number} is with {unit} until {due}." });
  });
});
