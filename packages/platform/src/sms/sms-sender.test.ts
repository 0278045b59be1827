import "reflect-metadata";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../config.js";
import { platformModule } from "../platform.module.js";
import { createTestDatabase, type TestDatabase } from "../testing/index.js";
import { Writable } from "node:stream";
import { assertSmsSenderAllowed, devSmsSender, listDevSms, smsSenderFor, webhookSmsSender } from "./sms-sender.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ entities: platformModule.entities, migrations: platformModule.migrations });
});
afterAll(() => db?.destroy());

/** A logger whose error calls a test can read. */
function recordingLog() {
  const log = pino({ level: "silent" });
  const error = vi.spyOn(log, "error");
  return { log, error };
}

describe("the development SMS sender", () => {
  it("records each message and lists them newest first, filtered by phone", async () => {
    const sender = devSmsSender(db.dataSource, pino({ level: "silent" }));
    await sender.send({ to: "13900000001", text: "first", purpose: "test" });
    await sender.send({ to: "13900000002", text: "other phone", purpose: "test" });
    await sender.send({ to: "13900000001", text: "second", purpose: "tracking-code" });

    const mine = await listDevSms(db.dataSource, { to: "13900000001" });
    expect(mine.map((m) => [m.text, m.purpose])).toEqual([
      ["second", "tracking-code"],
      ["first", "test"],
    ]);
    expect((await listDevSms(db.dataSource)).length).toBeGreaterThanOrEqual(3);
  });

  it("logs the purpose and a masked phone, never the text or the full number", async () => {
    const lines: string[] = [];
    // A plain pino logger, without createLogger's redaction: the sender itself must not log them.
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString("utf8"));
        done();
      },
    });
    const log = pino({ level: "trace" }, destination);
    await devSmsSender(db.dataSource, log).send({ to: "13900000077", text: "您的验证码 482913，30 分钟内有效", purpose: "tracking-code" });

    const logged = lines.join("");
    expect(logged).toContain("SMS recorded by the development sender");
    expect(logged).toContain("139****0077");
    expect(logged).toContain("tracking-code");
    expect(logged).not.toContain("13900000077");
    expect(logged).not.toContain("482913");
    expect(logged).not.toContain("验证码");
  });

  it("is what smsSenderFor picks by default", async () => {
    const sender = smsSenderFor({ dataSource: db.dataSource, log: pino({ level: "silent" }), config: loadConfig({}) });
    await sender.send({ to: "13900000003", text: "hello", purpose: "test" });
    expect((await listDevSms(db.dataSource, { to: "13900000003" })).map((m) => m.text)).toEqual(["hello"]);
  });
});

describe("the webhook SMS sender", () => {
  let server: Server;
  let url: string;
  const received: Array<{ body: unknown; contentType: string | undefined }> = [];
  let behaviour: "ok" | "fail" | "hang" = "ok";

  const readBody = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString("utf8");
  };

  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    received.push({ body: JSON.parse(body), contentType: req.headers["content-type"] });
    if (behaviour === "hang") {
      return; // never answers
    }
    res.statusCode = behaviour === "ok" ? 202 : 500;
    res.end(behaviour === "ok" ? "queued" : "provider exploded");
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      answer(req, res).catch(() => {
        res.statusCode = 400;
        res.end("unreadable request");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("POSTs the message as JSON", async () => {
    behaviour = "ok";
    const { log, error } = recordingLog();
    await webhookSmsSender(url, log).send({ to: "13900000004", text: "您的验证码 123456", purpose: "tracking-code" });
    expect(received.at(-1)).toEqual({ body: { to: "13900000004", text: "您的验证码 123456", purpose: "tracking-code" }, contentType: "application/json" });
    expect(error).not.toHaveBeenCalled();
  });

  it("logs a refused message without throwing and without the text", async () => {
    behaviour = "fail";
    const { log, error } = recordingLog();
    await expect(webhookSmsSender(url, log).send({ to: "13900000005", text: "secret 654321", purpose: "tracking-code" })).resolves.toBeUndefined();
    expect(error).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(error.mock.calls)).toContain("500");
    expect(JSON.stringify(error.mock.calls)).not.toContain("654321");
    expect(JSON.stringify(error.mock.calls)).toContain("139****0005");
  });

  it("answers each delivery's result for callers that retry, the reason without the phone or the text", async () => {
    const { log } = recordingLog();
    behaviour = "fail";
    const refused = await webhookSmsSender(url, log).deliver({ to: "13900000009", text: "secret 111222", purpose: "notice-dispatched" });
    expect(refused).toEqual({ ok: false, error: "the SMS webhook answered 500" });
    behaviour = "ok";
    expect(await webhookSmsSender(url, log).deliver({ to: "13900000009", text: "hello", purpose: "notice-dispatched" })).toEqual({ ok: true });
    expect(await webhookSmsSender("http://127.0.0.1:1/sms", log).deliver({ to: "13900000009", text: "x", purpose: "test" })).toEqual({ ok: false, error: "the SMS webhook could not be reached" });
  });

  it("gives up after its timeout and logs it", async () => {
    behaviour = "hang";
    const { log, error } = recordingLog();
    const started = performance.now();
    await webhookSmsSender(url, log, { timeoutMs: 200 }).send({ to: "13900000006", text: "x", purpose: "test" });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(String(error.mock.calls[0]?.[1])).toMatch(/did not answer within 200 ms/);
  });

  it("logs an unreachable webhook without throwing", async () => {
    const { log, error } = recordingLog();
    await webhookSmsSender("http://127.0.0.1:1/sms", log).send({ to: "13900000007", text: "x", purpose: "test" });
    expect(String(error.mock.calls[0]?.[1])).toMatch(/could not be reached/);
  });

  it("is what smsSenderFor picks when configured", async () => {
    behaviour = "ok";
    const config = loadConfig({ CIVICLINE_SMS_SENDER: "webhook", CIVICLINE_SMS_WEBHOOK_URL: url });
    await smsSenderFor({ dataSource: db.dataSource, log: pino({ level: "silent" }), config }).send({ to: "13900000008", text: "via hook", purpose: "test" });
    expect(received.at(-1)?.body).toMatchObject({ to: "13900000008", text: "via hook" });
    expect(await listDevSms(db.dataSource, { to: "13900000008" })).toEqual([]);
  });
});

describe("the development sender in production", () => {
  it("is refused without CIVICLINE_ALLOW_DEV_SMS_IN_PRODUCTION=true, naming the settings that fix it", () => {
    const refused = () => assertSmsSenderAllowed(loadConfig({ NODE_ENV: "production" }));
    expect(refused).toThrow(/^Refusing to start: NODE_ENV=production with the development SMS sender/);
    expect(refused).toThrow(/CIVICLINE_SMS_SENDER=webhook/);
    expect(refused).toThrow(/CIVICLINE_ALLOW_DEV_SMS_IN_PRODUCTION=true/);
  });

  it("is allowed with the setting, in development, and never matters for the webhook sender", () => {
    expect(() => assertSmsSenderAllowed(loadConfig({ NODE_ENV: "production", CIVICLINE_ALLOW_DEV_SMS_IN_PRODUCTION: "true" }))).not.toThrow();
    expect(() => assertSmsSenderAllowed(loadConfig({ NODE_ENV: "development" }))).not.toThrow();
    expect(() => assertSmsSenderAllowed(loadConfig({ NODE_ENV: "production", CIVICLINE_SMS_WEBHOOK_URL: "http://127.0.0.1:9/sms" }))).not.toThrow();
  });
});
