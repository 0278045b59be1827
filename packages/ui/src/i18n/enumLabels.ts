/**
 * The translated catalogue of every GraphQL enum the apps show, in both languages.
 *
 * One plain map per language: `enum name → value → label`. To add a value (a new TicketHistoryKind,
 * say), add one line under the enum in BOTH languages; `enumLabels.test.ts` walks every enum value
 * in `apps/gateway/schema.graphql` and fails while either language lacks it. The few enums that
 * are never shown to a person are listed in `ENUMS_NOT_SHOWN` with the reason.
 */
export type EnumCatalogue = Record<string, Record<string, string>>;

export const ENUM_LABELS_EN: EnumCatalogue = {
  AreaLevel: { CITY: "City", DISTRICT: "District / county", TOWNSHIP: "Township / street" },
  ArticleAction: {
    APPROVED: "Approved",
    ARCHIVED: "Archived",
    CREATED: "Created",
    EDITED: "Edited",
    EXPIRED: "Expired",
    IMPORTED: "Imported",
    SENT_BACK: "Sent back",
    SUBMITTED: "Submitted for review",
    URGENT_APPROVED: "Urgent correction put in force",
  },
  ArticleAudience: { INTERNAL: "Staff only", PUBLIC: "Public" },
  ArticleLanguage: { EN: "English", ZH_CN: "Chinese" },
  ArticleStatus: { ARCHIVED: "Archived", DRAFT: "Draft", EXPIRED: "Expired", IN_REVIEW: "In review", PUBLISHED: "Published" },
  AssignmentState: {
    DISPATCHED: "Dispatched",
    SIGNED_FOR: "Signed for",
    REPLIED: "Replied",
    RETURN_REQUESTED: "Return requested",
    RETURNED: "Returned",
  },
  CalendarDaySource: { OFFICIAL: "Official holiday data", OVERRIDE: "Admin override", WEEKDAY_RULE: "Monday–Friday rule" },
  CallOutcome: { REACHED: "Reached", NOT_REACHED: "Not reached" },
  ChasingSeverity: { NEAR_DUE: "Near due", OVERDUE: "Overdue" },
  ChasingStage: {
    WAITING_DISPATCH: "Waiting for dispatch",
    WAITING_SIGN_FOR: "Waiting for sign-for",
    IN_PROGRESS: "In progress",
    EXTENSION_PENDING: "Extension pending",
  },
  CallbackTaskKind: { REPLY: "Reply callback", DIRECT_ANSWER_SURVEY: "Direct-answer survey" },
  CallbackTaskState: {
    OPEN: "Open",
    DONE: "Done",
    DONE_ONLINE: "Rated online by the citizen",
    UNREACHABLE: "Unreachable",
    CANCELLED: "Cancelled",
  },
  CategoryFieldType: { DATE: "Date", NUMBER: "Number", SELECT: "Choice", TEXT: "Text" },
  CategoryChange: { CREATED: "Added", UPDATED: "Changed", MOVED: "Moved", DEACTIVATED: "Deactivated", REACTIVATED: "Offered again" },
  Channel: {
    PHONE: "Phone",
    PORTAL: "Web portal",
    OPEN311: "Open311",
    API: "Partner system",
    SMS_WECHAT: "SMS / WeChat",
    EMAIL: "Email",
    WALK_IN: "In person",
  },
  DeadlineState: { ON_TIME: "On time", NEAR_DUE: "Due soon", OVERDUE: "Overdue" },
  DiffKind: { ADDED: "Added", REMOVED: "Removed", SAME: "Unchanged" },
  EmergencyService: { POLICE_110: "Police (110)", FIRE_119: "Fire (119)", AMBULANCE_120: "Ambulance (120)", TRAFFIC_122: "Traffic police (122)" },
  ExportFormat: { JSON: "JSON", MARKDOWN: "Markdown" },
  ExtensionStatus: { PENDING: "Awaiting decision", APPROVED: "Approved", REFUSED: "Refused" },
  HistoryActorKind: {
    STAFF: "Staff",
    CITIZEN: "Citizen (portal)",
    AUTO_DISPATCH: "Auto-dispatch",
    INTEGRATOR: "Partner system",
  },
  HistoryNote: {
    RETURN_REQUESTED: "Returned by {unit}: {returnReason}. {text}",
    RETURN_REJECTED: "Return not accepted: {note}",
    MARKED_EMERGENCY: "Marked as an emergency (was {was})",
    EMERGENCY_HANDOFF: "Handed off to {service}, reference {reference}",
    MERGED_INTO: "Merged into {number}",
    MERGED_IN: "{number} merged in; {count} co-reporter(s) added",
    LINKED_RELATED: "Related to {number}",
    LINKED_RE_REPORT: "Re-report of {number}",
    ANSWERED_DIRECTLY: "Answered on the spot ({count} knowledge-base article(s) used)",
    CALLBACK_UNREACHED: "Callback: citizen not reached after {attempts} tries",
    RE_REPORT_DECLINED: "Re-report declined: {note}",
    FOLLOW_UP: "The citizen called to chase the request: “{words}”",
    CITIZEN_ADDITION: "The citizen added to the request on the portal ({photos} photo(s)): “{words}”",
  },
  ImportFormat: { JSON: "JSON", MARKDOWN: "Markdown" },
  ImportJobStatus: { QUEUED: "Queued", RUNNING: "Running", DONE: "Done", FAILED: "Failed" },
  LeaderMatterKind: { TICKET: "Ticket", HOT_ISSUE: "Hot issue" },
  LeaderMatterStatus: { OPEN: "In progress", DONE: "Done" },
  HotWindow: { DAY: "One day", WEEK: "Seven days" },
  RankingApartReason: { TOO_FEW_TICKETS: "Too few tickets", NO_FIGURES: "No figures in the period" },
  RankingPartKey: { ON_TIME: "On-time completion", SATISFACTION: "Result satisfaction", NOT_RETURNED: "Not returned", NOT_RE_REPORTED: "Not re-reported", NOT_EXTENDED: "Not extended" },
  MissedCallState: { OPEN: "To call back", RETURNED: "Called back", UNREACHABLE: "Unreachable" },
  NoteVisibility: { INTERNAL: "Internal (staff only)", PUBLIC: "Public (the citizen can read it)" },
  Privacy: { NONE: "No restriction", ANONYMOUS: "Anonymous", CONFIDENTIAL: "Confidential" },
  QueueKind: { RECEIVED: "Received", WAITING_FOR_DISPATCH: "Waiting for dispatch", MINE_TODAY: "My tickets today", EMERGENCIES: "Emergencies" },
  ReReportReason: { UNRESOLVED: "Not resolved", PARTLY_RESOLVED: "Partly resolved", RESULT_DISSATISFIED: "Dissatisfied with the result" },
  ReReportState: { PENDING: "Pending", ACCEPTED: "Accepted", DECLINED: "Declined", WITHDRAWN: "Withdrawn" },
  ReplyOutcome: { RESOLVED: "Resolved", EXPLAINED: "Explained per policy", UNRESOLVABLE: "Cannot be resolved" },
  RequestType: {
    CONSULTATION: "Question",
    HELP: "Request for help",
    COMPLAINT: "Complaint",
    SUGGESTION: "Suggestion",
    REPORT: "Report (confidential)",
    PRAISE: "Praise or thanks",
    OTHER: "Other",
  },
  Resolution: { RESOLVED: "Resolved", PARTLY: "Partly resolved", UNRESOLVED: "Not resolved" },
  ReturnReason: {
    NOT_OUR_JURISDICTION: "Not our unit's responsibility",
    WRONG_LOCATION: "Wrong location or jurisdiction area",
    INSUFFICIENT_INFORMATION: "Not enough information to act on",
    DUPLICATE: "Duplicate of another ticket",
    OTHER: "Other reason",
  },
  ReturnStatus: { PENDING: "Under review", ACCEPTED: "Accepted, re-dispatched", REJECTED: "Rejected" },
  ReviewDecision: { APPROVE: "Approve", SEND_BACK: "Send back" },
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
  Satisfaction: {
    VERY_SATISFIED: "Very satisfied",
    SATISFIED: "Satisfied",
    BASICALLY_SATISFIED: "Basically satisfied",
    DISSATISFIED: "Dissatisfied",
    VERY_DISSATISFIED: "Very dissatisfied",
  },
  JointCaseState: { OPEN: "Open", DECIDED: "Decided" },
  JointEventKind: {
    OPENED: "Case opened",
    OPINION: "Opinion recorded",
    DECIDED: "Decided",
    DEADLINE_PASSED: "Deadline passed",
    RULE_PROPOSED: "Catalogue rule proposed",
    RULE_ACCEPTED: "Rule accepted into the catalogue",
    RULE_REJECTED: "Rule rejected",
  },
  JointParty: { DISCIPLINE_COMMISSION: "Discipline commission", STAFFING_OFFICE: "Staffing office", COMPLAINT_CENTRE: "Complaint centre" },
  JointTrigger: { RETURNED_REPEATEDLY: "Returned twice or more", DISPATCHER_REQUEST: "Dispatcher's request (disputed)" },
  RuleProposalStatus: { PENDING: "Waiting for an admin", ACCEPTED: "Accepted", REJECTED: "Rejected" },
  SupervisionOrderAction: { ISSUED: "Issued", ANSWERED: "Answered", ESCALATED: "Escalated", SENT_BACK: "Sent back", CLOSED: "Closed as satisfied" },
  OversightReportFileKind: { PDF: "Report (PDF)", FIGURES_CSV: "Figures (CSV)", RANKING_CSV: "Ranking (CSV)", TICKETS_CSV: "Tickets (CSV)", ORDERS_CSV: "Supervision orders (CSV)" },
  OversightReportStatus: { QUEUED: "Waiting to start", RUNNING: "Being produced", DONE: "Ready", FAILED: "Failed" },
  OversightReportStep: {
    FIGURES: "Computing the figures",
    RANKING: "Ranking the units",
    OVERDUE: "Listing overdue tickets",
    RETURNED: "Listing returned tickets",
    RE_REPORTED: "Listing re-reported tickets",
    ORDERS: "Listing supervision orders",
    PDF: "Printing the PDF",
    CSV: "Writing the CSV tables",
  },
  SupervisionOrderLevel: { REMINDER: "Reminder", FORMAL: "Formal supervision", LISTED: "Listed supervision" },
  SupervisionOrderState: { OPEN: "Waiting for the answer", ANSWERED: "Answered", CLOSED: "Closed" },
  SurveyChannel: { PHONE: "Phone", ONLINE: "Online" },
  TicketHistoryKind: {
    STATUS: "Status changed",
    URGENCY_CHANGED: "Urgency changed",
    EMERGENCY_HANDOFF: "Handed off to the emergency service",
    CO_REPORTER_ADDED: "Co-reporter added",
    LINKED: "Linked to another ticket",
    FOLLOW_UP: "Follow-up call (chased)",
    CITIZEN_ADDITION: "Citizen added information",
    SUPERVISION_ORDER_ISSUED: "Supervision order issued",
    SUPERVISION_ORDER_ANSWERED: "Supervision order answered",
    SUPERVISION_ORDER_ESCALATED: "Supervision order escalated",
    SUPERVISION_ORDER_SENT_BACK: "Supervision order sent back",
    SUPERVISION_ORDER_CLOSED: "Supervision order closed",
    CITIZEN_PHONE_REVEALED: "Caller's number shown to the unit",
    LEADER_SESSION_TICKET: "Taken by a leader in a session",
    LEADER_ASSIGNED: "Assigned to a leader",
    LEADER_INSTRUCTION: "Leader's instruction",
    JOINT_CASE_OPENED: "Joint supervision case opened",
    JOINT_OPINION_RECORDED: "Joint supervision: opinion recorded",
    JOINT_CASE_DECIDED: "Joint supervision decided the responsible unit",
  },
  TicketLinkKind: { MERGED_INTO: "Merged into", RELATED: "Related to", RE_REPORT_OF: "Re-report of" },
  TicketSearchSort: { RECEIVED_DESC: "Newest first", RECEIVED_ASC: "Oldest first", DUE_ASC: "Soonest deadline first" },
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
  TimelineKind: {
    HISTORY: "History entry",
    PROGRESS_NOTE: "Progress note",
    ASSIST_INPUT: "Assisting unit's input",
    EXTENSION_REQUESTED: "Extension requested",
    EXTENSION_DECIDED: "Extension decided",
    RETURN_REQUESTED: "Returned by the unit",
    RETURN_DECIDED: "Return decided",
    NEAR_DUE: "Deadline near",
    OVERDUE: "Overdue",
    CALLBACK_ATTEMPT: "Callback call",
    SURVEY_ANSWERED: "Satisfaction survey answered",
    RE_REPORT_PROPOSED: "Re-report proposed",
    RE_REPORT_DECIDED: "Re-report decided",
  },
  UnitKind: {
    BUREAU: "City bureau",
    CITY_CENTRE: "Hotline centre",
    DISTRICT_GOVERNMENT: "District / county government",
    TOWNSHIP_OFFICE: "Township / street office",
    OTHER: "Other unit",
  },
  Urgency: { NORMAL: "Normal", URGENT: "Urgent", EMERGENCY: "Emergency" },
};

