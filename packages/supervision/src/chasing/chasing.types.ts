import { RequestType, Urgency } from "@civicline/intake";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { ChasingSeverity, ChasingStage } from "./chasing.enums.js";

@ObjectType("ChasingItem", { description: "A late ticket on the chasing board (督办看板)." })
export class ChasingItemType {
  @Field(() => ID, { description: "The ticket's id." })
  ticketId!: string;

  @Field({ description: "The ticket's tracking number; the ticket page is tickets/<tracking number>." })
  trackingNumber!: string;

  @Field(() => ChasingStage, { description: "The stage it is stuck in." })
  stage!: ChasingStage;

  @Field(() => ChasingSeverity, { description: "Near due (yellow) or overdue (red)." })
  severity!: ChasingSeverity;

  @Field(() => Urgency, { description: "The ticket's urgency." })
  urgency!: Urgency;

  @Field({ description: "Urgent or emergency, and not dispatched within its limit: the board sounds the alarm." })
  alarm!: boolean;

  @Field(() => RequestType, { description: "The request type." })
  requestType!: RequestType;

  @Field({ description: "The category's Chinese name." })
  categoryNameZh!: string;

  @Field({ description: "The category's English name (the Chinese one when it has none)." })
  categoryNameEn!: string;

  @Field({ description: "The first 80 characters of the request." })
  summary!: string;

  @Field(() => ID, { nullable: true, description: "The lead unit; null while it waits for dispatch." })
  unitId!: string | null;

  @Field(() => String, { nullable: true, description: "The lead unit's Chinese name." })
  unitNameZh!: string | null;

  @Field(() => String, { nullable: true, description: "The lead unit's English name." })
  unitNameEn!: string | null;

  @Field({ description: "When the ticket was received." })
  receivedAt!: Date;

  @Field({ description: "The deadline of its stage (dispatch, sign-for or completion, extended when approved); lists are oldest first on it." })
  dueAt!: Date;

  @Field({ description: "When the timer that made it late fired." })
  lateSince!: Date;
}

@ObjectType("ChasingStageCount", { description: "Late tickets of one stage." })
export class ChasingStageCountType {
  @Field(() => ChasingStage, { description: "The stage." })
  stage!: ChasingStage;

  @Field(() => Int, { description: "Near due (yellow)." })
  nearDue!: number;

  @Field(() => Int, { description: "Overdue (red)." })
  overdue!: number;
}

@ObjectType("ChasingUnitCount", { description: "Late tickets of one unit in one stage (from maintained counters)." })
export class ChasingUnitCountType {
  @Field(() => ChasingStage, { description: "The stage." })
  stage!: ChasingStage;

  @Field(() => ID, { nullable: true, description: "The unit; null for the centre (tickets waiting for dispatch)." })
  unitId!: string | null;

  @Field(() => String, { nullable: true, description: "The unit's Chinese name (null for the centre)." })
  unitNameZh!: string | null;

  @Field(() => String, { nullable: true, description: "The unit's English name (null for the centre)." })
  unitNameEn!: string | null;

  @Field(() => Int, { description: "Near due (yellow)." })
  nearDue!: number;

  @Field(() => Int, { description: "Overdue (red)." })
  overdue!: number;
}

@ObjectType("ChasingBoard", { description: "The chasing board's figures and its alarm." })
export class ChasingBoardType {
  @Field(() => [ChasingStageCountType], { description: "Every stage the viewer may see, in board order, with its counts." })
  stages!: ChasingStageCountType[];

  @Field(() => [ChasingUnitCountType], { description: "Counts per unit and stage (units with at least one late ticket), most overdue first." })
  units!: ChasingUnitCountType[];

  @Field(() => [ChasingItemType], { description: "Urgent and emergency tickets not dispatched within their limit, oldest first (at most 50)." })
  alarms!: ChasingItemType[];

  @Field(() => Int, { description: "How many tickets sound the alarm." })
  alarmCount!: number;
}

@ObjectType("ChasingPage", { description: "One page of a chasing list, oldest deadline first." })
export class ChasingPageType {
  @Field(() => [ChasingItemType], { description: "The tickets." })
  items!: ChasingItemType[];

  @Field(() => Int, { description: "How many tickets the list holds (from the counters)." })
  total!: number;

  @Field(() => String, { nullable: true, description: "Pass as `after` for the next page; null on the last page." })
  nextCursor!: string | null;
}

@ObjectType("ChasingMove", { description: "A ticket whose place on the board changed." })
export class ChasingMoveType {
  @Field(() => ID, { description: "The ticket's id." })
  ticketId!: string;

  @Field({ description: "The ticket's tracking number." })
  trackingNumber!: string;

  @Field(() => ChasingStage, { nullable: true, description: "Its stage before (null: it was not late)." })
  fromStage!: ChasingStage | null;

  @Field(() => ChasingSeverity, { nullable: true, description: "Its severity before." })
  fromSeverity!: ChasingSeverity | null;

  @Field(() => ChasingStage, { nullable: true, description: "Its stage now (null: no longer late)." })
  toStage!: ChasingStage | null;

  @Field(() => ChasingSeverity, { nullable: true, description: "Its severity now." })
  toSeverity!: ChasingSeverity | null;
}

@ObjectType("ChasingChange", { description: "The chasing board changed: what moved and the new figures, computed once for every viewer of the audience." })
export class ChasingChangeType {
  @Field(() => ID, { description: "Identifies this computation: every subscriber of the audience receives the same one." })
  id!: string;

  @Field({ description: "When it was computed." })
  computedAt!: Date;

  @Field(() => [ChasingMoveType], { description: "The tickets that moved." })
  moves!: ChasingMoveType[];

  @Field(() => [ChasingStageCountType], { description: "The counts per stage now." })
  stages!: ChasingStageCountType[];

  @Field(() => [ChasingUnitCountType], { description: "The counts now of the units the moves concern (every stage of theirs, zeros included)." })
  units!: ChasingUnitCountType[];

  @Field(() => [ChasingItemType], { description: "The alarm now (at most 10, oldest first)." })
  alarms!: ChasingItemType[];

  @Field(() => Int, { description: "How many tickets sound the alarm now." })
  alarmCount!: number;
}
