import { once } from "node:events";
import { DomainError, readerOf, type AppServices } from "@civicline/platform";
import { exportTickets, type ExportLanguage, type TicketSearchFilterInput } from "@civicline/supervision";
import type { Express, Request, Response } from "express";
import { credentialsOf, resolveActor } from "./auth.js";

/** The longest `filter` query parameter (JSON) accepted. */
const MAX_FILTER_CHARS = 12_000;
const SORTS = new Set(["RECEIVED_DESC", "RECEIVED_ASC", "DUE_ASC"]);

const STATUS_OF: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  "SUPERVISION/PHONE_SEARCH_NOT_ALLOWED": 403,
  "SUPERVISION/NO_UNIT": 403,
};

function refuse(res: Response, status: number, code: string, message: string, details: Record<string, unknown> = {}): void {
  res.status(status).json({ error: { code, message, ...details } });
}

function parseFilter(raw: unknown): TicketSearchFilterInput | null | "bad" {
  if (raw === undefined || raw === "") {
    return null;
  }
  if (typeof raw !== "string" || raw.length > MAX_FILTER_CHARS) {
    return "bad";
  }
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as TicketSearchFilterInput) : "bad";
  } catch {
    return "bad";
  }
}

/**
 * `GET /tickets/export.csv?filter=<TicketSearchFilter as JSON>&sort=<TicketSearchSort>&lang=zh-CN|en`:
 * the result of a ticket search as CSV (UTF-8 with a BOM so that Excel shows Chinese, the search
 * list's columns, phones masked as the viewer's role requires, a handler's unit only). Authenticated
 * like `/files` (session cookie or API key). Streamed page by page: memory stays flat. Refusals come
 * before the first byte, as JSON with the GraphQL error codes (401, 403, 400 with `fields`).
 */
export function mountTicketExportRoutes(app: Express, services: AppServices): void {
  app.get("/tickets/export.csv", async (req: Request, res: Response) => {
    const actor = await resolveActor(services.dataSource, credentialsOf(req.headers));
    if (!actor) {
      refuse(res, 401, "UNAUTHENTICATED", "Please log in to do this.");
      return;
    }
    const filter = parseFilter(req.query.filter);
    if (filter === "bad") {
      refuse(res, 400, "BAD_USER_INPUT", "The filter is not valid JSON of a ticket search.", { fields: [{ field: "filter", code: "INVALID_FORMAT", message: "Send the search's filter as JSON." }] });
      return;
    }
    const sort = typeof req.query.sort === "string" && req.query.sort ? req.query.sort : "RECEIVED_DESC";
    if (!SORTS.has(sort)) {
      refuse(res, 400, "BAD_USER_INPUT", "Choose a sort order from the list.", { fields: [{ field: "sort", code: "INVALID_FORMAT", message: "Choose a sort order from the list." }] });
      return;
    }
    const language: ExportLanguage = req.query.lang === "en" ? "en" : "zh-CN";
    let lines: AsyncGenerator<string>;
    try {
      lines = exportTickets({ db: readerOf(services), actor, filter, sort: sort as "RECEIVED_DESC", language });
    } catch (error) {
      if (error instanceof DomainError) {
        refuse(res, STATUS_OF[error.code] ?? 400, error.code, error.message, error.details);
        return;
      }
      throw error;
    }
    const day = new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" }).replace(/-/g, "");
    const filename = `${language === "en" ? "tickets" : "工单查询"}-${day}.csv`;
    res.status(200);
    res.setHeader("Content-Type", "text/csv; charset=utf-8");
    res.setHeader("Content-Disposition", `attachment; filename="tickets-${day}.csv"; filename*=UTF-8''${encodeURIComponent(filename)}`);
    res.setHeader("Cache-Control", "no-store");
    let aborted = false;
    res.on("close", () => {
      aborted = !res.writableFinished;
    });
    try {
      for await (const chunk of lines) {
        if (aborted) {
          await lines.return(undefined);
          return;
        }
        if (chunk && !res.write(chunk)) {
          await Promise.race([once(res, "drain"), once(res, "close")]);
        }
      }
      res.end();
    } catch (error) {
      services.log.error({ err: error }, "ticket export failed while streaming");
      res.destroy();
    }
  });
}
