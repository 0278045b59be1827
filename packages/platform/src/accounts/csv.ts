/**
 * Parses CSV text (RFC 4180: comma separated, double-quoted fields with "" for a quote, CRLF or LF
 * line ends, a UTF-8 BOM ignored). Returns the records with the line each starts on; blank lines
 * are skipped. Throws on an unterminated quote.
 */
export function parseCsv(text: string): Array<{ line: number; fields: string[] }> {
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const records: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let sawAny = false;
  const endRecord = (): void => {
    fields.push(field);
    if (sawAny || fields.length > 1 || field.trim() !== "") {
      records.push({ line: recordLine, fields });
    }
    fields = [];
    field = "";
    sawAny = false;
  };
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i += 1;
        } else {
          quoted = false;
        }
      } else {
        if (c === "\n") {
          line += 1;
        }
        field += c;
      }
      continue;
    }
    if (c === '"' && field === "") {
      quoted = true;
      sawAny = true;
    } else if (c === ",") {
      fields.push(field);
      field = "";
      sawAny = true;
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && source[i + 1] === "\n") {
        i += 1;
      }
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      field += c;
    }
  }
  if (quoted) {
    throw new Error(`A quoted field starting on line ${recordLine} is never closed.`);
  }
  if (field !== "" || fields.length > 0 || sawAny) {
    endRecord();
  }
  return records;
}
