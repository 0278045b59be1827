import "reflect-metadata";

export { qaModule } from "./qa.module.js";
export { QaErrorCode } from "./qa.errors.js";
export * from "./access.js";
export { QaTeam, QaTeamMember } from "./teams/team.entity.js";
export { currentSeatOf, resolveSeatOccupant } from "./roster/roster.js";
export { openRecording, recordingPath, type Recording } from "./recordings/recordings.js";
export { QaCall, QaCallDirection, QaCallTicket } from "./calls/call-record.entity.js";
export { QaSample, QaSampleReason } from "./sampling/sample.entity.js";
export { sampleDay, planSample, runDailySampling, type SampleDayResult } from "./sampling/sampling.js";
export { markSampleInspected } from "./sampling/inspection-queue.js";
export { monthlyAssessment, monthlyAssessmentFor, type MonthlyAssessment } from "./assessment/monthly-assessment.js";
export { assessCallTakers, ASSESSMENT_FORMULA, type CallTakerFigures } from "./assessment/assessment-formula.js";
export { scoreTotal } from "./scoring/score-rule.js";
export { QA_APPEAL_WINDOW_WORKING_DAYS } from "./scoring/score-call.js";
export { QaInspection, QaInspectionScore, QaInspectionState } from "./scoring/inspection.entity.js";
export { DEFAULT_FORM, DEFAULT_FORM_ID } from "./scoring/default-form.js";
