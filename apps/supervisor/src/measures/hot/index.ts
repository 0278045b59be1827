/** What other pages (the measures dashboard) embed from hot issues. */
export { HotIssueSummary } from "./HotIssueSummary.tsx";
export { HotTrend } from "./HotTrend.tsx";
export { hotIssueSearchHref } from "./hot-format.ts";
export { HOT_PATH, HOT_ROLES } from "./paths.ts";
export { hotNavItems, HotRoutes, isHotPath } from "./routes.tsx";
export { useHotT } from "./messages.ts";
