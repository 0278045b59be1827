import { describe, expect, it } from "vitest";
import { maskPhone, normalizeText } from "./text.js";

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
