import { DomainError, ValidationError, maskPhone, type FieldError, type SmsSender } from "@civicline/platform";
import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from "node:crypto";
import { MoreThan, type DataSource, type EntityManager } from "typeorm";
import { Ticket } from "../ticket/ticket.entity.js";
import { normalizePhone } from "../ticket/ticket-validation.js";
import { TRACKING_NUMBER } from "../ticket/tracking-number.js";
import { portalNow } from "./clock.js";
import { issueTrackingAccess } from "./tracking-access.js";
import { TrackingCode } from "./tracking-code.entity.js";

/** The rules of portal one-time codes. */
export const OTP = {
  /** A code is valid this long after it was sent. */
  ttlMs: 5 * 60 * 1000,
  /** A new code may be asked for this long after the last one. */
  resendAfterMs: 60 * 1000,
  /** At most this many codes per tracking number and phone … */
  maxPerWindow: 5,
  /** … within this window. */
  windowMs: 60 * 60 * 1000,
  /** Wrong codes accepted before a code is burned. */
  maxAttempts: 5,
  /**
   * At most this many code requests from one address within `windowMs` (any tracking numbers).
   * Generous on purpose: many phones share one address behind a mobile carrier's NAT.
   */
  maxPerAddress: 100,
} as const;

export type TrackingCodeRequest = { sentTo: string; expiresAt: Date; resendAfterSeconds: number };

type Pair = { trackingNumber: string; phone: string; requestKey: string };

/** Checks the format of a tracking number and a phone; the key the limits are counted on. */
function checkPair(input: { trackingNumber: string; phone: string }): Pair {
  const errors: FieldError[] = [];
  const trackingNumber = String(input.trackingNumber ?? "").trim().toUpperCase();
  if (trackingNumber.length > 40 || !TRACKING_NUMBER.test(trackingNumber)) {
    errors.push({ field: "trackingNumber", code: "INVALID_FORMAT", message: "A tracking number looks like ZB-20261124-00017." });
  }
  const phone = normalizePhone(String(input.phone ?? "").slice(0, 40));
  if (!phone) {
    errors.push({ field: "phone", code: "INVALID_FORMAT", message: "Enter the phone number the request was filed with." });
  }
  if (errors.length > 0) {
    throw new ValidationError(errors);
  }
  const requestKey = createHash("sha256").update(`${trackingNumber}:${phone}`).digest("hex");
  return { trackingNumber, phone: phone!, requestKey };
}

function hashCode(id: string, code: string): Buffer {
  return createHash("sha256").update(`${id}:${code}`).digest();
}

/** Serialises requests and attempts on one tracking number + phone across gateway instances. */
async function lockPair(manager: EntityManager, requestKey: string): Promise<void> {
  await manager.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`intake.otp:${requestKey}`]);
}

function rateLimited(retryAfterMs: number): DomainError {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new DomainError("INTAKE/OTP_RATE_LIMITED", `Please wait ${retryAfterSeconds} seconds before asking for another code.`, { retryAfterSeconds });
}

/**
 * Sends a 6-digit code by SMS when the tracking number and phone belong together. The answer is
 * the same when they do not (no SMS is sent then), so the portal cannot be used to find out whose
 * request a number is. At most one code a minute and five an hour per number and phone, and 100 an
 * hour from one address (`INTAKE/OTP_RATE_LIMITED` with `retryAfterSeconds`); a new code replaces
 * the previous one.
 */
