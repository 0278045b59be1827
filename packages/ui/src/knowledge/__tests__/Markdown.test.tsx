import { screen, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { MarkdownBody } from "../Markdown.tsx";
import { renderIn as renderNow } from "./render.tsx";

/** Renders and waits for the lazily loaded markdown renderer to replace the loading placeholder. */
async function renderIn(ui: ReactNode) {
  const result = renderNow(ui);
  await waitFor(() => expect(result.container.querySelector(".kb-markdown[aria-busy]")).toBeNull());
  return result;
}

describe("MarkdownBody", { timeout: 20_000 }, () => {
  it("shows a loading placeholder until the markdown renderer (a chunk of its own) has loaded", async () => {
    const { container } = renderNow(<MarkdownBody source={"**粗体**"} />);
    expect(container.querySelector(".kb-markdown[aria-busy='true'] [role='status']")).not.toBeNull();
    expect((await screen.findByText("粗体")).tagName).toBe("STRONG");
  });

  it("renders Markdown and GitHub tables", async () => {
    await renderIn(<MarkdownBody source={"## 办理材料\n\n- **户口簿**\n- 房产证\n\n| 区县 | 电话 |\n| --- | --- |\n| 张店区 | 0533-1234567 |"} />);
    expect(screen.getByRole("heading", { level: 2, name: "办理材料" })).toBeTruthy();
    expect(screen.getByText("户口簿").tagName).toBe("STRONG");
    expect(screen.getByRole("table")).toBeTruthy();
    expect(screen.getByRole("cell", { name: "张店区" })).toBeTruthy();
  });

  it("makes bold next to Chinese characters bold, not literal asterisks", async () => {
    const { container } = await renderIn(<MarkdownBody source={"收费标准在基准价的**60%–300%**之间，由**区县（市）**确定。"} />);
    expect(screen.getByText("60%–300%").tagName).toBe("STRONG");
    expect(screen.getByText("区县（市）").tagName).toBe("STRONG");
    expect(container.textContent).not.toContain("**");
  });

  it("nests the body's headings under the article title", async () => {
    await renderIn(<MarkdownBody source={"# 申请条件\n\n正文\n\n## 所需材料"} headingLevel={3} />);
    expect(screen.getByRole("heading", { level: 3, name: "申请条件" })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 4, name: "所需材料" })).toBeTruthy();
  });

  it("never turns raw HTML into elements: no <script>, no event handlers, no iframes", async () => {
    const source = [
      "正文",
      "",
      '<script>window.__pwned = true</script>',
      "",
      '<img src="x" onerror="window.__pwned = true">',
      "",
      '<iframe src="https://evil.example"></iframe>',
      "",
      'Inline <b onclick="alert(1)">bold</b> text',
    ].join("\n");
    const { container } = await renderIn(<MarkdownBody source={source} />);
    expect(container.querySelector("script, img, iframe, b, [onerror], [onclick]")).toBeNull();
    expect((window as unknown as { __pwned?: boolean }).__pwned).toBeUndefined();
    // The markup stays visible as text, so an author sees that HTML is not supported.
    expect(container.textContent).toContain("<script>window.__pwned = true</script>");
  });

  it("drops javascript: links but keeps ordinary ones, opened safely in a new tab", async () => {
    await renderIn(<MarkdownBody source={"[点我](javascript:alert(1)) [教育局](https://edu.zibo.gov.cn/)"} />);
    const bad = screen.getByText("点我").closest("a");
    expect(bad?.getAttribute("href") ?? "").not.toContain("javascript");
    const good = screen.getByRole("link", { name: "教育局" });
    expect(good.getAttribute("href")).toBe("https://edu.zibo.gov.cn/");
    expect(good.getAttribute("rel")).toBe("noopener noreferrer");
  });
});
