import { RankingWeightsVersion } from "./ranking-weights.entity.js";
import { RankingResolver } from "./ranking.resolver.js";

/** What the department ranking adds to the supervision module. */
export const rankingEntities = [RankingWeightsVersion];
export const rankingResolvers = [RankingResolver];
