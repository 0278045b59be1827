import type { OutgoingSms, SmsSender } from "@civicline/platform";
import type { TestDatabase } from "@civicline/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTicket, intakeTestDatabase } from "../__tests__/factories.js";
import { ticketIdForTrackingAccess } from "./tracking-access.js";
import { OTP, requestTrackingCode, verifyTrackingCode } from "./tracking-code.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await intakeTestDatabase();
});
afterAll(() => db?.destroy());

/** An SMS sender that keeps what it was asked to send. */
function inbox(): SmsSender & { sent: OutgoingSms[]; lastCode(): string } {
  const sent: OutgoingSms[] = [];
  return {
    sent,
    send: async (message) => {
      sent.push(message);
    },
    lastCode: () => /(\d{6})/.exec(sent.at(-1)?.text ?? "")?.[1] ?? "",
  };
}

const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
let phoneCounter = 0;
/** A ticket with its own phone number, so limits of one test never touch another. */
async function ticketWithOwnPhone() {
  const phone = `137${String(10_000_000 + ++phoneCounter * 7919).slice(-8)}`;
  const ticket = await buildTicket(db, { phone });
  return { ticket, phone, trackingNumber: ticket.trackingNumber };
}

describe("requestTrackingCode", () => {
  it("texts a 6-digit code to the phone the request was filed with", async () => {
    const { phone, trackingNumber } = await ticketWithOwnPhone();
    const sms = inbox();
    const now = new Date();
    const answer = await requestTrackingCode(db.dataSource, { trackingNumber: trackingNumber.toLowerCase(), phone: `+86 ${phone.slice(0, 3)}-${phone.slice(3)}`, sms, now });
    expect(answer).toEqual({ sentTo: `${phone.slice(0, 3)}****${phone.slice(-4)}`, expiresAt: at(now, OTP.ttlMs), resendAfterSeconds: 60 });
    expect(sms.sent).toHaveLength(1);
    expect(sms.sent[0]).toMatchObject({ to: phone, purpose: "tracking-code" });
    expect(sms.lastCode()).toMatch(/^\d{6}$/);
    const stored = await db.dataSource.query("SELECT code_hash FROM intake_tracking_code WHERE expires_at = $1", [answer.expiresAt]);
    expect(JSON.stringify(stored)).not.toContain(sms.lastCode());
  });

  it("answers a wrong phone exactly like the right one, and texts nobody", async () => {
    const { trackingNumber } = await ticketWithOwnPhone();
    const sms = inbox();
    const now = new Date();
    const wrong = await requestTrackingCode(db.dataSource, { trackingNumber, phone: "13600000000", sms, now });
    const unknownNumber = await requestTrackingCode(db.dataSource, { trackingNumber: "ZB-20000101-99999", phone: "13600000000", sms, now });
    expect(wrong).toEqual({ sentTo: "136****0000", expiresAt: at(now, OTP.ttlMs), resendAfterSeconds: 60 });
    expect(Object.keys(unknownNumber).sort()).toEqual(Object.keys(wrong).sort());
    expect(sms.sent).toEqual([]);
    // …and the wrong pair is limited like a right one, so a second request tells nothing either.
    await expect(requestTrackingCode(db.dataSource, { trackingNumber, phone: "13600000000", sms, now: at(now, 10_000) })).rejects.toMatchObject({
      code: "INTAKE/OTP_RATE_LIMITED",
      details: { retryAfterSeconds: 50 },
    });
    // A code for a wrong pair can never be verified.
    await expect(verifyTrackingCode(db.dataSource, { trackingNumber, phone: "13600000000", code: "123456", now })).rejects.toMatchObject({ code: "INTAKE/OTP_INVALID" });
  });

  it("allows a new code after a minute, and at most five an hour", async () => {
    const { phone, trackingNumber } = await ticketWithOwnPhone();
    const sms = inbox();
    const start = new Date();
    await requestTrackingCode(db.dataSource, { trackingNumber, phone, sms, now: start });
    await expect(requestTrackingCode(db.dataSource, { trackingNumber, phone, sms, now: at(start, 59_000) })).rejects.toMatchObject({
      code: "INTAKE/OTP_RATE_LIMITED",
      details: { retryAfterSeconds: 1 },
    });
    for (let i = 1; i < OTP.maxPerWindow; i++) {
      await requestTrackingCode(db.dataSource, { trackingNumber, phone, sms, now: at(start, i * 61_000) });
    }
    expect(sms.sent).toHaveLength(5);
    const sixth = at(start, 5 * 61_000);
    await expect(requestTrackingCode(db.dataSource, { trackingNumber, phone, sms, now: sixth })).rejects.toMatchObject({
      code: "INTAKE/OTP_RATE_LIMITED",
      details: { retryAfterSeconds: Math.ceil((OTP.windowMs - 5 * 61_000) / 1000) },
    });
    await requestTrackingCode(db.dataSource, { trackingNumber, phone, sms, now: at(start, OTP.windowMs + 1000) });
    expect(sms.sent).toHaveLength(6);
  });

  it("stops one address asking for codes for many requests: at most 100 an hour", async () => {
    const sms = inbox();
    const start = new Date();
    const clientIp = "203.0.113.77";
    const { phone, trackingNumber } = await ticketWithOwnPhone();
    for (let i = 0; i < OTP.maxPerAddress; i++) {
      // Different (mostly wrong) pairs, so only the per-address limit can stop them.
      await requestTrackingCode(db.dataSource, { trackingNumber: `ZB-20000101-${String(i).padStart(5, "0")}`, phone: "13600000000", sms, now: at(start, i), clientIp });
    }
    await expect(requestTrackingCode(db.dataSource, { trackingNumber, phone, sms, now: at(start, 60_000), clientIp })).rejects.toMatchObject({
      code: "INTAKE/OTP_RATE_LIMITED",
      details: { retryAfterSeconds: Math.ceil((OTP.windowMs - 60_000) / 1000) },
    });
    // The same citizen from another address is not held up, and the address is free again after the window.
    await requestTrackingCode(db.dataSource, { trackingNumber, phone, sms, now: at(start, 60_000), clientIp: "198.51.100.9" });
    expect(sms.sent).toHaveLength(1);
    const { phone: phone2, trackingNumber: number2 } = await ticketWithOwnPhone();
    await requestTrackingCode(db.dataSource, { trackingNumber: number2, phone: phone2, sms, now: at(start, OTP.windowMs + 1), clientIp });
    expect(sms.sent).toHaveLength(2);
  });

  it("refuses malformed numbers and phones field by field", async () => {
    await expect(requestTrackingCode(db.dataSource, { trackingNumber: "12345", phone: "abc", sms: inbox() })).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      details: { fields: [{ field: "trackingNumber" }, { field: "phone" }] },
    });
  });
});

