import {
  findTicketByOpen311Token,
  findTicketByTrackingNumber,
  listOpen311Tickets,
  type Ticket,
} from "@civicline/intake";
import type { AppServices } from "@civicline/platform";
import express, { type Express, type NextFunction, type Request, type Response } from "express";
import { credentialsOf, resolveActor } from "../auth.js";
import { integratorRequest } from "../integrator-limits.js";
import { InvalidTextError, verifyBodyText } from "../text-encoding.js";
import { createOpen311Request, open311ErrorFor, requireCreator } from "./open311-create.js";
import { list, Open311Error, sendOpen311, sendOpen311Error, type Open311Format } from "./open311-format.js";
import {
  checkJurisdiction,
  listParam,
  localeOf,
  param,
  paramsOf,
  parseResourceName,
  parseW3cDate,
  type Open311Locale,
} from "./open311-params.js";
import { serviceRequests } from "./open311-requests.js";
import { loadServiceCatalog, serviceDefinition, serviceEntry, serviceFor } from "./open311-services.js";

/** Where GeoReport v2 is served. */
export const OPEN311_PATH = "/open311/v2";
/** When this endpoint's behaviour last changed (the discovery `changeset`). */
export const OPEN311_CHANGESET = "2026-11-25T00:00:00Z";
/** The spec's response volume: at most 1000 requests, over at most 90 days. */
export const MAX_REQUESTS = 1000;
const MAX_SPAN_MS = 90 * 86_400_000;

export type Open311Options = {
  /** The gateway's body limit (the same for every route). */
  bodyLimit: string;
  /** District (division code or Chinese name) for requests whose location names none; else the first by code. */
  defaultDistrict?: string | null;
};

type Context = { req: Request; res: Response; params: URLSearchParams; locale: Open311Locale; format: Open311Format; id: string };
type Handler = (context: Context) => Promise<void>;

/** The format a path asks for, for errors raised before the route is known (e.g. body parsing). */
function formatOfPath(path: string): Open311Format {
  return /\.xml$/i.test(path) ? "xml" : "json";
}

function hasBody(req: Request): boolean {
  return req.headers["transfer-encoding"] !== undefined || (req.headers["content-length"] ?? "0") !== "0";
}

/** The request window: the spec's default of the last 90 days, and never more than 90 days. */
function dateRange(params: URLSearchParams, now: Date): { from: Date; to: Date } {
  const start = param(params, "start_date");
  const end = param(params, "end_date");
  const from = start ? parseW3cDate(start, "start_date") : null;
  const to = end ? parseW3cDate(end, "end_date") : null;
  if (from && to) {
    if (to < from) {
      throw new Open311Error(400, "end_date must not be before start_date.");
    }
    if (to.getTime() - from.getTime() > MAX_SPAN_MS) {
      throw new Open311Error(400, "start_date and end_date may not span more than 90 days.");
    }
    return { from, to };
  }
  if (from) {
    return { from, to: new Date(from.getTime() + MAX_SPAN_MS) };
  }
  const until = to ?? now;
  return { from: new Date(until.getTime() - MAX_SPAN_MS), to: until };
}

function statusFilter(params: URLSearchParams): boolean | null {
  const statuses = listParam(params, "status")?.map((status) => status.toLowerCase());
  if (!statuses) {
    return null;
  }
  const unknown = statuses.find((status) => status !== "open" && status !== "closed");
  if (unknown !== undefined) {
    throw new Open311Error(400, `status must be open or closed (comma-separated for both), not "${unknown.slice(0, 20)}".`);
  }
  return statuses.includes("open") && statuses.includes("closed") ? null : statuses.includes("open");
}

/**
 * Open311 GeoReport v2 under /open311/v2: discovery, services, service definitions, requests
 * (list, one, create) and tokens, each as .json or .xml, with errors in the spec's format.
 */
