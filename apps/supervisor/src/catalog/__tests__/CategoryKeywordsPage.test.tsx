import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { CategoryKeywordsDocument, SetCategoryKeywordsDocument } from "../../gql/graphql.ts";
import { renderRouting, stateMock } from "../../routing/__tests__/routingKit.tsx";
import { CategoryKeywordsPage } from "../CategoryKeywordsPage.tsx";
import { keywordTree, parseKeywords } from "../keywords.ts";
import { catalogNavItems } from "../routes.tsx";

const category = (id: string, code: string, nameZh: string, nameEn: string, parentId: string | null, keywords: string[] = []) => ({
  __typename: "Category" as const,
  id,
  code,
  nameZh,
  nameEn,
  parentId,
  selectable: parentId !== null,
  keywords,
});
const TRAFFIC = category("g-traffic", "TRAFFIC", "交通出行", "Traffic", null);
const ROAD = category("c-road", "TRAFFIC.ROAD", "道路破损", "Damaged road", "g-traffic", ["坑"]);
const NOISE = category("c-noise", "ENV.NOISE", "噪音扰民", "Noise", null, ["吵"]);

function setup(categories = [TRAFFIC, ROAD, NOISE]) {
  const server = { categories };
  const calls: Record<string, unknown>[] = [];
  const save = {
    maxUsageCount: Number.POSITIVE_INFINITY,
    request: { query: SetCategoryKeywordsDocument, variables: () => true },
    result: (variables: Record<string, unknown>) => {
      calls.push(variables);
      const keywords = variables.keywords as string[];
      const tooLong = keywords.findIndex((word) => word.length > 30);
      if (tooLong >= 0) {
        return { errors: [{ message: "A keyword has at most 30 characters.", extensions: { code: "BAD_USER_INPUT", fields: [{ field: `keywords[${tooLong}]`, code: "TOO_LONG", message: "A keyword has at most 30 characters." }] } }] };
      }
      if (variables.categoryId === NOISE.id) {
        return { errors: [{ message: "This category does not exist.", extensions: { code: "INTAKE/CATEGORY_NOT_FOUND" } }] };
      }
      const updated = { ...server.categories.find((c) => c.id === variables.categoryId)!, keywords: [...new Set(keywords)] };
      server.categories = server.categories.map((c) => (c.id === updated.id ? updated : c));
      return { data: { setCategoryKeywords: updated } };
    },
  };
  return { calls, mocks: [stateMock(CategoryKeywordsDocument, () => ({ categories: server.categories })), save] };
}

const row = (id: string) => screen.getAllByTestId("keyword-row").find((element) => element.dataset.categoryId === id)!;

describe("the category keywords page", () => {
  it("lists the tree in both languages, filters by keyword, saves a row and words errors (zh-CN)", async () => {
    const { calls, mocks } = setup();
    renderRouting(<CategoryKeywordsPage />, mocks, "zh-CN");
    await screen.findByText("道路破损");
    expect(screen.getByText("Damaged road")).toBeTruthy();
    expect(screen.getAllByTestId("keyword-row").map((element) => element.dataset.categoryId)).toEqual(["g-traffic", "c-road", "c-noise"]);

    fireEvent.change(screen.getByTestId("keywords-filter"), { target: { value: "坑" } });
    expect(screen.getAllByTestId("keyword-row").map((element) => element.dataset.categoryId)).toEqual(["g-traffic", "c-road"]);

    const road = row("c-road");
    const input = within(road).getByTestId("keywords-input") as HTMLInputElement;
    expect(input.value).toBe("坑");
    fireEvent.change(input, { target: { value: "坑、坑洼, pothole，" } });
    fireEvent.click(within(road).getByTestId("keywords-save"));
    await within(road).findByText("道路破损的关键词已保存（3 个）。");
    expect(calls.at(-1)).toEqual({ categoryId: "c-road", keywords: ["坑", "坑洼", "pothole"] });
    expect(input.value).toBe("坑、坑洼、pothole");

    fireEvent.change(input, { target: { value: `坑、${"长".repeat(31)}` } });
    fireEvent.click(within(road).getByTestId("keywords-save"));
    await within(road).findByText("第 2 个关键词超过 30 个字。");
    expect(within(road).getByRole("alert").textContent).toBe("请按提示修改标注的填写项。");

    fireEvent.change(screen.getByTestId("keywords-filter"), { target: { value: "吵" } });
    const noise = row("c-noise");
    fireEvent.click(within(noise).getByTestId("keywords-save"));
    await within(noise).findByText("该分类已不存在，请刷新页面。");

    fireEvent.change(screen.getByTestId("keywords-filter"), { target: { value: "没有这个词" } });
    expect(screen.getByTestId("keywords-no-match").textContent).toContain("没有符合筛选条件的分类");
  });

  it("says what to do when there are no categories (en)", async () => {
    const { mocks } = setup([]);
    renderRouting(<CategoryKeywordsPage />, mocks, "en");
    await waitFor(() => expect(screen.getByTestId("keywords-empty").textContent).toContain("There are no categories yet"));
  });

  it("is in the nav for admins only", () => {
    expect(catalogNavItems("catalog/keywords", ["ADMIN"], "Category keywords")).toHaveLength(1);
    expect(catalogNavItems("", ["SUPERVISOR", "DISPATCHER"], "Category keywords")).toEqual([]);
  });
});

describe("keyword helpers", () => {
  it("splits on commas, 、 and semicolons and drops blanks", () => {
    expect(parseKeywords(" 坑 、坑洼,, pothole；积水 ")).toEqual(["坑", "坑洼", "pothole", "积水"]);
  });

  it("keeps a matching child's group and all children of a matching group", () => {
    expect(keywordTree([TRAFFIC, ROAD, NOISE], "traffic").map((entry) => [entry.category.id, entry.depth])).toEqual([
      ["g-traffic", 0],
      ["c-road", 1],
    ]);
  });
});
