import { act, fireEvent, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { CallCategoriesDocument } from "../../gql/graphql.ts";
import { CATEGORIES, category } from "./callFixtures.ts";
import { always, control, renderCallForm, SLOW } from "./callTestKit.tsx";

/** The category combobox's suggestions (not the request type <select>'s options). */
const suggestions = () => [...document.querySelectorAll("#call-category-listbox [role=option]")].map((option) => option.textContent ?? "");

describe("the call form's category tree", SLOW, () => {
  it("reloads when an admin changes the tree (categoriesChanged), so the open call offers a new category at once", async () => {
    let server = CATEGORIES;
    let asked = 0;
    const categories = {
      ...always,
      request: { query: CallCategoriesDocument },
      result: () => {
        asked += 1;
        return { data: { categories: server } };
      },
    };
    const { subscriptions } = renderCallForm([categories]);
    await waitFor(() => expect(asked).toBeGreaterThan(0));
    fireEvent.change(control("call-category"), { target: { value: "Shared bikes" } });
    expect(suggestions()).toEqual([]);

    server = [...CATEGORIES, category({ id: "bikes", code: "URBAN.BIKES", nameZh: "共享单车乱停放", nameEn: "Shared bikes parked badly", parentId: "urban" })];
    const before = asked;
    act(() => subscriptions.simulateResult({ result: { data: { categoriesChanged: { __typename: "CategoriesChanged", change: "CREATED", categoryIds: ["bikes"] } } } }));
    await waitFor(() => expect(asked).toBeGreaterThan(before));
    fireEvent.change(control("call-category"), { target: { value: "Shared bike" } });
    await waitFor(() => expect(suggestions()).toEqual([expect.stringContaining("Shared bikes parked badly")]));
  });
});
