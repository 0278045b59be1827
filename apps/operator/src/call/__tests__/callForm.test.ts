import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { describe, expect, it } from "vitest";
import { buildLogCallInput, controlId, defaultPrivacy, emptyCall, newClientRequestId, normalizePhone, serverCallErrors, validateCall } from "../callForm.ts";
import { CATEGORIES } from "./callFixtures.ts";

const fields = CATEGORIES.find((c) => c.id === "property")!.fields;
const messages = { required: "required", tooLong: (max: number) => `max ${max}`, notANumber: "number" };
const filled = {
  ...emptyCall({ phone: "138 1234 5678" }),
  requestType: "COMPLAINT" as const,
  categoryId: "property",
  districtId: "d1",
  address: " 华光路 3 号 ",
  description: "物业强制收取有线电视费。",
  citizenName: "王先生",
  extra: { estate: "华光小区", fee: "有线电视费", households: "", other: "not sent" },
};

describe("validateCall", () => {
  it("requires the core fields and the category's required extra fields", () => {
    expect(validateCall(emptyCall({ phone: "" }), fields, messages)).toEqual({
      requestType: "required",
      categoryId: "required",
      districtId: "required",
      address: "required",
      description: "required",
      citizenName: "required",
      phone: "required",
      "extraFields.estate": "required",
      "extraFields.fee": "required",
    });
    expect(validateCall(filled, fields, messages)).toEqual({});
  });

  it("checks numbers and lengths of extra fields", () => {
    const errors = validateCall({ ...filled, extra: { ...filled.extra, households: "十二", estate: "小".repeat(51) } }, fields, messages);
    expect(errors).toEqual({ "extraFields.households": "number", "extraFields.estate": "max 50" });
  });
});

describe("buildLogCallInput", () => {
  it("trims, normalises the phone, sends only this category's non-empty extra fields, and carries the ids", () => {
    const input = buildLogCallInput(filled, { callId: "call-1", fields, attachmentIds: ["f1"], clientRequestId: "req-1" });
    expect(input).toMatchObject({
      callId: "call-1",
      channel: "PHONE",
      address: "华光路 3 号",
      phone: "13812345678",
      townshipId: null,
      privacy: "NONE",
      extraFields: [
        { key: "estate", value: "华光小区" },
        { key: "fee", value: "有线电视费" },
      ],
      attachmentIds: ["f1"],
      clientRequestId: "req-1",
    });
  });

  it("keeps the dash of a landline with area code", () => {
    expect(normalizePhone("0533-1234567")).toBe("0533-1234567");
    expect(normalizePhone("138-1234-5678")).toBe("13812345678");
  });
});

describe("server errors", () => {
  it("puts INTAKE/MISSING_EXTRA_FIELD and BAD_USER_INPUT fields on the controls, input. prefix dropped", () => {
    const error = new CombinedGraphQLErrors({ data: null, errors: [{ message: "missing", extensions: { code: "INTAKE/MISSING_EXTRA_FIELD" } }] });
    expect(serverCallErrors(error, { "extraFields.estate": "必填", "input.phone": "格式" }, "msg")).toEqual({
      "extraFields.estate": "必填",
      phone: "格式",
    });
    expect(controlId("extraFields.estate")).toBe("call-extra-estate");
    expect(controlId("categoryId")).toBe("call-category");
  });

  it("maps an unknown category to the category field", () => {
    const error = new CombinedGraphQLErrors({ data: null, errors: [{ message: "x", extensions: { code: "INTAKE/UNKNOWN_CATEGORY" } }] });
    expect(serverCallErrors(error, {}, "分类已停用")).toEqual({ categoryId: "分类已停用" });
  });
});

describe("helpers", () => {
  it("makes reports confidential by default", () => {
    expect(defaultPrivacy("REPORT")).toBe("CONFIDENTIAL");
    expect(defaultPrivacy("COMPLAINT")).toBe("NONE");
  });

  it("makes v4 UUIDs, also without crypto.randomUUID", () => {
    const pattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(newClientRequestId()).toMatch(pattern);
    const original = crypto.randomUUID;
    Object.defineProperty(crypto, "randomUUID", { value: undefined, configurable: true });
    try {
      expect(newClientRequestId()).toMatch(pattern);
    } finally {
      Object.defineProperty(crypto, "randomUUID", { value: original, configurable: true });
    }
  });
});
