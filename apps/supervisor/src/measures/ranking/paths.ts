/** The ranking page's path in the supervisor app. */
export const RANKING_PATH = "measures/ranking";
/** Who opens it (as the API allows). */
export const RANKING_ROLES = ["SUPERVISOR", "LEADER", "ADMIN"];
