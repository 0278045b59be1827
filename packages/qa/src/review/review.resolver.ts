import type { AppServices, RequestContext } from "@civicline/platform";
import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { QaWeeklyReviewType } from "./review.types.js";
import { saveWeeklyNotes, weeklyReview } from "./weekly-review.js";

/** The weekly team review and its notes. Access rules: ../access.ts. */
@Resolver()
export class QaReviewResolver {
  constructor(private readonly services: AppServices) {}

  @Query(() => QaWeeklyReviewType, {
    description: "A team's weekly review: QA inspectors and the team's lead in full; supervisors, leaders and admins team figures only (QA/TEAM_NOT_FOUND for others).",
  })
  async qaWeeklyReview(
    @Arg("teamId", () => ID, { description: "Team." }) teamId: string,
    @Arg("weekStart", { description: "The week's Monday, YYYY-MM-DD (Asia/Shanghai)." }) weekStart: string,
    @Ctx() ctx: RequestContext,
  ): Promise<QaWeeklyReviewType> {
    return weeklyReview(this.services.dataSource, { actor: ctx.actor, teamId, weekStart });
  }

  @Mutation(() => QaWeeklyReviewType, { description: "Saves the week's notes (up to 4000 characters): the team's lead or a QA inspector." })
  async saveQaWeeklyNotes(
    @Arg("teamId", () => ID, { description: "Team." }) teamId: string,
    @Arg("weekStart", { description: "The week's Monday, YYYY-MM-DD." }) weekStart: string,
    @Arg("notes", { description: "The notes." }) notes: string,
    @Ctx() ctx: RequestContext,
  ): Promise<QaWeeklyReviewType> {
    await saveWeeklyNotes(this.services.dataSource, { actor: ctx.actor, teamId, weekStart, notes, now: this.services.now?.() });
    return weeklyReview(this.services.dataSource, { actor: ctx.actor, teamId, weekStart });
  }
}