export const ENUM_LABELS_ZH: EnumCatalogue = {
  AreaLevel: { CITY: "市", DISTRICT: "区县", TOWNSHIP: "镇街" },
  ArticleAction: {
    APPROVED: "审核通过",
    ARCHIVED: "已归档",
    CREATED: "创建",
    EDITED: "修改",
    EXPIRED: "已过期",
    IMPORTED: "导入",
    SENT_BACK: "退回修改",
    SUBMITTED: "提交审核",
    URGENT_APPROVED: "紧急更正生效",
  },
  ArticleAudience: { INTERNAL: "仅内部", PUBLIC: "公开" },
  ArticleLanguage: { EN: "英文", ZH_CN: "中文" },
  ArticleStatus: { ARCHIVED: "已归档", DRAFT: "草稿", EXPIRED: "已过期", IN_REVIEW: "审核中", PUBLISHED: "已发布" },
  AssignmentState: {
    DISPATCHED: "已派单",
    SIGNED_FOR: "已签收",
    REPLIED: "已答复",
    RETURN_REQUESTED: "申请退单",
    RETURNED: "已退单",
  },
  ChasingSeverity: { NEAR_DUE: "临期", OVERDUE: "超期" },
  ChasingStage: {
    WAITING_DISPATCH: "待派单",
    WAITING_SIGN_FOR: "待签收",
    IN_PROGRESS: "办理中",
    EXTENSION_PENDING: "延期待审",
  },
  CalendarDaySource: { OFFICIAL: "官方节假日安排", OVERRIDE: "人工调整", WEEKDAY_RULE: "按周一至周五" },
  CallOutcome: { REACHED: "已接通", NOT_REACHED: "未接通" },
  CallbackTaskKind: { REPLY: "答复回访", DIRECT_ANSWER_SURVEY: "直接答复回访" },
  CallbackTaskState: {
    OPEN: "待回访",
    DONE: "已回访",
    DONE_ONLINE: "市民已在线评价",
    UNREACHABLE: "无法联系",
    CANCELLED: "已取消",
  },
  CategoryFieldType: { DATE: "日期", NUMBER: "数字", SELECT: "选项", TEXT: "文本" },
  CategoryChange: { CREATED: "新增", UPDATED: "修改", MOVED: "移动", DEACTIVATED: "停用", REACTIVATED: "重新启用" },
  Channel: {
    PHONE: "电话",
    PORTAL: "网站",
    OPEN311: "Open311 接口",
    API: "系统对接",
    SMS_WECHAT: "短信/微信",
    EMAIL: "电子邮件",
    WALK_IN: "现场来访",
  },
  DeadlineState: { ON_TIME: "正常", NEAR_DUE: "即将超期", OVERDUE: "已超期" },
  DiffKind: { ADDED: "新增", REMOVED: "删除", SAME: "未变" },
  EmergencyService: { POLICE_110: "110 报警", FIRE_119: "119 火警", AMBULANCE_120: "120 急救", TRAFFIC_122: "122 交通事故" },
  ExportFormat: { JSON: "JSON", MARKDOWN: "Markdown" },
  ExtensionStatus: { PENDING: "待审批", APPROVED: "已批准", REFUSED: "未批准" },
  HistoryActorKind: {
    STAFF: "工作人员",
    CITIZEN: "市民（网站）",
    AUTO_DISPATCH: "自动派单",
    INTEGRATOR: "对接系统",
  },
  HistoryNote: {
    RETURN_REQUESTED: "{unit} 退单：{returnReason}。{text}",
    RETURN_REJECTED: "退单未通过：{note}",
    MARKED_EMERGENCY: "标记为特急（原为{was}）",
    EMERGENCY_HANDOFF: "已转交 {service}，回执编号 {reference}",
    MERGED_INTO: "已并入 {number}",
    MERGED_IN: "{number} 已并入本单；新增共同诉求人 {count} 名",
    LINKED_RELATED: "与 {number} 相关",
    LINKED_RE_REPORT: "续报自 {number}",
    ANSWERED_DIRECTLY: "当场答复（引用知识库文章 {count} 篇）",
    CALLBACK_UNREACHED: "回访未接通（{attempts} 次）",
    RE_REPORT_DECLINED: "续报不予受理：{note}",
    FOLLOW_UP: "市民来电催办：“{words}”",
    CITIZEN_ADDITION: "市民在网上补充了诉求（照片 {photos} 张）：“{words}”",
  },
  ImportFormat: { JSON: "JSON", MARKDOWN: "Markdown" },
  ImportJobStatus: { QUEUED: "排队中", RUNNING: "导入中", DONE: "已完成", FAILED: "失败" },
  LeaderMatterKind: { TICKET: "工单", HOT_ISSUE: "热点问题" },
  LeaderMatterStatus: { OPEN: "办理中", DONE: "已办结" },
  HotWindow: { DAY: "一天", WEEK: "七天" },
  RankingApartReason: { TOO_FEW_TICKETS: "工单数不足", NO_FIGURES: "本期无数据" },
  RankingPartKey: { ON_TIME: "按期办结", SATISFACTION: "结果满意", NOT_RETURNED: "未退单", NOT_RE_REPORTED: "未续报", NOT_EXTENDED: "未延期" },
  MissedCallState: { OPEN: "待回拨", RETURNED: "已回拨", UNREACHABLE: "无法联系" },
  NoteVisibility: { INTERNAL: "内部（仅工作人员）", PUBLIC: "公开（诉求人可见）" },
  Privacy: { NONE: "无限制", ANONYMOUS: "匿名", CONFIDENTIAL: "保密" },
  QueueKind: { RECEIVED: "已受理", WAITING_FOR_DISPATCH: "待派单", MINE_TODAY: "我今天的工单", EMERGENCIES: "紧急事件" },
  ReReportReason: { UNRESOLVED: "未解决", PARTLY_RESOLVED: "部分解决", RESULT_DISSATISFIED: "对结果不满意" },
  ReReportState: { PENDING: "待处理", ACCEPTED: "已续报", DECLINED: "不予续报", WITHDRAWN: "已撤回" },
  ReplyOutcome: { RESOLVED: "已解决", EXPLAINED: "已解释说明", UNRESOLVABLE: "无法解决" },
  RequestType: {
    CONSULTATION: "咨询",
    HELP: "求助",
    COMPLAINT: "投诉",
    SUGGESTION: "建议",
    REPORT: "举报",
    PRAISE: "表扬",
    OTHER: "其他",
  },
  Resolution: { RESOLVED: "已解决", PARTLY: "部分解决", UNRESOLVED: "未解决" },
  ReturnReason: {
    NOT_OUR_JURISDICTION: "非本单位职责",
    WRONG_LOCATION: "地点或属地有误",
    INSUFFICIENT_INFORMATION: "信息不足，无法办理",
    DUPLICATE: "与其他工单重复",
    OTHER: "其他原因",
  },
  ReturnStatus: { PENDING: "审核中", ACCEPTED: "已同意，重新派单", REJECTED: "未同意" },
  ReviewDecision: { APPROVE: "通过", SEND_BACK: "退回" },
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
  Satisfaction: {
    VERY_SATISFIED: "非常满意",
    SATISFIED: "满意",
    BASICALLY_SATISFIED: "基本满意",
    DISSATISFIED: "不满意",
    VERY_DISSATISFIED: "非常不满意",
  },
  JointCaseState: { OPEN: "办理中", DECIDED: "已决定" },
  JointEventKind: {
    OPENED: "立案",
    OPINION: "提出意见",
    DECIDED: "作出决定",
    DEADLINE_PASSED: "已超期",
    RULE_PROPOSED: "建议派单规则",
    RULE_ACCEPTED: "规则已纳入派单目录",
    RULE_REJECTED: "规则未采纳",
  },
  JointParty: { DISCIPLINE_COMMISSION: "纪委监委", STAFFING_OFFICE: "编办", COMPLAINT_CENTRE: "投诉中心" },
  JointTrigger: { RETURNED_REPEATEDLY: "两次及以上退单", DISPATCHER_REQUEST: "派单员申请（存在争议）" },
  RuleProposalStatus: { PENDING: "待管理员审核", ACCEPTED: "已采纳", REJECTED: "未采纳" },
  SupervisionOrderAction: { ISSUED: "下发", ANSWERED: "回复", ESCALATED: "升级", SENT_BACK: "退回重办", CLOSED: "满意办结" },
  OversightReportFileKind: { PDF: "报告（PDF）", FIGURES_CSV: "指标（CSV）", RANKING_CSV: "排名（CSV）", TICKETS_CSV: "工单清单（CSV）", ORDERS_CSV: "督办单（CSV）" },
  OversightReportStatus: { QUEUED: "等待开始", RUNNING: "正在生成", DONE: "已生成", FAILED: "生成失败" },
  OversightReportStep: {
    FIGURES: "正在计算指标",
    RANKING: "正在排名",
    OVERDUE: "正在列出超期工单",
    RETURNED: "正在列出退单工单",
    RE_REPORTED: "正在列出续报工单",
    ORDERS: "正在列出督办单",
    PDF: "正在生成 PDF",
    CSV: "正在生成 CSV 表格",
  },
  SupervisionOrderLevel: { REMINDER: "提醒", FORMAL: "督办", LISTED: "挂牌督办" },
  SupervisionOrderState: { OPEN: "待回复", ANSWERED: "已回复", CLOSED: "已办结" },
  SurveyChannel: { PHONE: "电话", ONLINE: "在线" },
  TicketHistoryKind: {
    STATUS: "状态变更",
    URGENCY_CHANGED: "紧急程度变更",
    EMERGENCY_HANDOFF: "已转交应急部门",
    CO_REPORTER_ADDED: "新增共同诉求人",
    LINKED: "关联工单",
    FOLLOW_UP: "市民催办",
    CITIZEN_ADDITION: "市民补充",
    SUPERVISION_ORDER_ISSUED: "下发督办单",
    SUPERVISION_ORDER_ANSWERED: "督办单已回复",
    SUPERVISION_ORDER_ESCALATED: "督办单升级",
    SUPERVISION_ORDER_SENT_BACK: "督办单退回重办",
    SUPERVISION_ORDER_CLOSED: "督办单办结",
    CITIZEN_PHONE_REVEALED: "承办单位查看来电号码",
    LEADER_SESSION_TICKET: "领导坐班接听",
    LEADER_ASSIGNED: "领导包案",
    LEADER_INSTRUCTION: "领导批示",
    JOINT_CASE_OPENED: "三方联动督办立案",
    JOINT_OPINION_RECORDED: "三方联动督办意见",
    JOINT_CASE_DECIDED: "三方联动督办决定责任单位",
  },
  TicketLinkKind: { MERGED_INTO: "并入", RELATED: "相关", RE_REPORT_OF: "续报自" },
  TicketSearchSort: { RECEIVED_DESC: "最新受理在前", RECEIVED_ASC: "最早受理在前", DUE_ASC: "办理期限最近在前" },
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
  TimelineKind: {
    HISTORY: "办理记录",
    PROGRESS_NOTE: "办理进展",
    ASSIST_INPUT: "协办意见",
    EXTENSION_REQUESTED: "申请延期",
    EXTENSION_DECIDED: "延期审批",
    RETURN_REQUESTED: "承办单位退单",
    RETURN_DECIDED: "退单审核",
    NEAR_DUE: "即将超期",
    OVERDUE: "已超期",
    CALLBACK_ATTEMPT: "回访电话",
    SURVEY_ANSWERED: "满意度回访",
    RE_REPORT_PROPOSED: "建议续报",
    RE_REPORT_DECIDED: "续报审核",
  },
  UnitKind: {
    BUREAU: "市直部门",
    CITY_CENTRE: "热线中心",
    DISTRICT_GOVERNMENT: "区县政府",
    TOWNSHIP_OFFICE: "镇街办事处",
    OTHER: "其他单位",
  },
  Urgency: { NORMAL: "一般", URGENT: "紧急", EMERGENCY: "特急" },
};

