import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { AdminCategoriesDocument, AdminCategoryHistoryDocument, CreateCategoryDocument, type CategoryFieldType } from "../../../gql/graphql.ts";
import { renderRouting, stateMock } from "../../../routing/__tests__/routingKit.tsx";
import { AdminCategoriesPage } from "../AdminCategoriesPage.tsx";
import { branchIds, filterTree, inputOf, parseOptions, treeOrder, type AdminCategory } from "../categoryForm.ts";
import { adminCategoriesNavItems } from "../routes.tsx";

const category = (id: string, code: string, nameZh: string, nameEn: string, parentId: string | null, extra: Partial<AdminCategory> = {}): AdminCategory =>
  ({
  __typename: "AdminCategory",
  id,
  code,
  nameZh,
  nameEn,
  parentId,
  selectable: parentId !== null,
  active: true,
  version: 1,
  sortOrder: 0,
  templateZh: null,
  templateEn: null,
  requestTypes: [],
  slaPolicyId: null,
  updatedAt: "2026-12-01T02:00:00.000Z",
  fields: [],
  ...extra,
  }) as AdminCategory;
const URBAN = category("g-urban", "URBAN", "城市管理", "Urban management", null);
const SUB = category("g-sub", "URBAN.SUB", "市容", "Streetscape", "g-urban", { selectable: false, sortOrder: 1 });
const NOISE = category("c-noise", "URBAN.NOISE", "噪音扰民", "Noise", "g-urban", { sortOrder: 0 });
const BIN = category("c-bin", "URBAN.SUB.BIN", "垃圾桶", "Bins", "g-sub", { active: false });
const ALL = [BIN, NOISE, SUB, URBAN];

describe("categoryForm", () => {
  it("orders the tree parents first, siblings by position; filters keep the groups; a branch holds everything under it", () => {
    expect(treeOrder(ALL).map(({ category: c, depth }) => `${depth}:${c.code}`)).toEqual(["0:URBAN", "1:URBAN.NOISE", "1:URBAN.SUB", "2:URBAN.SUB.BIN"]);
    expect(filterTree(treeOrder(ALL), "bins").map(({ category: c }) => c.code)).toEqual(["URBAN", "URBAN.SUB", "URBAN.SUB.BIN"]);
    expect([...branchIds(ALL, "g-urban")].sort()).toEqual(["c-bin", "c-noise", "g-sub", "g-urban"]);
    expect([...branchIds(ALL, "g-sub")].sort()).toEqual(["c-bin", "g-sub"]);
  });

  it("turns a draft into the mutation input: options one per line or by commas, no fields for a group", () => {
    expect(parseOptions("小区\n道路，商场、 学校 ,,")).toEqual(["小区", "道路", "商场", "学校"]);
    const draft = {
      code: "URBAN.X",
      nameZh: "新",
      nameEn: "New",
      selectable: true,
      fields: [{ key: "k", labelZh: "选", labelEn: "Pick", type: "SELECT" as CategoryFieldType, required: true, options: "a\nb", maxLength: "12" }],
      templateZh: "",
      templateEn: "T",
      requestTypes: [],
      slaPolicyId: "",
    };
    expect(inputOf(draft)).toEqual({
      nameZh: "新",
      nameEn: "New",
      selectable: true,
      fields: [{ key: "k", labelZh: "选", labelEn: "Pick", type: "SELECT", required: true, options: ["a", "b"], maxLength: null }],
      templateZh: null,
      templateEn: "T",
      requestTypes: [],
      slaPolicyId: null,
    });
    expect(inputOf({ ...draft, selectable: false }).fields).toEqual([]);
  });

  it("shows the page only to admins", () => {
    expect(adminCategoriesNavItems("", ["ADMIN"], "分类管理")).toHaveLength(1);
    expect(adminCategoriesNavItems("", ["SUPERVISOR", "LEADER"], "分类管理")).toEqual([]);
  });
});

describe("the category tree page", () => {
  it("marks deactivated categories, and words a choice field without options on its field (zh-CN)", async () => {
    const calls: Record<string, unknown>[] = [];
    const create = {
      maxUsageCount: Number.POSITIVE_INFINITY,
      request: { query: CreateCategoryDocument, variables: () => true },
      result: (variables: Record<string, unknown>) => {
        calls.push(variables);
        return {
          errors: [
            {
              message: "A choice field needs at least one option.",
              extensions: { code: "BAD_USER_INPUT", fields: [{ field: "fields[0].options", code: "OPTIONS_REQUIRED", message: "A choice field needs at least one option." }] },
            },
          ],
        };
      },
    };
    const mocks = [
      stateMock(AdminCategoriesDocument, () => ({ adminCategories: ALL, slaPolicies: [] })),
      stateMock(AdminCategoryHistoryDocument, () => ({ categoryHistory: [] }), { id: "c-noise" }),
      create,
    ];
    renderRouting(<AdminCategoriesPage />, mocks, "zh-CN");
    await screen.findByText("噪音扰民");
    const bin = screen.getAllByTestId("category-row").find((row) => row.dataset.code === "URBAN.SUB.BIN")!;
    expect(bin.textContent).toContain("已停用");
    expect(screen.getByTestId("category-pick")).toBeTruthy();

    const urban = screen.getAllByTestId("category-row").find((row) => row.dataset.code === "URBAN")!;
    fireEvent.click(within(urban).getByTestId("category-add-under"));
    expect(screen.getByText("所属分组：城市管理")).toBeTruthy();
    fireEvent.change(screen.getByTestId("category-code"), { target: { value: "URBAN.X" } });
    fireEvent.change(screen.getByTestId("category-name-zh"), { target: { value: "新类" } });
    fireEvent.change(screen.getByTestId("category-name-en"), { target: { value: "New" } });
    fireEvent.click(screen.getByTestId("category-field-add"));
    fireEvent.change(screen.getByTestId("category-field-key"), { target: { value: "kind" } });
    fireEvent.change(screen.getByTestId("category-field-type"), { target: { value: "SELECT" } });
    fireEvent.click(screen.getByTestId("category-save"));

    await screen.findByText("选项类字段至少需要一个选项。");
    expect(screen.getByText("请修改下方标出的字段。")).toBeTruthy();
    expect(calls).toEqual([
      expect.objectContaining({ code: "URBAN.X", parentId: "g-urban", input: expect.objectContaining({ nameZh: "新类", fields: [expect.objectContaining({ key: "kind", type: "SELECT", options: [] })] }) }),
    ]);
    await waitFor(() => expect(screen.getByTestId("category-field-options").getAttribute("aria-invalid")).toBe("true"));
  });
});
