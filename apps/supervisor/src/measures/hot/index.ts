/** Hot issues' route, nav entry and wording (for App.tsx; the dashboard imports HotIssueSummary.tsx itself). */
export { hotNavItems, HotRoutes, isHotPath } from "./routes.tsx";
export { useHotT } from "./messages.ts";
