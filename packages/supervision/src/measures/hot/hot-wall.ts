import type { DataSource } from "typeorm";
import type { HotIssueSource } from "../wall/wall-figures.js";
import { computeHotIssues } from "./hot-issues.js";
import { HotWindow, shanghaiDay } from "./hot-window.js";

const DAY_MS = 86_400_000;

/**
 * The wallboard's hot issues: this week's (seven days ending today) top five, most unusual first,
 * with the category × district and window for the drill-down to the ticket search.
 */
export const wallboardHotIssues: HotIssueSource = async (dataSource: DataSource, now: Date) => {
  const list = await computeHotIssues(dataSource, { window: HotWindow.WEEK, now, limit: 5 });
  const fromDay = shanghaiDay(list.windowStart);
  const toDay = shanghaiDay(new Date(list.windowEnd.getTime() - DAY_MS));
  return list.issues.map((issue) => ({
    key: `${issue.categoryId}:${issue.districtId}:${issue.townshipId ?? ""}:${list.lastDay}`,
    titleZh: `${issue.categoryName} · ${issue.districtName}${issue.townshipName ? ` ${issue.townshipName}` : ""}`,
    titleEn: `${issue.categoryNameEn ?? issue.categoryName} · ${issue.districtNameEn ?? issue.districtName}${issue.townshipName ? ` ${issue.townshipNameEn ?? issue.townshipName}` : ""}`,
    count: issue.count,
    categoryId: issue.categoryId,
    districtId: issue.districtId,
    townshipId: issue.townshipId,
    fromDay,
    toDay,
  }));
};
