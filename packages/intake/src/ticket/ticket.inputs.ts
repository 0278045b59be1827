import { Field, ID, InputType } from "type-graphql";
import { RequestType } from "./ticket.enums.js";

@InputType({ description: "A request as a citizen submits it on the portal." })
export class SubmitRequestInput {
  @Field(() => RequestType, { description: "Kind of request; a REPORT (whistle-blowing) is kept confidential." })
  requestType!: RequestType;

  @Field(() => ID, { description: "A selectable category (see `categories`)." })
  categoryId!: string;

  @Field({ description: "What happened and what you ask for (4 to 4,000 characters)." })
  description!: string;

  @Field(() => ID, { description: "District or county (see `areas`)." })
  districtId!: string;

  @Field(() => ID, { nullable: true, description: "Township or street within the district." })
  townshipId?: string | null;

  @Field({ description: "Street address or place (up to 200 characters)." })
  address!: string;

  @Field({ description: "Your name (up to 50 characters)." })
  citizenName!: string;

  @Field({ description: "Mainland mobile (13812345678) or landline with area code (0533-1234567)." })
  phone!: string;
}
