import { CategoryType, RequestType, Urgency } from "@civicline/intake";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";

@ObjectType("SlaPolicy", { description: "Time limits for tickets of a request type × category × urgency; the most specific matching policy applies." })
export class SlaPolicyType {
  @Field(() => ID, { description: "Policy id." })
  id!: string;

  @Field(() => RequestType, { nullable: true, description: "Request type; null: every type." })
  requestType!: RequestType | null;

  @Field(() => CategoryType, { nullable: true, description: "Category leaf or group; null: every category." })
  category!: CategoryType | null;

  @Field(() => Urgency, { nullable: true, description: "Urgency; null: every urgency." })
  urgency!: Urgency | null;

  @Field(() => Int, { description: "From receipt to dispatch, in working minutes (0: at once)." })
  dispatchMinutes!: number;

  @Field(() => Int, { description: "From dispatch to sign-for, in working minutes." })
  signForMinutes!: number;

  @Field(() => Int, { description: "From dispatch to the reply, in working minutes (one working day = 450)." })
  completionMinutes!: number;

  @Field(() => Int, { description: "Share of the completion limit after which the ticket is near due." })
  nearDuePercent!: number;

  @Field({ description: "The limits run on the clock (nights, weekends and holidays count): for emergencies." })
  aroundTheClock!: boolean;
}

@InputType({ description: "An SLA policy as an admin saves it." })
export class SlaPolicyInput {
  @Field(() => RequestType, { nullable: true, description: "Request type; omit for every type." })
  requestType?: RequestType | null;

  @Field(() => ID, { nullable: true, description: "Category leaf or group; omit for every category." })
  categoryId?: string | null;

  @Field(() => Urgency, { nullable: true, description: "Urgency; omit for every urgency." })
  urgency?: Urgency | null;

  @Field(() => Int, { description: "From receipt to dispatch, minutes (0: at once)." })
  dispatchMinutes!: number;

  @Field(() => Int, { description: "From dispatch to sign-for, minutes." })
  signForMinutes!: number;

  @Field(() => Int, { description: "From dispatch to the reply, minutes (one working day = 450)." })
  completionMinutes!: number;

  @Field(() => Int, { nullable: true, defaultValue: 80, description: "Near-due warning threshold, 1–99 % of the completion limit." })
  nearDuePercent?: number | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: "Count the limits on the clock instead of in working time." })
  aroundTheClock?: boolean | null;
}
