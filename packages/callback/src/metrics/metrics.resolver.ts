import type { AppServices, RequestContext } from "@civicline/platform";
import { Arg, Ctx, Field, Float, ID, Int, ObjectType, Query, Resolver } from "type-graphql";
import { satisfactionSummary } from "./satisfaction-summary.js";

@ObjectType("SatisfactionSummary", {
  description:
    "Callback satisfaction in a period [from, to), by answer time; phone and online answers count alike. Result satisfaction = (very satisfied + satisfied + basically satisfied) / answered, over reasonable requests only (unjudged and online answers count as reasonable). Process satisfaction = the same share for the service question over every answer (reply callbacks and direct-answer surveys).",
})
export class SatisfactionSummaryType {
  @Field({ description: "Start (inclusive)." })
  from!: Date;

  @Field({ description: "End (exclusive)." })
  to!: Date;

  @Field(() => Int, { description: "Reply callbacks answered (phone + online)." })
  answered!: number;

  @Field(() => Int, { description: "Of those, answered online." })
  onlineAnswered!: number;

  @Field(() => Int, { description: "Reply callbacks answered about reasonable requests (the denominator of result satisfaction)." })
  reasonableAnswered!: number;

  @Field(() => Int, { description: "Of those, satisfied with the result (very satisfied, satisfied, basically satisfied)." })
  resultSatisfied!: number;

  @Field(() => Float, { nullable: true, description: "resultSatisfied / reasonableAnswered (0 … 1); null without answers." })
  resultSatisfactionRate!: number | null;

  @Field(() => Int, { description: "Every answer to the service question (reply callbacks and direct-answer surveys)." })
  processAnswered!: number;

  @Field(() => Int, { description: "Of those, satisfied with the service." })
  processSatisfied!: number;

  @Field(() => Float, { nullable: true, description: "processSatisfied / processAnswered (0 … 1); null without answers." })
  processSatisfactionRate!: number | null;

  @Field(() => Int, { description: "Callback tasks closed as not reached in the period." })
  unreachable!: number;

  @Field(() => Int, { description: "Re-reports proposed in the period." })
  reReportsProposed!: number;
}

@Resolver()
export class CallbackMetricsResolver {
  constructor(private readonly services: AppServices) {}

  @Query(() => SatisfactionSummaryType, { description: "Satisfaction figures of a period (at most 366 days), optionally for one lead unit. Supervisors, admins, leaders." })
  satisfactionSummary(
    @Arg("from", { description: "Start (inclusive)." }) from: Date,
    @Arg("to", { description: "End (exclusive)." }) to: Date,
    @Arg("unitId", () => ID, { nullable: true, description: "Only tickets this unit replied to as lead unit." }) unitId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<SatisfactionSummaryType> {
    return satisfactionSummary(this.services.dataSource, { actor: ctx.actor, from, to, unitId });
  }
}
