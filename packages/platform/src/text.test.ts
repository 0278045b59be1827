import { describe, expect, it } from "vitest";
import { hasUnstorableCharacter, maskPhone, normalizeText, textProblem, type TextKind } from "./text.js";

describe("maskPhone", () => {
  it("keeps the first three and last four digits of a mobile number", () => {
    expect(maskPhone("13812341234")).toBe("138****1234");
  });
  it("masks a landline with its area code", () => {
    expect(maskPhone("05331234567")).toBe("053****4567");
  });
});

describe("normalizeText", () => {
  it("stores Chinese text in NFC and trims it", () => {
    expect(normalizeText("  e\u0301 噪音 \r\n")).toBe("\u00e9 噪音");
  });
});

describe("textProblem: the one character policy", () => {
  it.each([
    ["a NUL character", "王\u0000", "text", "contains a NUL character (U+0000)"],
    ["a lone high surrogate", "a\ud800b", "text", "contains an invalid character (a lone UTF-16 surrogate)"],
    ["a lone low surrogate", "\udc00", "line", "contains an invalid character (a lone UTF-16 surrogate)"],
    ["a control character", "a\u0007b", "text", "contains control characters"],
    ["DEL", "a\u007fb", "line", "contains control characters"],
    ["a right-to-left override in a name", "王\u202Egnp.exe", "line", expect.stringMatching(/^contains direction-changing control characters/)],
    ["a first-strong isolate in an address", "柳泉路\u2068X\u2069", "line", expect.stringMatching(/^contains direction-changing/)],
  ])("refuses %s", (_label, value, kind, problem) => {
    expect(textProblem(value, kind as TextKind)).toEqual(problem);
  });

  it.each([
    ["emoji and joined emoji", "噪音🎵 👨‍👩‍👧 🛗", "line"],
    ["a surrogate pair (𠮷)", "𠮷野家", "line"],
    ["tabs and line ends", "第一行\n\t第二行\r\n", "text"],
    ["a right-to-left override in free text", "مرحبا \u202Eabc\u202C 你好", "text"],
    ["left-to-right and right-to-left marks in a name", "Zoë\u200F \u200Eمحمد", "line"],
    ["SQL, LIKE and tsquery metacharacters", "'; DROP TABLE x; -- %_\\ :* & | ! ( ) <->", "line"],
  ])("accepts %s", (_label, value, kind) => {
    expect(textProblem(value, kind as TextKind)).toBeNull();
  });
});

describe("hasUnstorableCharacter", () => {
  it("finds NUL and lone surrogates only", () => {
    expect(hasUnstorableCharacter("a\u0000")).toBe(true);
    expect(hasUnstorableCharacter("\ud83d")).toBe(true);
    expect(hasUnstorableCharacter("🎵\u202E\u0007")).toBe(false);
  });
});
