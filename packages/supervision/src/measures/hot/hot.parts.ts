import { HotIssueResolver } from "./hot.resolver.js";

/** What hot issues add to the supervision module (no tables: they read the tickets' counts). */
export const hotResolvers = [HotIssueResolver];
