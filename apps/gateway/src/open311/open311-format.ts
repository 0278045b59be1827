import type { Response } from "express";

/** A response format of GeoReport v2, chosen by the resource's extension. */
export type Open311Format = "json" | "xml";

/** A list: an array in JSON, a wrapper element with one `itemName` child per item in XML. */
export class Open311List {
  constructor(
    readonly itemName: string,
    readonly items: readonly Open311Value[],
  ) {}

  /** JSON.stringify writes a list as its array of items (so a page is serialised in one pass, without a copy). */
  toJSON(): readonly Open311Value[] {
    return this.items;
  }
}

/** A response body in a shape both formats can render (the spec's "Spark convention"). */
export type Open311Value = string | number | boolean | null | Open311List | { readonly [key: string]: Open311Value };

/** Shorthand for an Open311List. */
export function list(itemName: string, items: readonly Open311Value[]): Open311List {
  return new Open311List(itemName, items);
}

/** One entry of an error response: `code` is the HTTP status, `description` is for a person. */
export type Open311ErrorEntry = { code: number; description: string };

/** An error answered in the spec's format: HTTP `status` with a list of `{ code, description }`. */
export class Open311Error extends Error {
  readonly entries: Open311ErrorEntry[];

  constructor(
    readonly status: number,
    descriptions: string | readonly string[],
  ) {
    const all = typeof descriptions === "string" ? [descriptions] : [...descriptions];
    super(all.join("; "));
    this.name = "Open311Error";
    this.entries = all.map((description) => ({ code: status, description }));
  }
}

/** Plain JSON for a value: lists become arrays. */
export function toJson(value: Open311Value): unknown {
  if (value instanceof Open311List) {
    return value.items.map(toJson);
  }
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, toJson(child)]));
  }
  return value;
}

// Characters XML 1.0 does not allow at all (control characters other than tab, newline, carriage return; lone surrogates; U+FFFE/U+FFFF).
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for element content and drops characters XML cannot carry. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

function element(name: string, value: Open311Value, depth: number): string {
  const indent = "  ".repeat(depth);
  if (value === null) {
    return `${indent}<${name}/>`;
  }
  if (value instanceof Open311List) {
    if (value.items.length === 0) {
      return `${indent}<${name}/>`;
    }
    const children = value.items.map((item) => element(value.itemName, item, depth + 1));
    return `${indent}<${name}>\n${children.join("\n")}\n${indent}</${name}>`;
  }
  if (typeof value === "object") {
    const children = Object.entries(value).map(([key, child]) => element(key, child, depth + 1));
    return children.length === 0 ? `${indent}<${name}/>` : `${indent}<${name}>\n${children.join("\n")}\n${indent}</${name}>`;
  }
  return `${indent}<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A whole XML document with its declaration; the root element is named `root`. */
export function toXmlDocument(root: string, value: Open311Value): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value, 0)}\n`;
}

/** Sends a body in the chosen format; `root` names the XML root element (JSON drops it, per the spec). */
export function sendOpen311(res: Response, format: Open311Format, root: string, value: Open311Value, status = 200): void {
  const body = format === "xml" ? toXmlDocument(root, value) : JSON.stringify(value);
  // Written as is: never stored (no-store), so no ETag is worked out over the body (express's send hashes
  // every response, a full list's hundreds of kilobytes); Node leaves the body out of a HEAD answer.
  res.status(status);
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Content-Type", format === "xml" ? "text/xml; charset=utf-8" : "application/json; charset=utf-8");
  res.setHeader("Content-Length", Buffer.byteLength(body));
  res.end(body);
}

/** Sends an error in the spec's format: a list of `{ code, description }` (XML `<errors><error>…`). */
export function sendOpen311Error(res: Response, format: Open311Format, error: Open311Error): void {
  sendOpen311(
    res,
    format,
    "errors",
    list(
      "error",
      error.entries.map((entry) => ({ code: entry.code, description: entry.description })),
    ),
    error.status,
  );
}
