import { Field, ID, Int, ObjectType } from "type-graphql";
import { AreaType, CategoryType } from "../catalog/catalog.types.js";
import { Channel, RequestType, TicketStatus, Urgency } from "./ticket.enums.js";

@ObjectType("TicketHistoryEntry", { description: "One step in a ticket's life (append-only)." })
export class TicketHistoryEntryType {
  @Field(() => ID)
  id!: string;

  @Field({ description: "When it happened." })
  at!: Date;

  @Field(() => TicketStatus, { nullable: true, description: "Status before; null for the first step." })
  fromStatus!: TicketStatus | null;

  @Field(() => TicketStatus, { description: "Status after." })
  toStatus!: TicketStatus;

  @Field(() => String, { nullable: true, description: "Who did it." })
  actorName!: string | null;

  @Field(() => String, { nullable: true, description: "Why, when a reason was given." })
  reason!: string | null;
}

@ObjectType("Ticket", { description: "A work order (工单) as staff see it." })
export class TicketType {
  @Field(() => ID)
  id!: string;

  @Field({ description: "Readable unique number given to the citizen, e.g. ZB-20261124-00017." })
  trackingNumber!: string;

  @Field(() => TicketStatus)
  status!: TicketStatus;

  @Field(() => Channel)
  channel!: Channel;

  @Field(() => RequestType)
  requestType!: RequestType;

  @Field(() => Urgency)
  urgency!: Urgency;

  @Field(() => CategoryType)
  category!: CategoryType;

  @Field({ description: "What the citizen asks, in their words as logged." })
  description!: string;

  @Field(() => AreaType, { description: "District or county." })
  district!: AreaType;

  @Field(() => AreaType, { nullable: true, description: "Township or street, when known." })
  township!: AreaType | null;

  @Field({ description: "Street address or place." })
  address!: string;

  @Field({ description: "The citizen's name." })
  citizenName!: string;

  @Field({ description: "Masked (138****1234) unless the viewer is a call-taker or callback agent." })
  citizenPhone!: string;

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

  @Field(() => [TicketType], { description: "Most urgent first, then newest first." })
  items!: TicketType[];
}

@ObjectType("PublicTimelineEntry", { description: "A step of the citizen's timeline (public steps only)." })
export class PublicTimelineEntryType {
  @Field()
  at!: Date;

  @Field(() => TicketStatus)
  status!: TicketStatus;
}

@ObjectType("PublicTicket", { description: "What a citizen sees of their request: no staff names, no internal notes." })
export class PublicTicketType {
  @Field()
  trackingNumber!: string;

  @Field(() => TicketStatus)
  status!: TicketStatus;

  @Field(() => RequestType)
  requestType!: RequestType;

  @Field(() => CategoryType)
  category!: CategoryType;

  @Field(() => AreaType)
  district!: AreaType;

  @Field(() => AreaType, { nullable: true })
  township!: AreaType | null;

  @Field()
  receivedAt!: Date;

  @Field(() => [PublicTimelineEntryType], { description: "Public steps, oldest first." })
  timeline!: PublicTimelineEntryType[];
}

@ObjectType("SubmitRequestPayload", { description: "The result of a submitted request." })
export class SubmitRequestPayloadType {
  @Field({ description: "Give this number (with the phone number) to track the request." })
  trackingNumber!: string;

  @Field()
  receivedAt!: Date;
}
