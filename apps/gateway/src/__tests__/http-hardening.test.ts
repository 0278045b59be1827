import { request } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { securityHeaders } from "../security-headers.js";
import { DEMO_API_KEY } from "./open311-client.js";
import { pickSliceIds, startTestGateway, type TestGateway } from "./harness.js";

let gateway: TestGateway;
let ids: Awaited<ReturnType<typeof pickSliceIds>>;

beforeAll(async () => {
  gateway = await startTestGateway();
  ids = await pickSliceIds(gateway);
});
afterAll(() => gateway?.stop());

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | null): Map<string, string[]> {
  return new Map(
    (header ?? "")
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

async function ticketCount(): Promise<number> {
  const [row] = (await gateway.app.services.dataSource.query("SELECT count(*)::int AS n FROM intake_ticket")) as Array<{ n: number }>;
  return row!.n;
}

describe("security headers (helmet)", () => {
  it("forbids framing and limits what the apps may load", async () => {
    const host = new URL(gateway.url).host;
    for (const path of ["/portal/", "/operator/", "/supervisor/queue", "/graphql", "/open311/v2/discovery.json"]) {
      const response = await fetch(`${gateway.url}${path}`);
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      const csp = directives(response.headers.get("content-security-policy"));
      expect(csp.get("frame-ancestors"), path).toEqual(["'none'"]);
      expect(csp.get("default-src"), path).toEqual(["'self'"]);
      expect(csp.get("script-src"), path).toEqual(["'self'"]);
      expect(csp.get("style-src"), path).toEqual(["'self'"]);
      expect(csp.get("object-src"), path).toEqual(["'none'"]);
      expect(csp.get("img-src"), path).toEqual(["'self'", "data:", "blob:"]);
      expect(csp.get("connect-src"), path).toEqual(["'self'", `ws://${host}`, `wss://${host}`]);
      // Served over plain HTTP here: no upgrade of requests, no HSTS.
      expect(csp.has("upgrade-insecure-requests"), path).toBe(false);
      expect(response.headers.get("strict-transport-security"), path).toBeNull();
    }
  });

  it("admits the portal's map tile server for images; over HTTPS adds HSTS and upgrades requests", async () => {
    const app = express();
    app.use(securityHeaders({ development: false, https: true, mapTileUrl: "https://{s}.tile.example.org/{z}/{x}/{y}.png" }));
    app.get("/portal/", (_req, res) => {
      res.send("ok");
    });
    const server = app.listen(0, "127.0.0.1");
    try {
      await new Promise<void>((resolve) => server.once("listening", resolve));
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/portal/`);
      const csp = directives(response.headers.get("content-security-policy"));
      expect(csp.get("img-src")).toEqual(["'self'", "data:", "blob:", "https://*.tile.example.org"]);
      expect(csp.has("upgrade-insecure-requests")).toBe(true);
      expect(response.headers.get("strict-transport-security")).toMatch(/^max-age=\d+$/);
    } finally {
      server.close();
    }
  });

  it("gives each Host its own WebSocket source and every request the headers helmet itself sets (they are replayed per host)", async () => {
    const serve = async (replay: boolean) => {
      const app = express();
      app.disable("x-powered-by");
      app.use(securityHeaders({ development: false, https: false }, { replay }));
      app.get("/portal/", (_req, res) => {
        res.send("ok");
      });
      const server = app.listen(0, "127.0.0.1");
      await new Promise<void>((resolve) => server.once("listening", resolve));
      return server;
    };
    const headersFor = (server: ReturnType<typeof express.application.listen>, host: string) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const port = (server.address() as AddressInfo).port;
        request({ host: "127.0.0.1", port, path: "/portal/", headers: { host }, agent: false }, (response) => {
          response.resume();
          const { date: _date, connection: _connection, "keep-alive": _keepAlive, ...rest } = response.headers;
          resolve(rest);
        })
          .on("error", reject)
          .end();
      });
    const replayed = await serve(true);
    const direct = await serve(false);
    try {
      const first = await headersFor(replayed, "a.example.org:8080");
      const again = await headersFor(replayed, "a.example.org:8080");
      const other = await headersFor(replayed, "b.example.org");
      expect(directives(String(first["content-security-policy"])).get("connect-src")).toEqual(["'self'", "ws://a.example.org:8080", "wss://a.example.org:8080"]);
      expect(directives(String(other["content-security-policy"])).get("connect-src")).toEqual(["'self'", "ws://b.example.org", "wss://b.example.org"]);
      expect(again).toEqual(first);
      // helmet run on each request itself sets exactly these headers.
      expect(await headersFor(direct, "a.example.org:8080")).toEqual(first);
      expect(await headersFor(direct, "b.example.org")).toEqual(other);
    } finally {
      replayed.close();
      direct.close();
    }
  });

  it("lets Apollo's development landing page on /graphql use its own policy, but never be framed", async () => {
    const app = express();
    app.use(securityHeaders({ development: true, https: false }));
    app.get(["/graphql", "/portal/"], (_req, res) => {
      res.send("ok");
    });
    const server = app.listen(0, "127.0.0.1");
    try {
      await new Promise<void>((resolve) => server.once("listening", resolve));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const landing = await fetch(`${base}/graphql`);
      expect(landing.headers.get("content-security-policy")).toBe("frame-ancestors 'none'");
      expect(landing.headers.get("x-frame-options")).toBe("DENY");
      const portal = directives((await fetch(`${base}/portal/`)).headers.get("content-security-policy"));
      expect(portal.get("script-src")).toEqual(["'self'"]);
    } finally {
      server.close();
    }
  });
});

describe("text that is not valid UTF-8", () => {
  const SUBMIT = `mutation($input: SubmitRequestInput!) { submitRequest(input: $input) { trackingNumber } }`;
  const MARK = "@@TEXT@@";

  /** A submitRequest body whose description is `text` as raw bytes (JSON.stringify cannot write invalid UTF-8). */
  function submitBody(text: Buffer, overrides: Record<string, unknown> = {}): Buffer {
    const input = {
      requestType: "COMPLAINT",
      categoryId: ids.categoryId,
      description: MARK,
      districtId: ids.districtId,
      townshipId: ids.townshipId,
      address: "张店区柳泉路与华光路路口",
      citizenName: "周女士",
      phone: "13755556677",
      ...overrides,
    };
    const [before, after] = JSON.stringify({ query: SUBMIT, variables: { input } }).split(MARK) as [string, string];
    return Buffer.concat([Buffer.from(before), text, Buffer.from(after)]);
  }

  function postGraphQL(body: Buffer) {
    return fetch(`${gateway.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body });
  }

  it("refuses it in a GraphQL request with 400 INVALID_UTF8 and stores nothing", async () => {
    const before = await ticketCount();
    // 路灯坏了 in GBK, then a truncated UTF-8 sequence, then a lone continuation byte.
    for (const bytes of [Buffer.from("c2b7b5c6bbb5c1cb", "hex"), Buffer.concat([Buffer.from("路灯坏了"), Buffer.from([0xe8, 0xb7])]), Buffer.from([0xe8, 0xb7, 0x20, 0x80])]) {
      const response = await postGraphQL(submitBody(bytes));
      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
      expect(body.errors[0]!.extensions.code).toBe("INVALID_UTF8");
      expect(body.errors[0]!.message).toMatch(/not valid UTF-8/);
    }
    // Half of a surrogate pair (an escape JSON allows) cannot be stored either.
    const lone = await fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: SUBMIT, variables: { input: { description: "路灯坏了\ud83d" } } }),
    });
    expect(lone.status).toBe(400);
    expect(((await lone.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe("INVALID_UTF8");
    expect(await ticketCount()).toBe(before);

    // The same request in valid UTF-8 is stored, with its text intact.
    const valid = await postGraphQL(submitBody(Buffer.from("路灯坏了三天，晚上很黑。🚦")));
    const stored = (await valid.json()) as { data?: { submitRequest: { trackingNumber: string } } };
    expect(stored.data?.submitRequest.trackingNumber).toBeTruthy();
    expect(await ticketCount()).toBe(before + 1);
    const [ticket] = (await gateway.app.services.dataSource.query("SELECT description FROM intake_ticket WHERE tracking_number = $1", [
      stored.data!.submitRequest.trackingNumber,
    ])) as Array<{ description: string }>;
    expect(ticket!.description).toBe("路灯坏了三天，晚上很黑。🚦");
  });

  it("refuses it in an Open311 POST, raw or percent-encoded, in the body or the query string, and stores nothing", async () => {
    const before = await ticketCount();
    const form = (description: string) =>
      `api_key=${DEMO_API_KEY}&service_code=URBAN.NOISE&address_string=${encodeURIComponent("淄博市张店区共青团西路100号")}&phone=13812345679&description=${description}`;
    const post = (body: Buffer | string, query = "") =>
      fetch(`${gateway.url}/open311/v2/requests.json${query}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body,
      });
    const rawGbk = Buffer.concat([Buffer.from(form("")), Buffer.from("c2b7b5c6bbb5c1cb", "hex")]);
    const attempts = [
      await post(rawGbk),
      await post(form("%C2%B7%B5%C6%BB%B5%C1%CB")),
      await post(form("%ED%A0%80")),
      await post("", `?${form("%FF%FE")}`),
    ];
    for (const response of attempts) {
      expect(response.status).toBe(400);
      const errors = (await response.json()) as Array<{ code: number; description: string }>;
      expect(errors[0]).toEqual({ code: 400, description: expect.stringMatching(/not valid UTF-8/) });
    }
    expect(await ticketCount()).toBe(before);

    // A literal "%" that encodes nothing is still read as text, and valid text is stored.
    const valid = await post(form(encodeURIComponent("噪音 100% 扰民") + "%"));
    expect(valid.status).toBe(200);
    expect(await ticketCount()).toBe(before + 1);
  });
});
