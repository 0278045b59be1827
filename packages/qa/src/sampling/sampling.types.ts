import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { QaCallType, QaPersonType } from "../calls/call-record.types.js";
import { QaSampleReason } from "../qa.enums.js";

@ObjectType("QaSample", { description: "A call picked by a day's sampling for inspection." })
export class QaSampleType {
  @Field(() => ID, { description: "Sample id." })
  id!: string;

  @Field({ description: "The sampled day (YYYY-MM-DD, centre time)." })
  day!: string;

  @Field(() => QaSampleReason, { description: "Why it was picked." })
  reason!: QaSampleReason;

  @Field(() => Int, { description: "Its place in the day's sample." })
  position!: number;

  @Field(() => QaPersonType, { description: "The call-taker." })
  callTaker!: QaPersonType;

  @Field(() => QaCallType, { description: "The call." })
  call!: QaCallType;

  @Field(() => Date, { nullable: true, description: "When it was inspected; null while it waits in the queue." })
  inspectedAt!: Date | null;
}

@ObjectType("QaSamplePage", { description: "A page of the inspection queue." })
export class QaSamplePageType {
  @Field(() => Int, { description: "Samples waiting that match the filter." })
  total!: number;

  @Field(() => [QaSampleType], { description: "This page: oldest day first, in the sample's order." })
  items!: QaSampleType[];
}

@ObjectType("QaSamplingSettings", { description: "How the daily sample is drawn." })
export class QaSamplingSettingsType {
  @Field(() => Int, { description: "Calls picked at random per call-taker and day, besides the risk picks." })
  randomPerCallTaker!: number;

  @Field(() => Int, { description: "A call talked at least this many seconds is a risk pick." })
  longCallSeconds!: number;

  @Field(() => [ID], { description: "Direct answers in these categories (and their sub-categories) are risk picks." })
  sensitiveCategoryIds!: string[];

  @Field({ description: "With the day, decides the random picks (same day + seed → same sample)." })
  seed!: string;
}

@InputType("QaSamplingSettingsInput", { description: "New sampling settings." })
export class QaSamplingSettingsInput {
  @Field(() => Int, { description: "0 … 20." })
  randomPerCallTaker!: number;

  @Field(() => Int, { description: "60 … 7,200 seconds." })
  longCallSeconds!: number;

  @Field(() => [ID], { description: "Sensitive categories." })
  sensitiveCategoryIds!: string[];

  @Field(() => String, { nullable: true, description: "A new seed; leave out to keep it." })
  seed?: string | null;
}

@ObjectType("QaSamplingRun", { description: "A day's sampling." })
export class QaSamplingRunType {
  @Field({ description: "The day sampled." })
  day!: string;

  @Field(() => Int, { description: "Calls it picked." })
  samples!: number;

  @Field({ description: "False when the day had already been sampled (nothing changed)." })
  created!: boolean;
}
