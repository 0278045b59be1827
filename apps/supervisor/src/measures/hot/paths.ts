/** The hot issues page's path in the supervisor app. */
export const HOT_PATH = "measures/hot";
/** Who opens it (as the API allows). */
export const HOT_ROLES = ["SUPERVISOR", "LEADER", "DISPATCHER", "ADMIN"];
/** Who may merge duplicates and assign to a leader from it. */
export const HOT_MERGERS = ["SUPERVISOR", "DISPATCHER"];
export const HOT_ASSIGNERS = ["SUPERVISOR", "ADMIN"];
