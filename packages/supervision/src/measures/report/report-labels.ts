import { EXPORT_LABELS } from "../../search/export-labels.js";
import type { ReportLanguageValue } from "./report-job.entity.js";

/** Every word the report prints (PDF and CSV), per language; enum labels as in the apps' catalogue. */
export type ReportLabels = {
  documentTitle: string;
  coverTitle: string;
  coverSubtitle: string;
  allUnits: string;
  withSubUnits: string;
  withoutSubUnits: string;
  scope: (unit: string) => string;
  period: (from: string, to: string, days: number) => string;
  generated: (at: string) => string;
  generatedBy: (name: string) => string;
  coverNote: string;
  sections: { figures: string; ranking: string; overdue: string; returned: string; reReported: string; orders: string; definitions: string };
  figureColumns: { figure: string; value: string; numerator: string; denominator: string; previous: string; definition: string };
  figuresIntro: string;
  figuresMissing: string;
  rankingColumns: { rank: string; unit: string; score: string; tickets: string; onTime: string; satisfaction: string; returned: string; reReported: string; extended: string; note: string };
  rankingFormula: string;
  rankingTieRule: string;
  rankingWeights: (version: string) => string;
  rankingApart: string;
  apartReason: Record<string, string>;
  rankingMissing: string;
  tied: string;
  ticketRules: { overdue: string; returned: string; reReported: string };
  ticketColumns: { list: string; tracking: string; title: string; status: string; unit: string; category: string; area: string; received: string; due: string; returns: string; reReports: string; caller: string; phone: string };
  listNames: { OVERDUE: string; RETURNED: string; RE_REPORTED: string };
  listTotal: (shown: number, total: number, capped: boolean) => string;
  noTickets: { OVERDUE: string; RETURNED: string; RE_REPORTED: string };
  orderColumns: { tracking: string; title: string; unit: string; level: string; state: string; issued: string; responseDue: string; answered: string; escalations: string; reason: string };
  ordersRule: string;
  noOrders: string;
  orderLevel: Record<string, string>;
  orderState: Record<string, string>;
  status: Record<string, string>;
  masked: string;
};

const ZH: ReportLabels = {
  documentTitle: "12345 热线监督报告",
  coverTitle: "12345 政务服务便民热线",
  coverSubtitle: "监督报告",
  allUnits: "全部承办单位",
  withSubUnits: "含下级单位",
  withoutSubUnits: "不含下级单位",
  scope: (unit) => `报告对象：${unit}`,
  period: (from, to, days) => `统计期间：${from} 至 ${to}（共 ${days} 天，北京时间）`,
  generated: (at) => `生成时间：${at}`,
  generatedBy: (name) => `生成人：${name}`,
  coverNote: "本报告由系统依据工单数据自动生成；来电人姓名和号码已按查阅人角色脱敏。",
  sections: { figures: "一、主要指标", ranking: "二、承办单位排名", overdue: "三、超期工单", returned: "四、退单工单", reReported: "五、续报工单", orders: "六、督办单", definitions: "附：指标口径" },
  figureColumns: { figure: "指标", value: "数值", numerator: "分子", denominator: "分母", previous: "上期", definition: "口径" },
  figuresIntro: "每项指标均列出分子和分母，便于核对。",
  figuresMissing: "指标暂不可用。",
  rankingColumns: { rank: "名次", unit: "承办单位", score: "综合得分", tickets: "派单量", onTime: "按期办结率", satisfaction: "结果满意率", returned: "退单率", reReported: "续报率", extended: "延期率", note: "说明" },
  rankingFormula: "计分公式",
  rankingTieRule: "同分规则",
  rankingWeights: (version) => `权重版本：${version}`,
  rankingApart: "未参与排名的单位",
  apartReason: { TOO_FEW_TICKETS: "工单过少，不参与排名", NO_FIGURES: "本期无可计算的指标" },
  rankingMissing: "本期无排名数据。",
  tied: "并列",
  ticketRules: {
    overdue: "统计期间内受理、到报告生成时仍未答复且已超过办理期限的工单。",
    returned: "统计期间内受理、曾被承办单位退单的工单。",
    reReported: "统计期间内受理、回访后续报（重新派单）的工单。",
  },
  ticketColumns: { list: "类别", tracking: "工单编号", title: "标题", status: "状态", unit: "主办单位", category: "分类", area: "区域", received: "受理时间", due: "办理期限", returns: "退单次数", reReports: "续报次数", caller: "来电人", phone: "来电号码" },
  listNames: { OVERDUE: "超期", RETURNED: "退单", RE_REPORTED: "续报" },
  listTotal: (shown, total, capped) => (shown < total || capped ? `共 ${capped ? `${total} 件以上` : `${total} 件`}，列出前 ${shown} 件。` : `共 ${total} 件。`),
  noTickets: { OVERDUE: "本期没有超期工单。", RETURNED: "本期没有退单工单。", RE_REPORTED: "本期没有续报工单。" },
  orderColumns: { tracking: "工单编号", title: "标题", unit: "被督办单位", level: "督办级别", state: "状态", issued: "下达时间", responseDue: "回复期限", answered: "回复时间", escalations: "升级次数", reason: "督办事由" },
  ordersRule: "统计期间内下达的督办单（级别为当前级别）。",
  noOrders: "本期没有下达督办单。",
  orderLevel: { REMINDER: "提醒", FORMAL: "督办", LISTED: "挂牌督办" },
  orderState: { OPEN: "待回复", ANSWERED: "已回复", CLOSED: "已办结" },
  status: EXPORT_LABELS["zh-CN"].status,
  masked: "已脱敏",
};

