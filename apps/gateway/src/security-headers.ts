import type { IncomingMessage } from "node:http";
import type { Request, RequestHandler, Response } from "express";
import helmet, { type HelmetOptions } from "helmet";

export type SecurityHeadersOptions = {
  /** NODE_ENV=development: the Apollo landing page on /graphql brings its own policy (a meta tag with a nonce). */
  development: boolean;
  /** Served over HTTPS (`CIVICLINE_COOKIE_SECURE=true`): also HSTS and upgrade-insecure-requests. */
  https: boolean;
  /** The portal's map tile URL template (`CIVICLINE_MAP_TILE_URL`); its origin may serve images. */
  mapTileUrl?: string;
};

const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** The WebSocket origin of the host the browser asked for (the apps subscribe on /graphql). Reads only the Host header: replayedPerHost relies on it. */
function socketSource(scheme: "ws" | "wss") {
  return (req: IncomingMessage): string => {
    const host = req.headers.host ?? "";
    return HOST.test(host) ? `${scheme}://${host}` : "'self'";
  };
}

/**
 * The CSP source for a tile URL template such as `https://{s}.tile.example.org/{z}/{x}/{y}.png`
 * (`{s}`, the server letter, becomes a wildcard label); none for a same-origin or unreadable one.
 */
export function tileSource(template: string | undefined): string | null {
  const match = template ? /^(https?):\/\/([^/?#]+)/i.exec(template.trim()) : null;
  if (!match) {
    return null;
  }
  const host = match[2]!.replace(/\{s\}/g, "*");
  return /^(?:\*\.)?[A-Za-z0-9.-]+(?::\d{1,5})?$/.test(host) ? `${match[1]!.toLowerCase()}://${host}` : null;
}

type RecordedHeader = [name: string, value: string | number | readonly string[] | null];

/** At most this many distinct Host values keep their recorded headers (the header is the client's to choose). */
const MAX_CACHED_HOSTS = 64;

/**
 * helmet's headers depend on the request only through its Host header (socketSource: the
 * CSP's WebSocket origin), so they are worked out by helmet once per host and replayed on every
 * later request: the same headers, without building the policy and running helmet's dozen
 * middlewares per request. A handler that does not finish synchronously, or a host beyond the cache's
 * size, runs helmet itself.
 */
function replayedPerHost(handler: RequestHandler): RequestHandler {
  const cache = new Map<string, RecordedHeader[]>();
  return (req, res, next) => {
    const host = req.headers.host ?? "";
    let headers = cache.get(host);
    if (!headers && cache.size < MAX_CACHED_HOSTS) {
      const recorded: RecordedHeader[] = [];
      let finished = false;
      const recorder = {
        setHeader: (name: string, value: string | number | readonly string[]) => {
          recorded.push([name, value]);
          return recorder;
        },
        removeHeader: (name: string) => {
          recorded.push([name, null]);
        },
      };
      handler({ headers: { host: req.headers.host } } as Request, recorder as unknown as Response, (error?: unknown) => {
        finished = error === undefined;
      });
      if (finished) {
        headers = recorded;
        cache.set(host, headers);
      }
    }
    if (!headers) {
      handler(req, res, next);
      return;
    }
    for (const [name, value] of headers) {
      if (value === null) {
        res.removeHeader(name);
      } else {
        res.setHeader(name, value);
      }
    }
    next();
  };
}

function helmetOptions(options: SecurityHeadersOptions, directives: NonNullable<HelmetOptions["contentSecurityPolicy"]>): HelmetOptions {
  return {
    contentSecurityPolicy: directives,
    // The portal's optional map tiles may come from a server that wants to see the referring site.
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    strictTransportSecurity: options.https ? { maxAge: 15_552_000, includeSubDomains: false } : false,
    xFrameOptions: { action: "deny" },
  };
}

/**
 * Security headers for every response (helmet): a content security policy that admits only the
 * apps' own scripts, styles and connections (plus WebSocket to the same host, images from the map
 * tile server, and blob:/data: photo previews), no framing by any site (`frame-ancestors 'none'`,
 * `X-Frame-Options: DENY`), nosniff and a cautious referrer policy.
 */
export function securityHeaders(options: SecurityHeadersOptions, { replay = true }: { replay?: boolean } = {}): RequestHandler {
  const cached = replay ? replayedPerHost : (handler: RequestHandler) => handler;
  const tiles = tileSource(options.mapTileUrl);
  const strict = helmet(
    helmetOptions(options, {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "base-uri": ["'self'"],
        "script-src": ["'self'"],
        "script-src-attr": ["'none'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:", ...(tiles ? [tiles] : [])],
        "font-src": ["'self'"],
        "connect-src": ["'self'", socketSource("ws"), socketSource("wss")],
        "object-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        ...(options.https ? { "upgrade-insecure-requests": [] } : {}),
      },
    }),
  );
  if (!options.development) {
    return cached(strict);
  }
  // Apollo's development landing page loads its sandbox from Apollo's CDN under its own nonce-based
  // policy; a second, stricter header policy would block it. Framing stays forbidden.
  const landingPage = helmet(helmetOptions(options, {
      useDefaults: false,
      directives: { "default-src": helmet.contentSecurityPolicy.dangerouslyDisableDefaultSrc, "frame-ancestors": ["'none'"] },
    }));
  const [strictReplayed, landingPageReplayed] = [cached(strict), cached(landingPage)];
  return (req, res, next) => (req.path === "/graphql" ? landingPageReplayed : strictReplayed)(req, res, next);
}
