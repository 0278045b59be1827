import { Channel, RequestType } from "@civicline/intake";
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { MeasureCounter } from "./drill-down.js";
import { MeasurePeriodKind } from "./measures.js";

registerEnumType(MeasurePeriodKind, {
  name: "MeasurePeriodKind",
  description: "The length of a measures period; days are Asia/Shanghai days.",
  valuesConfig: {
    DAY: { description: "One day." },
    WEEK: { description: "A week, Monday to Sunday." },
    MONTH: { description: "A calendar month." },
    QUARTER: { description: "A calendar quarter." },
    YEAR: { description: "A calendar year." },
    CUSTOM: { description: "Any range of whole days (from, to inclusive; at most three years)." },
  },
});
@InputType({ description: "A period: a kind and a day inside it, or a custom range of days (Asia/Shanghai)." })
export class MeasurePeriodInputType {
  @Field(() => MeasurePeriodKind)
  kind!: MeasurePeriodKind;

  @Field(() => String, { nullable: true, description: "Any day inside the period (YYYY-MM-DD); default today. Not for CUSTOM." })
  anchor?: string | null;

  @Field(() => String, { nullable: true, description: "CUSTOM: first day (YYYY-MM-DD), inclusive." })
  from?: string | null;

  @Field(() => String, { nullable: true, description: "CUSTOM: last day (YYYY-MM-DD), inclusive." })
  to?: string | null;
}

@InputType({ description: "Which tickets the measures are over." })
export class MeasureFilterInputType {
  @Field(() => MeasurePeriodInputType)
  period!: MeasurePeriodInputType;

  @Field(() => ID, { nullable: true, description: "A handling unit (handlers: only their own, without the units below it; it is also their default)." })
  unitId?: string | null;

  @Field(() => Boolean, { nullable: true, description: "With unitId: include the units below it (default true)." })
  includeSubUnits?: boolean | null;

  @Field(() => ID, { nullable: true, description: "District (area id)." })
  districtId?: string | null;

  @Field(() => ID, { nullable: true, description: "Township or street (area id)." })
  townshipId?: string | null;

  @Field(() => ID, { nullable: true, description: "This category and every category below it." })
  categoryId?: string | null;

  @Field(() => [Channel], { nullable: true, description: "Any of these channels." })
  channels?: Channel[] | null;

  @Field(() => [RequestType], { nullable: true, description: "Any of these request types." })
  requestTypes?: RequestType[] | null;
}

@ObjectType({ description: "A resolved period (days inclusive, Asia/Shanghai)." })
export class MeasurePeriodType {
  @Field(() => MeasurePeriodKind)
  kind!: MeasurePeriodKind;

  @Field({ description: "First day, YYYY-MM-DD." })
  from!: string;

  @Field({ description: "Last day, YYYY-MM-DD." })
  to!: string;

  @Field(() => Int, { description: "Days of the period up to today: the daily average's denominator." })
  days!: number;
}

@ObjectType({ description: "A figure with what it is computed from, so that a person can check it: value = numerator / denominator." })
export class MeasureFigureType {
  @Field(() => Float, { description: "What is counted (for averages: the sum, e.g. of handling days)." })
  numerator!: number;

  @Field(() => Float, { nullable: true, description: "What it is divided by; null for a plain count." })
  denominator!: number | null;

  @Field(() => Float, { nullable: true, description: "numerator / denominator (a rate as a fraction 0–1); the count itself for counts; null when the denominator is 0." })
  value!: number | null;

  @Field(() => MeasureCounter, { description: "The tickets behind the numerator: ticketSearch(filter: { measure: { counter, from, to, unitId } } + the same category/area/channel/type filters)." })
  numeratorCounter!: MeasureCounter;

  @Field(() => MeasureCounter, { nullable: true, description: "The tickets behind the denominator; null when it is not tickets (days)." })
  denominatorCounter!: MeasureCounter | null;
}

@ObjectType({ description: "The counters the figures are computed from (sums over the aggregate; see the supervision README)." })
export class MeasureCountsType {
  @Field(() => Float, { description: "Tickets received (merged duplicates not counted)." })
  received!: number;

  @Field(() => Float, { description: "Of those, closed as a direct answer at intake (直办)." })
  direct!: number;

  @Field(() => Float, { description: "Tickets received that were merged into another." })
  merged!: number;

  @Field(() => Float, { description: "Dispatches (assignments) made." })
  dispatched!: number;

  @Field(() => Float, { description: "Of those dispatches, the ones the unit asked to return (退单)." })
  returned!: number;

  @Field(() => Float, { description: "Of those dispatches, the ones with an approved extension." })
  extended!: number;

  @Field(() => Float, { description: "Replies given." })
  replied!: number;

