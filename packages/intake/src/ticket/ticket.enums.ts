import { registerEnumType } from "type-graphql";

/** Kind of request (诉求类型). */
export enum RequestType {
  CONSULTATION = "consultation",
  HELP = "help",
  COMPLAINT = "complaint",
  SUGGESTION = "suggestion",
  REPORT = "report",
  PRAISE = "praise",
  OTHER = "other",
}

/** Where the request came in. */
export enum Channel {
  PHONE = "phone",
  PORTAL = "portal",
  OPEN311 = "open311",
  API = "api",
  SMS_WECHAT = "sms_wechat",
  EMAIL = "email",
  WALK_IN = "walk_in",
}

export enum Urgency {
  NORMAL = "normal",
  URGENT = "urgent",
  EMERGENCY = "emergency",
}

/** A ticket's status; only the lifecycle in ticket-lifecycle.ts changes it. */
export enum TicketStatus {
  RECEIVED = "received",
  AWAITING_DISPATCH = "awaiting_dispatch",
  CLOSED_DIRECT = "closed_direct",
  DISPATCHED = "dispatched",
  SIGNED_FOR = "signed_for",
  IN_PROGRESS = "in_progress",
  REPLIED = "replied",
  CLOSED = "closed",
  MERGED = "merged",
}

registerEnumType(RequestType, {
  name: "RequestType",
  description: "Kind of request (诉求类型).",
  valuesConfig: {
    CONSULTATION: { description: "咨询 — a question about policy or services." },
    HELP: { description: "求助 — asks for help." },
    COMPLAINT: { description: "投诉 — a complaint about a service, a business or an official." },
    SUGGESTION: { description: "建议 — a suggestion." },
    REPORT: { description: "举报 — a report / whistle-blowing (confidential by default)." },
    PRAISE: { description: "表扬/感谢 — praise or thanks." },
    OTHER: { description: "其他 — anything else." },
  },
});
registerEnumType(Channel, {
  name: "Channel",
  description: "Where a request came in.",
  valuesConfig: {
    PHONE: { description: "A call to the hotline, logged by a call-taker." },
    PORTAL: { description: "The citizen portal (submitRequest)." },
    OPEN311: { description: "An Open311 client." },
    API: { description: "Another system or app through the API." },
    SMS_WECHAT: { description: "SMS or WeChat." },
    EMAIL: { description: "E-mail." },
    WALK_IN: { description: "In person at the centre." },
  },
});
registerEnumType(Urgency, {
  name: "Urgency",
  description: "How fast a request must be handled.",
  valuesConfig: {
    NORMAL: { description: "Ordinary time limits." },
    URGENT: { description: "Dispatched at once (急事急办)." },
    EMERGENCY: { description: "Life-threatening: handed to 110/119/120/122 and dispatched at once." },
  },
});
registerEnumType(TicketStatus, {
  name: "TicketStatus",
  description: "Where a ticket is in its life.",
  valuesConfig: {
    RECEIVED: { description: "Logged by the centre (受理)." },
    AWAITING_DISPATCH: { description: "Classified; waiting for a dispatcher." },
    CLOSED_DIRECT: { description: "Answered on the spot from policy (直办) and closed." },
    DISPATCHED: { description: "Sent to a handling unit (已派单)." },
    SIGNED_FOR: { description: "The unit signed for it (已签收)." },
    IN_PROGRESS: { description: "The unit is working on it." },
    REPLIED: { description: "The unit replied with the result (已回复)." },
    CLOSED: { description: "Closed after callback (已办结)." },
    MERGED: { description: "Merged into another ticket about the same matter (并单)." },
  },
});

/** Who may learn the citizen's identity. Whistle-blowing reports are confidential by default. */
export enum Privacy {
  NONE = "none",
  ANONYMOUS = "anonymous",
  CONFIDENTIAL = "confidential",
}

