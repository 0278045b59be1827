import { describe, expect, it } from "vitest";
import { parseRoute } from "../router.tsx";
import { groupCategories } from "../submit/categories.ts";
import { normalizePhone, validateSubmit, EMPTY_FORM } from "../submit/validate.ts";

describe("parseRoute", () => {
  it("reads pages under the /portal/ base, with ?n= for tracking", () => {
    expect(parseRoute("/portal/", "", "/portal/")).toEqual({ name: "home" });
    expect(parseRoute("/portal", "", "/portal/")).toEqual({ name: "home" });
    expect(parseRoute("/portal/submit", "", "/portal/")).toEqual({ name: "submit" });
    expect(parseRoute("/portal/track/", "?n=%202025112400017 ", "/portal/")).toEqual({ name: "track", trackingNumber: "2025112400017" });
    expect(parseRoute("/portal/nope", "", "/portal/")).toEqual({ name: "notFound" });
  });
});

describe("groupCategories", () => {
  const categories = [
    { id: "r", nameZh: "城市管理", nameEn: "City management", parentId: null, selectable: false },
    { id: "a", nameZh: "市容环境", nameEn: "Cityscape", parentId: "r", selectable: false },
    { id: "a1", nameZh: "占道经营", nameEn: "Street vending", parentId: "a", selectable: true },
    { id: "b", nameZh: "路灯照明", nameEn: "Street lights", parentId: "r", selectable: true },
    { id: "o", nameZh: "其他", nameEn: "Other", parentId: null, selectable: true },
  ];

  it("groups selectable categories under their top-level ancestor, labelled by path", () => {
    expect(groupCategories(categories, "en")).toEqual({
      groups: [
        {
          label: "City management",
          options: [
            { value: "a1", label: "Cityscape / Street vending" },
            { value: "b", label: "Street lights" },
          ],
        },
      ],
      ungrouped: [{ value: "o", label: "Other" }],
    });
  });

  it("uses Chinese names in Chinese", () => {
    expect(groupCategories(categories, "zh-CN").groups[0]?.label).toBe("城市管理");
  });
});

describe("submit validation", () => {
  it("requires everything except the township and strips phone separators", () => {
    const errors = validateSubmit(EMPTY_FORM, { required: "required", tooLong: "long" });
    expect(Object.keys(errors).sort()).toEqual(
      ["address", "categoryId", "citizenName", "description", "districtId", "phone", "requestType"].sort(),
    );
    expect(normalizePhone("138-1234 5678")).toBe("13812345678");
  });
});
