import { Field, Float, ID, Int, ObjectType } from "type-graphql";

@ObjectType("WallboardRate", { description: "A share with the counts behind it, so that a person can check it." })
export class WallboardRateType {
  @Field(() => Int, { description: "The numerator (e.g. satisfied answers)." })
  numerator!: number;

  @Field(() => Int, { description: "The denominator (e.g. answers given)." })
  denominator!: number;

  @Field(() => Float, { nullable: true, description: "numerator / denominator, 0 … 1; null when the denominator is 0." })
  rate!: number | null;
}

@ObjectType("WallboardHotIssue", { description: "One of the top hot issues (热点) shown on the wallboard." })
export class WallboardHotIssueType {
  @Field({ description: "A stable key of the hot issue (category × area × window)." })
  key!: string;

  @Field({ description: "Its title in Chinese (category and area)." })
  titleZh!: string;

  @Field({ description: "Its title in English (falls back to the Chinese names)." })
  titleEn!: string;

  @Field(() => Int, { description: "Tickets in its window." })
  count!: number;

  @Field(() => ID, { nullable: true, description: "The category, for the drill-down to the ticket search." })
  categoryId!: string | null;

  @Field(() => ID, { nullable: true, description: "The district, for the drill-down." })
  districtId!: string | null;

  @Field(() => ID, { nullable: true, description: "The township, for the drill-down." })
  townshipId!: string | null;

  @Field(() => String, { nullable: true, description: "First day of its window (YYYY-MM-DD, Asia/Shanghai)." })
  fromDay!: string | null;

  @Field(() => String, { nullable: true, description: "Last day of its window (YYYY-MM-DD, Asia/Shanghai)." })
  toDay!: string | null;
}

@ObjectType("Wallboard", {
  description:
    "The centre's wall display (大屏): today's figures, what is late now, callbacks waiting, this month's satisfaction and the top hot issues. Read from maintained counters; pushed live by `wallboardChanged`, computed once per event for every viewer.",
})
export class WallboardType {
  @Field(() => ID, { description: "This computation's id (every viewer of one push holds the same)." })
  id!: string;

  @Field({ description: "When it was computed." })
  computedAt!: Date;

  @Field({ description: "Today in Asia/Shanghai (YYYY-MM-DD): the day of the day figures." })
  day!: string;

  @Field({ description: "This month in Asia/Shanghai (YYYY-MM): the month of the satisfaction figures." })
  month!: string;

  @Field(() => Int, { description: "Tickets received today (受理)." })
  received!: number;

  @Field(() => Int, { description: "Tickets received today and answered on the spot (直接办结)." })
  answeredOnSpot!: number;

  @Field(() => Int, { description: "Tickets dispatched today (派单), re-dispatches included." })
  dispatched!: number;

  @Field(() => Int, { description: "Tickets overdue now at any stage (超期), from the chasing board's counters." })
  overdueNow!: number;

  @Field(() => Int, { description: "Tickets near due now (临期), from the chasing board's counters." })
  nearDueNow!: number;

  @Field(() => Int, { description: "Callback tasks waiting to be done (待回访)." })
  callbacksWaiting!: number;

  @Field(() => WallboardRateType, { description: "This month's result satisfaction (办理结果满意率), reasonable requests only, as callback defines it." })
  resultSatisfaction!: WallboardRateType;

  @Field(() => WallboardRateType, { description: "This month's process satisfaction (服务过程满意率), as callback defines it." })
  processSatisfaction!: WallboardRateType;

  @Field(() => [WallboardHotIssueType], { description: "The top hot issues now (at most 5)." })
  hotIssues!: WallboardHotIssueType[];
}
