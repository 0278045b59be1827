import { createHash } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import type { Actor } from "../auth/actor.js";
import { Role } from "../auth/roles.js";
import { DomainError, ValidationError } from "../errors.js";
import { StoredFile } from "./stored-file.entity.js";

/** Largest file accepted by `POST /uploads`. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type FileRefValue = { id: string; filename: string; url: string; size: number };

/** A file name safe for storage and Content-Disposition: no path, no control characters, ≤ 200 chars. */
export function safeFilename(raw: string | undefined, fallback = "file"): string {
  const base = (raw ?? "").split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const clean = base.normalize("NFC").replace(/[\u0000-\u001f\u007f"]/g, "").trim().slice(0, 200);
  return clean || fallback;
}

/** Stores a file and returns a reference whose `url` downloads it (`GET /files/:id`). */
export async function saveFile(
  db: DataSource | EntityManager,
  input: { filename: string; contentType: string; data: Buffer; ownerId: string | null },
): Promise<FileRefValue> {
  if (input.data.length > MAX_UPLOAD_BYTES) {
    throw new ValidationError([{ field: "file", code: "TOO_LONG", message: `Files may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.` }]);
  }
  const filename = safeFilename(input.filename);
  const repo = db.getRepository(StoredFile);
  const saved = await repo.save(
    repo.create({
      filename,
      contentType: input.contentType || "application/octet-stream",
      size: input.data.length,
      sha256: createHash("sha256").update(input.data).digest("hex"),
      data: input.data,
      ownerId: input.ownerId,
    }),
  );
  return { id: saved.id, filename, url: `/files/${saved.id}`, size: saved.size };
}

/**
 * Reads a file for its owner, an admin, or an actor `mayRead` admits (a domain's access policy);
 * anyone else gets the same not-found as for a missing file.
 */
export async function readFile(
  db: DataSource | EntityManager,
  input: {
    id: string;
    actor: Actor | null;
    mayRead?: (fileId: string, actor: Actor) => Promise<boolean>;
    /** Without an actor: whether the caller (a citizen with a tracking access) may read this file. */
    mayReadWithoutActor?: (fileId: string) => Promise<boolean>;
  },
): Promise<{ filename: string; contentType: string; data: Buffer; size: number }> {
  const notFound = new DomainError("PLATFORM/FILE_NOT_FOUND", "This file does not exist or is not yours.");
  if ((!input.actor && !input.mayReadWithoutActor) || !UUID.test(input.id)) {
    throw notFound;
  }
  const file = await db
    .getRepository(StoredFile)
    .createQueryBuilder("f")
    .addSelect("f.data")
    .where("f.id = :id", { id: input.id })
    .getOne();
  if (!file) {
    throw notFound;
  }
  const allowed = input.actor
    ? file.ownerId === input.actor.id || input.actor.roles.includes(Role.ADMIN) || (await input.mayRead?.(file.id, input.actor)) === true
    : (await input.mayReadWithoutActor?.(file.id)) === true;
  if (!allowed) {
    throw notFound;
  }
  return { filename: file.filename, contentType: file.contentType, data: file.data, size: file.size };
}
