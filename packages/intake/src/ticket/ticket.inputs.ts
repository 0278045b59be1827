import { Field, Float, ID, InputType } from "type-graphql";
import { Privacy, RequestType } from "./ticket.enums.js";

@InputType("PortalAttachmentInput", { description: "A photo uploaded from the portal (POST /uploads without logging in)." })
export class PortalAttachmentInput {
  @Field(() => ID, { description: "The `id` the upload answered." })
  id!: string;

  @Field({ description: "The `uploadKey` the upload answered: proves the photo is yours to attach." })
  uploadKey!: string;
}

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

  @Field(() => Float, { nullable: true, description: "Latitude (WGS-84) of a pin set on the map; give both coordinates or neither." })
  latitude?: number | null;

  @Field(() => Float, { nullable: true, description: "Longitude (WGS-84) of a pin set on the map; give both coordinates or neither." })
  longitude?: number | null;

  @Field({ description: "Your name (up to 50 characters)." })
  citizenName!: string;

  @Field({ description: "Mainland mobile (13812345678) or landline with area code (0533-1234567)." })
  phone!: string;

  @Field(() => String, { nullable: true, description: "Your e-mail address, optional." })
  email?: string | null;

  @Field(() => Privacy, {
    nullable: true,
    description: "NONE: the handling unit may see your name and phone. ANONYMOUS: your name is kept from it. CONFIDENTIAL: your identity is kept from it. Default NONE; a REPORT defaults to CONFIDENTIAL.",
  })
  privacy?: Privacy | null;

  @Field(() => [PortalAttachmentInput], {
    nullable: true,
    defaultValue: [],
    description: "Photos uploaded first through POST /uploads (JPEG, PNG, WebP or GIF, at most 10 MB each, at most 10), each with its upload key.",
  })
  attachments?: PortalAttachmentInput[] | null;

  @Field(() => String, {
    nullable: true,
    description: "Idempotency key (a random UUID, at least 16 characters): sending the same request again with it returns the ticket created the first time.",
  })
  clientRequestId?: string | null;

  @Field({ nullable: true, defaultValue: false, description: "Also send the tracking number and a tracking link by SMS to `phone`." })
  sendTrackingSms?: boolean;
}
