import { registerTicketReadPolicy } from "@civicline/intake";
import type { DomainModule } from "@civicline/platform";
import { seedCallbackDemo } from "./callback.seed.js";
import { callbackPushHandlers } from "./live/callback-queue-changed.js";
import { additionPushHandlers } from "./citizen-additions/addition-live.js";
import { CitizenAddition } from "./citizen-additions/citizen-addition.entity.js";
import { CitizenAdditionsResolver } from "./citizen-additions/citizen-additions.resolver.js";
import { CallbackMetricsResolver } from "./metrics/metrics.resolver.js";
import { callbackMigrations } from "./migrations/index.js";
import { MissedCallAttempt } from "./missed-call/missed-call-attempt.entity.js";
import { MissedCall } from "./missed-call/missed-call.entity.js";
import { MissedCallFieldsResolver, MissedCallResolver } from "./missed-call/missed-call.resolver.js";
import { noticeTimerHandlers } from "./notify/deliver-notice.js";
import { NotifyResolver } from "./notify/notify.resolver.js";
import { noticeEventHandlers } from "./notify/queue-notices.js";
import { SmsNotice } from "./notify/sms-notice.entity.js";
import { SmsPreference } from "./notify/sms-preference.entity.js";
import { SmsTemplate } from "./notify/sms-template.entity.js";
import { OnlineRatingResolver, PublicTicketRatingResolver } from "./online/online.resolver.js";
import { ReReportProposal } from "./proposal/re-report-proposal.entity.js";
import { ReReportResolver } from "./proposal/proposal.resolver.js";
import { CallbackSettings } from "./settings/callback-settings.entity.js";
import { CallbackSettingsResolver } from "./settings/settings.resolver.js";
import { CallbackSurvey } from "./survey/callback-survey.entity.js";
import { CallbackAttempt } from "./task/callback-attempt.entity.js";
import { CallbackTask } from "./task/callback-task.entity.js";
import { CallbackTaskFieldsResolver, ReReportProposalFieldsResolver } from "./task/task-fields.resolver.js";
import { callbackAgentMayViewTicket, callbackTaskHandlers } from "./task/task-handlers.js";
import { callbackTimerHandlers } from "./task/task-timers.js";
import { CallbackTaskResolver } from "./task/task.resolver.js";

// A callback agent may read the tickets in the callback queue through intake's `ticket(id)`.
registerTicketReadPolicy(callbackAgentMayViewTicket);

/**
 * Callback (回访): callback tasks when a ticket is replied, satisfaction surveys, missed calls,
 * online ratings from the portal and re-report proposals for supervisors.
 */
export const callbackModule: DomainModule = {
  name: "callback",
  entities: [CallbackSettings, CallbackTask, CallbackAttempt, CallbackSurvey, ReReportProposal, MissedCall, MissedCallAttempt, SmsNotice, SmsTemplate, SmsPreference, CitizenAddition],
  migrations: callbackMigrations,
  resolvers: [
    CallbackTaskResolver,
    CallbackTaskFieldsResolver,
    ReReportResolver,
    ReReportProposalFieldsResolver,
    MissedCallResolver,
    MissedCallFieldsResolver,
    OnlineRatingResolver,
    PublicTicketRatingResolver,
    CallbackSettingsResolver,
    CallbackMetricsResolver,
    NotifyResolver,
    CitizenAdditionsResolver,
  ],
  eventHandlers: (services) => [...callbackTaskHandlers(services.dataSource), ...callbackPushHandlers(services), ...noticeEventHandlers(services), ...additionPushHandlers(services)],
  timerHandlers: (services) => [...callbackTimerHandlers(), ...noticeTimerHandlers(services)],
  seedDemo: seedCallbackDemo,
};
