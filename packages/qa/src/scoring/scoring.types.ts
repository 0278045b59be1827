import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { QaAppealState } from "../review/appeal.entity.js";
import { QaInspectionState, QaScoreReason } from "./inspection.entity.js";

registerEnumType(QaInspectionState, {
  name: "QaInspectionState",
  description: "Where an inspection stands.",
  valuesConfig: {
    SCORED: { description: "Scored; the call-taker may still appeal until the deadline." },
    APPEALED: { description: "The call-taker appealed; the team lead decides." },
    APPEAL_UPHELD: { description: "The appeal was upheld: the revised score is in force (the original is kept)." },
    APPEAL_REJECTED: { description: "The appeal was rejected: the score stays." },
  },
});
registerEnumType(QaAppealState, {
  name: "QaAppealState",
  description: "Where an appeal stands.",
  valuesConfig: { PENDING: { description: "Waiting for the team lead." }, UPHELD: { description: "Upheld: the score was revised." }, REJECTED: { description: "Rejected: the score stays." } },
});
registerEnumType(QaScoreReason, {
  name: "QaScoreReason",
  description: "Why a score version exists.",
  valuesConfig: { INSPECTION: { description: "The inspector's score." }, APPEAL_UPHELD: { description: "The team lead's revised score after upholding an appeal." } },
});

@ObjectType("QaDeduction", { description: "A deduction (扣分项) of a criterion: ticked, it takes its points off the criterion." })
export class QaDeductionType {
  @Field({ description: "Stable key within the criterion." })
  key!: string;
  @Field({ description: "Label (Chinese)." })
  label!: string;
  @Field({ description: "Label (English)." })
  labelEn!: string;
  @Field(() => Float, { description: "Points it takes off." })
  points!: number;
}

@ObjectType("QaCriterion", { description: "A criterion of a score form, scored from 0 to its weight." })
export class QaCriterionType {
  @Field({ description: "Stable key within the form." })
  key!: string;
  @Field({ description: "Label (Chinese)." })
  label!: string;
  @Field({ description: "Label (English)." })
  labelEn!: string;
  @Field(() => Int, { description: "Its points: the most a call can score on it." })
  weight!: number;
  @Field(() => [QaDeductionType], { description: "Its deductions." })
  deductions!: QaDeductionType[];
}

@ObjectType("QaCriticalError", { description: "A critical error (一票否决): ticked, it sets the whole score to 0." })
export class QaCriticalErrorType {
  @Field({ description: "Stable key within the form." })
  key!: string;
  @Field({ description: "Label (Chinese)." })
  label!: string;
  @Field({ description: "Label (English)." })
  labelEn!: string;
}

@ObjectType("QaScoreFormVersion", { description: "One version of a score form (never changed; an edit adds the next)." })
export class QaScoreFormVersionType {
  @Field(() => ID, { description: "Version id (an inspection names the version it was scored with)." })
  id!: string;
  @Field(() => ID, { description: "The form." })
  formId!: string;
  @Field({ description: "The form's name (Chinese)." })
  formName!: string;
  @Field({ description: "The form's name (English)." })
  formNameEn!: string;
  @Field(() => Int, { description: "1, 2, 3 … per form." })
  version!: number;
  @Field(() => [QaCriterionType], { description: "The criteria, in order." })
  criteria!: QaCriterionType[];
  @Field(() => [QaCriticalErrorType], { description: "The critical errors." })
  criticalErrors!: QaCriticalErrorType[];
  @Field(() => Int, { description: "Σ weights; a score is 100 × Σ criterion scores / this." })
  totalWeight!: number;
  @Field(() => String, { nullable: true, description: "Why this version was saved." })
  note!: string | null;
  @Field(() => Date, { description: "When it was saved." })
  createdAt!: Date;
  @Field({ description: "Who saved it." })
  createdByName!: string;
  @Field({ description: "True for the form's newest version (used for new inspections)." })
  current!: boolean;
}

