import type { AppServices, RequestContext } from "@civicline/platform";
import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { knowledgeStats } from "./knowledge-stats.js";
import { KnowledgeStatsType } from "./stats.types.js";

@Resolver()
export class StatsResolver {
  constructor(private readonly services: AppServices) {}

  @Query(() => KnowledgeStatsType, { description: "Knowledge-base figures for a period: added, updated, most and never used, gaps, expiring soon. Supervisors, leaders, admins." })
  async knowledgeStats(
    @Arg("from", () => Date, { description: "Start of the period (inclusive)." }) from: Date,
    @Arg("to", () => Date, { description: "End of the period (exclusive)." }) to: Date,
    @Ctx() ctx: RequestContext,
  ): Promise<KnowledgeStatsType> {
    return (await knowledgeStats({ db: this.services.dataSource, actor: ctx.actor, from, to })) as unknown as KnowledgeStatsType;
  }
}
