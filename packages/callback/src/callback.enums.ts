import { registerEnumType } from "type-graphql";

/** A five-level satisfaction answer; the first three count as satisfied in the measures. */
export enum Satisfaction {
  VERY_SATISFIED = "VERY_SATISFIED",
  SATISFIED = "SATISFIED",
  BASICALLY_SATISFIED = "BASICALLY_SATISFIED",
  DISSATISFIED = "DISSATISFIED",
  VERY_DISSATISFIED = "VERY_DISSATISFIED",
}

/** Answers that count as satisfied (very satisfied, satisfied, basically satisfied). */
export const SATISFIED: readonly Satisfaction[] = [Satisfaction.VERY_SATISFIED, Satisfaction.SATISFIED, Satisfaction.BASICALLY_SATISFIED];

/** Whether the citizen says the matter was resolved. */
export enum Resolution {
  RESOLVED = "RESOLVED",
  PARTLY = "PARTLY",
  UNRESOLVED = "UNRESOLVED",
}

/** How an answer was given. */
export enum SurveyChannel {
  PHONE = "PHONE",
  ONLINE = "ONLINE",
}

/** What a callback task asks. */
export enum CallbackTaskKind {
  /** After a unit's reply: resolution, result and process satisfaction, reasonableness. */
  REPLY = "REPLY",
  /** After a direct answer at intake (sampled): process satisfaction only. */
  DIRECT_ANSWER_SURVEY = "DIRECT_ANSWER_SURVEY",
}

export enum CallbackTaskState {
  OPEN = "OPEN",
  DONE = "DONE",
  DONE_ONLINE = "DONE_ONLINE",
  UNREACHABLE = "UNREACHABLE",
  CANCELLED = "CANCELLED",
}

/** The outcome of one call attempt. */
export enum CallOutcome {
  REACHED = "REACHED",
  NOT_REACHED = "NOT_REACHED",
}

export enum ReReportState {
  PENDING = "PENDING",
  ACCEPTED = "ACCEPTED",
  DECLINED = "DECLINED",
  WITHDRAWN = "WITHDRAWN",
}

/** Why an answer proposes a re-report (续报). */
export enum ReReportReason {
  RESULT_DISSATISFIED = "RESULT_DISSATISFIED",
  PARTLY_RESOLVED = "PARTLY_RESOLVED",
  UNRESOLVED = "UNRESOLVED",
}

export enum MissedCallState {
  OPEN = "OPEN",
  RETURNED = "RETURNED",
  UNREACHABLE = "UNREACHABLE",
}

registerEnumType(Satisfaction, {
  name: "Satisfaction",
  description: "A five-level satisfaction answer. VERY_SATISFIED, SATISFIED and BASICALLY_SATISFIED count as satisfied in the measures.",
  valuesConfig: {
    VERY_SATISFIED: { description: "非常满意 — very satisfied." },
    SATISFIED: { description: "满意 — satisfied." },
    BASICALLY_SATISFIED: { description: "基本满意 — basically satisfied." },
    DISSATISFIED: { description: "不满意 — dissatisfied." },
    VERY_DISSATISFIED: { description: "非常不满意 — very dissatisfied." },
  },
});
registerEnumType(Resolution, {
  name: "Resolution",
  description: "Whether the citizen says the matter was resolved.",
  valuesConfig: {
    RESOLVED: { description: "已解决 — resolved." },
    PARTLY: { description: "部分解决 — partly resolved." },
    UNRESOLVED: { description: "未解决 — not resolved." },
  },
});
registerEnumType(SurveyChannel, {
  name: "SurveyChannel",
  description: "How a satisfaction answer was given.",
  valuesConfig: {
    PHONE: { description: "To a callback agent on the phone." },
    ONLINE: { description: "By the citizen on the portal." },
  },
});
registerEnumType(CallbackTaskKind, {
  name: "CallbackTaskKind",
  description: "What a callback task asks.",
  valuesConfig: {
    REPLY: { description: "回访 after a unit's reply: resolution, result and process satisfaction, reasonableness." },
    DIRECT_ANSWER_SURVEY: { description: "A sampled survey after a direct answer at intake: process satisfaction only." },
  },
});
registerEnumType(CallbackTaskState, {
  name: "CallbackTaskState",
  description: "Where a callback task is.",
  valuesConfig: {
    OPEN: { description: "Waiting for a callback (possibly a retry)." },
    DONE: { description: "The citizen was reached and answered." },
    DONE_ONLINE: { description: "The citizen answered on the portal before being called." },
    UNREACHABLE: { description: "Not reached after the maximum number of tries." },
    CANCELLED: { description: "No longer needed: the ticket left the replied state another way." },
  },
});
registerEnumType(CallOutcome, {
  name: "CallOutcome",
  description: "The outcome of one call attempt.",
  valuesConfig: {
    REACHED: { description: "The citizen answered (send the answers)." },
    NOT_REACHED: { description: "No answer, busy, switched off or wrong number; a retry is scheduled." },
  },
});
registerEnumType(ReReportState, {
  name: "ReReportState",
  description: "Where a re-report proposal is.",
  valuesConfig: {
    PENDING: { description: "Waiting for a supervisor." },
    ACCEPTED: { description: "Accepted: the ticket was dispatched again to the same lead unit (续报)." },
    DECLINED: { description: "Declined: the ticket was closed with the supervisor's note." },
    WITHDRAWN: { description: "Withdrawn without a decision: the ticket left REPLIED another way first (e.g. re-dispatched or closed); `decisionNote` says how." },
  },
});
registerEnumType(ReReportReason, {
  name: "ReReportReason",
  description: "Why an answer proposes a re-report.",
  valuesConfig: {
    RESULT_DISSATISFIED: { description: "The citizen is dissatisfied or very dissatisfied with the result." },
    PARTLY_RESOLVED: { description: "The citizen says the matter is only partly resolved." },
    UNRESOLVED: { description: "The citizen says the matter is not resolved." },
  },
});
registerEnumType(MissedCallState, {
  name: "MissedCallState",
  description: "Where a missed (abandoned) call is.",
  valuesConfig: {
    OPEN: { description: "To be returned (possibly a retry)." },
    RETURNED: { description: "The caller was reached." },
    UNREACHABLE: { description: "Not reached after the maximum number of tries." },
  },
});