const EN: ReportLabels = {
  documentTitle: "12345 hotline oversight report",
  coverTitle: "12345 Government Service Hotline",
  coverSubtitle: "Oversight report",
  allUnits: "All handling units",
  withSubUnits: "with its sub-units",
  withoutSubUnits: "without its sub-units",
  scope: (unit) => `Reported on: ${unit}`,
  period: (from, to, days) => `Period: ${from} to ${to} (${days} days, China Standard Time)`,
  generated: (at) => `Generated: ${at}`,
  generatedBy: (name) => `Generated by: ${name}`,
  coverNote: "Produced automatically from the ticket records; callers' names and numbers are masked as the reader's role requires.",
  sections: {
    figures: "1. Key figures",
    ranking: "2. Ranking of handling units",
    overdue: "3. Overdue tickets",
    returned: "4. Returned tickets",
    reReported: "5. Re-reported tickets",
    orders: "6. Supervision orders",
    definitions: "Annex: definitions",
  },
  figureColumns: { figure: "Figure", value: "Value", numerator: "Numerator", denominator: "Denominator", previous: "Previous period", definition: "Definition" },
  figuresIntro: "Every figure is given with its numerator and denominator so that it can be checked.",
  figuresMissing: "The figures are not available.",
  rankingColumns: {
    rank: "Rank",
    unit: "Handling unit",
    score: "Score",
    tickets: "Dispatched",
    onTime: "On time",
    satisfaction: "Result satisfaction",
    returned: "Return rate",
    reReported: "Re-report rate",
    extended: "Extension rate",
    note: "Note",
  },
  rankingFormula: "Formula",
  rankingTieRule: "Ties",
  rankingWeights: (version) => `Weights version: ${version}`,
  rankingApart: "Units not ranked",
  apartReason: { TOO_FEW_TICKETS: "Too few tickets to be ranked", NO_FIGURES: "No figure could be computed this period" },
  rankingMissing: "No ranking for this period.",
  tied: "tied",
  ticketRules: {
    overdue: "Tickets received in the period that were past their deadline without a reply when the report was generated.",
    returned: "Tickets received in the period that a handling unit returned at least once.",
    reReported: "Tickets received in the period that were re-reported (dispatched again after the callback).",
  },
  ticketColumns: {
    list: "List",
    tracking: "Tracking number",
    title: "Title",
    status: "Status",
    unit: "Lead unit",
    category: "Category",
    area: "Area",
    received: "Received",
    due: "Due",
    returns: "Returns",
    reReports: "Re-reports",
    caller: "Caller",
    phone: "Phone",
  },
  listNames: { OVERDUE: "Overdue", RETURNED: "Returned", RE_REPORTED: "Re-reported" },
  listTotal: (shown, total, capped) => (shown < total || capped ? `${capped ? `More than ${total}` : total} in all; the first ${shown} are listed.` : `${total} in all.`),
  noTickets: { OVERDUE: "No overdue tickets in this period.", RETURNED: "No returned tickets in this period.", RE_REPORTED: "No re-reported tickets in this period." },
  orderColumns: {
    tracking: "Tracking number",
    title: "Title",
    unit: "Unit supervised",
    level: "Level",
    state: "State",
    issued: "Issued",
    responseDue: "Answer due",
    answered: "Answered",
    escalations: "Escalations",
    reason: "Reason",
  },
  ordersRule: "Supervision orders issued in the period (at their current level).",
  noOrders: "No supervision orders were issued in this period.",
  orderLevel: { REMINDER: "Reminder", FORMAL: "Formal supervision", LISTED: "Listed supervision" },
  orderState: { OPEN: "Waiting for the answer", ANSWERED: "Answered", CLOSED: "Closed" },
  status: EXPORT_LABELS.en.status,
  masked: "masked",
};

export const REPORT_LABELS: Record<ReportLanguageValue, ReportLabels> = { "zh-CN": ZH, en: EN };

/** A time as the report prints it (Asia/Shanghai, 24 h). */
export function reportTime(date: Date | null, language: ReportLanguageValue): string {
  if (!date) {
    return "";
  }
  return date.toLocaleString(language === "zh-CN" ? "zh-CN" : "en-GB", {
    timeZone: "Asia/Shanghai",
    hour12: false,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  });
}

/** A day (YYYY-MM-DD) as the report prints it. */
export function reportDay(day: string, language: ReportLanguageValue): string {
  const [y, m, d] = day.split("-").map(Number);
  return language === "zh-CN" ? `${y}年${m}月${d}日` : new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });
}
