/** What other pages (the measures dashboard) embed from the department ranking. */
export { RankingSummary } from "./RankingSummary.tsx";
export { RankingTable, unitTicketsHref } from "./RankingTable.tsx";
export { RANKING_PATH, RANKING_ROLES } from "./paths.ts";
export { isRankingPath, rankingNavItems, RankingRoutes } from "./routes.tsx";
export { useRankingT } from "./messages.ts";