export async function requestTrackingCode(
  db: DataSource | EntityManager,
  options: { trackingNumber: string; phone: string; sms: SmsSender; now?: Date; clientIp?: string | null },
): Promise<TrackingCodeRequest> {
  const pair = checkPair(options);
  const clientIp = options.clientIp?.slice(0, 100) || null;
  const { sms, code, expiresAt } = await db.transaction(async (manager) => {
    await lockPair(manager, pair.requestKey);
    const now = await portalNow(manager, options.now);
    if (clientIp) {
      // One connection asking for codes for many tickets (texting strangers, probing pairs) is stopped.
      await manager.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`intake.otp-ip:${clientIp}`]);
      const fromAddress = await manager.getRepository(TrackingCode).find({
        where: { clientIp, createdAt: MoreThan(new Date(now.getTime() - OTP.windowMs)) },
        order: { createdAt: "ASC" },
        take: OTP.maxPerAddress,
      });
      if (fromAddress.length >= OTP.maxPerAddress) {
        throw rateLimited(fromAddress[0]!.createdAt.getTime() + OTP.windowMs - now.getTime());
      }
    }
    const recent = await manager.getRepository(TrackingCode).find({
      where: { requestKey: pair.requestKey, createdAt: MoreThan(new Date(now.getTime() - OTP.windowMs)) },
      order: { createdAt: "ASC" },
    });
    const latest = recent.at(-1);
    if (latest && now.getTime() - latest.createdAt.getTime() < OTP.resendAfterMs) {
      throw rateLimited(latest.createdAt.getTime() + OTP.resendAfterMs - now.getTime());
    }
    if (recent.length >= OTP.maxPerWindow) {
      throw rateLimited(recent[0]!.createdAt.getTime() + OTP.windowMs - now.getTime());
    }
    const ticket = await manager.getRepository(Ticket).findOne({ where: { trackingNumber: pair.trackingNumber }, select: { id: true, citizenPhone: true } });
    const ticketId = ticket && ticket.citizenPhone === pair.phone ? ticket.id : null;
    await manager
      .getRepository(TrackingCode)
      .createQueryBuilder()
      .update()
      .set({ spentAt: now })
      .where("request_key = :key AND spent_at IS NULL", { key: pair.requestKey })
      .execute();
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    const row = manager.getRepository(TrackingCode).create({
      id: randomUUID(),
      ticketId,
      requestKey: pair.requestKey,
      clientIp,
      // A pair that does not match gets a code nobody is told: it can never be verified.
      codeHash: "",
      attempts: 0,
      createdAt: now,
      expiresAt: new Date(now.getTime() + OTP.ttlMs),
      spentAt: null,
    });
    row.codeHash = hashCode(row.id, ticketId ? code : randomBytes(16).toString("hex")).toString("hex");
    await manager.getRepository(TrackingCode).insert(row);
    return { sms: ticketId !== null, code, expiresAt: row.expiresAt };
  });
  if (sms) {
    // Not awaited: the answer takes as long whether or not a text is sent. send() never throws.
    void options.sms.send({
      to: pair.phone,
      text: `【12345】您的查询验证码为 ${code}，5分钟内有效。Your 12345 tracking code is ${code} (valid for 5 minutes).`,
      purpose: "tracking-code",
    });
  }
  return { sentTo: maskPhone(pair.phone), expiresAt, resendAfterSeconds: OTP.resendAfterMs / 1000 };
}

type Verdict =
  | { kind: "ok"; ticketId: string; now: Date }
  | { kind: "expired" }
  | { kind: "locked" }
  | { kind: "invalid"; attemptsLeft: number };

const codeField = (code: string, message: string): FieldError[] => [{ field: "code", code, message }];

/**
 * Checks a code sent by `requestTrackingCode` and, when right, opens the ticket for 30 minutes:
 * `{ accessToken, expiresAt }`. Wrong: `INTAKE/OTP_INVALID` with `attemptsLeft`; after five wrong
 * codes the code is burned (`INTAKE/OTP_LOCKED`, even for the right code); too late or already
 * used: `INTAKE/OTP_EXPIRED`. Each error also names the `code` field for the form.
 */
export async function verifyTrackingCode(
  db: DataSource | EntityManager,
  options: { trackingNumber: string; phone: string; code: string; now?: Date },
): Promise<{ accessToken: string; expiresAt: Date }> {
  const pair = checkPair(options);
  const code = String(options.code ?? "").replace(/\s/g, "");
  if (!/^\d{6}$/.test(code)) {
    throw new ValidationError([{ field: "code", code: "INVALID_FORMAT", message: "The code has 6 digits." }]);
  }
  const verdict = await db.transaction(async (manager): Promise<Verdict> => {
    await lockPair(manager, pair.requestKey);
    const now = await portalNow(manager, options.now);
    const repo = manager.getRepository(TrackingCode);
    const latest = await repo.findOne({ where: { requestKey: pair.requestKey }, order: { createdAt: "DESC" } });
    if (!latest) {
      return { kind: "expired" };
    }
    if (latest.attempts >= OTP.maxAttempts) {
      return { kind: "locked" };
    }
    if (latest.spentAt || latest.expiresAt.getTime() <= now.getTime()) {
      return { kind: "expired" };
    }
    const right = timingSafeEqual(hashCode(latest.id, code), Buffer.from(latest.codeHash, "hex"));
    if (right && latest.ticketId) {
      await repo.update({ id: latest.id }, { spentAt: now });
      return { kind: "ok", ticketId: latest.ticketId, now };
    }
    const attempts = latest.attempts + 1;
    await repo.update({ id: latest.id }, { attempts, spentAt: attempts >= OTP.maxAttempts ? now : null });
    return { kind: "invalid", attemptsLeft: OTP.maxAttempts - attempts };
  });
  switch (verdict.kind) {
    case "ok":
      return issueTrackingAccess(db, { ticketId: verdict.ticketId, now: verdict.now });
    case "expired":
      throw new DomainError("INTAKE/OTP_EXPIRED", "This code has expired or was already used. Ask for a new one.", {
        fields: codeField("OTP_EXPIRED", "This code has expired or was already used. Ask for a new one."),
      });
    case "locked":
      throw new DomainError("INTAKE/OTP_LOCKED", "Too many wrong codes. Ask for a new code.", {
        fields: codeField("OTP_LOCKED", "Too many wrong codes. Ask for a new code."),
      });
    case "invalid": {
      const message = verdict.attemptsLeft > 0 ? `The code is not right; ${verdict.attemptsLeft} tries left.` : "The code is not right, and no tries are left. Ask for a new code.";
      throw new DomainError("INTAKE/OTP_INVALID", message, { attemptsLeft: verdict.attemptsLeft, fields: codeField("OTP_INVALID", message) });
    }
  }
}
