/**
 * A strict parser for the XML subset GeoReport v2 uses (a declaration, elements without attributes,
 * text with the five predefined entities and character references). It throws on anything that is
 * not well-formed: unclosed or mismatched tags, a raw `&` or `<` in text, characters XML forbids,
 * content after the root. Tests use it to prove the gateway's XML parses, and to read it.
 */
export type XmlElement = { name: string; children: XmlElement[]; text: string };

const DECLARATION = /^<\?xml version="1\.0" encoding="utf-8"\?>/i;
const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*/;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function decodeText(raw: string): string {
  if (raw.includes("]]>")) {
    throw new Error("']]>' in text");
  }
  return raw.replace(/&([^;]*);?/g, (match, body: string) => {
    if (!match.endsWith(";")) {
      throw new Error(`raw '&' in text near "${raw.slice(0, 40)}"`);
    }
    if (ENTITIES[body] !== undefined) {
      return ENTITIES[body];
    }
    const code = /^#x([0-9a-f]+)$/i.exec(body)?.[1] ?? /^#(\d+)$/.exec(body)?.[1];
    if (code === undefined) {
      throw new Error(`unknown entity &${body};`);
    }
    return String.fromCodePoint(body.startsWith("#x") || body.startsWith("#X") ? parseInt(code, 16) : Number(code));
  });
}

/** Parses a whole document; throws when it is not well-formed. */
export function parseXml(source: string): XmlElement {
  if (NOT_XML.test(source)) {
    throw new Error("a character XML does not allow");
  }
  const declaration = DECLARATION.exec(source);
  if (!declaration) {
    throw new Error("missing <?xml version=\"1.0\" encoding=\"utf-8\"?> declaration");
  }
  let at = declaration[0].length;
  const skipSpace = () => {
    while (at < source.length && /\s/.test(source[at]!)) {
      at += 1;
    }
  };
  const parseElement = (): XmlElement => {
    if (source[at] !== "<") {
      throw new Error(`expected '<' at ${at}`);
    }
    at += 1;
    const name = NAME.exec(source.slice(at))?.[0];
    if (!name) {
      throw new Error(`bad element name at ${at}`);
    }
    at += name.length;
    if (source.startsWith("/>", at)) {
      at += 2;
      return { name, children: [], text: "" };
    }
    if (source[at] !== ">") {
      throw new Error(`attributes or junk in <${name}> at ${at}`);
    }
    at += 1;
    const children: XmlElement[] = [];
    let text = "";
    for (;;) {
      const next = source.indexOf("<", at);
      if (next < 0) {
        throw new Error(`<${name}> is never closed`);
      }
      text += decodeText(source.slice(at, next));
      at = next;
      if (source.startsWith("</", at)) {
        at += 2;
        if (!source.startsWith(`${name}>`, at)) {
          throw new Error(`</${source.slice(at, at + 20)} closes <${name}>`);
        }
        at += name.length + 1;
        if (children.length > 0 && text.trim() !== "") {
          throw new Error(`mixed content in <${name}>`);
        }
        return { name, children, text: children.length > 0 ? "" : text };
      }
      children.push(parseElement());
    }
  };
  skipSpace();
  const root = parseElement();
  skipSpace();
  if (at !== source.length) {
    throw new Error(`content after the root element at ${at}`);
  }
  return root;
}

/** The children named `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

/** The text of the first descendant along a slash path (`request/service_request_id`), or undefined. */
export function textAt(element: XmlElement, path: string): string | undefined {
  let current: XmlElement | undefined = element;
  for (const part of path.split("/")) {
    current = current?.children.find((child) => child.name === part);
  }
  return current?.text;
}