describe("verifyTrackingCode", () => {
  it("opens the ticket with the right code, once", async () => {
    const { ticket, phone, trackingNumber } = await ticketWithOwnPhone();
    const sms = inbox();
    const now = new Date();
    await requestTrackingCode(db.dataSource, { trackingNumber, phone, sms, now });
    const access = await verifyTrackingCode(db.dataSource, { trackingNumber, phone, code: sms.lastCode(), now: at(now, 1000) });
    expect(access.expiresAt).toEqual(at(now, 1000 + 30 * 60 * 1000));
    expect(await ticketIdForTrackingAccess(db.dataSource, access.accessToken, { now: at(now, 2000) })).toBe(ticket.id);
    await expect(verifyTrackingCode(db.dataSource, { trackingNumber, phone, code: sms.lastCode(), now: at(now, 3000) })).rejects.toMatchObject({ code: "INTAKE/OTP_EXPIRED" });
  });

  it("cannot be brute-forced: five wrong codes burn it, the sixth try is locked even with the right code", async () => {
    const { phone, trackingNumber } = await ticketWithOwnPhone();
    const sms = inbox();
    const now = new Date();
    await requestTrackingCode(db.dataSource, { trackingNumber, phone, sms, now });
    const right = sms.lastCode();
    const wrong = right === "000000" ? "000001" : "000000";
    const left: unknown[] = [];
    for (let i = 0; i < OTP.maxAttempts; i++) {
      const error = await verifyTrackingCode(db.dataSource, { trackingNumber, phone, code: wrong, now }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "INTAKE/OTP_INVALID", details: { fields: [{ field: "code", code: "OTP_INVALID" }] } });
      left.push((error as { details: { attemptsLeft: number } }).details.attemptsLeft);
    }
    expect(left).toEqual([4, 3, 2, 1, 0]);
    await expect(verifyTrackingCode(db.dataSource, { trackingNumber, phone, code: right, now })).rejects.toMatchObject({ code: "INTAKE/OTP_LOCKED" });
  });

  it("refuses a code that came too late (5 minutes and 1 second)", async () => {
    const { phone, trackingNumber } = await ticketWithOwnPhone();
    const sms = inbox();
    const now = new Date();
    await requestTrackingCode(db.dataSource, { trackingNumber, phone, sms, now });
    await expect(verifyTrackingCode(db.dataSource, { trackingNumber, phone, code: sms.lastCode(), now: at(now, OTP.ttlMs + 1000) })).rejects.toMatchObject({
      code: "INTAKE/OTP_EXPIRED",
    });
  });

  it("accepts only the newest code", async () => {
    const { phone, trackingNumber } = await ticketWithOwnPhone();
    const sms = inbox();
    const now = new Date();
    await requestTrackingCode(db.dataSource, { trackingNumber, phone, sms, now });
    const first = sms.lastCode();
    await requestTrackingCode(db.dataSource, { trackingNumber, phone, sms, now: at(now, 61_000) });
    const second = sms.lastCode();
    if (first !== second) {
      await expect(verifyTrackingCode(db.dataSource, { trackingNumber, phone, code: first, now: at(now, 62_000) })).rejects.toMatchObject({ code: "INTAKE/OTP_INVALID" });
    }
    await expect(verifyTrackingCode(db.dataSource, { trackingNumber, phone, code: second, now: at(now, 63_000) })).resolves.toHaveProperty("accessToken");
  });

  it("says the code is expired when none was asked for, and checks its format without counting a try", async () => {
    const { phone, trackingNumber } = await ticketWithOwnPhone();
    await expect(verifyTrackingCode(db.dataSource, { trackingNumber, phone, code: "123456" })).rejects.toMatchObject({ code: "INTAKE/OTP_EXPIRED" });
    await expect(verifyTrackingCode(db.dataSource, { trackingNumber, phone, code: "12ab" })).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      details: { fields: [{ field: "code", code: "INVALID_FORMAT" }] },
    });
  });

  it("gives a token for ticket A that never opens ticket B", async () => {
    const a = await ticketWithOwnPhone();
    const b = await ticketWithOwnPhone();
    const sms = inbox();
    await requestTrackingCode(db.dataSource, { trackingNumber: a.trackingNumber, phone: a.phone, sms });
    const access = await verifyTrackingCode(db.dataSource, { trackingNumber: a.trackingNumber, phone: a.phone, code: sms.lastCode() });
    const opened = await ticketIdForTrackingAccess(db.dataSource, access.accessToken);
    expect(opened).toBe(a.ticket.id);
    expect(opened).not.toBe(b.ticket.id);
  });
});
