import { describe, expect, it } from "vitest";
import { appHref } from "@civicline/ui";
import { groupNav } from "./navGroups.ts";

const labels = { supervision: "督办", callback: "回访", dispatch: "派单", knowledge: "知识库" };
const item = (path: string, label = path) => ({ href: appHref(path), label });

describe("supervisor nav groups", () => {
  it("gathers each group's pages into one menu where its first page stands; the rest stay links", () => {
    const nav = groupNav(
      [item("overview"), item("chasing"), item("orders"), item("joint"), item("callback/re-reports"), item("callback/settings"), item("routing/rules"), item("routing/units"), item("knowledge/review"), item("knowledge/articles"), item("leader")],
      labels,
    );
    expect(nav.map((entry) => [entry.label, entry.group ?? null])).toEqual([
      ["overview", null],
      ["chasing", "督办"],
      ["orders", "督办"],
      ["joint", "督办"],
      ["callback/re-reports", "回访"],
      ["callback/settings", "回访"],
      ["routing/rules", "派单"],
      ["routing/units", "派单"],
      ["knowledge/review", "知识库"],
      ["knowledge/articles", "知识库"],
      ["leader", null],
    ]);
  });

  it("keeps a group with a single page as a plain link", () => {
    expect(groupNav([item("overview"), item("routing/rules")], labels).map((entry) => entry.group ?? null)).toEqual([null, null]);
  });

  it("gathers the dashboard, the wall, the overview and the other measures pages under Figures", () => {
    const nav = groupNav([item("measures"), item("wall"), item("overview"), item("chasing"), item("measures/ranking")], { ...labels, measures: "数据" });
    expect(nav.map((entry) => [entry.label, entry.group ?? null])).toEqual([
      ["measures", "数据"],
      ["wall", "数据"],
      ["overview", "数据"],
      ["measures/ranking", "数据"],
      ["chasing", null],
    ]);
  });

  it("keeps the chasing board a plain link for a role that has no other supervision page (dispatchers)", () => {
    expect(groupNav([item("chasing"), item("routing/extensions")], labels).map((entry) => entry.group ?? null)).toEqual([null, null]);
  });
});
