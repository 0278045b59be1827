import { ArticleEditorRoutes, parseEditorPath, useAppPath } from "@civicline/ui";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import {
  KbArticleDiffDocument,
  KbArticleDocument,
  KbCategoriesDocument,
  KbCreateArticleDocument,
  KbEditorViewerDocument,
  KbSubmitArticleForReviewDocument,
  KbUnitsDocument,
  KbUpdateArticleDocument,
  type KbCreateArticleMutationVariables,
} from "../../gql/graphql.ts";
import { knowledgeEditorDocuments } from "../editorDocuments.ts";
import { knowledgeNavItems } from "../routes.tsx";
import { buildArticle, renderWithApollo } from "./fixtures.tsx";

const BASE = import.meta.env.BASE_URL;

const lookups = [
  {
    request: { query: KbCategoriesDocument },
    result: {
      data: {
        categories: [
          { __typename: "Category", id: "g1", code: "URBAN", nameZh: "城市管理", nameEn: "City management", parentId: null, selectable: false },
          { __typename: "Category", id: "c2", code: "URBAN.NOISE", nameZh: "施工噪音", nameEn: "Construction noise", parentId: "g1", selectable: true },
        ],
      },
    },
  },
  {
    request: { query: KbUnitsDocument },
    result: { data: { units: [{ __typename: "Unit", id: "u1", code: "BUR-CG", nameZh: "淄博市城市管理局", nameEn: "Urban Management Bureau", kind: "BUREAU" }] } },
  },
  { request: { query: KbEditorViewerDocument }, result: { data: { me: { __typename: "Viewer", id: "s1", roles: ["HANDLER"], unitId: "u1" } } } },
];

/** Routes like the apps do, so saving a new article can move to its own page. */
function Editor() {
  const { path } = useAppPath();
  return <ArticleEditorRoutes route={parseEditorPath(path) ?? { page: "list" }} roles={["HANDLER"]} documents={knowledgeEditorDocuments} />;
}

function openAt(path: string) {
  window.history.replaceState(null, "", `${BASE}${path}`);
}

function fillRequired() {
  fireEvent.change(screen.getByLabelText("Title"), { target: { value: "夜间施工噪音扰民如何投诉？" } });
  fireEvent.change(screen.getByLabelText("Summary"), { target: { value: "可向城管部门反映。" } });
  fireEvent.change(screen.getByLabelText("Full answer"), { target: { value: "## 流程\n\n拨打 12345。" } });
  fireEvent.click(screen.getByRole("checkbox", { name: "Construction noise" }));
}

afterEach(() => openAt(""));

