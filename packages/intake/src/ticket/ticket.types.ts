import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { AreaType, CategoryType } from "../catalog/catalog.types.js";
import {
  AttachmentType,
  CoReporterType,
  EmergencyHandoffType,
  ExtraFieldValueType,
  TicketLinkType,
} from "../call-screen/call-screen.types.js";
import { HistoryActorKind, HistoryNote, HistoryNoteParamType } from "./history-note.js";
import { Channel, Privacy, RequestType, TicketHistoryKind, TicketStatus, Urgency } from "./ticket.enums.js";

@ObjectType("TicketHistoryEntry", { description: "One step in a ticket's life (append-only)." })
export class TicketHistoryEntryType {
  @Field(() => ID, { description: "Entry id (increasing in the order the steps happened)." })
  id!: string;

  @Field({ description: "When it happened." })
  at!: Date;

  @Field(() => TicketHistoryKind, { description: "A status change, or another change recorded with the status unchanged." })
  kind!: TicketHistoryKind;

  @Field(() => TicketStatus, { nullable: true, description: "Status before; null for the first step." })
  fromStatus!: TicketStatus | null;

  @Field(() => TicketStatus, { description: "Status after." })
  toStatus!: TicketStatus;

  @Field(() => String, { nullable: true, description: "Who did it (a staff member's name; for other actor kinds show the translated actorKind)." })
  actorName!: string | null;

  @Field(() => HistoryActorKind, { description: "Who did it, as a kind: STAFF (shown by actorName), the citizen, auto-dispatch, a partner system." })
  actorKind!: HistoryActorKind;

  @Field(() => String, { nullable: true, description: "Why, or what, as recorded in plain text (mixed languages in older entries); prefer noteCode when set." })
  reason!: string | null;

  @Field(() => HistoryNote, { nullable: true, description: "The note as a code to render in the viewer's language with noteParams; null when only reason (text a person typed) applies." })
  noteCode!: HistoryNote | null;

  @Field(() => [HistoryNoteParamType], { description: "Parameters of noteCode (empty without one)." })
  noteParams!: HistoryNoteParamType[];
}

@ObjectType("Ticket", { description: "A work order (工单) as staff see it." })
export class TicketType {
  @Field(() => ID, { description: "Ticket id." })
  id!: string;

  @Field({ description: "Readable unique number given to the citizen, e.g. ZB-20261124-00017." })
  trackingNumber!: string;

  @Field(() => TicketStatus, { description: "Where the ticket is in its life." })
  status!: TicketStatus;

  @Field(() => Channel, { description: "Where the request came in." })
  channel!: Channel;

  @Field(() => RequestType, { description: "Kind of request." })
  requestType!: RequestType;

  @Field(() => Urgency, { description: "How fast it must be handled." })
  urgency!: Urgency;

  @Field(() => CategoryType, { description: "What it is about." })
  category!: CategoryType;

  @Field(() => String, { nullable: true, description: "A short title, when one was given." })
  title!: string | null;

  @Field({ description: "What the citizen asks, in their words as logged." })
  description!: string;

  @Field(() => AreaType, { description: "District or county." })
  district!: AreaType;

  @Field(() => AreaType, { nullable: true, description: "Township or street, when known." })
  township!: AreaType | null;

  @Field({ description: "Street address or place." })
  address!: string;

  @Field(() => Float, { nullable: true, description: "Latitude (WGS-84), when known." })
  latitude!: number | null;

  @Field(() => Float, { nullable: true, description: "Longitude (WGS-84), when known." })
  longitude!: number | null;

  @Field({ description: "The citizen's name; 匿名 / Anonymous for a handling unit when privacy is not NONE." })
  citizenName!: string;

  @Field({ description: "Masked (138****1234) unless the viewer is a call-taker or callback agent; empty for a handling unit when privacy is not NONE." })
  citizenPhone!: string;

  @Field(() => String, { nullable: true, description: "E-mail (masked unless the viewer is a call-taker or callback agent); null for a handling unit when privacy is not NONE." })
  citizenEmail!: string | null;

