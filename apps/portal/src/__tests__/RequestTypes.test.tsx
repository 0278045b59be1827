import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { CategoriesDocument } from "../gql/graphql.ts";
import { SubmitPage } from "../pages/SubmitPage.tsx";
import { districtsMock, portalSettingsMock, renderPortal } from "./fixtures.tsx";

/** Street lights take only complaints and reports here (an admin set it on the category page). */
const categories = {
  request: { query: CategoriesDocument },
  maxUsageCount: Number.POSITIVE_INFINITY,
  result: {
    data: {
      categories: [
        { __typename: "Category", id: "c2", code: "URBAN.LIGHT", nameZh: "路灯照明", nameEn: "Street lights", parentId: null, selectable: true, keywords: [], requestTypes: ["COMPLAINT", "REPORT"] },
        { __typename: "Category", id: "c3", code: "OTHER", nameZh: "其他", nameEn: "Other", parentId: null, selectable: true, keywords: [], requestTypes: [] },
      ],
    },
  },
};

const disabledTypes = () => [...(document.getElementById("submit-requestType") as HTMLSelectElement).options].filter((option) => option.disabled).map((option) => option.value);

describe("request types a category allows", () => {
  it("offers only the request types the chosen category takes; every type without a choice or for an unrestricted category", async () => {
    renderPortal(<SubmitPage />, [categories, districtsMock, portalSettingsMock()]);
    const box = screen.getByLabelText("Category") as HTMLInputElement;
    await waitFor(() => expect(box.disabled).toBe(false));
    expect(disabledTypes()).toEqual([]);
    fireEvent.change(box, { target: { value: "Street" } });
    fireEvent.keyDown(box, { key: "Enter" });
    await waitFor(() => expect(box.getAttribute("data-value")).toBe("c2"));
    expect(disabledTypes()).toEqual(["CONSULTATION", "HELP", "SUGGESTION", "PRAISE", "OTHER"]);
    fireEvent.change(box, { target: { value: "Other" } });
    fireEvent.keyDown(box, { key: "Enter" });
    await waitFor(() => expect(box.getAttribute("data-value")).toBe("c3"));
    expect(disabledTypes()).toEqual([]);
  });
});