export function mountOpen311Routes(app: Express, services: AppServices, options: Open311Options): void {
  const router = express.Router();
  const { jurisdictionId } = services.config;

  // Reading is public, so browser-based 311 apps on other sites may read (no cookies are involved).
  // Creating needs an API key, which belongs on a server, not in a web page: no CORS for POST.
  router.use((req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD") {
      res.setHeader("Access-Control-Allow-Origin", "*");
    } else if (req.method === "OPTIONS") {
      res.setHeader("Access-Control-Allow-Origin", "*");
      res.setHeader("Access-Control-Allow-Methods", "GET, HEAD");
      res.status(204).end();
      return;
    }
    next();
  });

  const run =
    (handler: Handler, bareIsJson?: (name: string) => boolean) =>
    async (req: Request, res: Response): Promise<void> => {
      let format = formatOfPath(req.path);
      try {
        const name = typeof req.params.name === "string" ? req.params.name : null;
        const resource = name === null ? { id: "", format } : parseResourceName(name, bareIsJson);
        format = resource.format;
        const params = paramsOf(req);
        checkJurisdiction(params, jurisdictionId);
        await handler({ req, res, params, locale: localeOf(req, params), format, id: resource.id });
      } catch (error) {
        const known = error instanceof Open311Error ? error : open311ErrorFor(error);
        if (known) {
          sendOpen311Error(res, format, known);
          return;
        }
        services.log.error({ err: error, requestId: req.id }, "unexpected error in an Open311 request");
        sendOpen311Error(res, format, new Open311Error(500, `Something went wrong on our side. Please try again; if it keeps happening, quote reference ${String(req.id ?? "unknown")}.`));
      }
    };

  const discovery: Handler = async ({ res, format }) => {
    sendOpen311(res, format, "discovery", {
      changeset: OPEN311_CHANGESET,
      contact: "12345 政务服务便民热线 / 12345 government service hotline",
      key_service: "API keys are issued by the hotline centre's administrators. Send one as the api_key parameter or the X-Api-Key header.",
      endpoints: list("endpoint", [
        {
          specification: "http://wiki.open311.org/GeoReport_v2",
          url: `${services.config.publicBaseUrl}${OPEN311_PATH}`,
          changeset: OPEN311_CHANGESET,
          type: "production",
          formats: list("format", ["application/json", "text/xml"]),
        },
      ]),
    });
  };

  const serviceList: Handler = async ({ res, format, locale }) => {
    const catalog = await loadServiceCatalog(services.dataSource);
    sendOpen311(res, format, "services", list("service", catalog.services.map((category) => serviceEntry(category, catalog, locale))));
  };

  const respondWithRequests = async (context: Context, tickets: readonly Ticket[]) => {
    const catalog = await loadServiceCatalog(services.dataSource);
    const requests = await serviceRequests(services.dataSource, tickets, catalog, context.locale);
    sendOpen311(context.res, context.format, "service_requests", list("request", requests));
  };

  const requestList: Handler = async (context) => {
    const { params } = context;
    const trackingNumbers = listParam(params, "service_request_id");
    if (trackingNumbers && trackingNumbers.length > MAX_REQUESTS) {
      throw new Open311Error(400, `Ask for at most ${MAX_REQUESTS} service_request_id values at once.`);
    }
    const { from, to } = dateRange(params, new Date());
    const open = statusFilter(params);
    const codes = listParam(params, "service_code");
    const catalog = codes ? await loadServiceCatalog(services.dataSource) : null;
    const categoryIds = codes && catalog ? codes.flatMap((code) => catalog.byCode.get(code.toUpperCase())?.id ?? []) : null;
    const tickets = await listOpen311Tickets(services.dataSource, { trackingNumbers, categoryIds, from, to, open, limit: MAX_REQUESTS });
    await respondWithRequests(context, tickets);
  };

  const createRequest: Handler = async ({ req, res, params, format }) => {
    if (hasBody(req) && !req.is("application/x-www-form-urlencoded")) {
      throw new Open311Error(400, "Send the parameters as application/x-www-form-urlencoded (or in the query string).");
    }
    const apiKey = param(params, "api_key") ?? credentialsOf(req.headers).apiKey;
    const actor = apiKey ? await resolveActor(services.dataSource, { apiKey, sessionToken: null }) : null;
    const creator = requireCreator(actor, apiKey !== null);
    const wait = integratorRequest(services.dataSource, creator);
    if (wait !== null) {
      res.setHeader("Retry-After", String(wait));
      throw new Open311Error(429, `This api_key made more requests than its limit per minute; try again in ${wait} s.`);
    }
    const serviceCode = param(params, "service_code");
    if (!serviceCode) {
      throw new Open311Error(400, "service_code was not provided");
    }
    const category = serviceFor(await loadServiceCatalog(services.dataSource), serviceCode);
    const header = req.headers["idempotency-key"];
    const idempotencyKey = param(params, "client_request_id") ?? (typeof header === "string" && header.trim() ? header.trim() : null);
    const ticket = await createOpen311Request(services, {
      actor: creator,
      category,
      params,
      idempotencyKey,
      defaultDistrict: options.defaultDistrict ?? services.config.open311DefaultDistrict ?? null,
    });
    sendOpen311(
      res,
      format,
      "service_requests",
      list("request", [
        {
          service_request_id: ticket.trackingNumber,
          token: ticket.id,
          service_notice: `已受理，工单号 ${ticket.trackingNumber}；办理完成后 12345 将回访。/ Received as ${ticket.trackingNumber}; the hotline will call you back once it is handled.`,
          account_id: param(params, "account_id"),
        },
      ]),
    );
  };

  const byName =
    (handlers: Record<string, Handler>): Handler =>
    async (context) => {
      const handler = handlers[context.id];
      if (!handler) {
        throw new Open311Error(404, "There is no such GeoReport v2 resource.");
      }
      await handler(context);
    };

  const notFound = async () => {
    throw new Open311Error(404, "There is no such GeoReport v2 resource.");
  };

  router.get("/:name", run(byName({ discovery, services: serviceList, requests: requestList })));
  router.post(
    "/:name",
    express.text({ type: "application/x-www-form-urlencoded", limit: options.bodyLimit, verify: verifyBodyText }),
    run(byName({ requests: createRequest })),
  );
  router.get(
    "/services/:name",
    run(
      async ({ res, format, locale, id }) => {
        const catalog = await loadServiceCatalog(services.dataSource);
        const dot = id.lastIndexOf(".");
        if (!catalog.byCode.has(id.toUpperCase()) && dot > 0 && catalog.byCode.has(id.slice(0, dot).toUpperCase())) {
          // a known code with an extension other than .json/.xml
          parseResourceName(id);
        }
        sendOpen311(res, format, "service_definition", serviceDefinition(serviceFor(catalog, id), locale));
      },
      // service codes contain dots (URBAN.NOISE): a name without .json/.xml is a bare code, answered in JSON
      () => true,
    ),
  );
  router.get(
    "/requests/:name",
    run(async (context) => {
      const ticket = await findTicketByTrackingNumber(services.dataSource, context.id);
      if (!ticket) {
        throw new Open311Error(404, "service_request_id provided was not found");
      }
      await respondWithRequests(context, [ticket]);
    }),
  );
  router.get(
    "/tokens/:name",
    run(async ({ res, format, id }) => {
      const ticket = await findTicketByOpen311Token(services.dataSource, id);
      if (!ticket) {
        throw new Open311Error(404, "token provided was not found");
      }
      sendOpen311(res, format, "service_requests", list("request", [{ service_request_id: ticket.trackingNumber, token: ticket.id }]));
    }),
  );
  router.all("/{*rest}", run(notFound));
  router.use((error: { type?: string; status?: number }, req: Request, res: Response, next: NextFunction) => {
    if (error.type === "entity.too.large") {
      sendOpen311Error(res, formatOfPath(req.path), new Open311Error(413, `The request is larger than this endpoint accepts (${options.bodyLimit}).`));
      return;
    }
    if (error instanceof InvalidTextError) {
      sendOpen311Error(res, formatOfPath(req.path), new Open311Error(400, error.message));
      return;
    }
    if (error.status && error.status >= 400 && error.status < 500) {
      sendOpen311Error(res, formatOfPath(req.path), new Open311Error(400, "The request body could not be read."));
      return;
    }
    next(error);
  });
  app.use(OPEN311_PATH, router);
}

