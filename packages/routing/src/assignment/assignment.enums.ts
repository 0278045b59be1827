import { registerEnumType } from "type-graphql";

/** Where an assignment (one dispatch of a ticket to a unit) is in its life. */
export enum AssignmentState {
  DISPATCHED = "DISPATCHED",
  SIGNED_FOR = "SIGNED_FOR",
  RETURN_REQUESTED = "RETURN_REQUESTED",
  REPLIED = "REPLIED",
  RETURNED = "RETURNED",
}

/** States in which the unit still owes the ticket something (deadline timers run). */
export const ACTIVE_STATES: readonly AssignmentState[] = [
  AssignmentState.DISPATCHED,
  AssignmentState.SIGNED_FOR,
  AssignmentState.RETURN_REQUESTED,
];

export enum ReplyOutcome {
  RESOLVED = "RESOLVED",
  EXPLAINED = "EXPLAINED",
  UNRESOLVABLE = "UNRESOLVABLE",
}

export enum ReturnReason {
  NOT_OUR_JURISDICTION = "NOT_OUR_JURISDICTION",
  WRONG_LOCATION = "WRONG_LOCATION",
  INSUFFICIENT_INFORMATION = "INSUFFICIENT_INFORMATION",
  DUPLICATE = "DUPLICATE",
  OTHER = "OTHER",
}

export enum ExtensionStatus {
  PENDING = "PENDING",
  APPROVED = "APPROVED",
  REFUSED = "REFUSED",
}

export enum ReturnStatus {
  PENDING = "PENDING",
  ACCEPTED = "ACCEPTED",
  REJECTED = "REJECTED",
}

export enum DeadlineState {
  ON_TIME = "ON_TIME",
  NEAR_DUE = "NEAR_DUE",
  OVERDUE = "OVERDUE",
}

export enum NoteVisibility {
  INTERNAL = "INTERNAL",
  PUBLIC = "PUBLIC",
}

/** The part a unit plays in an assignment. */
export enum UnitRole {
  LEAD = "LEAD",
  ASSISTING = "ASSISTING",
}

registerEnumType(AssignmentState, {
  name: "AssignmentState",
  description: "Where one dispatch of a ticket to a unit is.",
  valuesConfig: {
    DISPATCHED: { description: "Sent to the unit; waiting for it to sign for it (待签收)." },
    SIGNED_FOR: { description: "The lead unit signed for it and is handling it (已签收)." },
    RETURN_REQUESTED: { description: "The unit returned it (退单); a dispatcher decides." },
    REPLIED: { description: "The lead unit replied with the result (已回复)." },
    RETURNED: { description: "The return was accepted: the unit no longer handles it." },
  },
});
registerEnumType(ReplyOutcome, {
  name: "ReplyOutcome",
  description: "The result a unit reports.",
  valuesConfig: {
    RESOLVED: { description: "Resolved (已解决)." },
    EXPLAINED: { description: "Explained per policy (已解释说明)." },
    UNRESOLVABLE: { description: "Cannot be resolved, with the reason (无法解决)." },
  },
});
registerEnumType(ReturnReason, {
  name: "ReturnReason",
  description: "Why a unit returns a ticket (退单理由).",
  valuesConfig: {
    NOT_OUR_JURISDICTION: { description: "Not within the unit's remit." },
    WRONG_LOCATION: { description: "The place is outside the unit's area." },
    INSUFFICIENT_INFORMATION: { description: "Not enough information to act on." },
    DUPLICATE: { description: "The same matter is already being handled." },
    OTHER: { description: "Another reason, explained in the text." },
  },
});
registerEnumType(ExtensionStatus, {
  name: "ExtensionStatus",
  description: "Where an extension request is.",
  valuesConfig: {
    PENDING: { description: "Waiting for a supervisor." },
    APPROVED: { description: "Approved: the completion deadline moved." },
    REFUSED: { description: "Refused: the deadline stands." },
  },
});
registerEnumType(ReturnStatus, {
  name: "ReturnStatus",
  description: "Where a return request is.",
  valuesConfig: {
    PENDING: { description: "Waiting for a dispatcher." },
    ACCEPTED: { description: "Accepted: the ticket is (or will be) dispatched elsewhere." },
    REJECTED: { description: "Rejected: the unit keeps the ticket." },
  },
});
registerEnumType(DeadlineState, {
  name: "DeadlineState",
  description: "How an assignment stands against its completion deadline.",
  valuesConfig: {
    ON_TIME: { description: "Within the limit and before the near-due warning." },
    NEAR_DUE: { description: "Past the near-due threshold (e.g. 80 % of the limit used)." },
    OVERDUE: { description: "Past the completion deadline (or replied after it)." },
  },
});
registerEnumType(NoteVisibility, {
  name: "NoteVisibility",
  description: "Who may read a progress note.",
  valuesConfig: {
    INTERNAL: { description: "Staff only." },
    PUBLIC: { description: "Meant for the citizen as well." },
  },
});
