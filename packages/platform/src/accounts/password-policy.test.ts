import { describe, expect, it } from "vitest";
import { checkPasswordPolicy, isPassphrase } from "./password-policy.js";

const codes = (password: string, username = "zhang.wei"): string[] => checkPasswordPolicy(password, { username }).map((e) => e.code ?? "");

describe("password policy", () => {
  it("accepts 12 characters or more that are not common and do not contain the username", () => {
    expect(codes("Tulip-harbour-77")).toEqual([]);
    expect(codes("淄博市张店区热线服务中心好")).toEqual([]);
  });

  it("accepts a shorter passphrase of four words, and refuses a short password that is not one", () => {
    expect(isPassphrase("绿茶 西湖 雨伞 台灯")).toBe(true);
    expect(codes("绿茶 西湖 雨伞 台灯")).toEqual([]);
    expect(codes("a b c d")).toEqual(["TOO_SHORT"]);
    expect(codes("tea tea tea tea".slice(0, 11))).toEqual(["TOO_SHORT"]);
    expect(codes("Short1!")).toEqual(["TOO_SHORT"]);
    expect(codes("abcdefghijk")).toEqual(["TOO_SHORT"]);
  });

  it("refuses the username inside the password, in any case or with substitutions", () => {
    expect(codes("ZHANG.WEI-2026-spring")).toEqual(["CONTAINS_USERNAME"]);
    expect(codes("my zhangwei passphrase words")).toEqual(["CONTAINS_USERNAME"]);
    expect(codes("zh4ngwei-is-my-name")).toEqual(["CONTAINS_USERNAME"]);
  });

  it("refuses common passwords, also with digits, symbols, capitals and substitutions added", () => {
    for (const common of ["123456789012", "Password2026!", "P@ssw0rd12345", "qwertyuiop12", "1qaz2wsx3edc", "woaini1314520", "aaaaaaaaaaaa", "abcabcabcabc", "civicline-demo"]) {
      expect(codes(common), common).toEqual(["COMMON"]);
    }
  });

  it("refuses an empty password and one longer than bcrypt reads", () => {
    expect(codes("")).toEqual(["REQUIRED"]);
    expect(codes("x".repeat(73))).toEqual(["TOO_LONG"]);
    expect(codes("汉".repeat(25))).toEqual(["TOO_LONG"]);
  });
});
