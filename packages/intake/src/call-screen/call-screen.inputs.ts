import { Field, Float, ID, InputType } from "type-graphql";
import { Channel, Privacy, RequestType, Urgency } from "../ticket/ticket.enums.js";
import { EmergencyService } from "./call-screen.enums.js";

@InputType({ description: "A value for one of the category's extra fields." })
export class ExtraFieldInput {
  @Field({ description: "The field's key (see Category.fields)." })
  key!: string;

  @Field({ description: "The value: text, a number, a date (YYYY-MM-DD) or one of the options." })
  value!: string;
}

@InputType({ description: "A call (or API request) as the call-taker logs it." })
export class LogCallInput {
  @Field(() => ID, { nullable: true, description: "The screen-pop's call id; links the ticket to the call." })
  callId?: string | null;

  @Field(() => Channel, {
    nullable: true,
    defaultValue: Channel.PHONE,
    description: "Where the request came in. Staff: any but PORTAL. API clients: API, OPEN311 or SMS_WECHAT.",
  })
  channel?: Channel | null;

  @Field(() => RequestType, { description: "Kind of request; a REPORT defaults to CONFIDENTIAL privacy." })
  requestType!: RequestType;

  @Field(() => ID, { description: "A selectable category (see `categories`)." })
  categoryId!: string;

  @Field(() => String, { nullable: true, description: "A short title (up to 100 characters)." })
  title?: string | null;

  @Field({ description: "What the caller reports and asks for (4 to 4,000 characters)." })
  description!: string;

  @Field(() => ID, { description: "District or county (see `areas`)." })
  districtId!: string;

  @Field(() => ID, { nullable: true, description: "Township or street within the district." })
  townshipId?: string | null;

  @Field({ description: "Street address or place (up to 200 characters)." })
  address!: string;

  @Field(() => Float, { nullable: true, description: "Latitude (WGS-84); give both coordinates or neither." })
  latitude?: number | null;

  @Field(() => Float, { nullable: true, description: "Longitude (WGS-84); give both coordinates or neither." })
  longitude?: number | null;

  @Field(() => Urgency, { nullable: true, defaultValue: Urgency.NORMAL, description: "How fast it must be handled." })
  urgency?: Urgency | null;

  @Field({ description: "The caller's name (up to 50 characters)." })
  citizenName!: string;

  @Field({ description: "Mainland mobile (13812345678) or landline with area code (0533-1234567)." })
  phone!: string;

  @Field(() => String, { nullable: true, description: "The caller's e-mail address." })
  citizenEmail?: string | null;

  @Field(() => String, { nullable: true, description: "The caller's 18-character resident ID number; stored, only ever shown masked." })
  citizenIdNumber?: string | null;

  @Field(() => Privacy, { nullable: true, description: "Default NONE; a REPORT (whistle-blowing) defaults to CONFIDENTIAL." })
  privacy?: Privacy | null;

  @Field(() => [ExtraFieldInput], { nullable: true, defaultValue: [], description: "Values of the category's extra fields." })
  extraFields?: ExtraFieldInput[] | null;

  @Field(() => [ID], {
    nullable: true,
    defaultValue: [],
    description: "Files uploaded by the caller of this mutation through POST /uploads: JPEG, PNG, WebP, GIF or PDF, at most 10 MB each, at most 10.",
  })
  attachmentIds?: string[] | null;

  @Field(() => String, { nullable: true, description: "Idempotency: the same key returns the ticket created the first time." })
  clientRequestId?: string | null;
}

@InputType({ description: "What the call is about, to find open tickets about the same matter." })
export class DuplicateQuery {
  @Field(() => ID, { description: "The chosen category." })
  categoryId!: string;

  @Field(() => ID, { description: "The chosen district or county." })
  districtId!: string;

  @Field(() => ID, { nullable: true, description: "The chosen township or street, when known." })
  townshipId?: string | null;

  @Field({ description: "The address typed so far." })
  address!: string;

  @Field(() => String, { nullable: true, description: "The description typed so far." })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: "A ticket to leave out (the one being edited)." })
  excludeTicketId?: string | null;
}

@InputType({ description: "A hand-off of an emergency to 110/119/120/122." })
export class EmergencyHandoffInput {
  @Field(() => EmergencyService, { description: "The service the call was handed to." })
  service!: EmergencyService;

  @Field({ description: "The reference number the service gave (up to 64 characters)." })
  reference!: string;

  @Field(() => [String], { description: "Checklist items gone through, in order (at most 20, each up to 200 characters)." })
  checklist!: string[];

  @Field(() => Date, {
    nullable: true,
    description: "When the hand-off happened, if it was noted on the call screen before the call could be saved (at most 2 hours ago, not in the future); default: now.",
  })
  handedOffAt?: Date | null;
}

@InputType({ description: "A call ringing at a seat, as the telephony system reports it." })
export class IncomingCallInput {
  @Field(() => ID, { description: "The telephony system's call id (up to 100 characters)." })
  callId!: string;

  @Field({ description: "The caller's number as presented (may be withheld or foreign: then no history is found)." })
  callerNumber!: string;

  @Field({ description: "The seat (workstation) the call rings at, e.g. A01." })
  seat!: string;
}
