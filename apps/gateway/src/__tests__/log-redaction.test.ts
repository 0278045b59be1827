import { EventEmitter } from "node:events";
import { Writable } from "node:stream";
import { DEMO_API_KEY, REDACTED } from "@civicline/platform";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devSms } from "./citizen.js";
import { startTestGateway, type GraphQLResponse, type TestGateway } from "./harness.js";

/** Everything the gateway logs, as text and as parsed lines; `waitFor` resolves when a line matches. */
class CapturedLog extends Writable {
  private readonly chunks: string[] = [];
  private readonly appended = new EventEmitter();

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.chunks.push(chunk.toString("utf8"));
    this.appended.emit("line");
    done();
  }

  text(): string {
    return this.chunks.join("");
  }

  entries(): Array<Record<string, unknown>> {
    return this.text()
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  waitFor(predicate: (entry: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
    return new Promise((resolve) => {
      const check = () => {
        const found = this.entries().find(predicate);
        if (found) {
          this.appended.off("line", check);
          resolve(found);
        }
      };
      this.appended.on("line", check);
      check();
    });
  }
}

type LoggedHttp = { req: { method: string; url: string; headers: Record<string, unknown> }; res: { statusCode: number; headers: Record<string, unknown> } };
const completed = (method: string, url: string) => (entry: Record<string, unknown>) => {
  const http = entry as Partial<LoggedHttp> & { msg?: string };
  return http.msg === "request completed" && http.req?.method === method && http.req.url.startsWith(url);
};

const log = new CapturedLog();
let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway({ logLevel: "trace", logDestination: log });
});
afterAll(() => gateway?.stop());

const PHONE = "13977013579";
const FIRST_NAME = "晓峰";
const LAST_NAME = "欧阳";
const EMAIL = "ouyang.xiaofeng@example.net";
const ID_NUMBER = "370303199003071234";
const DESCRIPTION = `楼下烧烤摊每晚油烟呛人，身份证 ${ID_NUMBER}，请尽快处理 redaction-probe`;

async function graphql<T>(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ response: Response; body: GraphQLResponse<T> }> {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { response, body: (await response.json()) as GraphQLResponse<T> };
}

/** A value in each form it could be logged in: as is, percent-encoded, form-encoded. */
function forms(value: string): string[] {
  return [...new Set([value, encodeURIComponent(value), new URLSearchParams({ v: value }).toString().slice(2)])];
}

