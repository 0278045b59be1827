import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { fireEvent, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { Field } from "../../components/Field.tsx";
import { addDays, isIsoDay, monthOf, shanghaiDay, startOfShanghaiDay } from "../dates.ts";
import { categoryGroups, filterCategoryGroups } from "../editor/categories.ts";
import { articleServerErrors, emptyArticleForm, toArticleInput, validateArticle, type ArticleFormValues } from "../editor/formValues.ts";
import { addKeywords, KeywordsInput } from "../editor/KeywordsInput.tsx";
import { parseEditorPath } from "../editor/paths.ts";
import { renderIn } from "./render.tsx";

const messages = { required: "REQ", categories: "CAT", date: "DATE", expiryOrder: "ORDER", tooLong: "LONG" };
const filled: ArticleFormValues = {
  ...emptyArticleForm("", "2025-09-01"),
  title: " 社保卡补办 ",
  summary: "携带身份证到社保服务大厅办理。",
  body: "正文",
  categoryIds: ["c1"],
  keywords: ["社保", " 社保卡 ", "社保"],
};

describe("validateArticle", () => {
  it("asks for the required fields and at least one category", () => {
    expect(validateArticle(emptyArticleForm("", "2025-09-01"), messages)).toEqual({ title: "REQ", summary: "REQ", body: "REQ", categoryIds: "CAT" });
    expect(validateArticle(filled, messages)).toEqual({});
  });

  it("checks date format and that the end date is not before the start", () => {
    expect(validateArticle({ ...filled, effectiveFrom: "2025-02-30" }, messages)).toEqual({ effectiveFrom: "DATE" });
    expect(validateArticle({ ...filled, expiresOn: "2025-08-31" }, messages)).toEqual({ expiresOn: "ORDER" });
    expect(validateArticle({ ...filled, expiresOn: "2025-09-01" }, messages)).toEqual({});
    expect(validateArticle({ ...filled, title: "长".repeat(121) }, messages)).toEqual({ title: "LONG" });
  });
});

describe("toArticleInput", () => {
  it("trims, turns empty optional fields into null and drops duplicate keywords", () => {
    expect(toArticleInput(filled)).toEqual({
      title: "社保卡补办",
      summary: "携带身份证到社保服务大厅办理。",
      body: "正文",
      categoryIds: ["c1"],
      keywords: ["社保", "社保卡"],
      owningUnitId: null,
      audience: "INTERNAL",
      language: "ZH_CN",
      effectiveFrom: "2025-09-01",
      expiresOn: null,
      source: null,
    });
  });
});

describe("articleServerErrors", () => {
  it("puts field errors on the form's fields, whether named title or input.title", () => {
    const error = new CombinedGraphQLErrors({
      data: null,
      errors: [
        {
          message: "bad",
          extensions: {
            code: "BAD_USER_INPUT",
            fields: [
              { field: "input.title", message: "too long" },
              { field: "categoryIds", message: "unknown" },
              { field: "somethingElse", message: "other" },
            ],
          },
        },
      ],
    });
    expect(articleServerErrors(error)).toEqual({ fields: { title: "too long", categoryIds: "unknown" }, other: ["other"] });
  });
});

function Keywords() {
  const [value, setValue] = useState<string[]>(["噪音"]);
  return (
    <Field id="kb-keywords" label="Keywords" optional>
      <KeywordsInput value={value} onChange={setValue} />
    </Field>
  );
}

describe("KeywordsInput", { timeout: 20_000 }, () => {
  it("adds chips on Enter and commas (also Chinese ones), removes with Backspace and the × button", () => {
    renderIn(<Keywords />);
    const input = screen.getByRole("textbox", { name: /Keywords/ }) as HTMLInputElement;
    fireEvent.change(input, { target: { value: "扰民" } });
    fireEvent.keyDown(input, { key: "Enter" });
    fireEvent.change(input, { target: { value: "施工，" } });
    const chips = () => Array.from(screen.getByTestId("kb-keyword-chips").querySelectorAll("li"), (li) => li.firstChild?.textContent);
    expect(chips()).toEqual(["噪音", "扰民", "施工"]);
    expect(input.value).toBe("");
    fireEvent.keyDown(input, { key: "Backspace" });
    expect(chips()).toEqual(["噪音", "扰民"]);
    fireEvent.click(screen.getByRole("button", { name: "Remove keyword 噪音" }));
    expect(chips()).toEqual(["扰民"]);
    fireEvent.change(input, { target: { value: "noise" } });
    fireEvent.blur(input);
    expect(chips()).toEqual(["扰民", "noise"]);
  });

  it("skips blanks and duplicates regardless of case", () => {
    expect(addKeywords(["Noise"], "noise, 噪音、 ,社保;社保")).toEqual(["Noise", "噪音", "社保"]);
  });
});

describe("categories", () => {
  const nodes = [
    { id: "g1", nameZh: "教育", nameEn: "Education", parentId: null, selectable: false },
    { id: "c1", nameZh: "入学", nameEn: "Enrolment", parentId: "g1", selectable: true },
    { id: "c2", nameZh: "校园欺凌", nameEn: "Bullying", parentId: "g1", selectable: true },
    { id: "c3", nameZh: "其他", nameEn: "Other", parentId: null, selectable: true },
  ];
  it("groups selectable categories under their top level and filters by any part of the path", () => {
    const groups = categoryGroups(nodes, "zh-CN");
    expect(groups.map((group) => [group.label, group.choices.map((choice) => choice.label)])).toEqual([
      ["教育", ["入学", "校园欺凌"]],
      ["其他", ["其他"]],
    ]);
    expect(filterCategoryGroups(categoryGroups(nodes, "en"), "bully").flatMap((group) => group.choices.map((choice) => choice.path))).toEqual([
      "Education / Bullying",
    ]);
  });
});

describe("dates and paths", () => {
  it("works in Beijing calendar days", () => {
    expect(shanghaiDay(new Date("2025-08-31T16:30:00Z"))).toBe("2025-09-01");
    expect(startOfShanghaiDay("2025-09-01")).toBe("2025-08-31T16:00:00.000Z");
    expect(monthOf("2024-02-10")).toEqual({ first: "2024-02-01", last: "2024-02-29" });
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(isIsoDay("2025-13-01")).toBe(false);
  });

  it("parses editor paths", () => {
    expect(parseEditorPath("knowledge/articles")).toEqual({ page: "list" });
    expect(parseEditorPath("knowledge/articles/new")).toEqual({ page: "create" });
    expect(parseEditorPath("knowledge/articles/a%2F1")).toEqual({ page: "edit", id: "a/1" });
    expect(parseEditorPath("knowledge")).toBeNull();
  });
});