  @Field(() => String, { nullable: true, description: "Resident ID number, always masked (3703**********1234); null when not given or hidden by privacy." })
  citizenIdNumber!: string | null;

  @Field(() => Privacy, { description: "Who may learn the citizen's identity." })
  privacy!: Privacy;

  @Field(() => [ExtraFieldValueType], { description: "Values of the category's extra fields." })
  extraFields!: ExtraFieldValueType[];

  @Field(() => [AttachmentType], { description: "Attached photos and documents." })
  attachments!: AttachmentType[];

  @Field(() => [TicketLinkType], { description: "Links from this ticket to others, and RELATED links from others to it." })
  links!: TicketLinkType[];

  @Field(() => [CoReporterType], { description: "Callers of duplicates merged into this ticket, oldest first." })
  coReporters!: CoReporterType[];

  @Field(() => [EmergencyHandoffType], { description: "Hand-offs to emergency services, oldest first." })
  emergencyHandoffs!: EmergencyHandoffType[];

  @Field(() => [ID], { description: "Articles the call-taker answered from, when closed as a direct answer." })
  answeredArticleIds!: string[];

  @Field(() => String, { nullable: true, description: "The answer given on the spot, when closed as a direct answer." })
  directAnswer!: string | null;

  @Field(() => ID, { nullable: true, description: "The telephony call id, when logged during a screen-popped call." })
  callId!: string | null;

  @Field({ description: "When the centre received it." })
  receivedAt!: Date;

  @Field(() => Int, { description: "Optimistic-locking version; send it back with changes." })
  version!: number;

  @Field(() => [TicketHistoryEntryType], { description: "The full history, oldest first." })
  history!: TicketHistoryEntryType[];
}

@ObjectType("TicketQueue", { description: "A page of a work queue with its total." })
export class TicketQueueType {
  @Field(() => Int, { description: "How many tickets are in the queue." })
  total!: number;

  @Field(() => [TicketType], { description: "Emergencies first, then urgent, then newest first." })
  items!: TicketType[];
}

@ObjectType("PublicTimelineEntry", { description: "A step of the citizen's timeline (public steps only)." })
export class PublicTimelineEntryType {
  @Field({ description: "When it happened." })
  at!: Date;

  @Field(() => TicketStatus, { description: "The status the request reached." })
  status!: TicketStatus;
}

@ObjectType("PublicTicket", { description: "What a citizen sees of their request: no staff names, no internal notes, no other reporters." })
export class PublicTicketType {
  @Field({ description: "The tracking number." })
  trackingNumber!: string;

  @Field(() => TicketStatus, { description: "Where the request is now." })
  status!: TicketStatus;

  @Field(() => RequestType, { description: "Kind of request." })
  requestType!: RequestType;

  @Field(() => CategoryType, { description: "What it is about." })
  category!: CategoryType;

  @Field(() => AreaType, { description: "District or county." })
  district!: AreaType;

  @Field(() => AreaType, { nullable: true, description: "Township or street, when given." })
  township!: AreaType | null;

  @Field({ description: "The address or place the citizen gave." })
  address!: string;

  @Field({ description: "The request in the citizen's words." })
  description!: string;

  @Field({ description: "When the centre received it." })
  receivedAt!: Date;

  @Field(() => [PublicTimelineEntryType], { description: "Public steps, oldest first." })
  timeline!: PublicTimelineEntryType[];
}

@ObjectType("SubmitRequestPayload", { description: "The result of a submitted request." })
export class SubmitRequestPayloadType {
  @Field({ description: "Give this number (with the phone number) to track the request." })
  trackingNumber!: string;

  @Field({ description: "When the centre received it." })
  receivedAt!: Date;

  @Field(() => String, { nullable: true, description: "The phone (masked, 138****5678) the tracking number is being texted to, when `sendTrackingSms` was asked for." })
  smsSentTo!: string | null;
}
