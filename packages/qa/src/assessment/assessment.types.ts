import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";

/** The weighted parts of the monthly assessment (GraphQL enum). */
export enum QaAssessmentPartKey {
  QA_SCORE = "qaScore",
  CALLS_HANDLED = "callsHandled",
  HANDLE_TIME = "handleTime",
  DIRECT_RATE = "directRate",
  PROCESS_SATISFACTION = "processSatisfaction",
}

export enum QaAssessmentApartReason {
  TOO_FEW_CALLS = "TOO_FEW_CALLS",
  NO_FIGURES = "NO_FIGURES",
}

export enum QaExportFormat {
  CSV = "CSV",
  PDF = "PDF",
}

registerEnumType(QaAssessmentPartKey, {
  name: "QaAssessmentPartKey",
  description: "A part of the monthly assessment's score.",
  valuesConfig: {
    QA_SCORE: { description: "Mean QA score of the month's scored calls." },
    CALLS_HANDLED: { description: "100 × answered calls ÷ the most answered by anyone that month." },
    HANDLE_TIME: { description: "100 × min(1, target ÷ average talk time)." },
    DIRECT_RATE: { description: "100 × direct-handling rate (直办率) of the tickets logged." },
    PROCESS_SATISFACTION: { description: "100 × callback process satisfaction (服务过程满意率) of the tickets logged." },
  },
});
registerEnumType(QaAssessmentApartReason, {
  name: "QaAssessmentApartReason",
  description: "Why a call-taker is not ranked.",
  valuesConfig: { TOO_FEW_CALLS: { description: "Fewer calls than the weights version's minimum." }, NO_FIGURES: { description: "No weighted part has data." } },
});
registerEnumType(QaExportFormat, { name: "QaExportFormat", description: "File format of an export.", valuesConfig: { CSV: { description: "CSV (UTF-8 with BOM)." }, PDF: { description: "Print-ready A4 PDF." } } });

@ObjectType("QaAssessmentWeights", { description: "One version of the monthly assessment's weights (never changed; an edit adds the next)." })
export class QaAssessmentWeightsType {
  @Field(() => Int, { description: "1, 2, 3 … in the order saved." })
  version!: number;
  @Field(() => Int, { description: "Weight of the QA score (0–100)." })
  qaScore!: number;
  @Field(() => Int, { description: "Weight of calls handled (0–100)." })
  callsHandled!: number;
  @Field(() => Int, { description: "Weight of the handle time (0–100)." })
  handleTime!: number;
  @Field(() => Int, { description: "Weight of the direct-handling rate (0–100)." })
  directRate!: number;
  @Field(() => Int, { description: "Weight of process satisfaction (0–100)." })
  processSatisfaction!: number;
  @Field(() => Int, { description: "Average talk time (seconds) that scores 100." })
  targetHandleSeconds!: number;
  @Field(() => Int, { description: "Fewer calls in the month: listed apart, unranked." })
  minCalls!: number;
  @Field(() => String, { nullable: true, description: "Why the weights changed." })
  note!: string | null;
  @Field(() => Date, { description: "When saved (in force from then until the next version)." })
  createdAt!: Date;
  @Field({ description: "Who saved it." })
  createdByName!: string;
}

@ObjectType("QaAssessmentPart", { description: "One part of a call-taker's score." })
export class QaAssessmentPartType {
  @Field(() => QaAssessmentPartKey, { description: "Which part." })
  key!: QaAssessmentPartKey;
  @Field(() => Int, { description: "Its weight in the version used." })
  weight!: number;
  @Field(() => Float, { nullable: true, description: "Part score 0–100; null without data (left out)." })
  score!: number | null;
}

@ObjectType("QaAssessmentRow", { description: "A call-taker's month: figures, parts, score and rank." })
export class QaAssessmentRowType {
  @Field(() => Int, { nullable: true, description: "Rank in the centre (shared when tied); null when apart." })
  rank!: number | null;
  @Field({ description: "Another call-taker shares the rank." })
  tied!: boolean;
  @Field(() => ID, { description: "The call-taker." })
  callTakerId!: string;
  @Field({ description: "Name." })
  name!: string;
  @Field(() => ID, { nullable: true, description: "Team." })
  teamId!: string | null;
  @Field(() => String, { nullable: true, description: "Team name." })
  teamName!: string | null;
  @Field(() => Int, { description: "Scored calls of the month." })
  inspections!: number;
  @Field(() => Float, { nullable: true, description: "Mean QA score (0–100)." })
  qaScore!: number | null;
  @Field(() => Int, { description: "Answered calls." })
  callsHandled!: number;
  @Field(() => Float, { nullable: true, description: "Average talk time, seconds." })
  averageHandleSeconds!: number | null;
  @Field(() => Int, { description: "Tickets logged." })
  ticketsLogged!: number;
  @Field(() => Int, { description: "Of those, closed as a direct answer." })
  directAnswered!: number;
  @Field(() => Float, { nullable: true, description: "Direct-handling rate, 0–1." })
  directRate!: number | null;
  @Field(() => Int, { description: "Callback answers on their tickets." })
  processAnswered!: number;
  @Field(() => Int, { description: "Of those, satisfied with the service." })
  processSatisfied!: number;
  @Field(() => Float, { nullable: true, description: "Process satisfaction, 0–1." })
  processSatisfaction!: number | null;
  @Field(() => Int, { description: "Appeals upheld in the month." })
  appealsUpheld!: number;
  @Field(() => Float, { nullable: true, description: "Composite score, 0–100 to 0.01." })
  score!: number | null;
  @Field(() => QaAssessmentApartReason, { nullable: true, description: "Why not ranked; null when ranked." })
  apartReason!: QaAssessmentApartReason | null;
  @Field(() => [QaAssessmentPartType], { description: "The parts of the score." })
  parts!: QaAssessmentPartType[];
}

