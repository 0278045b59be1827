import { DomainError } from "@civicline/platform";
import { createHash, randomBytes } from "node:crypto";
import { MoreThan, type DataSource, type EntityManager } from "typeorm";
import { portalNow } from "./clock.js";
import { TrackingAccess } from "./tracking-access.entity.js";

/** How long a tracking access token stays valid after the code was verified. */
export const ACCESS_TTL_MS = 30 * 60 * 1000;

const MAX_TOKEN_LENGTH = 100;

function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

const invalid = () =>
  new DomainError("INTAKE/TRACKING_ACCESS_INVALID", "Your access to this request has expired. Ask for a new code to see it again.");

/** Issues a token bound to one ticket (32 random bytes, base64url); only its hash is stored. */
export async function issueTrackingAccess(
  db: DataSource | EntityManager,
  options: { ticketId: string; now: Date },
): Promise<{ accessToken: string; expiresAt: Date }> {
  const accessToken = randomBytes(32).toString("base64url");
  const expiresAt = new Date(options.now.getTime() + ACCESS_TTL_MS);
  await db.getRepository(TrackingAccess).insert({ ticketId: options.ticketId, tokenHash: hashToken(accessToken), expiresAt, createdAt: options.now });
  return { accessToken, expiresAt };
}

/**
 * The ticket a portal tracking access token (issued after OTP verification) opens. Throws
 * `INTAKE/TRACKING_ACCESS_INVALID` for an unknown or expired token. `now` is for tests; otherwise
 * the database clock decides.
 */
export async function ticketIdForTrackingAccess(db: DataSource | EntityManager, accessToken: string, options: { now?: Date } = {}): Promise<string> {
  if (typeof accessToken !== "string" || !accessToken || accessToken.length > MAX_TOKEN_LENGTH) {
    throw invalid();
  }
  const now = await portalNow(db, options.now);
  const access = await db.getRepository(TrackingAccess).findOne({ where: { tokenHash: hashToken(accessToken), expiresAt: MoreThan(now) } });
  if (!access) {
    throw invalid();
  }
  return access.ticketId;
}
