import type { Language } from "./languages.ts";

/** Mirrors of the schema enums; labels must cover every value (checked by the compiler). */
export type RequestType = "CONSULTATION" | "HELP" | "COMPLAINT" | "SUGGESTION" | "REPORT" | "PRAISE" | "OTHER";
export type TicketStatus =
  | "RECEIVED"
  | "AWAITING_DISPATCH"
  | "CLOSED_DIRECT"
  | "DISPATCHED"
  | "SIGNED_FOR"
  | "IN_PROGRESS"
  | "REPLIED"
  | "CLOSED"
  | "MERGED";
export type Channel = "PHONE" | "PORTAL" | "OPEN311" | "API" | "SMS_WECHAT" | "EMAIL" | "WALK_IN";
export type Urgency = "NORMAL" | "URGENT" | "EMERGENCY";
export type Role =
  | "OPERATOR"
  | "DISPATCHER"
  | "HANDLER"
  | "SUPERVISOR"
  | "CALLBACK_AGENT"
  | "QA_INSPECTOR"
  | "LEADER"
  | "ADMIN"
  | "INTEGRATOR";

export const REQUEST_TYPES: readonly RequestType[] = [
  "CONSULTATION",
  "HELP",
  "COMPLAINT",
  "SUGGESTION",
  "REPORT",
  "PRAISE",
  "OTHER",
];

type EnumLabels = {
  RequestType: Record<RequestType, string>;
  TicketStatus: Record<TicketStatus, string>;
  Channel: Record<Channel, string>;
  Urgency: Record<Urgency, string>;
  Role: Record<Role, string>;
};
export type EnumName = keyof EnumLabels;

const labels: Record<Language, EnumLabels> = {
  en: {
    RequestType: {
      CONSULTATION: "Question",
      HELP: "Request for help",
      COMPLAINT: "Complaint",
      SUGGESTION: "Suggestion",
      REPORT: "Report (confidential)",
      PRAISE: "Praise or thanks",
      OTHER: "Other",
    },
    TicketStatus: {
      RECEIVED: "Received",
      AWAITING_DISPATCH: "Awaiting dispatch",
      CLOSED_DIRECT: "Answered directly",
      DISPATCHED: "Sent to department",
      SIGNED_FOR: "Accepted by department",
      IN_PROGRESS: "In progress",
      REPLIED: "Department replied",
      CLOSED: "Closed",
      MERGED: "Merged with a related request",
    },
    Channel: {
      PHONE: "Phone",
      PORTAL: "Web portal",
      OPEN311: "Open311",
      API: "Partner system",
      SMS_WECHAT: "SMS / WeChat",
      EMAIL: "Email",
      WALK_IN: "In person",
    },
    Urgency: { NORMAL: "Normal", URGENT: "Urgent", EMERGENCY: "Emergency" },
    Role: {
      OPERATOR: "Call-taker",
      DISPATCHER: "Dispatcher",
      HANDLER: "Handling unit",
      SUPERVISOR: "Supervisor",
      CALLBACK_AGENT: "Callback agent",
      QA_INSPECTOR: "QA inspector",
      LEADER: "Leader",
      ADMIN: "Administrator",
      INTEGRATOR: "Integrator",
    },
  },
  "zh-CN": {
    RequestType: {
      CONSULTATION: "咨询",
      HELP: "求助",
      COMPLAINT: "投诉",
      SUGGESTION: "建议",
      REPORT: "举报",
      PRAISE: "表扬",
      OTHER: "其他",
    },
    TicketStatus: {
      RECEIVED: "已受理",
      AWAITING_DISPATCH: "待派单",
      CLOSED_DIRECT: "已直接办结",
      DISPATCHED: "已派单",
      SIGNED_FOR: "已签收",
      IN_PROGRESS: "办理中",
      REPLIED: "已答复",
      CLOSED: "已办结",
      MERGED: "已并单",
    },
    Channel: {
      PHONE: "电话",
      PORTAL: "网站",
      OPEN311: "Open311 接口",
      API: "系统对接",
      SMS_WECHAT: "短信/微信",
      EMAIL: "电子邮件",
      WALK_IN: "现场来访",
    },
    Urgency: { NORMAL: "一般", URGENT: "紧急", EMERGENCY: "特急" },
    Role: {
      OPERATOR: "话务员",
      DISPATCHER: "派单员",
      HANDLER: "承办人员",
      SUPERVISOR: "督办员",
      CALLBACK_AGENT: "回访员",
      QA_INSPECTOR: "质检员",
      LEADER: "领导",
      ADMIN: "系统管理员",
      INTEGRATOR: "对接系统",
    },
  },
};

/**
 * Localized label of an enum value. A value the UI does not know yet (the server added one)
 * is shown as sent rather than hidden.
 */
export function enumLabel(language: Language, name: EnumName, value: string): string {
  const table: Record<string, string> = labels[language][name];
  return table[value] ?? value;
}
