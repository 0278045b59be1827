/** Languages of the export (the apps' two). */
export type ExportLanguage = "zh-CN" | "en";

type Labels = {
  columns: string[];
  status: Record<string, string>;
  requestType: Record<string, string>;
  channel: Record<string, string>;
  urgency: Record<string, string>;
  deadline: Record<string, string>;
};

/** Column titles and enum labels of the CSV export: the search page's (the enum labels as in the apps' catalogue, packages/ui/src/i18n/enumLabels.ts). */
export const EXPORT_LABELS: Record<ExportLanguage, Labels> = {
  "zh-CN": {
    columns: ["工单编号", "标题", "状态", "诉求类型", "来源渠道", "紧急程度", "分类", "区域", "主办单位", "受理时间", "办理期限", "时限状态", "来电人", "来电号码"],
    status: {
      received: "已受理",
      awaiting_dispatch: "待派单",
      closed_direct: "已直接办结",
      dispatched: "已派单",
      signed_for: "已签收",
      in_progress: "办理中",
      replied: "已答复",
      closed: "已办结",
      merged: "已并单",
    },
    requestType: { consultation: "咨询", help: "求助", complaint: "投诉", suggestion: "建议", report: "举报", praise: "表扬", other: "其他" },
    channel: { phone: "电话", portal: "网站", open311: "Open311 接口", api: "系统对接", sms_wechat: "短信/微信", email: "电子邮件", walk_in: "现场来访" },
    urgency: { normal: "一般", urgent: "紧急", emergency: "特急" },
    deadline: { ON_TIME: "正常", NEAR_DUE: "即将超期", OVERDUE: "已超期" },
  },
  en: {
    columns: ["Tracking number", "Title", "Status", "Request type", "Channel", "Urgency", "Category", "Area", "Lead unit", "Received", "Due", "Deadline", "Caller", "Phone"],
    status: {
      received: "Received",
      awaiting_dispatch: "Awaiting dispatch",
      closed_direct: "Answered directly",
      dispatched: "Sent to department",
      signed_for: "Accepted by department",
      in_progress: "In progress",
      replied: "Department replied",
      closed: "Closed",
      merged: "Merged with a related request",
    },
    requestType: {
      consultation: "Question",
      help: "Request for help",
      complaint: "Complaint",
      suggestion: "Suggestion",
      report: "Report (confidential)",
      praise: "Praise or thanks",
      other: "Other",
    },
    channel: { phone: "Phone", portal: "Web portal", open311: "Open311", api: "Partner system", sms_wechat: "SMS / WeChat", email: "Email", walk_in: "In person" },
    urgency: { normal: "Normal", urgent: "Urgent", emergency: "Emergency" },
    deadline: { ON_TIME: "On time", NEAR_DUE: "Due soon", OVERDUE: "Overdue" },
  },
};
