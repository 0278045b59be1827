import { Field, Float, ID, Int, ObjectType } from "type-graphql";

@ObjectType("QaWeeklyScore", { description: "One score in force of the week." })
export class QaWeeklyScoreType {
  @Field(() => ID, { description: "Inspection id." })
  inspectionId!: string;
  @Field(() => Float, { description: "Total, 0–100." })
  total!: number;
  @Field({ description: "A critical error set it to 0." })
  critical!: boolean;
  @Field(() => Date, { description: "When scored." })
  scoredAt!: Date;
}

@ObjectType("QaWeeklyMember", { description: "A team member's week." })
export class QaWeeklyMemberType {
  @Field(() => ID, { description: "The call-taker." })
  callTakerId!: string;
  @Field({ description: "Name." })
  name!: string;
  @Field(() => Int, { description: "Scored calls of the week." })
  inspections!: number;
  @Field(() => Float, { nullable: true, description: "Mean score this week." })
  average!: number | null;
  @Field(() => Float, { nullable: true, description: "Mean score the week before." })
  previousAverage!: number | null;
  @Field({ description: "The mean fell against the week before." })
  fell!: boolean;
  @Field(() => [QaWeeklyScoreType], { description: "The week's scores, by the call's start." })
  scores!: QaWeeklyScoreType[];
}

@ObjectType("QaDeductionExample", { description: "A call where a deduction was ticked, with the inspector's comment." })
export class QaDeductionExampleType {
  @Field(() => ID, { description: "Inspection id." })
  inspectionId!: string;
  @Field({ description: "The call-taker." })
  callTakerName!: string;
  @Field(() => String, { nullable: true, description: "The inspector's comment on the criterion." })
  comment!: string | null;
  @Field(() => Date, { description: "When scored." })
  scoredAt!: Date;
}

@ObjectType("QaDeductionCount", { description: "How often a deduction was ticked in the week." })
export class QaDeductionCountType {
  @Field({ description: "Criterion key." })
  criterionKey!: string;
  @Field({ description: "Criterion label (Chinese)." })
  criterionLabel!: string;
  @Field({ description: "Criterion label (English)." })
  criterionLabelEn!: string;
  @Field({ description: "Deduction key." })
  deductionKey!: string;
  @Field({ description: "Deduction label (Chinese)." })
  label!: string;
  @Field({ description: "Deduction label (English)." })
  labelEn!: string;
  @Field(() => Float, { description: "Points it takes off." })
  points!: number;
  @Field(() => Int, { description: "Times ticked." })
  count!: number;
  @Field(() => [QaDeductionExampleType], { description: "Up to 3 examples (none for aggregate-only readers)." })
  examples!: QaDeductionExampleType[];
}

@ObjectType("QaWeeklyReview", { description: "A team's weekly review (每周一点评)." })
export class QaWeeklyReviewType {
  @Field(() => ID, { description: "Team." })
  teamId!: string;
  @Field({ description: "Team name." })
  teamName!: string;
  @Field({ description: "Monday (YYYY-MM-DD)." })
  weekStart!: string;
  @Field({ description: "Sunday (YYYY-MM-DD)." })
  weekEnd!: string;
  @Field(() => Int, { description: "Scored calls of the week (by the call's start)." })
  inspections!: number;
  @Field(() => Float, { nullable: true, description: "Mean score this week." })
  average!: number | null;
  @Field(() => Float, { nullable: true, description: "Mean score the week before." })
  previousAverage!: number | null;
  @Field(() => Int, { description: "Scores set to 0 by a critical error." })
  criticalCount!: number;
  @Field(() => [QaWeeklyMemberType], { description: "Every member (empty for aggregate-only readers)." })
  members!: QaWeeklyMemberType[];
  @Field(() => [QaWeeklyMemberType], { description: "Members whose mean fell against the week before." })
  fell!: QaWeeklyMemberType[];
  @Field(() => [QaDeductionCountType], { description: "The most frequent deductions, up to 10." })
  topDeductions!: QaDeductionCountType[];
  @Field(() => String, { nullable: true, description: "The lead's notes." })
  notes!: string | null;
  @Field(() => Date, { nullable: true, description: "When the notes were saved." })
  notesUpdatedAt!: Date | null;
  @Field(() => String, { nullable: true, description: "Who saved them." })
  notesUpdatedByName!: string | null;
  @Field({ description: "The viewer may edit the notes (the team's lead, QA inspectors)." })
  canEditNotes!: boolean;
  @Field({ description: "False for aggregate-only readers (supervisors, leaders, admins)." })
  individual!: boolean;
}
