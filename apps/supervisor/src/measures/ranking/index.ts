/** The department ranking's route, nav entry and wording (for App.tsx; the dashboard imports RankingSummary.tsx itself). */
export { isRankingPath, rankingNavItems, RankingRoutes } from "./routes.tsx";
export { useRankingT } from "./messages.ts";
