import { Channel, RequestType, TicketStatus, Urgency } from "@civicline/intake";
import { DeadlineState } from "@civicline/routing";
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { MeasureDrillDownInputType } from "../measures/engine/drill-down.js";

export enum TicketSearchSort {
  RECEIVED_DESC = "RECEIVED_DESC",
  RECEIVED_ASC = "RECEIVED_ASC",
  DUE_ASC = "DUE_ASC",
}

registerEnumType(TicketSearchSort, {
  name: "TicketSearchSort",
  description: "Order of a ticket search.",
  valuesConfig: {
    RECEIVED_DESC: { description: "Newest first (received time)." },
    RECEIVED_ASC: { description: "Oldest first (received time)." },
    DUE_ASC: { description: "Soonest completion deadline first; tickets without one last." },
  },
});

@InputType("DateRangeInput", { description: "A time range; either end may be left open. The end must not be before the start." })
export class DateRangeInput {
  @Field(() => Date, { nullable: true, description: "From (inclusive)." })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: "To (inclusive)." })
  to?: Date | null;
}

@InputType("TicketSearchFilter", { description: "What to look for; every criterion is optional and they are combined with AND." })
export class TicketSearchFilterInput {
  @Field(() => String, { nullable: true, description: "A whole tracking number (exact) or a part of one (3+ characters)." })
  trackingNumber?: string | null;

  @Field(() => String, { nullable: true, description: "The caller's phone, whole or 4+ digits of it. Only call-takers and callback agents (SUPERVISION/PHONE_SEARCH_NOT_ALLOWED otherwise)." })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: "Words or Chinese text in title, description, address, replies and progress notes (at most 200 characters)." })
  text?: string | null;

  @Field(() => [TicketStatus], { nullable: true, description: "Any of these statuses." })
  statuses?: TicketStatus[] | null;

  @Field(() => [RequestType], { nullable: true, description: "Any of these request types." })
  requestTypes?: RequestType[] | null;

  @Field(() => [Channel], { nullable: true, description: "Any of these channels." })
  channels?: Channel[] | null;

  @Field(() => [Urgency], { nullable: true, description: "Any of these urgencies." })
  urgencies?: Urgency[] | null;

  @Field(() => ID, { nullable: true, description: "This category and every category below it." })
  categoryId?: string | null;

  @Field(() => ID, { nullable: true, description: "District (area id)." })
  districtId?: string | null;

  @Field(() => ID, { nullable: true, description: "Township or street (area id)." })
  townshipId?: string | null;

  @Field(() => ID, { nullable: true, description: "Lead unit of the current assignment." })
  leadUnitId?: string | null;

  @Field(() => DateRangeInput, { nullable: true, description: "Received in this range." })
  received?: DateRangeInput | null;

  @Field(() => DateRangeInput, { nullable: true, description: "First dispatched in this range." })
  dispatched?: DateRangeInput | null;

  @Field(() => DateRangeInput, { nullable: true, description: "Replied by the unit in this range." })
  replied?: DateRangeInput | null;

  @Field(() => DateRangeInput, { nullable: true, description: "Closed in this range." })
  closed?: DateRangeInput | null;

  @Field(() => Boolean, { nullable: true, description: "Only tickets past their completion deadline now." })
  overdue?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Only tickets past their near-due point and not yet overdue." })
  nearDue?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Only tickets a unit has returned (退单) at least once." })
  returned?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Only tickets re-reported (续报) at least once." })
  reReported?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Only tickets with an open supervision order (督办)." })
  underSupervision?: boolean | null;

  @Field(() => MeasureDrillDownInputType, { nullable: true, description: "Only the tickets behind a measure's figure (see `measures`: MeasureFigure.numeratorCounter / denominatorCounter)." })
  measure?: MeasureDrillDownInputType | null;
}

// simpleResolvers: plain properties (the service computes every value, masking included), read by
// GraphQL's default resolver instead of a type-graphql wrapper per field (a page has 20 × 25 of them)
@ObjectType("TicketSearchHit", { description: "A ticket in a search result; the caller's identity as the viewer may see it.", simpleResolvers: true })
export class TicketSearchHitType {
  @Field(() => ID, { description: "Ticket id." })
  id!: string;

  @Field({ description: "Tracking number." })
  trackingNumber!: string;

  @Field({ description: "Title (or the start of the description)." })
  title!: string;

  @Field(() => TicketStatus, { description: "Status." })
  status!: TicketStatus;

  @Field(() => RequestType, { description: "Request type." })
  requestType!: RequestType;

  @Field(() => Channel, { description: "Channel." })
  channel!: Channel;

  @Field(() => Urgency, { description: "Urgency." })
  urgency!: Urgency;

  @Field(() => String, { nullable: true, description: "Category name (Chinese)." })
  categoryNameZh!: string | null;

  @Field(() => String, { nullable: true, description: "Category name (English)." })
  categoryNameEn!: string | null;

  @Field(() => String, { nullable: true, description: "District name." })
  districtName!: string | null;

  @Field(() => String, { nullable: true, description: "Township or street name." })
  townshipName!: string | null;

  @Field(() => String, { nullable: true, description: "Lead unit of the current assignment (Chinese)." })
  leadUnitNameZh!: string | null;

  @Field(() => String, { nullable: true, description: "Lead unit of the current assignment (English)." })
  leadUnitNameEn!: string | null;

  @Field({ description: "Received." })
  receivedAt!: Date;

  @Field(() => Date, { nullable: true, description: "First dispatched." })
  dispatchedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "Replied by the unit." })
  repliedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "Closed." })
  closedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "Completion deadline of the current assignment." })
  completionDueAt!: Date | null;

  @Field(() => DeadlineState, { nullable: true, description: "Against the completion deadline (null before dispatch)." })
  deadlineState!: DeadlineState | null;

  @Field(() => Int, { description: "Returns (退单) so far." })
  returnedCount!: number;

  @Field(() => Int, { description: "Accepted re-reports (续报) so far." })
  reReportCount!: number;

  @Field({ description: "Has an open supervision order." })
  underSupervision!: boolean;

  @Field({ description: "Caller's name (匿名 / Anonymous where the ticket's privacy hides it from the viewer)." })
  citizenName!: string;

  @Field({ description: "Caller's phone: in full for call-takers and callback agents, masked for others, empty where hidden." })
  citizenPhone!: string;
}

@ObjectType("TicketSearchPage", { description: "One page of a ticket search.", simpleResolvers: true })
export class TicketSearchPageType {
  @Field(() => [TicketSearchHitType], { description: "The tickets of this page." })
  hits!: TicketSearchHitType[];

  @Field(() => String, { nullable: true, description: "Pass as `after` for the next page." })
  endCursor!: string | null;

  @Field({ description: "Whether another page follows." })
  hasNextPage!: boolean;

  @Field(() => Int, { nullable: true, description: "Matches, counted up to 1,000 (first page only; null on later pages)." })
  total!: number | null;

  @Field({ description: "More than 1,000 match." })
  totalCapped!: boolean;
}
