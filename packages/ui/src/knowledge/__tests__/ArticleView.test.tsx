import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ArticleView } from "../ArticleView.tsx";
import { forceState } from "../dates.ts";
import { buildArticle } from "./fixtures.ts";
import { renderIn } from "./render.tsx";

describe("ArticleView", { timeout: 20_000 }, () => {
  it("shows the article with its status, in-force marker, unit, dates and source for staff", async () => {
    renderIn(<ArticleView article={buildArticle()} headingLevel={1} />, "zh-CN");
    const article = screen.getByTestId("kb-article");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("夜间施工噪音扰民如何投诉？");
    expect(within(article).getByText("已发布")).toBeTruthy();
    expect(screen.getByTestId("kb-in-force").textContent).toBe("✓ 现行有效");
    expect(within(article).getByText("公开（门户网站同步展示）")).toBeTruthy();
    // The body's markdown renderer is a lazy chunk: its headings appear once it has loaded.
    expect(await within(article).findByRole("heading", { level: 2, name: "处理流程" })).toBeTruthy();
    expect(within(article).getByText("淄博市城市管理局")).toBeTruthy();
    expect(within(article).getByText("长期有效")).toBeTruthy();
    expect(within(article).getByText("淄博市城市管理局 0533-12319")).toBeTruthy();
    expect(within(article).getByText("已引用 12 次")).toBeTruthy();
    expect(within(article).getByRole("list", { name: "关键词" }).textContent).toBe("噪音扰民");
  });

  it("leaves staff-only details out for the portal", () => {
    renderIn(<ArticleView article={buildArticle()} staff={false} />);
    const article = screen.getByTestId("kb-article");
    expect(within(article).queryByText("Published")).toBeNull();
    expect(within(article).queryByText(/Used 12 times/)).toBeNull();
    expect(within(article).queryByText("张编辑")).toBeNull();
    expect(within(article).getByText("Construction noise")).toBeTruthy();
  });
});

describe("forceState", () => {
  const base = { inForce: false, effectiveFrom: "2025-01-01", expiresOn: null as string | null };
  it("tells in force, not yet in force and lapsed apart", () => {
    expect(forceState({ ...base, inForce: true }, "2025-06-01")).toBe("inForce");
    expect(forceState({ ...base, status: "PUBLISHED", effectiveFrom: "2025-07-01" }, "2025-06-01")).toBe("notYet");
    expect(forceState({ ...base, status: "PUBLISHED", expiresOn: "2025-05-31" }, "2025-06-01")).toBe("lapsed");
    expect(forceState({ ...base, status: "EXPIRED" }, "2025-06-01")).toBe("lapsed");
    expect(forceState({ ...base, status: "DRAFT" }, "2025-06-01")).toBeNull();
  });
});
