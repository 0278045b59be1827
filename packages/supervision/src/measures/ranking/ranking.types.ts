import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";

/** The parts of the composite score (GraphQL enum). */
export enum RankingPartKey {
  ON_TIME = "onTime",
  SATISFACTION = "satisfaction",
  NOT_RETURNED = "notReturned",
  NOT_RE_REPORTED = "notReReported",
  NOT_EXTENDED = "notExtended",
}

/** Why a unit is shown apart, unranked. */
export enum RankingApartReason {
  TOO_FEW_TICKETS = "TOO_FEW_TICKETS",
  NO_FIGURES = "NO_FIGURES",
}

registerEnumType(RankingPartKey, {
  name: "RankingPartKey",
  description: "A part of the department ranking's composite score.",
  valuesConfig: {
    ON_TIME: { description: "100 × on-time completion rate (按期办结率)." },
    SATISFACTION: { description: "100 × result satisfaction (办理结果满意率)." },
    NOT_RETURNED: { description: "100 × (1 − return rate (退单率))." },
    NOT_RE_REPORTED: { description: "100 × (1 − re-report rate (续报率))." },
    NOT_EXTENDED: { description: "100 × (1 − extension rate (延期率))." },
  },
});
registerEnumType(RankingApartReason, {
  name: "RankingApartReason",
  description: "Why a unit is not ranked.",
  valuesConfig: {
    TOO_FEW_TICKETS: { description: "Fewer tickets dispatched to it in the period than the weights version's minimum." },
    NO_FIGURES: { description: "None of the weighted figures has a denominator in the period." },
  },
});

@ObjectType("RankingWeights", { description: "One version of the ranking's weights (versions never change; an edit adds the next)." })
export class RankingWeightsType {
  @Field(() => Int, { description: "The version: 1, 2, 3 … in the order saved." })
  version!: number;

  @Field(() => Int, { description: "Weight of the on-time completion rate (0–100)." })
  onTime!: number;

  @Field(() => Int, { description: "Weight of result satisfaction (0–100)." })
  satisfaction!: number;

  @Field(() => Int, { description: "Weight of 1 − the return rate (0–100)." })
  notReturned!: number;

  @Field(() => Int, { description: "Weight of 1 − the re-report rate (0–100)." })
  notReReported!: number;

  @Field(() => Int, { description: "Weight of 1 − the extension rate (0–100)." })
  notExtended!: number;

  @Field(() => Int, { description: "Units with fewer tickets dispatched to them in the period are shown apart." })
  minTickets!: number;

  @Field(() => String, { nullable: true, description: "Why the weights changed." })
  note!: string | null;

  @Field(() => Date, { description: "When this version was saved (in force from then until the next)." })
  createdAt!: Date;

  @Field({ description: "Who saved it." })
  createdByName!: string;
}

@ObjectType("RankingPart", { description: "One part of a unit's score, with the figure behind it." })
export class RankingPartType {
  @Field(() => RankingPartKey, { description: "Which part." })
  key!: RankingPartKey;

  @Field(() => Int, { description: "Its weight in the version used." })
  weight!: number;

  @Field(() => Int, { description: "The figure's numerator (e.g. tickets replied on time; returned tickets for the return part)." })
  numerator!: number;

  @Field(() => Int, { description: "The figure's denominator." })
  denominator!: number;

  @Field(() => Float, { nullable: true, description: "The part's score, 0–100 (null without a denominator: left out)." })
  score!: number | null;
}

@ObjectType("RankingUnit", { description: "A unit in the ranking, ranked or shown apart." })
export class RankingUnitType {
  @Field(() => Int, { nullable: true, description: "The rank (units with equal scores under the tie rule share it); null when shown apart." })
  rank!: number | null;

  @Field({ description: "True when another unit shares the rank." })
  tied!: boolean;

  @Field(() => ID, { description: "The unit." })
  unitId!: string;

  @Field({ description: "The unit's name (Chinese)." })
  unitName!: string;

  @Field(() => String, { nullable: true, description: "The unit's name (English)." })
  unitNameEn!: string | null;

  @Field(() => Int, { description: "Tickets dispatched to it in the period (as lead unit)." })
  tickets!: number;

  @Field(() => Float, { nullable: true, description: "The composite score, 0–100 to 0.01 (null when shown apart without figures)." })
  score!: number | null;

  @Field(() => RankingApartReason, { nullable: true, description: "Why it is shown apart; null when ranked." })
  apartReason!: RankingApartReason | null;

  @Field(() => [RankingPartType], { description: "The parts of its score." })
  parts!: RankingPartType[];
}

@ObjectType("DepartmentRanking", { description: "The department ranking of a period, with the weights version it used." })
export class DepartmentRankingType {
  @Field({ description: "The first day (Asia/Shanghai, YYYY-MM-DD)." })
  fromDay!: string;

  @Field({ description: "The last day (inclusive)." })
  toDay!: string;

  @Field(() => RankingWeightsType, { description: "The weights version used." })
  weights!: RankingWeightsType;

  @Field({ description: "The score's formula, in words." })
  formula!: string;

  @Field({ description: "The tie rule, in words." })
  tieRule!: string;

  @Field(() => [RankingUnitType], { description: "Ranked units, best first." })
  ranked!: RankingUnitType[];

  @Field(() => [RankingUnitType], { description: "Units shown apart, not ranked (too few tickets, or no figures)." })
  apart!: RankingUnitType[];
}

@InputType("RankingWeightsInput", { description: "New ranking weights (saved as the next version)." })
export class RankingWeightsInput {
  @Field(() => Int, { description: "Weight of the on-time completion rate (0–100)." })
  onTime!: number;

  @Field(() => Int, { description: "Weight of result satisfaction (0–100)." })
  satisfaction!: number;

  @Field(() => Int, { description: "Weight of 1 − the return rate (0–100)." })
  notReturned!: number;

  @Field(() => Int, { description: "Weight of 1 − the re-report rate (0–100)." })
  notReReported!: number;

  @Field(() => Int, { description: "Weight of 1 − the extension rate (0–100)." })
  notExtended!: number;

  @Field(() => Int, { description: "Minimum tickets to be ranked (1–10,000)." })
  minTickets!: number;

  @Field(() => String, { nullable: true, description: "Why the weights change (up to 200 characters)." })
  note?: string | null;
}
