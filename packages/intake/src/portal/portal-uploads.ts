import { DomainError, StoredFile, saveFile, type FieldError } from "@civicline/platform";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { In, MoreThan, type DataSource, type EntityManager } from "typeorm";
import { MAX_ATTACHMENTS, sniffContentType, type CheckedAttachment } from "../call-screen/attachments.js";
import { isUuid } from "../ticket/ticket-validation.js";
import { portalNow } from "./clock.js";
import { PortalUpload } from "./portal-upload.entity.js";

/** Largest photo a citizen may upload from the portal. */
export const MAX_PORTAL_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Per client address: at most this many photos … */
export const PORTAL_UPLOADS_PER_WINDOW = 30;
/** … in this window. */
export const PORTAL_UPLOAD_WINDOW_MS = 10 * 60 * 1000;

/** Photo types the portal accepts, with the file-name extensions each may carry. */
const PHOTO_TYPES: Readonly<Record<string, readonly string[]>> = {
  "image/jpeg": ["jpg", "jpeg"],
  "image/png": ["png"],
  "image/webp": ["webp"],
  "image/gif": ["gif"],
};

export type PortalUploadResult = { id: string; filename: string; size: number; contentType: string; uploadKey: string };

/** A photo attached to a portal request: the upload's id and the key its upload answered with. */
export type PortalAttachmentRef = { id: string; uploadKey: string };

function hashKey(key: string): Buffer {
  return createHash("sha256").update(key, "utf8").digest();
}

/**
 * Stores a photo a citizen uploads from the portal without logging in: only JPEG, PNG, WebP or GIF
 * by content (magic numbers), declared type and extension alike, at most 10 MB, at most 30 per
 * client address per 10 minutes. Answers a random `uploadKey` that `submitRequest` must send back
 * with the file id, so nobody can attach a photo someone else uploaded. Errors:
 * `INTAKE/UPLOAD_TOO_LARGE`, `INTAKE/UPLOAD_UNSUPPORTED_TYPE`, `RATE_LIMITED` (with `retryAfterSeconds`).
 */
export async function acceptPortalUpload(
  dataSource: DataSource,
  input: { filename: string; contentType: string; data: Buffer; clientIp: string; now?: Date },
): Promise<PortalUploadResult> {
  if (input.data.length > MAX_PORTAL_UPLOAD_BYTES) {
    throw new DomainError("INTAKE/UPLOAD_TOO_LARGE", "Photos may be at most 10 MB.");
  }
  const sniffed = sniffContentType(input.data.subarray(0, 16));
  const declared = input.contentType.split(";")[0]!.trim().toLowerCase().replace("image/jpg", "image/jpeg");
  const extension = /\.([A-Za-z0-9]+)$/.exec(input.filename)?.[1]?.toLowerCase() ?? "";
  const accepted = sniffed ? PHOTO_TYPES[sniffed] : undefined;
  if (!sniffed || !accepted || !accepted.includes(extension) || (declared && declared !== "application/octet-stream" && declared !== sniffed)) {
    throw new DomainError("INTAKE/UPLOAD_UNSUPPORTED_TYPE", "Only photos can be uploaded here: JPEG, PNG, WebP or GIF.");
  }
  return dataSource.transaction(async (manager) => {
    await manager.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`intake.portal-upload:${input.clientIp}`]);
    const now = await portalNow(manager, input.now);
    const recent = await manager.getRepository(PortalUpload).find({
      where: { clientIp: input.clientIp, createdAt: MoreThan(new Date(now.getTime() - PORTAL_UPLOAD_WINDOW_MS)) },
      order: { createdAt: "ASC" },
      select: { fileId: true, createdAt: true },
    });
    if (recent.length >= PORTAL_UPLOADS_PER_WINDOW) {
      const retryAfterSeconds = Math.max(1, Math.ceil((recent[0]!.createdAt.getTime() + PORTAL_UPLOAD_WINDOW_MS - now.getTime()) / 1000));
      throw new DomainError("RATE_LIMITED", `Too many photos from this connection; try again in ${retryAfterSeconds} seconds.`, { retryAfterSeconds });
    }
    const file = await saveFile(manager, { filename: input.filename, contentType: sniffed, data: input.data, ownerId: null });
    const uploadKey = randomBytes(24).toString("base64url");
    await manager.getRepository(PortalUpload).insert({ fileId: file.id, keyHash: hashKey(uploadKey).toString("hex"), clientIp: input.clientIp, ticketId: null, createdAt: now });
    return { id: file.id, filename: file.filename, size: file.size, contentType: sniffed, uploadKey };
  });
}

