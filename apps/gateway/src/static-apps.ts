import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import express, { type Express } from "express";

/** The three React apps, served from their Vite build output. */
export const APPS = ["operator", "supervisor", "portal"] as const;

/** Serves each built app under /<name>/ with an index.html fallback for client-side routes. */
export function mountStaticApps(app: Express, appsDir = fileURLToPath(new URL("../../", import.meta.url))): void {
  for (const name of APPS) {
    const dist = `${appsDir}${name}/dist`;
    const index = `${dist}/index.html`;
    app.use(
      `/${name}`,
      express.static(dist, {
        index: "index.html",
        maxAge: "1h",
        redirect: true,
        setHeaders: (res, file) => {
          if (file.endsWith(".html")) {
            res.setHeader("Cache-Control", "no-cache");
          }
        },
      }),
    );
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
