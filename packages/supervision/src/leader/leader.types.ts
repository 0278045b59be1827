import { TicketStatus } from "@civicline/intake";
import { ReplyOutcome } from "@civicline/routing";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { LeaderMatterKind, LeaderMatterStatus } from "./leader.enums.js";

@ObjectType("LeaderSession", { description: "A leader session (领导坐班接听): a leader takes calls at a seat for a time." })
export class LeaderSessionType {
  @Field(() => ID, { description: "The session's id." })
  id!: string;

  @Field(() => ID, { description: "The leader's account." })
  leaderId!: string;

  @Field({ description: "The leader's name." })
  leaderName!: string;

  @Field({ description: "The leader's title, e.g. 张店区区长." })
  leaderTitle!: string;

  @Field({ description: "The leader's unit, e.g. 张店区人民政府." })
  leaderUnit!: string;

  @Field({ description: "The seat the leader sits at; tickets logged there during the session are the leader's." })
  seat!: string;

  @Field(() => Date, { description: "When the session starts." })
  startsAt!: Date;

  @Field(() => Date, { description: "When the session ends (exclusive)." })
  endsAt!: Date;

  @Field({ description: "Who scheduled it." })
  createdByName!: string;

  @Field(() => Int, { nullable: true, description: "Tickets taken in the session (in the schedule list; null elsewhere)." })
  ticketCount?: number | null;
}

@ObjectType("LeaderTicket", { description: "A ticket on a leader's page, with its status, deadline and outcome." })
export class LeaderTicketType {
  @Field(() => ID, { description: "The ticket's id." })
  ticketId!: string;

  @Field({ description: "The tracking number." })
  trackingNumber!: string;

  @Field({ description: "The title, or the start of the description." })
  summary!: string;

  @Field(() => TicketStatus, { description: "The ticket's status." })
  status!: TicketStatus;

  @Field(() => Date, { description: "When it was received." })
  receivedAt!: Date;

  @Field(() => String, { nullable: true, description: "The lead unit handling it (null before dispatch)." })
  leadUnitName!: string | null;

  @Field(() => Date, { nullable: true, description: "The completion deadline (null before dispatch)." })
  dueAt!: Date | null;

  @Field({ description: "Whether it is past its completion deadline and not replied." })
  overdue!: boolean;

  @Field(() => ReplyOutcome, { nullable: true, description: "The unit's reply outcome, once replied." })
  outcome!: ReplyOutcome | null;

  @Field(() => String, { nullable: true, description: "The unit's reply, once replied." })
  replyText!: string | null;

  @Field(() => Date, { nullable: true, description: "When the unit replied." })
  repliedAt!: Date | null;

  @Field(() => Int, { description: "How many instructions (批示) it has." })
  instructionCount!: number;

  @Field(() => ID, { nullable: true, description: "The session it was taken in (in sessionTickets; null in matters)." })
  sessionId?: string | null;
}

@ObjectType("LeaderMatter", { description: "领导包案: a ticket or a hot issue assigned to a leader, tracked to its outcome." })
export class LeaderMatterType {
  @Field(() => ID, { description: "The matter's id." })
  id!: string;

  @Field(() => LeaderMatterKind, { description: "One ticket or a hot issue." })
  kind!: LeaderMatterKind;

  @Field(() => String, { nullable: true, description: "The hot issue's name (null for one ticket)." })
  title!: string | null;

  @Field(() => String, { nullable: true, description: "Why the leader takes it." })
  note!: string | null;

  @Field(() => Date, { nullable: true, description: "When it should be resolved." })
  dueAt!: Date | null;

  @Field({ description: "The supervisor who assigned it." })
  assignedByName!: string;

  @Field(() => Date, { description: "When it was assigned." })
  assignedAt!: Date;

  @Field(() => LeaderMatterStatus, { description: "OPEN while any of its tickets is open." })
  status!: LeaderMatterStatus;

  @Field(() => [LeaderTicketType], { description: "Its tickets." })
  tickets!: LeaderTicketType[];
}

