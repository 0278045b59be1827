import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { request, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IMMUTABLE, mountStaticApps } from "../static-apps.js";

/** A built portal as Vite and tooling/scripts/precompress.mjs leave it (plus a source map). */
const SCRIPT = `export const greeting = "${"你好，12345 ".repeat(200)}";\n`;
const ASSET = "/portal/assets/index-Ab12Cd34.js";
let appsDir: string;
const servers: Server[] = [];

async function serve(development: boolean): Promise<string> {
  const app = express();
  mountStaticApps(app, { appsDir, development });
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** GET with exactly these headers (fetch would add its own Accept-Encoding and decode the body). */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    })
      .on("error", reject)
      .end();
  });
}

let production: string;
let development: string;

beforeAll(async () => {
  appsDir = await mkdtemp(path.join(tmpdir(), "civicline-static-"));
  const assets = path.join(appsDir, "portal", "dist", "assets");
  await mkdir(assets, { recursive: true });
  await writeFile(path.join(appsDir, "portal", "dist", "index.html"), `<!doctype html><script type="module" src="${ASSET}"></script>`);
  const file = path.join(appsDir, ASSET.replace("/portal/", "portal/dist/"));
  await writeFile(file, SCRIPT);
  await writeFile(`${file}.br`, brotliCompressSync(SCRIPT));
  await writeFile(`${file}.gz`, gzipSync(SCRIPT));
  await writeFile(`${file}.map`, JSON.stringify({ version: 3, sources: ["../../src/main.tsx"], sourcesContent: ["secret source"] }));
  production = await serve(false);
  development = await serve(true);
});
afterAll(async () => {
  for (const server of servers) {
    server.close();
  }
  await rm(appsDir, { recursive: true, force: true });
});

describe("the apps' static files", () => {
  it("serves a hashed asset as brotli when the client accepts br, cached for a year", async () => {
    const response = await get(`${production}${ASSET}`, { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(response.status).toBe(200);
    expect(response.headers["content-encoding"]).toBe("br");
    expect(response.headers["content-type"]).toMatch(/^(text|application)\/javascript; charset=utf-8$/);
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(response.headers["cache-control"]).toBe(IMMUTABLE);
    expect(brotliDecompressSync(response.body).toString()).toBe(SCRIPT);
  });

  it("serves gzip when the client accepts only gzip, and the plain file otherwise", async () => {
    const gzipped = await get(`${production}${ASSET}`, { "accept-encoding": "gzip" });
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzipped.body).toString()).toBe(SCRIPT);
    expect(gzipped.headers["cache-control"]).toBe(IMMUTABLE);

    const refusesBrotli = await get(`${production}${ASSET}`, { "accept-encoding": "br;q=0, gzip" });
    expect(refusesBrotli.headers["content-encoding"]).toBe("gzip");

    const plainRequests: Array<Record<string, string>> = [{}, { "accept-encoding": "identity" }];
    for (const headers of plainRequests) {
      const plain = await get(`${production}${ASSET}`, headers);
      expect(plain.status).toBe(200);
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(plain.headers.vary).toMatch(/accept-encoding/i);
      expect(plain.headers["content-type"]).toBe(gzipped.headers["content-type"]);
      expect(plain.headers["cache-control"]).toBe(IMMUTABLE);
      expect(plain.body.toString()).toBe(SCRIPT);
    }
  });

  it("has index.html revalidated on every visit, also for client-side routes", async () => {
    for (const page of ["/portal/", "/portal/index.html", "/portal/track"]) {
      const response = await get(`${production}${page}`, { "accept-encoding": "br, gzip" });
      expect(response.status).toBe(200);
      expect(response.headers["cache-control"]).toBe("no-cache");
      expect(response.body.toString()).toContain(ASSET);
    }
  });

  it("answers 404, not the app's page, for an asset that does not exist", async () => {
    const response = await get(`${production}/portal/assets/index-Gone0000.js`);
    expect(response.status).toBe(404);
    expect(response.headers["cache-control"]).toBeUndefined();
  });

  it("does not publish source maps outside development", async () => {
    const hidden = await get(`${production}${ASSET}.map`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.toString()).not.toContain("secret source");
    const shown = await get(`${development}${ASSET}.map`);
    expect(shown.status).toBe(200);
    expect(shown.body.toString()).toContain("secret source");
  });
});
