import { DomainError, StoredFile, type Actor, type FieldError } from "@civicline/platform";
import type { EntityManager } from "typeorm";
import { isUuid } from "../ticket/ticket-validation.js";

/** Largest attachment accepted on a ticket (uploads themselves may be larger). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 10;

/** A file type attachments may have (sniffed from the first bytes). */
type AcceptedType = "image/jpeg" | "image/png" | "image/webp" | "image/gif" | "application/pdf";

/** Accepted types with the file-name extensions each may carry. */
const ACCEPTED: Readonly<Record<AcceptedType, readonly string[]>> = {
  "image/jpeg": ["jpg", "jpeg"],
  "image/png": ["png"],
  "image/webp": ["webp"],
  "image/gif": ["gif"],
  "application/pdf": ["pdf"],
};
const GENERIC_TYPES = new Set(["", "application/octet-stream"]);

export type CheckedAttachment = { fileId: string; filename: string; contentType: string; size: number };

/** The type a file's first bytes (magic numbers) say it is, among the accepted ones; null otherwise. */
export function sniffContentType(head: Buffer): AcceptedType | null {
  const starts = (bytes: number[], offset = 0) => bytes.every((byte, i) => head[offset + i] === byte);
  const ascii = (text: string, offset = 0) => head.subarray(offset, offset + text.length).toString("latin1") === text;
  if (starts([0xff, 0xd8, 0xff])) {
    return "image/jpeg";
  }
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return "image/png";
  }
  if (ascii("GIF87a") || ascii("GIF89a")) {
    return "image/gif";
  }
  if (ascii("RIFF") && ascii("WEBP", 8)) {
    return "image/webp";
  }
  if (ascii("%PDF-")) {
    return "application/pdf";
  }
  return null;
}

function declaredType(raw: string): string {
  const type = raw.split(";")[0]!.trim().toLowerCase();
  return type === "image/jpg" ? "image/jpeg" : type;
}

function reject(fields: FieldError[]): never {
  throw new DomainError("INTAKE/ATTACHMENT_REJECTED", fields.length === 1 ? fields[0]!.message : `${fields.length} attachments were rejected.`, { fields });
}

/**
 * Checks files uploaded through POST /uploads before they are attached: each must exist and belong
 * to the actor, be at most 10 MB, and be a JPEG, PNG, WebP, GIF or PDF by its content (magic
 * numbers), its declared type and its file-name extension alike. Throws INTAKE/ATTACHMENT_REJECTED.
 */
export async function checkAttachments(manager: EntityManager, input: { actor: Actor | null; fileIds: readonly string[] }): Promise<CheckedAttachment[]> {
  const ids = [...new Set(input.fileIds)];
  if (ids.length === 0) {
    return [];
  }
  const field = "attachmentIds";
  if (ids.length > MAX_ATTACHMENTS) {
    reject([{ field, code: "TOO_MANY", message: `Attach at most ${MAX_ATTACHMENTS} files.` }]);
  }
  const unknown = (id: string): FieldError => ({ field, code: "UNKNOWN", message: `File ${id.slice(0, 40)} does not exist or was not uploaded by you.` });
  if (!input.actor || ids.some((id) => !isUuid(id))) {
    reject(ids.filter((id) => !input.actor || !isUuid(id)).map(unknown));
  }
  const rows: Array<{ id: string; filename: string; content_type: string; size: number; owner_id: string | null; head: Buffer }> = await manager
    .getRepository(StoredFile)
    .createQueryBuilder("f")
    .select(["f.id AS id", "f.filename AS filename", "f.content_type AS content_type", "f.size AS size", "f.owner_id AS owner_id"])
    .addSelect("substring(f.data from 1 for 16)", "head")
    .where("f.id IN (:...ids)", { ids })
    .getRawMany();
  const errors: FieldError[] = [];
  const checked: CheckedAttachment[] = [];
  for (const id of ids) {
    const row = rows.find((candidate) => candidate.id === id);
    if (!row || row.owner_id !== input.actor!.id) {
      errors.push(unknown(id));
      continue;
    }
    if (row.size > MAX_ATTACHMENT_BYTES) {
      errors.push({ field, code: "TOO_LARGE", message: `${row.filename} is ${(row.size / 1024 / 1024).toFixed(1)} MB; attachments may be at most 10 MB.` });
      continue;
    }
    const sniffed = sniffContentType(row.head);
    const declared = declaredType(row.content_type);
    const extension = /\.([A-Za-z0-9]+)$/.exec(row.filename)?.[1]?.toLowerCase() ?? "";
    if (!sniffed || (!GENERIC_TYPES.has(declared) && declared !== sniffed) || !ACCEPTED[sniffed].includes(extension)) {
      errors.push({
        field,
        code: "UNSUPPORTED_TYPE",
        message: `${row.filename} is not accepted: attach photos (JPEG, PNG, WebP, GIF) or PDF documents whose content, type and name agree.`,
      });
      continue;
    }
    checked.push({ fileId: id, filename: row.filename, contentType: sniffed, size: row.size });
  }
  if (errors.length > 0) {
    reject(errors);
  }
  return checked;
}