@ObjectType("QaScoreForm", { description: "A score form (质检评分表) and its versions." })
export class QaScoreFormType {
  @Field(() => ID, { description: "Form id." })
  id!: string;
  @Field({ description: "Name (Chinese)." })
  name!: string;
  @Field({ description: "Name (English)." })
  nameEn!: string;
  @Field({ description: "The form inspections use unless another is chosen." })
  isDefault!: boolean;
  @Field(() => QaScoreFormVersionType, { description: "The newest version." })
  current!: QaScoreFormVersionType;
  @Field(() => [QaScoreFormVersionType], { description: "Every version, newest first." })
  versions!: QaScoreFormVersionType[];
}

@ObjectType("QaCriterionScore", { description: "What one criterion got." })
export class QaCriterionScoreType {
  @Field({ description: "Criterion key." })
  key!: string;
  @Field({ description: "Label (Chinese)." })
  label!: string;
  @Field({ description: "Label (English)." })
  labelEn!: string;
  @Field(() => Int, { description: "Its points (the most possible)." })
  weight!: number;
  @Field(() => Float, { description: "Points given." })
  score!: number;
  @Field(() => [QaDeductionType], { description: "Deductions ticked." })
  deductions!: QaDeductionType[];
  @Field(() => String, { nullable: true, description: "The inspector's comment on it." })
  comment!: string | null;
}

@ObjectType("QaScore", { description: "A score version of an inspection (the original, and the revised one after an upheld appeal)." })
export class QaScoreType {
  @Field(() => ID, { description: "Score version id." })
  id!: string;
  @Field(() => Int, { description: "1 = the inspector's; 2 = revised after an upheld appeal." })
  version!: number;
  @Field(() => QaScoreReason, { description: "Why this version exists." })
  reason!: QaScoreReason;
  @Field(() => Float, { description: "Total, 0–100 to 0.01 (0 with a critical error)." })
  total!: number;
  @Field({ description: "A critical error set the total to 0." })
  critical!: boolean;
  @Field(() => [QaCriticalErrorType], { description: "Critical errors ticked." })
  criticalErrors!: QaCriticalErrorType[];
  @Field(() => [QaCriterionScoreType], { description: "Per criterion, in the form's order." })
  criteria!: QaCriterionScoreType[];
  @Field(() => String, { nullable: true, description: "Overall comment." })
  comment!: string | null;
  @Field({ description: "Who gave it." })
  scoredByName!: string;
  @Field(() => Date, { description: "When." })
  scoredAt!: Date;
}

@ObjectType("QaAppeal", { description: "A call-taker's appeal (申诉) of a score." })
export class QaAppealType {
  @Field(() => ID, { description: "Appeal id." })
  id!: string;
  @Field(() => QaAppealState, { description: "Where it stands." })
  state!: QaAppealState;
  @Field({ description: "The call-taker's reason." })
  reason!: string;
  @Field(() => Date, { description: "When it was made." })
  filedAt!: Date;
  @Field({ description: "Who made it." })
  filedByName!: string;
  @Field(() => Date, { nullable: true, description: "When it was decided." })
  decidedAt!: Date | null;
  @Field(() => String, { nullable: true, description: "The team lead who decided it." })
  decidedByName!: string | null;
  @Field(() => String, { nullable: true, description: "The team lead's note." })
  decisionNote!: string | null;
}

@ObjectType("QaInspection", { description: "The inspection of a sampled call: its scores (every version), the appeal and what the viewer may do." })
export class QaInspectionType {
  @Field(() => ID, { description: "Inspection id." })
  id!: string;
  @Field(() => ID, { description: "The sample it inspects (qaSample)." })
  sampleId!: string;
  @Field(() => ID, { description: "The call record (qaCall: recording, transcript, tickets)." })
  callRecordId!: string;
  @Field(() => Date, { description: "When the call started." })
  callStartedAt!: Date;
  @Field(() => ID, { description: "The call-taker." })
  callTakerId!: string;
  @Field({ description: "The call-taker's name." })
  callTakerName!: string;
  @Field({ description: "The inspector's name." })
  inspectorName!: string;
  @Field(() => QaInspectionState, { description: "Where it stands." })
  state!: QaInspectionState;
  @Field(() => QaScoreFormVersionType, { description: "The form version it was scored with (kept when the form changes)." })
  formVersion!: QaScoreFormVersionType;
  @Field(() => QaScoreType, { description: "The score in force (after an upheld appeal, the revised one)." })
  score!: QaScoreType;
  @Field(() => [QaScoreType], { description: "Every score version, oldest first." })
  scores!: QaScoreType[];
  @Field(() => QaAppealType, { nullable: true, description: "The appeal, if any." })
  appeal!: QaAppealType | null;
  @Field(() => Date, { description: "The call-taker may appeal until then." })
  appealDeadline!: Date;
  @Field({ description: "The viewer is the call-taker and may still appeal (once, before the deadline)." })
  canAppeal!: boolean;
  @Field({ description: "The viewer leads the call-taker's team and the appeal is pending." })
  canDecide!: boolean;
  @Field(() => Date, { description: "When it was scored." })
  scoredAt!: Date;
}

