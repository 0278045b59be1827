import { CategoryType, AreaType, RequestType } from "@civicline/intake";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { UnitType } from "../unit/unit.types.js";

/** The fields of a rule (or of one of its versions) that GraphQL resolves. */
export type RuleView = {
  id: string;
  version: number;
  categoryId: string | null;
  areaId: string | null;
  requestType: string | null;
  keywords: string[];
  leadUnitId: string;
  assistingUnitIds: string[];
  autoDispatch: boolean;
  updatedAt: Date;
  updatedByName: string;
};

@ObjectType("DispatchRule", { description: "A line of the dispatch catalogue (派单目录), or one version of it." })
export class DispatchRuleType {
  @Field(() => ID, { description: "Rule id (the same for all versions of a rule)." })
  id!: string;

  @Field(() => Int, { description: "Version number; 1 when created, +1 per saved change." })
  version!: number;

  @Field(() => CategoryType, { nullable: true, description: "A category leaf or group; null: every category." })
  category!: CategoryType | null;

  @Field(() => AreaType, { nullable: true, description: "A township, district or the city; null: everywhere." })
  area!: AreaType | null;

  @Field(() => RequestType, { nullable: true, description: "Only tickets of this request type; null: every type." })
  requestType!: RequestType | null;

  @Field(() => [String], { description: "The rule matches only tickets mentioning one of these words (none: always)." })
  keywords!: string[];

  @Field(() => UnitType, { description: "Where matching tickets go." })
  leadUnit!: UnitType;

  @Field(() => [UnitType], { description: "Units that assist the lead unit." })
  assistingUnits!: UnitType[];

  @Field({ description: "Dispatch automatically when this rule is the one clear match." })
  autoDispatch!: boolean;

  @Field({ description: "When this version was saved." })
  updatedAt!: Date;

  @Field({ description: "Who saved this version." })
  updatedBy!: string;
}

@ObjectType("RoutingProposal", { description: "Where the dispatch catalogue would send a ticket." })
export class RoutingProposalType {
  @Field(() => UnitType, { nullable: true, description: "The proposed lead unit; null when no rule matches." })
  leadUnit!: UnitType | null;

  @Field(() => [UnitType], { description: "The proposed assisting units." })
  assistingUnits!: UnitType[];

  @Field(() => DispatchRuleType, { nullable: true, description: "The rule that proposed it." })
  rule!: DispatchRuleType | null;

  @Field({ description: "True when exactly one most-specific rule matched (and it would not send a returned ticket back to the unit that returned it)." })
  clear!: boolean;
}

@InputType({ description: "A dispatch rule as an admin or supervisor saves it. Give a category, an area, or both." })
export class DispatchRuleInput {
  @Field(() => ID, { nullable: true, description: "A category leaf or group; omit for every category." })
  categoryId?: string | null;

  @Field(() => ID, { nullable: true, description: "A township, district or the city; omit for everywhere." })
  areaId?: string | null;

  @Field(() => RequestType, { nullable: true, description: "Only this request type; omit for every type." })
  requestType?: RequestType | null;

  @Field(() => [String], { nullable: true, defaultValue: [], description: "Match only tickets mentioning one of these words (at most 20, 40 characters each)." })
  keywords?: string[] | null;

  @Field(() => ID, { description: "The lead unit." })
  leadUnitId!: string;

  @Field(() => [ID], { nullable: true, defaultValue: [], description: "At most 5 assisting units." })
  assistingUnitIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: "Dispatch automatically when this rule is the one clear match." })
  autoDispatch?: boolean | null;
}
