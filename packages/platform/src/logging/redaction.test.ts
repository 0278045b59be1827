import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../logger.js";
import { REDACTED, redactHeaders, redactUrl, scrubText, scrubValue, SECRET_HEADERS, SENSITIVE_FIELDS, treatmentOf } from "./redaction.js";

/** A logger at trace level writing into a string a test can read. */
function capturedLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString("utf8"));
      done();
    },
  });
  const log = createLogger({ level: "trace", destination });
  return { log, text: () => lines.join(""), entries: () => lines.join("").trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>) };
}

const PHONE = "13812345678";
const ID_NUMBER = "37030319900307123X";

describe("the redaction list", () => {
  it("redacts every credential, code, ID and personal field it names, in any spelling", () => {
    for (const name of [...SENSITIVE_FIELDS.secrets, ...SENSITIVE_FIELDS.oneTimeCodes, ...SENSITIVE_FIELDS.idNumbers, ...SENSITIVE_FIELDS.personal]) {
      expect(treatmentOf(name), name).toBe("redact");
    }
    for (const name of ["api_key", "apiKey", "X-Api-Key", "Set-Cookie", "sessionToken", "portalAccessToken", "adminPassword", "id_number", "first_name", "address_string", "upload_key"]) {
      expect(treatmentOf(name), name).toBe("redact");
    }
    for (const name of ["phone", "citizenPhone", "mobile_number", "callerPhone"]) {
      expect(treatmentOf(name), name).toBe("phone");
    }
    for (const name of ["requestId", "ticketId", "purpose", "status", "statusCode", "url", "method", "job", "code"]) {
      expect(treatmentOf(name), name).toBe("keep");
    }
    expect(SECRET_HEADERS).toEqual(expect.arrayContaining(["cookie", "set-cookie", "authorization", "x-api-key"]));
  });

  it("masks phone and resident ID numbers in free text and leaves other numbers alone", () => {
    expect(scrubText(`call ${PHONE} now`)).toBe("call 138****5678 now");
    expect(scrubText("号码+86 138 1234 5678。")).toBe("号码138****5678。");
    expect(scrubText("座机0533-2345678")).toBe("座机053****5678");
    expect(scrubText(`身份证${ID_NUMBER}号`)).toBe("身份证370***********123X号");
    const harmless = "ticket ZB-20261124-00017 at 1733472000000 took 123456 ms, sqlstate 23505, id 0b7f5c1e-8a9d-4c55-9f3e-1d2c3b4a5f60";
    expect(scrubText(harmless)).toBe(harmless);
  });

  it("keeps a URL's path and parameter names, and only harmless parameter values", () => {
    expect(redactUrl(`/open311/v2/requests.json?api_key=cl_secret&phone=${PHONE}&description=%E5%90%B5&service_code=URBAN.NOISE&locale=en`)).toBe(
      `/open311/v2/requests.json?api_key=${REDACTED}&phone=${REDACTED}&description=${REDACTED}&service_code=URBAN.NOISE&locale=en`,
    );
    expect(redactUrl(`/dev/sms?to=${PHONE}&limit=5`)).toBe(`/dev/sms?to=${REDACTED}&limit=5`);
    expect(redactUrl("/graphql")).toBe("/graphql");
    expect(redactUrl("/x?flag&status=open")).toBe("/x?flag&status=open");
  });

  it("redacts credential headers and keeps the others", () => {
    expect(redactHeaders({ cookie: "civicline_session=abc", "x-api-key": "cl_k", authorization: "Bearer t", "set-cookie": ["a=b"], "content-type": "text/plain" })).toEqual({
      cookie: REDACTED,
      "x-api-key": REDACTED,
      authorization: REDACTED,
      "set-cookie": REDACTED,
      "content-type": "text/plain",
    });
  });

  it("walks nested objects, arrays and errors; keeps error codes but not one-time codes", () => {
    const failure = Object.assign(new Error(`duplicate key: Key (phone)=(${PHONE}) already exists`), { code: "23505", parameters: [PHONE, "王小明"] });
    expect(scrubValue({ input: { phone: PHONE, password: "pw", nested: [{ code: "123456" }, { code: "INTAKE/OTP_LOCKED" }] }, err: failure, at: new Date(0) })).toEqual({
      input: { phone: "138****5678", password: REDACTED, nested: [{ code: REDACTED }, { code: "INTAKE/OTP_LOCKED" }] },
      err: expect.objectContaining({ message: "duplicate key: Key (phone)=(138****5678) already exists", code: "23505", parameters: REDACTED }),
      at: new Date(0),
    });
  });
});

describe("createLogger applies the list", () => {
  it("to fields, nested objects, errors and the message text", () => {
    const { log, text, entries } = capturedLogger();
    log.info({ phone: PHONE, token: "tok_secret", input: { apiKey: "cl_secret", idNumber: ID_NUMBER, description: "楼下噪音" } }, `texted ${PHONE}`);
    log.error({ err: Object.assign(new Error(`failed for ${ID_NUMBER}`), { parameters: ["王小明"] }) }, "query failed");
    log.warn(`a caller on 0533-2345678 gave ${ID_NUMBER}`);

    for (const secret of [PHONE, "tok_secret", "cl_secret", ID_NUMBER, "楼下噪音", "王小明", "2345678"]) {
      expect(text()).not.toContain(secret);
    }
    const [first, second, third] = entries();
    expect(first).toMatchObject({ phone: "138****5678", token: REDACTED, input: { apiKey: REDACTED, idNumber: REDACTED, description: REDACTED }, msg: "texted 138****5678" });
    expect(second).toMatchObject({ err: { message: "failed for 370***********123X", parameters: REDACTED }, msg: "query failed" });
    expect(third!.msg).toBe("a caller on 053****5678 gave 370***********123X");
  });

  it("to a logged HTTP request and response: no cookie, API key, Set-Cookie or query values", async () => {
    const { log, text, entries } = capturedLogger();
    const server = createServer((req, res) => {
      res.setHeader("set-cookie", "civicline_session=sess_secret; HttpOnly");
      res.end("ok", () => log.info({ req, res }, "request completed"));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/open311/v2/requests.json?api_key=cl_secret&phone=${PHONE}&service_code=URBAN.NOISE`, {
        headers: { cookie: "civicline_session=sess_cookie", "x-api-key": "cl_header", authorization: "Bearer bearer_secret" },
      });
      await response.text();
      for (let i = 0; i < 100 && entries().length === 0; i++) {
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    for (const secret of ["sess_secret", "cl_secret", PHONE, "sess_cookie", "cl_header", "bearer_secret"]) {
      expect(text()).not.toContain(secret);
    }
    expect(entries()[0]).toMatchObject({
      req: {
        method: "GET",
        url: `/open311/v2/requests.json?api_key=${REDACTED}&phone=${REDACTED}&service_code=URBAN.NOISE`,
        headers: { cookie: REDACTED, "x-api-key": REDACTED, authorization: REDACTED, host: expect.stringContaining("127.0.0.1") },
      },
      res: { statusCode: 200, headers: { "set-cookie": REDACTED } },
    });
  });
});
