import { Field, InputType, ObjectType } from "type-graphql";
import { Resolution, Satisfaction, SurveyChannel } from "../callback.enums.js";

@InputType("OnlineRatingInput", { description: "A citizen's rating of the reply, on the portal." })
export class OnlineRatingInput {
  @Field({ description: "The tracking access token from verifyTrackingCode." })
  accessToken!: string;

  @Field(() => Resolution, { description: "Was it resolved?" })
  resolution!: Resolution;

  @Field(() => Satisfaction, { description: "Satisfaction with the result." })
  resultSatisfaction!: Satisfaction;

  @Field(() => Satisfaction, { description: "Satisfaction with how the hotline handled the request." })
  processSatisfaction!: Satisfaction;

  @Field(() => String, { nullable: true, description: "A comment (up to 2,000 characters)." })
  comment?: string | null;
}

@ObjectType("CitizenRating", { description: "The citizen's answers about the latest reply, given by phone or online." })
export class CitizenRatingType {
  @Field(() => Resolution, { description: "Was it resolved?" })
  resolution!: Resolution;

  @Field(() => Satisfaction, { description: "Satisfaction with the result." })
  resultSatisfaction!: Satisfaction;

  @Field(() => Satisfaction, { description: "Satisfaction with how the hotline handled the request." })
  processSatisfaction!: Satisfaction;

  @Field(() => String, { nullable: true, description: "The comment." })
  comment!: string | null;

  @Field({ description: "When it was given." })
  ratedAt!: Date;

  @Field(() => SurveyChannel, { description: "PHONE (to a callback agent) or ONLINE." })
  channel!: SurveyChannel;
}
