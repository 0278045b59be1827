import { DomainError, type AppServices } from "@civicline/platform";
import { QaErrorCode, openRecording } from "@civicline/qa";
import type { Express, Response } from "express";
import { credentialsOf, resolveActor } from "./auth.js";

function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

/** A single `bytes=a-b` range of a body of `size` bytes, or null (whole body). */
function parseRange(header: string | undefined, size: number): { start: number; end: number } | "unsatisfiable" | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header ?? "");
  if (!match || (!match[1] && !match[2])) {
    return null;
  }
  let start: number;
  let end: number;
  if (!match[1]) {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
  }
  return start > end || start >= size ? "unsatisfiable" : { start, end };
}

/**
 * `GET /qa/recordings/:id` — a call's recording, by the call record's random id, for QA inspectors,
 * the call-taker's team lead and the call-taker (session cookie). The gateway reads the stored file
 * or fetches the telephony system's URL itself: browsers never see where recordings live. 404
 * QA/RECORDING_NOT_FOUND (none, or not yours to hear); 502 QA/RECORDING_UNAVAILABLE (the source
 * failed), with a message a person understands. Byte ranges are served so the player can seek.
 */
export function mountQaRecordingRoutes(app: Express, services: AppServices): void {
  app.get("/qa/recordings/:id", async (req, res) => {
    const actor = await resolveActor(services.dataSource, credentialsOf(req.headers));
    if (!actor) {
      sendError(res, 401, "UNAUTHENTICATED", "Please log in to hear recordings.");
      return;
    }
    try {
      const recording = await openRecording(services.dataSource, { actor, callRecordId: req.params.id });
      const size = recording.data.length;
      res.setHeader("Content-Type", recording.contentType);
      res.setHeader("Accept-Ranges", "bytes");
      res.setHeader("X-Content-Type-Options", "nosniff");
      res.setHeader("Cache-Control", "private, no-store");
      res.setHeader("Content-Disposition", `inline; filename*=UTF-8''${encodeURIComponent(recording.filename)}`);
      const range = parseRange(req.headers.range, size);
      if (range === "unsatisfiable") {
        res.setHeader("Content-Range", `bytes */${size}`);
        res.status(416).end();
        return;
      }
      if (range) {
        res.status(206);
        res.setHeader("Content-Range", `bytes ${range.start}-${range.end}/${size}`);
        res.setHeader("Content-Length", String(range.end - range.start + 1));
        res.end(recording.data.subarray(range.start, range.end + 1));
        return;
      }
      res.setHeader("Content-Length", String(size));
      res.end(recording.data);
    } catch (error) {
      if (error instanceof DomainError) {
        const status = error.code === QaErrorCode.RECORDING_UNAVAILABLE ? 502 : error.code === "FORBIDDEN" ? 403 : 404;
        sendError(res, status, error.code, error.message);
        return;
      }
      throw error;
    }
  });
}