/**
 * Checks the photos of a portal request and marks them used by the ticket: each id must come with
 * the key its upload answered and not be attached already. Throws `INTAKE/ATTACHMENT_REJECTED`
 * naming the `attachments` field.
 */
export async function claimPortalUploads(manager: EntityManager, input: { attachments: readonly PortalAttachmentRef[]; ticketId: string }): Promise<CheckedAttachment[]> {
  const field = "attachments";
  const refs = input.attachments.filter((ref, index, all) => all.findIndex((other) => other.id === ref.id) === index);
  if (refs.length === 0) {
    return [];
  }
  if (refs.length > MAX_ATTACHMENTS) {
    throw new DomainError("INTAKE/ATTACHMENT_REJECTED", `Attach at most ${MAX_ATTACHMENTS} photos.`, {
      fields: [{ field, code: "TOO_MANY", message: `Attach at most ${MAX_ATTACHMENTS} photos.` }],
    });
  }
  const ids = refs.map((ref) => ref.id).filter(isUuid);
  const uploads = ids.length ? await manager.getRepository(PortalUpload).find({ where: { fileId: In(ids) }, lock: { mode: "pessimistic_write" } }) : [];
  const files = ids.length ? await manager.getRepository(StoredFile).find({ where: { id: In(ids) }, select: { id: true, filename: true, contentType: true, size: true } }) : [];
  const errors: FieldError[] = [];
  const checked: CheckedAttachment[] = [];
  for (const ref of refs) {
    const upload = uploads.find((candidate) => candidate.fileId === ref.id);
    const file = files.find((candidate) => candidate.id === ref.id);
    const keyMatches = upload && typeof ref.uploadKey === "string" && timingSafeEqual(hashKey(ref.uploadKey), Buffer.from(upload.keyHash, "hex"));
    if (!upload || !file || !keyMatches || upload.ticketId) {
      errors.push({ field, code: "UNKNOWN", message: "A photo was not found; upload it again." });
      continue;
    }
    checked.push({ fileId: file.id, filename: file.filename, contentType: file.contentType, size: file.size });
  }
  const [firstError] = errors;
  if (firstError) {
    throw new DomainError("INTAKE/ATTACHMENT_REJECTED", firstError.message, { fields: [firstError] });
  }
  await manager.getRepository(PortalUpload).update({ fileId: In(checked.map((c) => c.fileId)) }, { ticketId: input.ticketId });
  return checked;
}

/** Photos uploaded but never attached are deleted after this long. */
export const UNUSED_UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes portal photos no request claimed within a day (the upload row and the stored bytes), in
 * one transaction. Returns how many went. `now` is for tests; otherwise the database clock decides.
 */
export async function deleteUnusedPortalUploads(dataSource: DataSource, options: { now?: Date } = {}): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const now = await portalNow(manager, options.now);
    const rows: Array<{ file_id: string }> = await manager.query(
      `WITH gone AS (DELETE FROM intake_portal_upload WHERE ticket_id IS NULL AND created_at < $1 RETURNING file_id) SELECT file_id FROM gone`,
      [new Date(now.getTime() - UNUSED_UPLOAD_TTL_MS)],
    );
    if (rows.length > 0) {
      await manager.getRepository(StoredFile).delete({ id: In(rows.map((row) => row.file_id)) });
    }
    return rows.length;
  });
}
