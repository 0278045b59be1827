import { existsSync } from "node:fs";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import express, { type Express, type RequestHandler } from "express";

/** The three React apps, served from their Vite build output. */
export const APPS = ["operator", "supervisor", "portal"] as const;

/** Vite's content-hashed output: a new build gives new names, so a browser may keep them forever. */
export const IMMUTABLE = "public, max-age=31536000, immutable";
const ASSET = /^\/assets\/[\w.-]+$/;
/** Pre-compressed variants written by tooling/scripts/precompress.mjs, best first. */
const ENCODINGS = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
] as const;

export type StaticAppsOptions = {
  /** Where apps/<name>/dist are; the repository's apps directory by default. */
  appsDir?: string;
  /** Source maps (when built) are served only in development. */
  development: boolean;
};

/** Serves `<asset>.br` or `<asset>.gz` when the client accepts it and the build wrote it. */
function precompressed(dist: string): RequestHandler {
  return (req, res, next) => {
    if ((req.method !== "GET" && req.method !== "HEAD") || !ASSET.test(req.path)) {
      next();
      return;
    }
    res.vary("Accept-Encoding");
    const encoding = ENCODINGS.find(({ name, suffix }) => req.acceptsEncodings(name) === name && existsSync(`${dist}${req.path}${suffix}`));
    if (encoding) {
      res.type(extname(req.path));
      res.setHeader("Content-Encoding", encoding.name);
      const query = req.url.indexOf("?");
      req.url = `${req.path}${encoding.suffix}${query >= 0 ? req.url.slice(query) : ""}`;
    }
    next();
  };
}

/**
 * Serves each built app under /<name>/ with an index.html fallback for client-side routes: hashed
 * assets pre-compressed (br, gzip) and cached for a year, index.html revalidated on every visit,
 * source maps only in development, and a 404 (not the app's page) for a missing asset.
 */
export function mountStaticApps(app: Express, options: StaticAppsOptions): void {
  const appsDir = options.appsDir ?? fileURLToPath(new URL("../../", import.meta.url));
  for (const name of APPS) {
    const dist = join(appsDir, name, "dist");
    const index = join(dist, "index.html");
    const notFound: RequestHandler = (_req, res) => {
      res.status(404).type("text/plain").send("Not found.");
    };
    app.use(
      `/${name}`,
      (req, res, next) => (!options.development && req.path.endsWith(".map") ? notFound(req, res, next) : next()),
      precompressed(dist),
      express.static(dist, {
        index: "index.html",
        cacheControl: false,
        redirect: true,
        setHeaders: (res, file) => {
          res.setHeader("Cache-Control", file.startsWith(join(dist, "assets", "/")) ? IMMUTABLE : "no-cache");
        },
      }),
    );
    app.use(`/${name}/assets`, notFound);
    app.get(`/${name}{/*rest}`, (_req, res) => {
      if (existsSync(index)) {
        res.setHeader("Cache-Control", "no-cache");
        res.sendFile(index);
      } else {
        res.status(503).type("text/plain").send(`The ${name} app is not built yet: run \`pnpm build\` (or \`pnpm start\`).`);
      }
    });
  }
  app.get("/", (_req, res) => res.redirect(302, "/portal/"));
}
