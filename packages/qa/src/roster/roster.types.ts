import { Field, ID, InputType, ObjectType } from "type-graphql";
import { QaPersonType } from "../calls/call-record.types.js";

@ObjectType("QaTeam", { description: "A team of call-takers and its lead (班组)." })
export class QaTeamType {
  @Field(() => ID, { description: "Team id." })
  id!: string;

  @Field({ description: "The team's name." })
  name!: string;

  @Field(() => QaPersonType, { description: "The team lead." })
  lead!: QaPersonType;

  @Field(() => [QaPersonType], { description: "The call-takers of the team." })
  members!: QaPersonType[];
}

@InputType("QaTeamInput", { description: "A team to create (no id) or change." })
export class QaTeamInput {
  @Field(() => ID, { nullable: true, description: "The team to change; leave out to create one." })
  id?: string | null;

  @Field({ description: "Name, at most 40 characters, unique." })
  name!: string;

  @Field(() => ID, { description: "The team lead (any active staff member)." })
  leadUserId!: string;

  @Field(() => [ID], { description: "The call-takers (operators); a member moves from their previous team." })
  memberIds!: string[];
}

@ObjectType("QaSeat", { description: "A seat (workstation) of the centre." })
export class QaSeatType {
  @Field({ description: "The seat's code as the telephony system names it, e.g. A01." })
  code!: string;

  @Field({ description: "Name or place." })
  name!: string;

  @Field({ description: "In use." })
  active!: boolean;
}

@ObjectType("QaShift", { description: "Who sits at which seat from when to when." })
export class QaShiftType {
  @Field(() => ID, { description: "Shift id." })
  id!: string;

  @Field({ description: "The seat." })
  seatCode!: string;

  @Field(() => QaPersonType, { description: "The call-taker." })
  callTaker!: QaPersonType;

  @Field({ description: "Start." })
  startsAt!: Date;

  @Field({ description: "End." })
  endsAt!: Date;
}

@ObjectType("QaRosterWeek", { description: "A week of the roster (Monday to Sunday, centre time)." })
export class QaRosterWeekType {
  @Field({ description: "The Monday the week starts on (YYYY-MM-DD)." })
  weekStart!: string;

  @Field(() => ID, { nullable: true, description: "The team shown; null for everyone rostered." })
  teamId!: string | null;

  @Field(() => [QaSeatType], { description: "Every seat." })
  seats!: QaSeatType[];

  @Field(() => [QaPersonType], { description: "The team's people (or everyone rostered that week)." })
  people!: QaPersonType[];

  @Field(() => [QaShiftType], { description: "Shifts overlapping the week, by start." })
  shifts!: QaShiftType[];
}

@InputType("QaShiftInput", { description: "A shift to create (no id) or move." })
export class QaShiftInput {
  @Field(() => ID, { nullable: true, description: "The shift to change; leave out to create one." })
  id?: string | null;

  @Field({ description: "The seat." })
  seatCode!: string;

  @Field(() => ID, { description: "The call-taker." })
  callTakerId!: string;

  @Field({ description: "Start." })
  startsAt!: Date;

  @Field({ description: "End: after the start, at most 16 hours later." })
  endsAt!: Date;
}