@ObjectType("LeaderPage", { description: "Everything on a leader's own page." })
export class LeaderPageType {
  @Field(() => ID, { description: "The leader's account." })
  leaderId!: string;

  @Field({ description: "The leader's name." })
  leaderName!: string;

  @Field(() => [LeaderSessionType], { description: "The leader's sessions, latest first." })
  sessions!: LeaderSessionType[];

  @Field(() => [LeaderTicketType], { description: "Tickets taken in the sessions, newest first." })
  sessionTickets!: LeaderTicketType[];

  @Field(() => [LeaderMatterType], { description: "Matters assigned to the leader, newest first." })
  matters!: LeaderMatterType[];
}

@ObjectType("LeaderInstruction", { description: "领导批示: a leader's instruction on a ticket, shown first to the unit handling it." })
export class LeaderInstructionType {
  @Field(() => ID, { description: "The instruction's id." })
  id!: string;

  @Field(() => ID, { description: "The ticket." })
  ticketId!: string;

  @Field({ description: "The leader's name." })
  leaderName!: string;

  @Field({ description: "The leader's title (may be empty)." })
  leaderTitle!: string;

  @Field({ description: "The instruction." })
  text!: string;

  @Field(() => Date, { description: "When it was given." })
  createdAt!: Date;
}

@ObjectType("TicketLeaderMatter", { description: "A leader a ticket is assigned to (领导包案), as the ticket page shows it." })
export class TicketLeaderMatterType {
  @Field(() => ID, { description: "The matter's id." })
  id!: string;

  @Field(() => LeaderMatterKind, { description: "One ticket or a hot issue." })
  kind!: LeaderMatterKind;

  @Field({ description: "The leader's name." })
  leaderName!: string;

  @Field(() => String, { nullable: true, description: "The hot issue's name." })
  title!: string | null;

  @Field(() => Date, { nullable: true, description: "When it should be resolved." })
  dueAt!: Date | null;

  @Field({ description: "Who assigned it." })
  assignedByName!: string;

  @Field(() => Date, { description: "When." })
  assignedAt!: Date;
}

@ObjectType("LeaderAccount", { description: "A leader account, for scheduling and assignment." })
export class LeaderAccountType {
  @Field(() => ID, { description: "The account's id." })
  id!: string;

  @Field({ description: "The leader's name." })
  displayName!: string;
}

@InputType({ description: "A leader session to schedule." })
export class ScheduleLeaderSessionInput {
  @Field(() => ID, { description: "The leader's account (role LEADER)." })
  leaderId!: string;

  @Field({ description: "The seat, e.g. A01 (a seat a call-taker is assigned to)." })
  seat!: string;

  @Field(() => Date, { description: "When the session starts." })
  startsAt!: Date;

  @Field(() => Date, { description: "When it ends (after the start, at most 12 hours later, not in the past)." })
  endsAt!: Date;

  @Field({ description: "The leader's title, e.g. 张店区区长 (up to 60 characters)." })
  leaderTitle!: string;

  @Field({ description: "The leader's unit, e.g. 张店区人民政府 (up to 100 characters)." })
  leaderUnit!: string;
}

@InputType({ description: "A ticket or hot issue to assign to a leader (领导包案)." })
export class AssignToLeaderInput {
  @Field(() => ID, { description: "The leader's account (role LEADER)." })
  leaderId!: string;

  @Field(() => [ID], { nullable: true, description: "The tickets by id (with trackingNumbers: 1 to 50 in all)." })
  ticketIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: "The tickets by tracking number, e.g. ZB-20261124-00017." })
  trackingNumbers?: string[] | null;

  @Field(() => String, { nullable: true, description: "The hot issue's name (required for several tickets, up to 100 characters)." })
  title?: string | null;

  @Field(() => String, { nullable: true, description: "Why the leader takes it (up to 1,000 characters)." })
  note?: string | null;

  @Field(() => Date, { nullable: true, description: "When it should be resolved (in the future)." })
  dueAt?: Date | null;
}
