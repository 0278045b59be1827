import { QaAssessmentWeights } from "../assessment/assessment-weights.entity.js";
import { QaAssessmentResolver } from "../assessment/assessment.resolver.js";
import { QaAppeal } from "../review/appeal.entity.js";
import { QaReviewResolver } from "../review/review.resolver.js";
import { QaWeeklyNote } from "../review/weekly-note.entity.js";
import { QaCallContextResolver, QaSampleInspectionResolver } from "./call-context.resolver.js";
import { QaInspection, QaInspectionScore } from "./inspection.entity.js";
import { QaScoreForm, QaScoreFormVersion } from "./score-form.entity.js";
import { QaScoringResolver } from "./scoring.resolver.js";

/** What scoring, appeals, weekly reviews and monthly assessments add to the qa module. */
export const qaScoringEntities = [QaScoreForm, QaScoreFormVersion, QaInspection, QaInspectionScore, QaAppeal, QaWeeklyNote, QaAssessmentWeights];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const qaScoringResolvers: Function[] = [QaScoringResolver, QaAssessmentResolver, QaReviewResolver, QaCallContextResolver, QaSampleInspectionResolver];
