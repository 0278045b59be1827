import { TicketStatus } from "@civicline/intake";
import { ReturnReason, UnitType } from "@civicline/routing";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { JointCaseState, JointEventKind, JointParty, JointTrigger, RuleProposalStatus } from "./joint.enums.js";

@ObjectType("JointNamedRef", { description: "A category or area named in both languages." })
export class JointNamedRefType {
  @Field(() => ID, { description: "Its id." })
  id!: string;

  @Field({ description: "Chinese name." })
  nameZh!: string;

  @Field({ description: "English name (the Chinese one when there is none)." })
  nameEn!: string;
}

@ObjectType("JointCaseTicket", { description: "The ticket a joint case is about, as the parties need it (no caller details)." })
export class JointCaseTicketType {
  @Field(() => ID, { description: "Ticket id." })
  id!: string;

  @Field({ description: "Tracking number." })
  trackingNumber!: string;

  @Field(() => String, { nullable: true, description: "Title, if any." })
  title!: string | null;

  @Field({ description: "What the citizen asked for." })
  description!: string;

  @Field({ description: "Address of the matter." })
  address!: string;

  @Field(() => TicketStatus, { description: "The ticket's status now." })
  status!: TicketStatus;

  @Field({ description: "When the ticket was received." })
  receivedAt!: Date;

  @Field(() => JointNamedRefType, { nullable: true, description: "The ticket's category." })
  category!: JointNamedRefType | null;
}

@ObjectType("JointCaseParty", { description: "A party of a joint case and its opinion." })
export class JointCasePartyType {
  @Field(() => JointParty, { description: "Which party." })
  party!: JointParty;

  @Field(() => UnitType, { description: "The directory unit that speaks for the party." })
  unit!: UnitType;

  @Field(() => String, { nullable: true, description: "The party's opinion; null until recorded." })
  opinion!: string | null;

  @Field(() => UnitType, { nullable: true, description: "The unit the party holds responsible, if it named one." })
  proposedUnit!: UnitType | null;

  @Field(() => Date, { nullable: true, description: "When the opinion was recorded." })
  recordedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "Who recorded it." })
  recordedByName!: string | null;
}

@ObjectType("JointCaseEvent", { description: "A step of a joint case's timeline." })
export class JointCaseEventType {
  @Field(() => ID, { description: "Step id." })
  id!: string;

  @Field({ description: "When." })
  at!: Date;

  @Field(() => JointEventKind, { description: "What happened." })
  kind!: JointEventKind;

  @Field(() => JointParty, { nullable: true, description: "The party that acted, if any." })
  party!: JointParty | null;

  @Field({ description: "Who acted." })
  actorName!: string;

  @Field(() => String, { nullable: true, description: "The text of the step (reason, opinion, decision, note)." })
  text!: string | null;
}

@ObjectType("JointCaseReturn", { description: "A return (退单) of the ticket on record." })
export class JointCaseReturnType {
  @Field({ description: "The unit that returned it (Chinese name)." })
  unitName!: string;

  @Field(() => ReturnReason, { description: "The reason given." })
  reason!: ReturnReason;

  @Field({ description: "The unit's explanation." })
  text!: string;

  @Field({ description: "When it was returned." })
  requestedAt!: Date;

  @Field({ description: "PENDING, ACCEPTED or REJECTED (routing's return status)." })
  status!: string;
}

@ObjectType("JointRuleProposal", { description: "A dispatch-catalogue rule proposed with a joint case's decision, for an admin to accept." })
export class JointRuleProposalType {
  @Field(() => ID, { description: "Proposal id." })
  id!: string;

  @Field(() => ID, { description: "The joint case." })
  caseId!: string;

  @Field(() => String, { nullable: true, description: "The tracking number of the case's ticket." })
  trackingNumber!: string | null;

  @Field(() => JointNamedRefType, { nullable: true, description: "Tickets of this category …" })
  category!: JointNamedRefType | null;

  @Field(() => JointNamedRefType, { nullable: true, description: "… in this area (null: everywhere) …" })
  area!: JointNamedRefType | null;

  @Field(() => [String], { description: "… mentioning one of these words (none: always) …" })
  keywords!: string[];

  @Field(() => UnitType, { nullable: true, description: "… go to this unit." })
  leadUnit!: UnitType | null;

  @Field(() => RuleProposalStatus, { description: "Pending, accepted or rejected." })
  status!: RuleProposalStatus;

  @Field({ description: "When it was proposed." })
  proposedAt!: Date;

  @Field({ description: "Who proposed it." })
  proposedByName!: string;