  @Field(() => Float, { description: "Sum of (reply − dispatch) over those replies, ms." })
  handlingMs!: number;

  @Field(() => Float, { description: "The same in working time, ms." })
  handlingWorkMs!: number;

  @Field(() => Float, { description: "Of those replies, the ones re-reported (续报) afterwards." })
  rereported!: number;

  @Field(() => Float, { description: "Assignments settled in the period (the on-time rule)." })
  due!: number;

  @Field(() => Float, { description: "Of those, replied by the (extended) deadline." })
  onTime!: number;

  @Field(() => Float, { description: "Callback answers about a reply." })
  surveyAnswered!: number;

  @Field(() => Float, { description: "Of those, about reasonable requests." })
  surveyReasonable!: number;

  @Field(() => Float, { description: "Of those, satisfied with the result." })
  resultSatisfied!: number;

  @Field(() => Float, { description: "Every callback answer (process question)." })
  processAnswered!: number;

  @Field(() => Float, { description: "Of those, satisfied with the service." })
  processSatisfied!: number;

  @Field(() => Float, { description: "Supervision orders (督办单) issued." })
  orders!: number;
}

@ObjectType({ description: "Every measure of one period and filter (definitions: measureDefinitions)." })
export class MeasureSetType {
  @Field(() => MeasureCountsType)
  counts!: MeasureCountsType;

  @Field(() => MeasureFigureType, { description: "Volume: tickets received." })
  volume!: MeasureFigureType;

  @Field(() => MeasureFigureType, { description: "Daily average: received / days." })
  dailyAverage!: MeasureFigureType;

  @Field(() => MeasureFigureType, { description: "Direct-handling rate: direct answers / received." })
  directHandlingRate!: MeasureFigureType;

  @Field(() => MeasureFigureType, { description: "On-time completion rate: settled assignments replied by the deadline / settled assignments." })
  onTimeRate!: MeasureFigureType;

  @Field(() => MeasureFigureType, { description: "Average handling time in calendar days: sum of days / replies." })
  averageHandlingDays!: MeasureFigureType;

  @Field(() => MeasureFigureType, { description: "Average handling time in working days (7.5 h each): sum / replies." })
  averageHandlingWorkingDays!: MeasureFigureType;

  @Field(() => MeasureFigureType, { description: "Result satisfaction: satisfied / answered, reasonable requests only." })
  resultSatisfactionRate!: MeasureFigureType;

  @Field(() => MeasureFigureType, { description: "Process satisfaction: satisfied / every answer." })
  processSatisfactionRate!: MeasureFigureType;

  @Field(() => MeasureFigureType, { description: "Return rate: dispatches returned / dispatches." })
  returnRate!: MeasureFigureType;

  @Field(() => MeasureFigureType, { description: "Re-report rate: replies re-reported / replies." })
  reReportRate!: MeasureFigureType;

  @Field(() => MeasureFigureType, { description: "Overdue count: settled assignments not replied by the deadline." })
  overdueCount!: MeasureFigureType;

  @Field(() => MeasureFigureType, { description: "Supervision orders received." })
  supervisionOrders!: MeasureFigureType;

  @Field(() => MeasureFigureType, { description: "Extension rate: dispatches with an approved extension / dispatches." })
  extensionRate!: MeasureFigureType;
}

@ObjectType({ description: "One row of a breakdown." })
export class MeasureBreakdownRowType {
  @Field(() => String, { nullable: true, description: "Unit, category, district or township id, or the day (YYYY-MM-DD); null: none (e.g. no township)." })
  key!: string | null;

  @Field(() => String, { nullable: true })
  nameZh!: string | null;

  @Field(() => String, { nullable: true })
  nameEn!: string | null;

  @Field(() => MeasureSetType)
  set!: MeasureSetType;
}

@ObjectType({ description: "The measures of a period and the period before it, with breakdowns on request." })
export class MeasuresType {
  @Field(() => MeasurePeriodType)
  period!: MeasurePeriodType;

  @Field(() => MeasurePeriodType, { description: "The period before (same kind; CUSTOM: as many days just before)." })
  previousPeriod!: MeasurePeriodType;

  @Field(() => MeasureSetType)
  current!: MeasureSetType;

  @Field(() => MeasureSetType, { description: "The same measures for the previous period." })
  previous!: MeasureSetType;

  /** The filter as applied (not exposed; the breakdown fields use it). */
  filter!: MeasureFilterInputType;
}

@ObjectType({ description: "One measure's definition, for help texts." })
export class MeasureDefinitionType {
  @Field({ description: "The MeasureSet field name, e.g. onTimeRate." })
  key!: string;

  @Field()
  nameZh!: string;

  @Field()
  nameEn!: string;

  @Field()
  definitionZh!: string;

  @Field()
  definitionEn!: string;
}