/**
 * Enums of the schema that no screen shows to a person, so they need no label. Each entry says why.
 * (Everything else must be in both catalogues.)
 */
export const ENUMS_NOT_SHOWN: Readonly<Record<string, string>> = {};

const CATALOGUES = { en: ENUM_LABELS_EN, "zh-CN": ENUM_LABELS_ZH } as const;

/** Note parameters that hold an enum value, rendered through its label. */
const ENUM_PARAMS: Readonly<Record<string, string>> = { returnReason: "ReturnReason", service: "EmergencyService", was: "Urgency" };

/** What a history entry carries for rendering (the GraphQL TicketHistoryEntry fields). */
export type HistoryEntryLike = {
  actorName?: string | null;
  actorKind?: string | null;
  reason?: string | null;
  noteCode?: string | null;
  noteParams?: readonly { name: string; value: string }[] | null;
};

/** The entry's note in `language`: its code rendered with its parameters, else the text as typed. */
export function historyNoteText(language: "en" | "zh-CN", entry: HistoryEntryLike): string | null {
  if (!entry.noteCode) {
    return entry.reason ?? null;
  }
  const params = new Map((entry.noteParams ?? []).map((param) => [param.name, param.value]));
  if (language === "en" && params.has("unitEn")) {
    params.set("unit", params.get("unitEn") ?? "");
  }
  const template = CATALOGUES[language].HistoryNote?.[entry.noteCode];
  if (!template) {
    return entry.reason ?? entry.noteCode;
  }
  return template.replace(/\{(\w+)\}/gu, (_, name: string) => {
    const value = params.get(name) ?? "";
    const enumName = ENUM_PARAMS[name];
    return enumName ? enumLabelOf(language, enumName, value) : value;
  });
}

/** Who made the change in `language`: a staff member's name, else the translated actor kind. */
export function historyActorText(language: "en" | "zh-CN", entry: HistoryEntryLike): string | null {
  if (entry.actorKind && entry.actorKind !== "STAFF") {
    return enumLabelOf(language, "HistoryActorKind", entry.actorKind);
  }
  return entry.actorName ?? null;
}

/**
 * The label of `value` of enum `enumName` in `language`. A value the catalogue does not know yet
 * (the server added one and the app is older) is shown as sent rather than hidden.
 */
export function enumLabelOf(language: "en" | "zh-CN", enumName: string, value: string): string {
  return CATALOGUES[language][enumName]?.[value] ?? value;
}
