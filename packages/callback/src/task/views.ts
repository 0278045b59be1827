import type { Assignment, Unit } from "@civicline/routing";
import type { CallbackSurvey } from "../survey/callback-survey.entity.js";
import type { CallbackReplyType, CallbackSurveyType } from "./task.types.js";
import type { UnitType } from "@civicline/routing";

/** The reply as the callback screens show it; null before the unit replied. */
export function replyView(assignment: Assignment | null, unit: Unit | null): CallbackReplyType | null {
  if (!assignment?.repliedAt || !assignment.replyOutcome || !unit) {
    return null;
  }
  return {
    outcome: assignment.replyOutcome,
    text: assignment.replyText ?? "",
    repliedAt: assignment.repliedAt,
    repliedBy: assignment.repliedByName,
    unitNameZh: unit.nameZh,
    unitNameEn: unit.nameEn,
    unit: unit as unknown as UnitType,
  };
}

export function surveyView(survey: CallbackSurvey): CallbackSurveyType {
  return {
    id: survey.id,
    channel: survey.channel,
    resolution: survey.resolution,
    resultSatisfaction: survey.resultSatisfaction,
    processSatisfaction: survey.processSatisfaction,
    reasonable: survey.reasonable,
    comment: survey.comment,
    answeredAt: survey.answeredAt,
    recordedBy: survey.recordedByName,
  };
}
