import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ArticleDiffView, collapseRun, DiffView } from "../DiffView.tsx";
import { renderIn } from "./render.tsx";

describe("DiffView", { timeout: 20_000 }, () => {
  it("shows added text in <ins> and removed text in <del>, each labelled for screen readers", () => {
    renderIn(
      <DiffView
        label="Body"
        segments={[
          { kind: "SAME", text: "受理时间：" },
          { kind: "REMOVED", text: "3月1日" },
          { kind: "ADDED", text: "4月1日" },
          { kind: "SAME", text: "起。" },
        ]}
      />,
      "zh-CN",
    );
    const group = screen.getByRole("group", { name: "Body" });
    const ins = group.querySelector("ins");
    const del = group.querySelector("del");
    expect(ins?.textContent).toBe("新增： 4月1日");
    expect(del?.textContent).toBe("删除： 3月1日");
    expect(ins?.querySelector(".visually-hidden")?.textContent).toBe("新增： ");
    expect(ins?.className).toContain("kb-diff__added");
    expect(del?.className).toContain("kb-diff__removed");
    expect(group.textContent).toBe("受理时间：删除： 3月1日新增： 4月1日起。");
  });

  it("says there are no changes instead of repeating unchanged text", () => {
    renderIn(<DiffView segments={[{ kind: "SAME", text: "不变的正文" }]} />);
    expect(screen.getByText("No changes.")).toBeTruthy();
    expect(screen.queryByText("不变的正文")).toBeNull();
  });

  it("shows keyword changes as chips", () => {
    renderIn(
      <DiffView
        variant="chips"
        label="Keywords"
        segments={[
          { kind: "SAME", text: "噪音" },
          { kind: "ADDED", text: "扰民" },
          { kind: "REMOVED", text: "吵闹" },
        ]}
      />,
    );
    const items = within(screen.getByRole("group", { name: "Keywords" })).getAllByRole("listitem");
    expect(items.map((item) => item.className)).toEqual(["kb-chip kb-chip--same", "kb-chip kb-chip--added", "kb-chip kb-chip--removed"]);
    expect(items[1]?.textContent).toBe("Added: 扰民");
  });

  it("shortens long unchanged runs of the body around the change", () => {
    const long = "条".repeat(1000);
    expect(Array.from(collapseRun(long)).length).toBeLessThan(400);
    expect(collapseRun("短文本")).toBe("短文本");
    renderIn(
      <ArticleDiffView
        diff={{
          fromVersion: 1,
          toVersion: 2,
          title: [{ kind: "SAME", text: "标题" }],
          summary: [{ kind: "SAME", text: "摘要" }],
          body: [
            { kind: "SAME", text: long },
            { kind: "ADDED", text: "新增一句。" },
          ],
          keywords: [],
        }}
      />,
    );
    expect(screen.getByRole("heading", { name: "Changes from version 1 to version 2" })).toBeTruthy();
    const body = screen.getByTestId("kb-diff-body");
    expect(body.textContent).toContain(" … ");
    expect(body.querySelector("ins")?.textContent).toBe("Added: 新增一句。");
    expect(screen.getByTestId("kb-diff-title").textContent).toBe("No changes.");
  });
});
