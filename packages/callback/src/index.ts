import "reflect-metadata";

export { callbackModule } from "./callback.module.js";
export { CallOutcome, CallbackTaskKind, CallbackTaskState, MissedCallState, ReReportReason, ReReportState, Resolution, SATISFIED, Satisfaction, SurveyChannel } from "./callback.enums.js";
export { CallbackErrorCode } from "./callback.errors.js";
export { CallbackEvent, CALLBACK_QUEUE_TOPIC } from "./callback.events.js";
export { CallbackTask } from "./task/callback-task.entity.js";
export { CallbackSurvey } from "./survey/callback-survey.entity.js";
export { ReReportProposal } from "./proposal/re-report-proposal.entity.js";
export { MissedCall } from "./missed-call/missed-call.entity.js";
export { DEFAULT_SETTINGS, loadCallbackSettings, type CallbackSettingsValues } from "./settings/callback-settings.js";
export { SATISFACTION_SQL, satisfactionSummary, type SatisfactionSummary } from "./metrics/satisfaction-summary.js";