@ObjectType("QaGroupFigures", { description: "A team's or the centre's month: sums, and rates over the sums." })
export class QaGroupFiguresType {
  @Field(() => ID, { nullable: true, description: "The team; null for the whole centre." })
  teamId!: string | null;
  @Field({ description: "Name (Chinese)." })
  name!: string;
  @Field({ description: "Name (English)." })
  nameEn!: string;
  @Field(() => Int, { description: "Call-takers." })
  callTakers!: number;
  @Field(() => Int, { description: "Scored calls." })
  inspections!: number;
  @Field(() => Float, { nullable: true, description: "Mean QA score over all scored calls." })
  qaScore!: number | null;
  @Field(() => Int, { description: "Answered calls." })
  callsHandled!: number;
  @Field(() => Float, { nullable: true, description: "Average talk time, seconds." })
  averageHandleSeconds!: number | null;
  @Field(() => Float, { nullable: true, description: "Direct-handling rate, 0–1." })
  directRate!: number | null;
  @Field(() => Float, { nullable: true, description: "Process satisfaction, 0–1." })
  processSatisfaction!: number | null;
  @Field(() => Int, { description: "Appeals upheld." })
  appealsUpheld!: number;
  @Field(() => Float, { nullable: true, description: "Mean composite score of the ranked call-takers." })
  averageScore!: number | null;
}

@ObjectType("QaMonthlyAssessment", { description: "The monthly assessment (每月一考核): rows within the reader's scope, team and centre figures, the formula and weights." })
export class QaMonthlyAssessmentType {
  @Field({ description: "YYYY-MM." })
  month!: string;
  @Field(() => Date, { description: "Start (Asia/Shanghai midnight)." })
  from!: Date;
  @Field(() => Date, { description: "End (exclusive)." })
  to!: Date;
  @Field(() => QaAssessmentWeightsType, { description: "The weights version used." })
  weights!: QaAssessmentWeightsType;
  @Field({ description: "The formula (Chinese)." })
  formula!: string;
  @Field({ description: "The formula (English)." })
  formulaEn!: string;
  @Field({ description: "The tie rule (Chinese)." })
  tieRule!: string;
  @Field({ description: "The tie rule (English)." })
  tieRuleEn!: string;
  @Field(() => [QaAssessmentRowType], { description: "Ranked call-takers the reader may see, best first." })
  rows!: QaAssessmentRowType[];
  @Field(() => [QaAssessmentRowType], { description: "Call-takers listed apart (too few calls, no figures) the reader may see." })
  apart!: QaAssessmentRowType[];
  @Field(() => [QaGroupFiguresType], { description: "Every team's figures." })
  teams!: QaGroupFiguresType[];
  @Field(() => QaGroupFiguresType, { description: "The whole centre's figures." })
  centre!: QaGroupFiguresType;
  @Field({ description: "False for readers who see aggregates only (supervisors, leaders, admins)." })
  individual!: boolean;
}

@ObjectType("QaExportFile", { description: "An exported file, inline (base64)." })
export class QaExportFileType {
  @Field({ description: "Suggested file name." })
  filename!: string;
  @Field({ description: "MIME type." })
  contentType!: string;
  @Field({ description: "The file's bytes, base64." })
  base64!: string;
  @Field(() => Int, { description: "Size in bytes." })
  size!: number;
}

@InputType("QaAssessmentWeightsInput", { description: "New assessment weights (saved as the next version)." })
export class QaAssessmentWeightsInput {
  @Field(() => Int, { description: "Weight of the QA score (0–100)." })
  qaScore!: number;
  @Field(() => Int, { description: "Weight of calls handled (0–100)." })
  callsHandled!: number;
  @Field(() => Int, { description: "Weight of the handle time (0–100)." })
  handleTime!: number;
  @Field(() => Int, { description: "Weight of the direct-handling rate (0–100)." })
  directRate!: number;
  @Field(() => Int, { description: "Weight of process satisfaction (0–100)." })
  processSatisfaction!: number;
  @Field(() => Int, { description: "Target average talk time, 30–3600 seconds." })
  targetHandleSeconds!: number;
  @Field(() => Int, { description: "Minimum calls to be ranked (0–10,000)." })
  minCalls!: number;
  @Field(() => String, { nullable: true, description: "Why (up to 200 characters)." })
  note?: string | null;
}
