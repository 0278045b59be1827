import { DEMO_API_KEY } from "@civicline/platform";
import { expect } from "vitest";
import type { TestGateway } from "./harness.js";
import { parseXml, type XmlElement } from "./open311-xml.js";

export { DEMO_API_KEY };

/** A GeoReport v2 response: status, content type, the raw text, and its JSON or parsed XML. */
export type Open311Response<T = unknown> = { status: number; contentType: string; text: string; json: T; xml: XmlElement | null };

async function read<T>(response: Response): Promise<Open311Response<T>> {
  const text = await response.text();
  const contentType = response.headers.get("content-type") ?? "";
  const xml = contentType.startsWith("text/xml") ? parseXml(text) : null;
  const json = contentType.startsWith("application/json") ? (JSON.parse(text) as T) : (undefined as T);
  return { status: response.status, contentType, text, json, xml };
}

/** GET /open311/v2/<path>. */
export async function open311Get<T = unknown>(gateway: TestGateway, path: string, headers: Record<string, string> = {}): Promise<Open311Response<T>> {
  return read<T>(await fetch(`${gateway.url}/open311/v2/${path}`, { headers }));
}

/** POST /open311/v2/<path> with a form-encoded body. */
export async function open311Post<T = unknown>(
  gateway: TestGateway,
  path: string,
  form: Record<string, string> | URLSearchParams,
  headers: Record<string, string> = {},
): Promise<Open311Response<T>> {
  const body = form instanceof URLSearchParams ? form : new URLSearchParams(form);
  return read<T>(
    await fetch(`${gateway.url}/open311/v2/${path}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8", ...headers },
      body: body.toString(),
    }),
  );
}

/** Asserts a spec error response in JSON: the HTTP status and `[{ code, description }]` entries. */
export function expectJsonError(response: Open311Response, status: number, ...descriptions: Array<string | RegExp>): void {
  expect(response.status).toBe(status);
  expect(response.contentType).toMatch(/^application\/json; charset=utf-8/);
  const errors = response.json as Array<{ code: number; description: string }>;
  expect(Array.isArray(errors)).toBe(true);
  expect(errors.every((error) => error.code === status && typeof error.description === "string")).toBe(true);
  for (const description of descriptions) {
    expect(errors.some((error) => (typeof description === "string" ? error.description === description : description.test(error.description)))).toBe(true);
  }
  expect(response.text).not.toMatch(/\bat .+\.(js|ts):\d+|SELECT |INSERT |QueryFailedError/);
}

/** Asserts a spec error response in XML: `<errors><error><code/><description/></error></errors>`. */
export function expectXmlError(response: Open311Response, status: number, description: string | RegExp): void {
  expect(response.status).toBe(status);
  expect(response.contentType).toMatch(/^text\/xml; charset=utf-8/);
  expect(response.xml?.name).toBe("errors");
  const errors = response.xml!.children.map((error) => ({
    name: error.name,
    code: error.children.find((child) => child.name === "code")?.text,
    description: error.children.find((child) => child.name === "description")?.text ?? "",
  }));
  expect(errors.length).toBeGreaterThan(0);
  expect(errors.every((error) => error.name === "error" && error.code === String(status))).toBe(true);
  expect(errors.some((error) => (typeof description === "string" ? error.description === description : description.test(error.description)))).toBe(true);
}
