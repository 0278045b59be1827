import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { errorCode, fieldErrors, useErrorMessage, useFieldErrors } from "../errors.ts";
import type { Language } from "../i18n/languages.ts";
import { I18nProvider } from "../i18n/I18nProvider.tsx";

function gqlError(code: string, extra: Record<string, unknown> = {}, message = "server says no") {
  return new CombinedGraphQLErrors({ data: null, errors: [{ message, extensions: { code, ...extra } }] });
}

describe("errorCode", () => {
  it("reads extensions.code of the first GraphQL error", () => {
    expect(errorCode(gqlError("AUTH/INVALID_CREDENTIALS"))).toBe("AUTH/INVALID_CREDENTIALS");
  });

  it("reports network failures and no error distinctly", () => {
    expect(errorCode(new TypeError("Failed to fetch"))).toBe("NETWORK");
    expect(errorCode(undefined)).toBeUndefined();
  });
});

describe("fieldErrors", () => {
  it("maps BAD_USER_INPUT fields to messages, first message per field wins", () => {
    const error = gqlError("BAD_USER_INPUT", {
      fields: [
        { field: "phone", message: "Enter an 11-digit mobile number" },
        { field: "description", message: "Too long" },
        { field: "phone", message: "second message" },
        { field: 42, message: "malformed entry is skipped" },
      ],
    });
    expect(fieldErrors(error)).toEqual({ phone: "Enter an 11-digit mobile number", description: "Too long" });
  });

  it("returns nothing for other codes or non-GraphQL errors", () => {
    expect(fieldErrors(gqlError("FORBIDDEN", { fields: [{ field: "x", message: "y" }] }))).toEqual({});
    expect(fieldErrors(new Error("boom"))).toEqual({});
  });
});

function wrapper(language: Language) {
  return ({ children }: { children: ReactNode }) => <I18nProvider language={language}>{children}</I18nProvider>;
}

describe("useErrorMessage", () => {
  it("localizes known codes", () => {
    const zh = renderHook(() => useErrorMessage(), { wrapper: wrapper("zh-CN") }).result.current;
    expect(zh(gqlError("AUTH/INVALID_CREDENTIALS"))).toBe("用户名或密码错误。");
    const en = renderHook(() => useErrorMessage(), { wrapper: wrapper("en") }).result.current;
    expect(en(gqlError("RATE_LIMITED"))).toBe("Too many attempts. Please wait a minute and try again.");
    expect(en(new TypeError("Failed to fetch"))).toMatch(/Cannot reach the server/);
  });

  it("falls back to the server message for codes it does not know", () => {
    const en = renderHook(() => useErrorMessage(), { wrapper: wrapper("en") }).result.current;
    expect(en(gqlError("ROUTING/UNIT_NOT_FOUND", {}, "No unit handles this area"))).toBe("No unit handles this area");
    expect(en(undefined)).toBeUndefined();
  });
});

describe("useFieldErrors", () => {
  const error = gqlError("BAD_USER_INPUT", {
    fields: [
      { field: "description", code: "TOO_LONG", message: "Description must be at most 4,000 characters" },
      { field: "phone", code: "SOMETHING_NEW", message: "server wording" },
    ],
  });

  it.each([
    ["zh-CN", "内容过长，请精简。"],
    ["en", "This is too long; please shorten it."],
  ] as const)("words a field error by its code in %s and keeps the server's message for unknown codes", (language, expected) => {
    const { result } = renderHook(() => useFieldErrors(), { wrapper: wrapper(language) });
    expect(result.current(error)).toEqual({ description: expected, phone: "server wording" });
  });
});

describe("fieldErrors for domain codes", () => {
  it("reads extensions.fields of the codes it is given, besides BAD_USER_INPUT", () => {
    const error = gqlError("INTAKE/MISSING_EXTRA_FIELD", { fields: [{ field: "extraFields.estate", code: "REQUIRED", message: "estate is required" }] });
    expect(fieldErrors(error)).toEqual({});
    expect(fieldErrors(error, undefined, ["BAD_USER_INPUT", "INTAKE/MISSING_EXTRA_FIELD"])).toEqual({ "extraFields.estate": "estate is required" });
    const { result } = renderHook(() => useFieldErrors(["INTAKE/MISSING_EXTRA_FIELD"]), { wrapper: wrapper("zh-CN") });
    expect(result.current(error)).toEqual({ "extraFields.estate": "此项为必填项。" });
  });
});
