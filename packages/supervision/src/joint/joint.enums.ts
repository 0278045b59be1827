import { registerEnumType } from "type-graphql";

/** Where a joint supervision case stands. */
export enum JointCaseState {
  OPEN = "OPEN",
  DECIDED = "DECIDED",
}

/** Why the case was opened. */
export enum JointTrigger {
  RETURNED_REPEATEDLY = "RETURNED_REPEATEDLY",
  DISPATCHER_REQUEST = "DISPATCHER_REQUEST",
}

/** The three parties of joint supervision (三方联动督办). */
export enum JointParty {
  DISCIPLINE_COMMISSION = "DISCIPLINE_COMMISSION",
  STAFFING_OFFICE = "STAFFING_OFFICE",
  COMPLAINT_CENTRE = "COMPLAINT_CENTRE",
}

/** The order parties are shown in. */
export const JOINT_PARTIES: readonly JointParty[] = [JointParty.DISCIPLINE_COMMISSION, JointParty.STAFFING_OFFICE, JointParty.COMPLAINT_CENTRE];

/** The directory unit that speaks for each party (routing's unit codes). */
export const JOINT_PARTY_UNIT_CODES: Readonly<Record<JointParty, string>> = {
  DISCIPLINE_COMMISSION: "ORG-DISCIPLINE",
  STAFFING_OFFICE: "ORG-STAFFING",
  COMPLAINT_CENTRE: "CENTRE-12345",
};

/** A step of a case's own timeline. */
export enum JointEventKind {
  OPENED = "OPENED",
  OPINION = "OPINION",
  DECIDED = "DECIDED",
  DEADLINE_PASSED = "DEADLINE_PASSED",
  RULE_PROPOSED = "RULE_PROPOSED",
  RULE_ACCEPTED = "RULE_ACCEPTED",
  RULE_REJECTED = "RULE_REJECTED",
}

/** A proposed dispatch-catalogue rule's state. */
export enum RuleProposalStatus {
  PENDING = "PENDING",
  ACCEPTED = "ACCEPTED",
  REJECTED = "REJECTED",
}

registerEnumType(JointCaseState, {
  name: "JointCaseState",
  description: "Where a joint supervision case (三方联动督办) stands.",
  valuesConfig: {
    OPEN: { description: "Waiting for the parties' opinions and the complaint centre's decision." },
    DECIDED: { description: "Decided: the responsible unit is named and the ticket dispatched to it." },
  },
});
registerEnumType(JointTrigger, {
  name: "JointTrigger",
  description: "Why a joint supervision case was opened.",
  valuesConfig: {
    RETURNED_REPEATEDLY: { description: "The ticket was returned (退单) at least twice." },
    DISPATCHER_REQUEST: { description: "A dispatcher asked for it: the units dispute the ticket." },
  },
});
registerEnumType(JointParty, {
  name: "JointParty",
  description: "A party of joint supervision.",
  valuesConfig: {
    DISCIPLINE_COMMISSION: { description: "The discipline commission (纪委监委)." },
    STAFFING_OFFICE: { description: "The staffing office (编办), which owns who is responsible for what." },
    COMPLAINT_CENTRE: { description: "The complaint centre (the 12345 hotline centre); it records the decision." },
  },
});
registerEnumType(JointEventKind, {
  name: "JointEventKind",
  description: "A step of a joint supervision case's timeline.",
  valuesConfig: {
    OPENED: { description: "The case was opened." },
    OPINION: { description: "A party recorded its opinion." },
    DECIDED: { description: "The complaint centre decided and the ticket was dispatched." },
    DEADLINE_PASSED: { description: "The case's deadline passed before a decision." },
    RULE_PROPOSED: { description: "A dispatch-catalogue rule was proposed with the decision." },
    RULE_ACCEPTED: { description: "An admin accepted the proposed rule into the catalogue." },
    RULE_REJECTED: { description: "An admin rejected the proposed rule." },
  },
});
registerEnumType(RuleProposalStatus, {
  name: "RuleProposalStatus",
  description: "Whether an admin has decided a rule proposed by a joint case.",
  valuesConfig: {
    PENDING: { description: "Waiting for an admin." },
    ACCEPTED: { description: "Accepted: the rule is in the catalogue." },
    REJECTED: { description: "Rejected by an admin." },
  },
});
