import { TicketStatus } from "@civicline/intake";
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { HotWindow } from "./hot-window.js";

registerEnumType(HotWindow, {
  name: "HotWindow",
  description: "A hot-issue window: one day, or seven days, ending with the chosen day.",
  valuesConfig: { DAY: { description: "One Asia/Shanghai day." }, WEEK: { description: "Seven Asia/Shanghai days." } },
});

@ObjectType("HotTrendPoint", { description: "A hot issue's count in one week before the window, or in the window itself." })
export class HotTrendPointType {
  @Field(() => Date, { description: "Start (inclusive)." })
  start!: Date;

  @Field(() => Date, { description: "End (exclusive)." })
  end!: Date;

  @Field(() => Int, { description: "Tickets received." })
  count!: number;

  @Field({ description: "True for the window being tested (the last point)." })
  current!: boolean;
}

@ObjectType("HotIssue", { description: "A hot issue (热点): a category in a district, or in one township of it, with unusually many tickets in the window." })
export class HotIssueType {
  @Field(() => ID, { description: "The category." })
  categoryId!: string;

  @Field({ description: "The category's name (Chinese)." })
  categoryName!: string;

  @Field(() => String, { nullable: true, description: "The category's name (English)." })
  categoryNameEn!: string | null;

  @Field(() => ID, { description: "The district (area)." })
  districtId!: string;

  @Field({ description: "The district's name (Chinese)." })
  districtName!: string;

  @Field(() => String, { nullable: true, description: "The district's name (English)." })
  districtNameEn!: string | null;

  @Field(() => ID, { nullable: true, description: "The township or street, when the hot issue is one township's; null: the whole district." })
  townshipId!: string | null;

  @Field(() => String, { nullable: true, description: "The township's name (Chinese)." })
  townshipName!: string | null;

  @Field(() => String, { nullable: true, description: "The township's name (English)." })
  townshipNameEn!: string | null;

  @Field(() => Date, { description: "The window's start (inclusive)." })
  windowStart!: Date;

  @Field(() => Date, { description: "The window's end (exclusive)." })
  windowEnd!: Date;

  @Field(() => Int, { description: "Tickets received in the window (merged duplicates included)." })
  count!: number;

  @Field(() => Float, { description: "λ: the count expected from the previous 8 weeks, scaled to the window (at least 0.5)." })
  expected!: number;

  @Field(() => Float, { description: "P(X ≥ count) for X ~ Poisson(λ): how unlikely the count is." })
  pValue!: number;

  @Field(() => Float, { description: "count / λ." })
  ratio!: number;

  @Field(() => Float, { description: "(count − λ) / √λ, for reference." })
  zScore!: number;

  @Field(() => [HotTrendPointType], { description: "The 8 weeks before the window (oldest first), then the window." })
  trend!: HotTrendPointType[];

  @Field(() => [String], { description: "Leaders already in charge of some of its tickets (领导包案)." })
  leaderNames!: string[];
}

@ObjectType("HotIssueList", { description: "The hot issues of a window and the statistic that found them." })
export class HotIssueListType {
  @Field({ description: "The statistic, in words." })
  statistic!: string;

  @Field(() => Int, { description: "A window needs at least this many tickets to be hot." })
  minCount!: number;

  @Field(() => Float, { description: "A window is hot when its p-value is below this." })
  alpha!: number;

  @Field(() => Int, { description: "Weeks of history the window is compared with." })
  baselineWeeks!: number;

  @Field({ description: "The window's last day (Asia/Shanghai, YYYY-MM-DD)." })
  lastDay!: string;

  @Field(() => Date, { description: "The window's start (inclusive)." })
  windowStart!: Date;

  @Field(() => Date, { description: "The window's end (exclusive)." })
  windowEnd!: Date;

  @Field(() => [HotIssueType], { description: "Most unusual first." })
  issues!: HotIssueType[];
}

@ObjectType("HotIssueTicket", { description: "A ticket behind a hot issue (no caller details)." })
export class HotIssueTicketType {
  @Field(() => ID, { description: "The ticket's id." })
  id!: string;

  @Field({ description: "The tracking number." })
  trackingNumber!: string;

  @Field(() => Int, { description: "The ticket's version (for merging)." })
  version!: number;

  @Field(() => TicketStatus, { description: "The status." })
  status!: TicketStatus;

  @Field({ description: "The title, or the start of the description." })
  summary!: string;

  @Field({ description: "The address given." })
  address!: string;

  @Field(() => String, { nullable: true, description: "The township or street." })
  townshipName!: string | null;

  @Field(() => Date, { description: "When it was received." })
  receivedAt!: Date;

  @Field({ description: "Still at the centre (received or awaiting dispatch), so it can be merged as a duplicate." })
  mergeable!: boolean;

  @Field(() => String, { nullable: true, description: "The leader in charge of it (领导包案), if any." })
  leaderName!: string | null;
}

@ObjectType("HotIssueTickets", { description: "The tickets behind a hot issue." })
export class HotIssueTicketsType {
  @Field(() => Int, { description: "How many tickets there are in all." })
  total!: number;

  @Field(() => [HotIssueTicketType], { description: "The first 50, oldest first." })
  tickets!: HotIssueTicketType[];
}

@InputType("HotDuplicateInput", { description: "A duplicate to merge, at the version the user saw." })
export class HotDuplicateInput {
  @Field(() => ID, { description: "The duplicate ticket." })
  ticketId!: string;

  @Field(() => Int, { description: "Its version (CONFLICT when stale)." })
  version!: number;
}
