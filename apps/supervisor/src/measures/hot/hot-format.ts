import type { HotIssuesQuery } from "../../gql/graphql.ts";
import { ticketSearchHref } from "../../tickets/search/url.ts";

export type HotIssueItem = HotIssuesQuery["hotIssues"]["issues"][number];

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The Asia/Shanghai day (YYYY-MM-DD) of an instant. */
export function dayOf(iso: string): string {
  return new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last day of a window that ends (exclusive) at `iso`. */
export function lastDayBefore(iso: string): string {
  return dayOf(new Date(Date.parse(iso) - 1).toISOString());
}

/** The ticket search for a hot issue: its category and district (and township), received in its window (whole days). */
export function hotIssueSearchHref(issue: Pick<HotIssueItem, "categoryId" | "districtId" | "windowStart" | "windowEnd"> & { townshipId?: string | null }): string {
  return ticketSearchHref({
    categoryId: issue.categoryId,
    districtId: issue.districtId,
    ...(issue.townshipId ? { townshipId: issue.townshipId } : {}),
    receivedFrom: dayOf(issue.windowStart as string),
    receivedTo: lastDayBefore(issue.windowEnd as string),
  });
}

/** A hot issue's key in lists: category × district × township. */
export function hotIssueKey(issue: Pick<HotIssueItem, "categoryId" | "districtId" | "townshipId">): string {
  return `${issue.categoryId}:${issue.districtId}:${issue.townshipId ?? ""}`;
}

/** Numbers in the UI language: 2.5 → "2.5", p-values in scientific notation when small. */
export function formatNumber(value: number, language: string, digits = 1): string {
  return value.toLocaleString(language === "en" ? "en-US" : "zh-CN", { maximumFractionDigits: digits });
}

export function formatP(value: number): string {
  return value < 0.0001 ? value.toExponential(1) : value.toFixed(4);
}
