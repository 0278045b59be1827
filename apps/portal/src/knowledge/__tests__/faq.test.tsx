import { configure, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../App.tsx";
import { KbPublicArticleDocument, KbPublicArticlesDocument } from "../../gql/graphql.ts";
import { renderPortal } from "../../__tests__/fixtures.tsx";
import { FAQ_PAGE_SIZE } from "../FaqPage.tsx";

// These tests share a 2-core machine with builds and other suites: allow slow renders to settle.
configure({ asyncUtilTimeout: 5000 });

const BASE = import.meta.env.BASE_URL;
const seg = (text: string, match = false) => ({ __typename: "HighlightSegment", text, match });

function hit(id: string, title: ReturnType<typeof seg>[], snippet: ReturnType<typeof seg>[]) {
  return {
    __typename: "ArticleSearchHit",
    titleHighlight: title,
    snippet,
    article: {
      __typename: "Article",
      id,
      title: title.map((s) => s.text).join(""),
      summary: "摘要",
      updatedAt: "2025-09-01T02:00:00Z",
      categories: [{ __typename: "Category", id: "c1", nameZh: "入学", nameEn: "Enrolment" }],
    },
  };
}

function listMock(query: string | null, hits: ReturnType<typeof hit>[], total = hits.length) {
  return {
    request: { query: KbPublicArticlesDocument, variables: { query, limit: FAQ_PAGE_SIZE, offset: 0 } },
    result: { data: { publicArticles: { __typename: "ArticleSearchResult", total, hits } } },
  };
}

const all = listMock(null, [hit("p1", [seg("小学入学怎么报名？")], []), hit("p2", [seg("冬季供暖温度标准")], [])]);

afterEach(() => window.history.replaceState(null, "", BASE));

describe("common questions", { timeout: 20_000 }, () => {
  it("is linked from the home page and lists the public answers", async () => {
    window.history.replaceState(null, "", BASE);
    renderPortal(<App />, [all], "zh-CN");
    fireEvent.click(screen.getByTestId("home-faq"));
    expect(window.location.pathname).toBe(`${BASE}faq`);
    expect((await screen.findByRole("heading", { level: 1, name: "常见问题" })).textContent).toBe("常见问题");
    expect(screen.getByRole("link", { name: "常见问题", current: "page" })).toBeTruthy();
    expect(await screen.findAllByTestId("portal-kb-hit")).toHaveLength(2);
    expect(screen.getByText("共 2 条答复")).toBeTruthy();
  });

  it("searches as the citizen types and highlights the matches", async () => {
    window.history.replaceState(null, "", `${BASE}faq`);
    renderPortal(<App />, [
      all,
      listMock("入学", [hit("p1", [seg("小学"), seg("入学", true), seg("怎么报名？")], [seg("适龄儿童"), seg("入学", true), seg("需网上报名……")])]),
    ]);
    await screen.findAllByTestId("portal-kb-hit");
    fireEvent.change(screen.getByTestId("portal-kb-search"), { target: { value: "入学" } });
    await waitFor(() => expect(screen.getAllByTestId("portal-kb-hit")).toHaveLength(1));
    const found = screen.getByTestId("portal-kb-hit");
    expect(Array.from(found.querySelectorAll("mark"), (mark) => mark.textContent)).toEqual(["入学", "入学"]);
    expect(within(found).getByRole("link").getAttribute("href")).toBe(`${BASE}faq/p1`);
    expect(window.location.search).toBe(`?q=${encodeURIComponent("入学")}`);
  });

  it("suggests submitting a request when nothing matches", async () => {
    window.history.replaceState(null, "", `${BASE}faq?q=${encodeURIComponent("火星")}`);
    renderPortal(<App />, [listMock("火星", [])]);
    const none = await screen.findByTestId("portal-kb-none");
    expect(none.textContent).toContain("No answer found for “火星”");
    expect(within(none).getByRole("link", { name: "Submit a request" })).toBeTruthy();
  });

  it("shows one answer without staff details and without running HTML from its body", async () => {
    window.history.replaceState(null, "", `${BASE}faq/p1`);
    renderPortal(<App />, [
      {
        request: { query: KbPublicArticleDocument, variables: { id: "p1" } },
        result: {
          data: {
            publicArticle: {
              __typename: "Article",
              id: "p1",
              title: "小学入学怎么报名？",
              summary: "每年6月在网上报名。",
              body: "## 报名时间\n\n每年6月。\n\n<script>window.__portalPwned = true</script>",
              categories: [{ __typename: "Category", id: "c1", nameZh: "入学", nameEn: "Enrolment" }],
              keywords: ["入学", "报名"],
              owningUnit: { __typename: "Unit", id: "u1", nameZh: "淄博市教育局", nameEn: "Education Bureau" },
              effectiveFrom: "2025-01-01",
              expiresOn: null,
              source: "淄博市教育局 0533-3180000",
              inForce: true,
              updatedAt: "2025-09-01T02:00:00Z",
            },
          },
        },
      },
    ]);
    const article = await screen.findByTestId("portal-article");
    expect(within(article).getByRole("heading", { level: 1 }).textContent).toBe("小学入学怎么报名？");
    // The body's markdown renderer is a lazy chunk: its headings appear once it has loaded.
    expect(await within(article).findByRole("heading", { level: 2, name: "报名时间" })).toBeTruthy();
    expect(within(article).getByTestId("kb-in-force").textContent).toBe("✓ In force");
    expect(article.querySelector("script")).toBeNull();
    expect((window as unknown as { __portalPwned?: boolean }).__portalPwned).toBeUndefined();
    expect(within(article).queryByText(/Version|Used|Written by/)).toBeNull();
  });

  it("says when an answer is no longer available", async () => {
    window.history.replaceState(null, "", `${BASE}faq/gone`);
    renderPortal(<App />, [
      {
        request: { query: KbPublicArticleDocument, variables: { id: "gone" } },
        result: { errors: [{ message: "Not found", extensions: { code: "KNOWLEDGE/ARTICLE_NOT_FOUND" } }] },
      },
    ]);
    expect((await screen.findByTestId("portal-article-missing")).textContent).toContain("It may have expired");
  });

  it("routes faq?q= and faq/<id> (the id decoded once)", async () => {
    window.history.replaceState(null, "", `${BASE}faq?q=%E4%BE%9B%E6%9A%96`);
    const list = renderPortal(<App />, [listMock("供暖", [hit("p2", [seg("冬季"), seg("供暖", true), seg("温度标准")], [])])]);
    expect(((await screen.findByRole("searchbox")) as HTMLInputElement).value).toBe("供暖");
    list.unmount();
    window.history.replaceState(null, "", `${BASE}faq/a%2Fb`);
    renderPortal(<App />, [
      {
        request: { query: KbPublicArticleDocument, variables: { id: "a/b" } },
        result: { errors: [{ message: "Not found", extensions: { code: "KNOWLEDGE/ARTICLE_NOT_FOUND" } }] },
      },
    ]);
    expect(await screen.findByTestId("portal-article-missing")).toBeTruthy();
  });
});
