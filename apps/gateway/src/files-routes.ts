import { DomainError, MAX_UPLOAD_BYTES, readFile, saveFile, type Actor, type AppServices, type FileAccessPolicy } from "@civicline/platform";
import express, { type Express, type Response } from "express";
import { credentialsOf, resolveActor } from "./auth.js";

function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

/**
 * File transfer outside GraphQL: `POST /uploads` stores a raw body (the header `x-filename` names it)
 * for a logged-in staff member or API client; `GET /files/:id` returns it to its owner, an admin, or
 * whoever a module's file-access policy admits (e.g. staff who may see the ticket it is attached to).
 */
export function mountFileRoutes(app: Express, services: AppServices, policies: FileAccessPolicy[] = []): void {
  const mayRead = async (fileId: string, actor: Actor) => {
    for (const policy of policies) {
      if (await policy({ fileId, actor })) {
        return true;
      }
    }
    return false;
  };

  app.post("/uploads", express.raw({ type: () => true, limit: MAX_UPLOAD_BYTES }), async (req, res) => {
    const actor = await resolveActor(services.dataSource, credentialsOf(req.headers));
    if (!actor) {
      sendError(res, 401, "UNAUTHENTICATED", "Please log in to upload files.");
      return;
    }
    // Browsers cannot send this header cross-site without a preflight: it doubles as CSRF protection.
    const rawName = req.headers["x-filename"];
    if (typeof rawName !== "string" || !rawName) {
      sendError(res, 400, "BAD_REQUEST", "Name the file in the x-filename header (URI-encoded).");
      return;
    }
    const data = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (data.length === 0) {
      sendError(res, 400, "BAD_REQUEST", "The upload is empty.");
      return;
    }
    let filename = rawName;
    try {
      filename = decodeURIComponent(rawName);
    } catch {
      // keep the raw header value
    }
    const file = await saveFile(services.dataSource, {
      filename,
      contentType: req.headers["content-type"] ?? "application/octet-stream",
      data,
      ownerId: actor.id,
    });
    res.status(201).json(file);
  });

  app.get("/files/:id", async (req, res) => {
    const actor = await resolveActor(services.dataSource, credentialsOf(req.headers));
    try {
      const file = await readFile(services.dataSource, { id: req.params.id, actor, mayRead });
      res.setHeader("Content-Type", file.contentType);
      res.setHeader("Content-Length", String(file.size));
      res.setHeader("Content-Disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
      res.setHeader("X-Content-Type-Options", "nosniff");
      res.setHeader("Cache-Control", "private, no-store");
      res.end(file.data);
    } catch (error) {
      if (error instanceof DomainError) {
        sendError(res, 404, error.code, error.message);
        return;
      }
      throw error;
    }
  });
}
