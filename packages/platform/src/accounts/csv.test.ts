import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv.js";

describe("parseCsv", () => {
  it("reads quoted fields with commas, quotes and line breaks, CRLF and LF, and skips a BOM and blank lines", () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""",z\n\n"two\nlines",,last\r\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ["a", "b", "c"] },
      { line: 2, fields: ["x, y", 'say "hi"', "z"] },
      { line: 4, fields: ["two\nlines", "", "last"] },
    ]);
  });

  it("keeps a last line without a line end and refuses a quote never closed", () => {
    expect(parseCsv("a,b\n1,2")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1", "2"] },
    ]);
    expect(() => parseCsv('a,b\n"1,2\n')).toThrow(/line 2/);
  });
});
