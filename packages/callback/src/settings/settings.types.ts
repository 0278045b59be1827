import { RequestType } from "@civicline/intake";
import { Field, Float, InputType, Int, ObjectType } from "type-graphql";

@ObjectType("CallbackRequestTypeSetting", { description: "Callback limits of one request type." })
export class CallbackRequestTypeSettingType {
  @Field(() => RequestType, { description: "The request type." })
  requestType!: RequestType;

  @Field(() => Int, { description: "The callback is due this many working minutes after the reply (450 = one working day)." })
  dueMinutes!: number;

  @Field(() => Int, { description: "Calls made before the task closes as unreachable." })
  maxTries!: number;

  @Field(() => Int, { description: "Working minutes between two tries." })
  retryMinutes!: number;
}

@ObjectType("CallbackSettings", { description: "How callbacks and missed calls are scheduled. Changes apply to tasks and missed calls created afterwards." })
export class CallbackSettingsType {
  @Field(() => [CallbackRequestTypeSettingType], { description: "One entry per request type." })
  requestTypes!: CallbackRequestTypeSettingType[];

  @Field(() => Float, { description: "Share of direct answers that get a process-satisfaction survey, 0 … 1." })
  surveySampleRate!: number;

  @Field(() => Int, { description: "A missed call is due back this many working minutes after it was abandoned." })
  missedCallReturnMinutes!: number;

  @Field(() => Int, { description: "Return calls made before a missed call closes as unreachable." })
  missedCallMaxTries!: number;

  @Field(() => Int, { description: "Working minutes between two return calls." })
  missedCallRetryMinutes!: number;

  @Field(() => Int, { description: "Minutes a claimed task stays locked to its agent." })
  claimMinutes!: number;

  @Field(() => Date, { nullable: true, description: "When an admin last saved them; null while the defaults apply." })
  updatedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "Who saved them last." })
  updatedBy!: string | null;
}

@InputType("CallbackRequestTypeSettingInput", { description: "Callback limits of one request type." })
export class CallbackRequestTypeSettingInput {
  @Field(() => RequestType, { description: "The request type (each at most once)." })
  requestType!: RequestType;

  @Field(() => Int, { description: "Working minutes after the reply, 30 … 9,000." })
  dueMinutes!: number;

  @Field(() => Int, { description: "Tries, 1 … 10." })
  maxTries!: number;

  @Field(() => Int, { description: "Working minutes between tries, 5 … 2,250." })
  retryMinutes!: number;
}

@InputType("CallbackSettingsInput", { description: "New callback settings; request types left out keep their values." })
export class CallbackSettingsInput {
  @Field(() => [CallbackRequestTypeSettingInput], { nullable: true, description: "Per request type." })
  requestTypes?: CallbackRequestTypeSettingInput[] | null;

  @Field(() => Float, { description: "Direct-answer survey share, 0 … 1." })
  surveySampleRate!: number;

  @Field(() => Int, { description: "Missed-call return limit, 5 … 2,250 working minutes." })
  missedCallReturnMinutes!: number;

  @Field(() => Int, { description: "Missed-call tries, 1 … 10." })
  missedCallMaxTries!: number;

  @Field(() => Int, { description: "Working minutes between return calls, 5 … 900." })
  missedCallRetryMinutes!: number;

  @Field(() => Int, { description: "Claim lock, 1 … 240 minutes." })
  claimMinutes!: number;
}