/** What a history row records: a status change, or another change with the status unchanged. */
export enum TicketHistoryKind {
  STATUS = "status",
  URGENCY_CHANGED = "urgency_changed",
  EMERGENCY_HANDOFF = "emergency_handoff",
  CO_REPORTER_ADDED = "co_reporter_added",
  LINKED = "linked",
  SUPERVISION_ORDER_ISSUED = "supervision_order_issued",
  SUPERVISION_ORDER_ANSWERED = "supervision_order_answered",
  SUPERVISION_ORDER_ESCALATED = "supervision_order_escalated",
  SUPERVISION_ORDER_SENT_BACK = "supervision_order_sent_back",
  SUPERVISION_ORDER_CLOSED = "supervision_order_closed",
  JOINT_CASE_OPENED = "joint_case_opened",
  JOINT_OPINION_RECORDED = "joint_opinion_recorded",
  JOINT_CASE_DECIDED = "joint_case_decided",
  LEADER_SESSION_TICKET = "leader_session_ticket",
  LEADER_ASSIGNED = "leader_assigned",
  LEADER_INSTRUCTION = "leader_instruction",
  CITIZEN_PHONE_REVEALED = "citizen_phone_revealed",
  FOLLOW_UP = "follow_up",
  CITIZEN_ADDITION = "citizen_addition",
}

registerEnumType(Privacy, {
  name: "Privacy",
  description: "Who may learn the citizen's identity.",
  valuesConfig: {
    NONE: { description: "No restriction beyond phone masking." },
    ANONYMOUS: { description: "匿名 — the citizen does not want to be named to the handling unit." },
    CONFIDENTIAL: { description: "保密 — identity kept from the handling unit (whistle-blowing reports by default)." },
  },
});
registerEnumType(TicketHistoryKind, {
  name: "TicketHistoryKind",
  description: "What a history entry records. Entries other than STATUS keep the status (fromStatus = toStatus).",
  valuesConfig: {
    STATUS: { description: "The status changed (or the ticket was opened)." },
    URGENCY_CHANGED: { description: "The urgency changed, e.g. marked as an emergency." },
    EMERGENCY_HANDOFF: { description: "Handed off to 110/119/120/122." },
    CO_REPORTER_ADDED: { description: "A caller of a merged duplicate was added as a co-reporter." },
    LINKED: { description: "A link to another ticket was added." },
    SUPERVISION_ORDER_ISSUED: { description: "A supervision order (督办单) was issued to the lead unit (by a supervisor, or automatically when the ticket became overdue)." },
    SUPERVISION_ORDER_ANSWERED: { description: "The lead unit answered a supervision order." },
    SUPERVISION_ORDER_ESCALATED: { description: "A supervision order rose one level (by hand, or by itself when unanswered past its deadline)." },
    SUPERVISION_ORDER_SENT_BACK: { description: "The supervisor sent a supervision order's answer back with a new deadline." },
    SUPERVISION_ORDER_CLOSED: { description: "The supervisor closed a supervision order as satisfied." },
    JOINT_CASE_OPENED: { description: "A supervisor opened a joint supervision case (三方联动督办) on the ticket." },
    JOINT_OPINION_RECORDED: { description: "A party of the joint supervision case recorded its opinion." },
    JOINT_CASE_DECIDED: { description: "The joint supervision case was decided: the responsible unit was named and the ticket dispatched to it." },
    LEADER_SESSION_TICKET: { description: "Logged at a leader session's seat during the session (领导坐班接听): taken by the leader." },
    LEADER_ASSIGNED: { description: "A supervisor assigned the ticket (alone or in a hot issue) to a leader (领导包案)." },
    LEADER_INSTRUCTION: { description: "A leader gave an instruction (领导批示) on the ticket." },
    CITIZEN_PHONE_REVEALED: { description: "A handler of the lead unit revealed the caller's full phone number to contact them (先联系后办理; only when the citizen chose no restriction)." },
    FOLLOW_UP: { description: "The citizen called again to chase the request (催办); the note holds their words." },
    CITIZEN_ADDITION: { description: "The citizen added a message and/or photos to the open request on the portal (市民补充); the note holds the message and the photo count." },
  },
});
