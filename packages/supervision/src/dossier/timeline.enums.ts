import { registerEnumType } from "type-graphql";

/** What a timeline entry of the ticket page records (HISTORY entries carry their TicketHistoryKind). */
export enum TimelineKind {
  HISTORY = "HISTORY",
  PROGRESS_NOTE = "PROGRESS_NOTE",
  ASSIST_INPUT = "ASSIST_INPUT",
  EXTENSION_REQUESTED = "EXTENSION_REQUESTED",
  EXTENSION_DECIDED = "EXTENSION_DECIDED",
  RETURN_REQUESTED = "RETURN_REQUESTED",
  RETURN_DECIDED = "RETURN_DECIDED",
  NEAR_DUE = "NEAR_DUE",
  OVERDUE = "OVERDUE",
  CALLBACK_ATTEMPT = "CALLBACK_ATTEMPT",
  SURVEY_ANSWERED = "SURVEY_ANSWERED",
  RE_REPORT_PROPOSED = "RE_REPORT_PROPOSED",
  RE_REPORT_DECIDED = "RE_REPORT_DECIDED",
}

registerEnumType(TimelineKind, {
  name: "TimelineKind",
  description: "What a ticket-page timeline entry records: a ticket history row (any TicketHistoryKind, supervision's included), or a routing or callback step.",
  valuesConfig: {
    HISTORY: { description: "A row of the ticket's history (status change or another recorded change); see historyKind." },
    PROGRESS_NOTE: { description: "A handling unit's progress note." },
    ASSIST_INPUT: { description: "An assisting unit's input to the lead unit." },
    EXTENSION_REQUESTED: { description: "The lead unit asked for more time." },
    EXTENSION_DECIDED: { description: "A supervisor approved or refused the extension." },
    RETURN_REQUESTED: { description: "A unit returned the ticket (退单)." },
    RETURN_DECIDED: { description: "A dispatcher decided the return." },
    NEAR_DUE: { description: "The completion deadline came near." },
    OVERDUE: { description: "The completion deadline passed." },
    CALLBACK_ATTEMPT: { description: "A callback agent called the citizen." },
    SURVEY_ANSWERED: { description: "The citizen answered the satisfaction survey." },
    RE_REPORT_PROPOSED: { description: "A re-report (续报) was proposed after the callback." },
    RE_REPORT_DECIDED: { description: "A supervisor accepted or declined the re-report." },
  },
});