describe("the gateway's log", () => {
  it("says the development SMS sender runs in production because CIVICLINE_ALLOW_DEV_SMS_IN_PRODUCTION=true allowed it", async () => {
    const warning = await log.waitFor((entry) => typeof entry.msg === "string" && entry.msg.startsWith("the development SMS sender is on in production"));
    expect(warning.msg).toContain("CIVICLINE_ALLOW_DEV_SMS_IN_PRODUCTION=true");
    expect(gateway.app.services.config).toMatchObject({ nodeEnv: "production", smsSender: "dev", allowDevSmsInProduction: true });
  });


  it("holds no session token, API key, phone, name, description, one-time code or access token, and still logs each request", async () => {
    // A staff login: the session cookie, then used as a cookie and as a bearer token.
    const login = await graphql<{ login: { token: string } }>(`mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { token } }`, {
      u: "admin",
      p: "civicline-demo",
    });
    const setCookie = login.response.headers.get("set-cookie") ?? "";
    const sessionToken = /civicline_session=([^;]+)/.exec(setCookie)?.[1];
    expect(sessionToken, JSON.stringify(login.body)).toBeTruthy();
    const bearerToken = login.body.data!.login.token;
    const me = await graphql<{ me: { displayName: string } }>("{ me { displayName } }", {}, { cookie: `civicline_session=${sessionToken}` });
    expect(me.body.data?.me?.displayName).toBeTruthy();
    expect((await graphql("{ me { id } }", {}, { authorization: `Bearer ${bearerToken}` })).body.errors).toBeUndefined();

    // An integrator: the key as a header, then Open311 with everything in the query string.
    expect((await graphql("{ categories { code } }", {}, { "x-api-key": DEMO_API_KEY })).body.errors).toBeUndefined();
    const query = new URLSearchParams({
      api_key: DEMO_API_KEY,
      service_code: "URBAN.NOISE",
      address_string: "淄博市张店区共青团西路100号",
      description: DESCRIPTION,
      first_name: FIRST_NAME,
      last_name: LAST_NAME,
      email: EMAIL,
      phone: PHONE,
      "attribute[noiseTime]": "夜间 / night",
    });
    const created = await fetch(`${gateway.url}/open311/v2/requests.json?${query.toString()}`, { method: "POST" });
    expect(created.status).toBe(200);
    const [{ service_request_id: trackingNumber }] = (await created.json()) as [{ service_request_id: string }];

    // The citizen asks for a code by SMS (the development sender), reads it, and signs in with it.
    const requested = await graphql(`mutation($n: String!, $p: String!) { requestTrackingCode(trackingNumber: $n, phone: $p) { sentTo } }`, { n: trackingNumber, p: PHONE });
    expect(requested.body.errors).toBeUndefined();
    // Citizens are texted at other steps too (the Open311 request is "received"): wait for the code's line.
    const smsLine = await log.waitFor((entry) => entry.msg === "SMS recorded by the development sender (read it at GET /dev/sms)" && (entry as { purpose?: string }).purpose === "tracking-code");
    const texts = (await devSms(gateway.url, PHONE)).filter((message) => message.purpose === "tracking-code");
    const code = /(\d{6})/.exec(texts[0]?.text ?? "")?.[1];
    expect(code).toMatch(/^\d{6}$/);
    const verified = await graphql<{ verifyTrackingCode: { accessToken: string } }>(
      `mutation($n: String!, $p: String!, $c: String!) { verifyTrackingCode(trackingNumber: $n, phone: $p, code: $c) { accessToken } }`,
      { n: trackingNumber, p: PHONE, c: code },
    );
    const accessToken = verified.body.data!.verifyTrackingCode.accessToken;

    // Every request above was logged: wait for the last ones, then read what was written.
    const open311Line = (await log.waitFor(completed("POST", "/open311/v2/requests.json"))) as unknown as LoggedHttp;
    await log.waitFor(completed("GET", "/dev/sms"));
    const entries = log.entries() as unknown as Array<Partial<LoggedHttp> & { msg?: string }>;
    const httpLines = entries.filter((entry) => entry.msg === "request completed");
    expect(httpLines.filter((entry) => entry.req?.url === "/graphql").length).toBeGreaterThanOrEqual(7);

    expect(open311Line.res.statusCode).toBe(200);
    expect(open311Line.req.url).toBe(
      `/open311/v2/requests.json?api_key=${REDACTED}&service_code=URBAN.NOISE&address_string=${REDACTED}&description=${REDACTED}&first_name=${REDACTED}` +
        `&last_name=${REDACTED}&email=${REDACTED}&phone=${REDACTED}&attribute%5BnoiseTime%5D=${REDACTED}`,
    );
    const loginLine = httpLines.find((entry) => entry.res?.headers["set-cookie"] !== undefined);
    expect(loginLine?.res?.headers["set-cookie"]).toBe(REDACTED);
    expect(httpLines.some((entry) => entry.req?.headers.cookie === REDACTED)).toBe(true);
    expect(httpLines.some((entry) => entry.req?.headers.authorization === REDACTED)).toBe(true);
    expect(httpLines.some((entry) => entry.req?.headers["x-api-key"] === REDACTED)).toBe(true);
    expect(smsLine).toMatchObject({ to: "139****3579", purpose: "tracking-code" });

    const text = log.text();
    const secrets = {
      sessionToken: sessionToken!,
      bearerToken,
      apiKey: DEMO_API_KEY,
      firstName: FIRST_NAME,
      lastName: LAST_NAME,
      email: EMAIL,
      description: DESCRIPTION,
      descriptionStart: "楼下烧烤摊",
      accessToken,
    };
    for (const [name, secret] of Object.entries(secrets)) {
      for (const form of forms(secret)) {
        expect(text.includes(form), `${name} (${form}) is in the log`).toBe(false);
      }
    }
    // Numbers: not as a whole number anywhere (a timestamp may contain the same digits inside it).
    for (const [name, digits] of Object.entries({ phone: PHONE, idNumber: ID_NUMBER, code: code! })) {
      expect(new RegExp(`(?<!\\d)${digits}(?!\\d)`).test(text), `${name} (${digits}) is in the log`).toBe(false);
    }
  });
});