describe("article editor", { timeout: 20_000 }, () => {
  it("checks the form before sending: summary of errors, invalid fields, nothing sent", async () => {
    openAt("knowledge/articles/new");
    const { sent } = renderWithApollo(<Editor />, lookups);
    const form = await screen.findByTestId("kb-editor-form");
    await waitFor(() => expect((screen.getByLabelText(/Responsible unit/) as HTMLSelectElement).value).toBe("u1"));
    fireEvent.click(within(form).getByTestId("kb-save"));

    const summary = await screen.findByTestId("kb-editor-errors");
    expect(Array.from(summary.querySelectorAll("a"), (a) => a.getAttribute("href"))).toEqual(["#kb-title", "#kb-summary", "#kb-body", "#kb-categories"]);
    expect(screen.getByLabelText("Title").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Choose at least one category.")).toBeTruthy();
    expect(sent.some((op) => op.name === "KbCreateArticle")).toBe(false);
  });

  it("shows the server's field errors on the fields, worded in the UI language", async () => {
    openAt("knowledge/articles/new");
    renderWithApollo(
      <Editor />,
      [
        ...lookups,
        {
          request: { query: KbCreateArticleDocument, variables: () => true },
          result: {
            errors: [
              {
                message: "Invalid input",
                extensions: { code: "BAD_USER_INPUT", fields: [{ field: "keywords", code: "TOO_LONG", message: "A keyword is at most 30 characters" }] },
              },
            ],
          },
        },
      ],
      "zh-CN",
    );
    await screen.findByTestId("kb-editor-form");
    fireEvent.change(screen.getByLabelText("标题"), { target: { value: "夜间施工噪音扰民如何投诉？" } });
    fireEvent.change(screen.getByLabelText("答复要点"), { target: { value: "可向城管部门反映。" } });
    fireEvent.change(screen.getByLabelText("详细内容"), { target: { value: "拨打 12345。" } });
    fireEvent.click(screen.getByRole("checkbox", { name: "施工噪音" }));
    fireEvent.click(screen.getByTestId("kb-save"));

    const keywords = await screen.findByRole("textbox", { name: /关键词/ });
    await waitFor(() => expect(keywords.getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getByTestId("kb-editor-errors").textContent).toContain("关键词: 内容过长，请精简。");
  });

  it("creates the article with the typed values and moves to its own page", async () => {
    openAt("knowledge/articles/new");
    let sentInput: KbCreateArticleMutationVariables["input"] | undefined;
    const created = buildArticle({ id: "a9", status: "DRAFT", publishedAt: null, lockVersion: 1 });
    renderWithApollo(<Editor />, [
      ...lookups,
      {
        request: {
          query: KbCreateArticleDocument,
          variables: (variables: KbCreateArticleMutationVariables) => {
            sentInput = variables.input;
            return true;
          },
        },
        result: { data: { createArticle: created } },
      },
      { request: { query: KbArticleDocument, variables: { id: "a9" } }, result: { data: { article: created } } },
    ]);
    await screen.findByTestId("kb-editor-form");
    fillRequired();
    const keywords = screen.getByRole("textbox", { name: /Keywords/ });
    fireEvent.change(keywords, { target: { value: "噪音，扰民，" } });
    fireEvent.click(screen.getByTestId("kb-save"));

    await waitFor(() => expect(window.location.pathname).toBe(`${BASE}knowledge/articles/a9`));
    expect(sentInput).toMatchObject({
      title: "夜间施工噪音扰民如何投诉？",
      categoryIds: ["c2"],
      keywords: ["噪音", "扰民"],
      owningUnitId: "u1",
      audience: "INTERNAL",
      language: "ZH_CN",
      expiresOn: null,
      source: null,
    });
    expect(await screen.findByText("Saved (version 1).")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Edit article");
  });

  it("on CONFLICT says someone else changed the article and reloads their version", async () => {
    openAt("knowledge/articles/a1");
    const mine = buildArticle({ status: "DRAFT", lockVersion: 3 });
    const theirs = buildArticle({ status: "DRAFT", lockVersion: 4, title: "他人修改后的标题" });
    renderWithApollo(<Editor />, [
      ...lookups,
      { request: { query: KbArticleDocument, variables: { id: "a1" } }, result: { data: { article: mine } } },
      {
        request: { query: KbUpdateArticleDocument, variables: (variables: { lockVersion: number }) => variables.lockVersion === 3 },
        result: { errors: [{ message: "Stale", extensions: { code: "CONFLICT" } }] },
      },
      { request: { query: KbArticleDocument, variables: { id: "a1" } }, result: { data: { article: theirs } } },
    ]);
    const title = await screen.findByLabelText("Title");
    await waitFor(() => expect((title as HTMLInputElement).value).toBe(mine.title));
    fireEvent.change(title, { target: { value: "我的修改" } });
    fireEvent.click(screen.getByTestId("kb-save"));

    const conflict = await screen.findByTestId("kb-conflict");
    expect(conflict.textContent).toContain("Someone else saved this article after you opened it");
    expect((screen.getByLabelText("Title") as HTMLInputElement).value).toBe("我的修改");
    fireEvent.click(within(conflict).getByTestId("kb-reload"));
    await waitFor(() => expect((screen.getByLabelText("Title") as HTMLInputElement).value).toBe("他人修改后的标题"));
    expect(screen.queryByTestId("kb-conflict")).toBeNull();
  });

  it("submits a saved draft for review and then shows it read-only", async () => {
    openAt("knowledge/articles/a1");
    const draft = buildArticle({ status: "DRAFT", lockVersion: 3 });
    renderWithApollo(<Editor />, [
      ...lookups,
      { request: { query: KbArticleDocument, variables: { id: "a1" } }, result: { data: { article: draft } } },
      {
        request: { query: KbSubmitArticleForReviewDocument, variables: { id: "a1", lockVersion: 3 } },
        result: { data: { submitArticleForReview: { ...draft, status: "IN_REVIEW", lockVersion: 4, canEdit: false } } },
      },
    ]);
    const submit = await screen.findByTestId("kb-submit-review");
    expect(submit.textContent).toBe("Submit for review");
    fireEvent.click(submit);
    expect(await screen.findByText(/Submitted for review/)).toBeTruthy();
    expect(screen.queryByTestId("kb-editor-form")).toBeNull();
    expect(screen.getByText(/You cannot change this article now/)).toBeTruthy();
    expect(screen.getAllByText("In review").length).toBeGreaterThan(0);
  });

  it("compares two versions", async () => {
    openAt("knowledge/articles/a1");
    const article = buildArticle({
      versionNumber: 2,
      versions: [1, 2].map((number) => ({
        __typename: "ArticleVersion" as const,
        number,
        title: "t",
        createdAt: "2025-01-01T02:00:00Z",
        createdBy: { __typename: "StaffRef" as const, id: "s1", displayName: "张编辑" },
        changeNote: number === 2 ? "更新电话" : null,
      })),
    });
    renderWithApollo(<Editor />, [
      ...lookups,
      { request: { query: KbArticleDocument, variables: { id: "a1" } }, result: { data: { article } } },
      {
        request: { query: KbArticleDiffDocument, variables: { id: "a1", fromVersion: 1, toVersion: 2 } },
        result: {
          data: {
            articleDiff: {
              __typename: "ArticleDiff",
              fromVersion: 1,
              toVersion: 2,
              title: [{ __typename: "DiffSegment", kind: "SAME", text: "t" }],
              summary: [{ __typename: "DiffSegment", kind: "SAME", text: "s" }],
              body: [
                { __typename: "DiffSegment", kind: "SAME", text: "电话：" },
                { __typename: "DiffSegment", kind: "REMOVED", text: "0533-1111111" },
                { __typename: "DiffSegment", kind: "ADDED", text: "0533-12319" },
              ],
              keywords: [{ __typename: "DiffSegment", kind: "ADDED", text: "投诉" }],
            },
          },
        },
      },
    ]);
    const versions = await screen.findByTestId("kb-versions");
    expect(within(versions).getAllByTestId("kb-version-row")[0]?.textContent).toContain("更新电话");
    fireEvent.click(within(versions).getByTestId("kb-compare"));
    const body = await screen.findByTestId("kb-diff-body");
    expect(body.querySelector("del")?.textContent).toBe("Removed: 0533-1111111");
    expect(body.querySelector("ins")?.textContent).toBe("Added: 0533-12319");
  });

  it("edits a published article's change under way: the form holds the change, the notice and the diff say the published version stays in force", async () => {
    openAt("knowledge/articles/a1");
    const article = buildArticle({
      status: "PUBLISHED",
      versionNumber: 1,
      body: "电话：0533-1111111",
      history: [
        { action: "CREATED", versionNumber: 1, actorName: "张编辑", comment: null, at: "2025-01-01T02:00:00Z" },
        { action: "URGENT_APPROVED", versionNumber: 1, actorName: "督办", comment: "电话已停用", at: "2025-01-02T02:00:00Z" },
      ],
      pendingChange: {
        state: "DRAFT",
        editor: { id: "s2", displayName: "周老师" },
        version: {
          number: 2,
          title: "夜间施工噪音扰民如何投诉？",
          summary: "可向城管部门反映。",
          body: "电话：0533-12319",
          keywords: ["噪音"],
          categoryIds: ["c2"],
          owningUnitId: "u1",
          audience: "PUBLIC",
          language: "ZH_CN",
          effectiveFrom: "2025-01-01",
          expiresOn: null,
          source: null,
          changeNote: "更新电话",
          createdAt: "2025-01-03T02:00:00Z",
        },
      },
    });
    const segment = (kind: string, text: string) => ({ __typename: "DiffSegment", kind, text });
    renderWithApollo(<Editor />, [
      ...lookups,
      { request: { query: KbArticleDocument, variables: { id: "a1" } }, result: { data: { article } } },
      {
        request: { query: KbArticleDiffDocument, variables: { id: "a1", fromVersion: 1, toVersion: 2 } },
        result: {
          data: {
            articleDiff: {
              __typename: "ArticleDiff",
              fromVersion: 1,
              toVersion: 2,
              title: [segment("SAME", "t")],
              summary: [segment("SAME", "s")],
              body: [segment("SAME", "电话："), segment("REMOVED", "0533-1111111"), segment("ADDED", "0533-12319")],
              keywords: [],
            },
          },
        },
      },
    ]);
    const panel = await screen.findByTestId("kb-pending-change");
    expect(within(panel).getByTestId("kb-change-notice").textContent).toBe(
      "You are editing a draft of version 2. Call-takers, search and the portal keep using version 1 until a reviewer approves this change.",
    );
    expect((screen.getByLabelText("Full answer") as HTMLTextAreaElement).value).toBe("电话：0533-12319");
    expect((await within(panel).findByTestId("kb-diff-body")).querySelector("ins")?.textContent).toBe("Added: 0533-12319");
    expect(screen.getByTestId("kb-submit-review").textContent).toBe("Submit for review");
    expect(within(panel).queryByTestId("kb-urgent-form")).toBeNull();
    const history = screen.getAllByTestId("kb-history-entry").map((entry) => entry.textContent);
    expect(history[1]).toContain("Urgent correction approved at once · version 1 · 督办 — 电话已停用");
  });
});

describe("knowledge navigation", () => {
  const labels = { search: "Knowledge base", editor: "My articles" };
  it("offers the editor only to roles that write articles", () => {
    expect(knowledgeNavItems("", ["OPERATOR"], labels).map((item) => item.label)).toEqual(["Knowledge base"]);
    expect(knowledgeNavItems("", ["DISPATCHER", "QA_INSPECTOR"], labels).map((item) => item.label)).toEqual(["Knowledge base"]);
    const handler = knowledgeNavItems("knowledge/articles/a1", ["HANDLER"], labels);
    expect(handler.map((item) => [item.label, item.current])).toEqual([
      ["Knowledge base", false],
      ["My articles", true],
    ]);
  });
});