  @Field(() => Date, { nullable: true, description: "When an admin decided it." })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "Which admin." })
  decidedByName!: string | null;

  @Field(() => String, { nullable: true, description: "The admin's note." })
  decisionNote!: string | null;

  @Field(() => ID, { nullable: true, description: "The catalogue rule created on acceptance." })
  ruleId!: string | null;
}

@ObjectType("JointCase", { description: "A joint supervision case (三方联动督办): three parties' opinions and the complaint centre's decision naming the responsible unit." })
export class JointCaseType {
  @Field(() => ID, { description: "Case id." })
  id!: string;

  @Field(() => JointCaseState, { description: "Open or decided." })
  state!: JointCaseState;

  @Field(() => JointTrigger, { description: "Why it was opened." })
  trigger!: JointTrigger;

  @Field({ description: "The supervisor's reason." })
  reason!: string;

  @Field({ description: "When it was opened." })
  openedAt!: Date;

  @Field({ description: "Who opened it." })
  openedByName!: string;

  @Field(() => Int, { description: "Working days the parties were given." })
  deadlineDays!: number;

  @Field({ description: "The case's deadline (working time)." })
  deadlineAt!: Date;

  @Field(() => Date, { nullable: true, description: "Set when the deadline passed with the case open." })
  overdueAt!: Date | null;

  @Field(() => JointCaseTicketType, { description: "The ticket." })
  ticket!: JointCaseTicketType;

  @Field(() => [JointCasePartyType], { description: "The three parties in order, with their opinions." })
  parties!: JointCasePartyType[];

  @Field(() => UnitType, { nullable: true, description: "The responsible unit the decision named." })
  decidedUnit!: UnitType | null;

  @Field(() => String, { nullable: true, description: "The decision's text." })
  decisionText!: string | null;

  @Field(() => Date, { nullable: true, description: "When it was decided." })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "Who recorded the decision." })
  decidedByName!: string | null;

  @Field(() => JointRuleProposalType, { nullable: true, description: "The catalogue rule proposed with the decision." })
  ruleProposal!: JointRuleProposalType | null;

  @Field(() => [JointCaseEventType], { description: "The case's timeline, oldest first (empty in lists)." })
  timeline!: JointCaseEventType[];

  @Field(() => [JointCaseReturnType], { description: "The ticket's returns on record (empty in lists)." })
  returns!: JointCaseReturnType[];

  @Field(() => JointParty, { nullable: true, description: "The party the viewer speaks for in this case, if any." })
  viewerParty!: JointParty | null;
}

@ObjectType("JointCasePage", { description: "A page of joint cases." })
export class JointCasePageType {
  @Field(() => Int, { description: "Cases matching, all pages." })
  total!: number;

  @Field(() => [JointCaseType], { description: "This page." })
  items!: JointCaseType[];
}

@InputType({ description: "A supervisor opens a joint case." })
export class OpenJointCaseInput {
  @Field(() => ID, { description: "The ticket." })
  ticketId!: string;

  @Field(() => JointTrigger, { description: "Why: returned at least twice, or a dispatcher's request." })
  trigger!: JointTrigger;

  @Field({ description: "The reason (4 … 1,000 characters)." })
  reason!: string;

  @Field(() => Int, { nullable: true, description: "Working days the parties have, 1 … 20 (default 3)." })
  deadlineDays?: number | null;
}

@InputType({ description: "A party's opinion." })
export class JointOpinionInput {
  @Field(() => ID, { description: "The case." })
  caseId!: string;

  @Field({ description: "The opinion (4 … 2,000 characters)." })
  opinion!: string;

  @Field(() => ID, { nullable: true, description: "The unit the party holds responsible (an active unit); omit for none." })
  proposedUnitId?: string | null;
}

@InputType({ description: "A dispatch-catalogue rule proposed with a decision: tickets like this one go to the decided unit." })
export class JointRuleProposalInput {
  @Field(() => ID, { nullable: true, description: "The category (default: the ticket's)." })
  categoryId?: string | null;

  @Field(() => ID, { nullable: true, description: "The area; omit for everywhere." })
  areaId?: string | null;

  @Field(() => [String], { nullable: true, description: "Words the ticket must mention (at most 20, 40 characters each)." })
  keywords?: string[] | null;
}

@InputType({ description: "The complaint centre's decision." })
export class DecideJointCaseInput {
  @Field(() => ID, { description: "The case." })
  caseId!: string;

  @Field(() => ID, { description: "The responsible unit (an active unit)." })
  unitId!: string;

  @Field({ description: "The decision (4 … 2,000 characters)." })
  decision!: string;

  @Field(() => JointRuleProposalInput, { nullable: true, description: "For a new kind of case: the catalogue rule to propose." })
  ruleProposal?: JointRuleProposalInput | null;
}
