import { acceptPortalUpload, MAX_PORTAL_UPLOAD_BYTES, ticketIdForTrackingAccess } from "@civicline/intake";
import { DomainError, MAX_UPLOAD_BYTES, readFile, saveFile, type Actor, type AppServices, type CitizenFileAccessPolicy, type FileAccessPolicy } from "@civicline/platform";
import express, { type Express, type Request, type Response } from "express";
import { credentialsOf, resolveActor } from "./auth.js";

function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

/** HTTP status for each error a citizen's photo upload can meet. */
const PORTAL_UPLOAD_STATUS: Record<string, number> = {
  "INTAKE/UPLOAD_TOO_LARGE": 413,
  "INTAKE/UPLOAD_UNSUPPORTED_TYPE": 415,
  RATE_LIMITED: 429,
};

/** A citizen's photo from the portal (no login): checked and stored by intake, answered with its upload key. */
async function acceptCitizenPhoto(services: AppServices, req: Request, res: Response, filename: string, data: Buffer): Promise<void> {
  try {
    const upload = await acceptPortalUpload(services.dataSource, {
      filename,
      contentType: req.headers["content-type"] ?? "",
      data,
      clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
    });
    res.status(201).json(upload);
  } catch (error) {
    const status = error instanceof DomainError ? PORTAL_UPLOAD_STATUS[error.code] : undefined;
    if (!(error instanceof DomainError) || !status) {
      throw error;
    }
    if (typeof error.details.retryAfterSeconds === "number") {
      res.setHeader("Retry-After", String(error.details.retryAfterSeconds));
    }
    res.status(status).json({ error: { code: error.code, message: error.message, ...error.details } });
  }
}

/**
 * File transfer outside GraphQL: `POST /uploads` stores a raw body (the header `x-filename` names it)
 * for a logged-in staff member or API client (up to 50 MB, any type), or — without credentials, or
 * with the header `x-portal-upload: 1` — a citizen's photo for the portal (JPEG/PNG/WebP/GIF by
 * content, up to 10 MB, rate-limited per address, answered with an `uploadKey` that `submitRequest`
 * must send back). `GET /files/:id` returns a file to its owner, an admin, or whoever a module's
 * file-access policy admits (e.g. staff who may see the ticket it is attached to), or — without a
 * login, with the portal's tracking access token in the `x-tracking-access` header — to a citizen
 * whose ticket a module's citizen policy ties it to (the photos of the unit's public reply).
 */
export function mountFileRoutes(app: Express, services: AppServices, policies: FileAccessPolicy[] = [], citizenPolicies: CitizenFileAccessPolicy[] = []): void {
  const mayRead = async (fileId: string, actor: Actor) => {
    for (const policy of policies) {
      if (await policy({ fileId, actor })) {
        return true;
      }
    }
    return false;
  };

  const staffBody = express.raw({ type: () => true, limit: MAX_UPLOAD_BYTES });
  // Anonymous uploads are read only up to the photo limit: a larger body is refused with 413.
  const citizenBody = express.raw({ type: () => true, limit: MAX_PORTAL_UPLOAD_BYTES });
  app.post(
    "/uploads",
    async (req, res, next) => {
      // The portal asks for the citizen path even when a staff session cookie is in the browser.
      const citizen = req.headers["x-portal-upload"] === "1";
      res.locals.actor = citizen ? null : await resolveActor(services.dataSource, credentialsOf(req.headers));
      next();
    },
    (req, res, next) => (res.locals.actor ? staffBody : citizenBody)(req, res, next),
    async (req, res) => {
      const actor = res.locals.actor as Actor | null;
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
      if (!actor) {
        await acceptCitizenPhoto(services, req, res, filename, data);
        return;
      }
      const file = await saveFile(services.dataSource, {
        filename,
        contentType: req.headers["content-type"] ?? "application/octet-stream",
        data,
        ownerId: actor.id,
      });
      res.status(201).json(file);
    },
  );

  /** The citizen's tracked ticket when the request carries a valid tracking access (else none: not found). */
  const citizenGrant = (accessToken: unknown) => {
    if (typeof accessToken !== "string" || !accessToken || citizenPolicies.length === 0) {
      return undefined;
    }
    return async (fileId: string) => {
      const ticketId = await ticketIdForTrackingAccess(services.dataSource, accessToken).catch(() => null);
      if (!ticketId) {
        return false;
      }
      for (const policy of citizenPolicies) {
        if (await policy({ fileId, ticketId })) {
          return true;
        }
      }
      return false;
    };
  };

  app.get("/files/:id", async (req, res) => {
    const actor = await resolveActor(services.dataSource, credentialsOf(req.headers));
    try {
      const mayReadWithoutActor = actor ? undefined : citizenGrant(req.headers["x-tracking-access"]);
      const file = await readFile(services.dataSource, { id: req.params.id, actor, mayRead, mayReadWithoutActor });
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