@InputType("QaDeductionInput", { description: "A deduction of a criterion." })
export class QaDeductionInput {
  @Field({ description: "Key: lower-case letters, digits, _." })
  key!: string;
  @Field({ description: "Label (Chinese)." })
  label!: string;
  @Field({ description: "Label (English)." })
  labelEn!: string;
  @Field(() => Float, { description: "Points it takes off (> 0, ≤ the criterion's weight, one decimal)." })
  points!: number;
}

@InputType("QaCriterionInput", { description: "A criterion of a form." })
export class QaCriterionInput {
  @Field({ description: "Key: lower-case letters, digits, _." })
  key!: string;
  @Field({ description: "Label (Chinese)." })
  label!: string;
  @Field({ description: "Label (English)." })
  labelEn!: string;
  @Field(() => Int, { description: "Points, 1–100." })
  weight!: number;
  @Field(() => [QaDeductionInput], { description: "Deductions." })
  deductions!: QaDeductionInput[];
}

@InputType("QaCriticalErrorInput", { description: "A critical error of a form." })
export class QaCriticalErrorInput {
  @Field({ description: "Key: lower-case letters, digits, _." })
  key!: string;
  @Field({ description: "Label (Chinese)." })
  label!: string;
  @Field({ description: "Label (English)." })
  labelEn!: string;
}

@InputType("QaScoreFormInput", { description: "A form's full content, saved as its next version (a new form without formId)." })
export class QaScoreFormInput {
  @Field(() => ID, { nullable: true, description: "The form to add a version to; none = a new form." })
  formId?: string | null;
  @Field({ description: "Name (Chinese)." })
  name!: string;
  @Field({ description: "Name (English)." })
  nameEn!: string;
  @Field(() => [QaCriterionInput], { description: "Criteria, in order (1–30)." })
  criteria!: QaCriterionInput[];
  @Field(() => [QaCriticalErrorInput], { description: "Critical errors (0–20)." })
  criticalErrors!: QaCriticalErrorInput[];
  @Field(() => String, { nullable: true, description: "Why (up to 200 characters)." })
  note?: string | null;
}

@InputType("QaCriterionScoreInput", { description: "What one criterion gets." })
export class QaCriterionScoreInput {
  @Field({ description: "Criterion key." })
  key!: string;
  @Field(() => Float, { nullable: true, description: "Points, 0…weight and ≤ weight − ticked deductions (one decimal); none = weight − deductions." })
  score?: number | null;
  @Field(() => [String], { description: "Deductions ticked (keys)." })
  deductionKeys!: string[];
  @Field(() => String, { nullable: true, description: "Comment (up to 1000 characters)." })
  comment?: string | null;
}

@InputType("QaRescoreInput", { description: "A whole score: every criterion of the form version once, critical errors, a comment." })
export class QaRescoreInput {
  @Field(() => [QaCriterionScoreInput], { description: "Every criterion of the form version, once." })
  criteria!: QaCriterionScoreInput[];
  @Field(() => [String], { description: "Critical errors ticked (keys); any sets the total to 0." })
  criticalErrorKeys!: string[];
  @Field(() => String, { nullable: true, description: "Overall comment (up to 1000 characters)." })
  comment?: string | null;
}

@InputType("QaScoreCallInput", { description: "The score of a sampled call." })
export class QaScoreCallInput extends QaRescoreInput {
  @Field(() => ID, { description: "The sample (from the inspection queue)." })
  sampleId!: string;
  @Field(() => ID, { nullable: true, description: "The form version; none = the default form's newest." })
  formVersionId?: string | null;
}
