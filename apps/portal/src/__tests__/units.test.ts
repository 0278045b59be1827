import { describe, expect, it } from "vitest";
import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { categoryChoices, filterCategories } from "../submit/categories.ts";
import { EMPTY_FORM, isAcceptedPhone, normalizePhone, serverFieldErrors, validateSubmit } from "../submit/validate.ts";
import { emergencyServices } from "../submit/emergency.ts";
import { stepsFor } from "../track/StatusSteps.tsx";

describe("category choices", () => {
  const categories = [
    { id: "r", nameZh: "城市管理", nameEn: "City management", parentId: null, selectable: false },
    { id: "a", nameZh: "市容环境", nameEn: "Cityscape", parentId: "r", selectable: false },
    { id: "a1", nameZh: "占道经营", nameEn: "Street vending", parentId: "a", selectable: true },
    { id: "b", nameZh: "路灯照明", nameEn: "Street lights", parentId: "r", selectable: true },
    { id: "o", nameZh: "其他", nameEn: "Other", parentId: null, selectable: true },
  ];

  it("lists selectable categories by path, in the UI language with the other one as detail", () => {
    expect(categoryChoices(categories, "en").map(({ id, label, detail }) => ({ id, label, detail }))).toEqual([
      { id: "a1", label: "City management / Cityscape / Street vending", detail: "城市管理 / 市容环境 / 占道经营" },
      { id: "b", label: "City management / Street lights", detail: "城市管理 / 路灯照明" },
      { id: "o", label: "Other", detail: "其他" },
    ]);
    expect(categoryChoices(categories, "zh-CN")[1]?.label).toBe("城市管理 / 路灯照明");
  });

  it("filters by every typed word in either language, names starting with the query first", () => {
    const choices = categoryChoices(categories, "en");
    expect(filterCategories(choices, "street").map((c) => c.id)).toEqual(["a1", "b"]);
    expect(filterCategories(choices, "STREET light").map((c) => c.id)).toEqual(["b"]);
    expect(filterCategories(choices, "占道").map((c) => c.id)).toEqual(["a1"]);
    expect(filterCategories(choices, "城市").map((c) => c.id)).toEqual(["a1", "b"]);
    const noise = categoryChoices(
      [
        { id: "n1", nameZh: "夜间施工", nameEn: "Building work at night, street noise", parentId: null, selectable: true },
        { id: "n2", nameZh: "噪音", nameEn: "Street noise", parentId: null, selectable: true },
      ],
      "en",
    );
    expect(filterCategories(noise, "street").map((c) => c.id)).toEqual(["n2", "n1"]);
    expect(filterCategories(choices, "")).toHaveLength(3);
  });

  it("finds a category by its keywords (everyday words), in either language", () => {
    const choices = categoryChoices(
      [
        { id: "g", nameZh: "交通出行", nameEn: "Traffic", parentId: null, selectable: false, keywords: ["路"] },
        { id: "road", nameZh: "道路破损", nameEn: "Damaged road", parentId: "g", selectable: true, keywords: ["坑", "坑洼", "Pothole"] },
        { id: "noise", nameZh: "噪音扰民", nameEn: "Noise", parentId: null, selectable: true, keywords: ["吵"] },
      ],
      "zh-CN",
    );
    expect(filterCategories(choices, "坑洼").map((c) => c.id)).toEqual(["road"]);
    expect(filterCategories(choices, "pothole").map((c) => c.id)).toEqual(["road"]);
    expect(filterCategories(choices, "吵").map((c) => c.id)).toEqual(["noise"]);
  });
});

describe("status steps", () => {
  it("places each status on the citizen's steps", () => {
    expect(stepsFor("RECEIVED")).toEqual({ steps: ["received", "handling", "replied", "closed"], current: 0 });
    expect(stepsFor("SIGNED_FOR").current).toBe(1);
    expect(stepsFor("REPLIED").current).toBe(2);
    expect(stepsFor("CLOSED_DIRECT")).toEqual({ steps: ["received", "answered"], current: 1 });
  });
});

describe("server field errors", () => {
  it("puts the server's names on the form's fields", () => {
    const error = new CombinedGraphQLErrors({
      errors: [{ message: "x", extensions: { code: "BAD_USER_INPUT", fields: [{ field: "longitude", message: "lon" }, { field: "citizenEmail", message: "mail" }, { field: "nope", message: "other" }] } }],
    });
    expect(serverFieldErrors(error, undefined)).toEqual({ fields: { latitude: "lon", email: "mail" }, other: ["other"] });
    const rejected = new CombinedGraphQLErrors({ errors: [{ message: "x", extensions: { code: "INTAKE/ATTACHMENT_REJECTED" } }] });
    expect(serverFieldErrors(rejected, "msg", {}, { photoRejected: "again" }).fields).toEqual({ attachments: "again" });
  });
});

describe("submit validation", () => {
  it("requires everything except the township and strips phone separators", () => {
    const errors = validateSubmit(EMPTY_FORM, { required: "required", tooLong: "long", email: "mail" });
    expect(Object.keys(errors).sort()).toEqual(
      ["address", "categoryId", "citizenName", "description", "districtId", "phone", "requestType"].sort(),
    );
    expect(normalizePhone("138-1234 5678")).toBe("13812345678");
    expect(validateSubmit({ ...EMPTY_FORM, email: "not-an-address" }, { required: "r", tooLong: "l", email: "mail" }).email).toBe("mail");
  });
});

describe("the phone rule the server applies (intake normalizePhone)", () => {
  it("accepts mobiles and landlines with their area code, written as people write them", () => {
    for (const phone of ["13812345678", "138 1234 5678", "138-1234-5678", "+8613812345678", "0533-1234567", "(0533) 12345678", "010-12345678"]) {
      expect(isAcceptedPhone(phone), phone).toBe(true);
    }
  });

  it("refuses short numbers, numbers without an area code and letters", () => {
    for (const phone of ["", "2345678", "1381234567", "12812345678", "138123456789", "1234567", "phone", "13812345678x"]) {
      expect(isAcceptedPhone(phone), phone).toBe(false);
    }
  });
});

describe("emergency warning", () => {
  it("is raised by an emergency category", () => {
    expect(emergencyServices("SAFETY.GAS_LEAK", "")).toEqual(["119"]);
    expect(emergencyServices("SAFETY.FIRE_CHEMICAL", "")).toEqual(["119"]);
    expect(emergencyServices("UTILITY.GAS_SUPPLY", "燃气费怎么交")).toEqual([]);
  });

  it("is raised by words in Chinese and English, naming the service to call", () => {
    expect(emergencyServices("OTHER", "楼道里燃气味很重")).toEqual(["119"]);
    expect(emergencyServices(null, "有 人 晕倒 了")).toEqual(["120"]);
    expect(emergencyServices(null, "楼顶有人要跳楼")).toEqual(["110"]);
    expect(emergencyServices(null, "There is a gas leak in our stairwell")).toEqual(["119"]);
    expect(emergencyServices(null, "A man is unconscious and a car is on fire")).toEqual(["119", "120"]);
  });

  it("stays quiet for everyday requests", () => {
    for (const text of ["路灯坏了一周", "The fire exit of the mall is blocked by boxes", "Street light off since Monday", "消防通道被占用"]) {
      expect(emergencyServices("URBAN.LIGHT", text), text).toEqual([]);
    }
  });
});
