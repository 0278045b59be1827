import type { FieldError } from "@civicline/platform";
import { describe, expect, it } from "vitest";
import { characterProblem, isResidentIdNumber, maskEmail, maskIdNumber, optionalIdNumber, requiredText } from "./ticket-validation.js";

describe("text that can be stored", () => {
  it.each([
    ["emoji and mixed scripts", "路灯坏了💡 Straße Ελλάδα عربى 𠮷野家 👨‍👩‍👧", null],
    ["a NUL byte", "abc\u0000def", /NUL/],
    ["a lone high surrogate", "噪音\ud800扰民", /lone UTF-16 surrogate/],
    ["a lone low surrogate", "\udc00噪音", /lone UTF-16 surrogate/],
    ["a reversed surrogate pair", "\udc00\ud800", /lone UTF-16 surrogate/],
    ["a bell character", "a\u0007b", /control/],
  ])("%s", (_label, value, expected) => {
    const problem = characterProblem(value);
    if (expected === null) {
      expect(problem).toBeNull();
    } else {
      expect(problem).toMatch(expected);
    }
  });

  it("keeps newlines and tabs", () => {
    expect(characterProblem("第一行\n第二行\tend")).toBeNull();
  });

  it("reports INVALID_CHARACTERS on the field and stores nothing of it", () => {
    const errors: FieldError[] = [];
    expect(requiredText(errors, "description", "坏\u0000了", { max: 100, label: "Description" })).toBe("");
    expect(errors).toEqual([{ field: "description", code: "INVALID_CHARACTERS", message: expect.stringMatching(/^Description contains a NUL/) }]);
  });

  it("counts characters as code points and returns NFC", () => {
    const errors: FieldError[] = [];
    expect(requiredText(errors, "x", "𠮷".repeat(4), { max: 4, label: "X" })).toBe("𠮷𠮷𠮷𠮷");
    expect(requiredText(errors, "y", "Cafe\u0301", { max: 4, label: "Y" })).toBe("Café");
    expect(errors).toEqual([]);
  });
});

describe("resident ID numbers", () => {
  it("accepts a valid check character and masks all but the first and last four", () => {
    expect(isResidentIdNumber("11010519491231002X")).toBe(true);
    expect(isResidentIdNumber("110105194912310021")).toBe(false);
    expect(maskIdNumber("370303199001011234")).toBe("3703**********1234");
  });

  it("normalises case and reports a malformed number", () => {
    const errors: FieldError[] = [];
    expect(optionalIdNumber(errors, "citizenIdNumber", "11010519491231002x")).toBe("11010519491231002X");
    optionalIdNumber(errors, "citizenIdNumber", "12345");
    expect(errors).toEqual([expect.objectContaining({ field: "citizenIdNumber", code: "INVALID_FORMAT" })]);
  });

  it("masks e-mail addresses", () => {
    expect(maskEmail("liming@example.com")).toBe("l***@example.com");
  });
});
