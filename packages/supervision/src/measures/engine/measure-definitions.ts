/**
 * The measures' definitions as shown in the UI's help and the oversight report. The same text is in
 * packages/supervision/README.md ("Measures"); a test checks that the README contains the on-time rule.
 */
export type MeasureDefinition = { key: string; nameZh: string; nameEn: string; definitionZh: string; definitionEn: string };

/** The one rule for "in the period" of the on-time completion rate. */
export const ON_TIME_RULE_EN =
  "Each dispatch (assignment) counts once, in the period of its settlement day: the day of the reply if the unit replied by its deadline (extended when an extension was approved), otherwise the day of the deadline. It counts as on time when replied by the deadline. A dispatch not yet replied counts only once its deadline has passed (as not on time); a dispatch the unit returned (return accepted) does not count.";
export const ON_TIME_RULE_ZH =
  "每一次派单（承办记录）只计一次，计入其“结算日”所在的统计期：单位在办理期限（经批准延期的按延期后期限）内回复的，结算日为回复日；否则结算日为期限届满日。期限内回复计为按期办结。尚未回复的派单在期限届满后才计入（计为未按期）；单位退单且退单被同意的派单不计入。";

export const MEASURE_DEFINITIONS: readonly MeasureDefinition[] = [
  {
    key: "volume",
    nameZh: "受理量",
    nameEn: "Volume",
    definitionZh: "统计期内受理的工单数（按受理时间；被并单的重复工单不计）。",
    definitionEn: "Tickets received in the period (by receipt time; duplicates merged into another ticket are not counted).",
  },
  {
    key: "dailyAverage",
    nameZh: "日均受理量",
    nameEn: "Daily average",
    definitionZh: "受理量 ÷ 统计期天数（当前统计期只计到今天）。",
    definitionEn: "Volume ÷ days of the period (a current period counts up to today).",
  },
  {
    key: "directHandlingRate",
    nameZh: "直办率",
    nameEn: "Direct-handling rate",
    definitionZh: "统计期内受理且由话务员当场直接答复办结的工单数 ÷ 受理量。",
    definitionEn: "Tickets received in the period and closed as a direct answer at intake ÷ volume.",
  },
  { key: "onTimeRate", nameZh: "按期办结率", nameEn: "On-time completion rate", definitionZh: `按期回复的派单数 ÷ 结算的派单数。${ON_TIME_RULE_ZH}`, definitionEn: `Dispatches replied by their deadline ÷ dispatches settled. ${ON_TIME_RULE_EN}` },
  {
    key: "averageHandlingDays",
    nameZh: "平均办理时长（自然日）",
    nameEn: "Average handling time (calendar days)",
    definitionZh: "统计期内每一次回复的（回复时间 − 派单时间）之和 ÷ 回复数，按自然日计。",
    definitionEn: "Sum of (reply − dispatch) over the replies given in the period ÷ replies, in calendar days.",
  },
  {
    key: "averageHandlingWorkingDays",
    nameZh: "平均办理时长（工作日）",
    nameEn: "Average handling time (working days)",
    definitionZh: "同上，只计工作日的办公时间（8:30–12:00、13:30–17:30，节假日不计、调休工作日计），每 7.5 小时为一个工作日。",
    definitionEn: "The same counting only business hours of working days (08:30–12:00, 13:30–17:30; holidays off, make-up days on), 7.5 hours to a working day.",
  },
  {
    key: "resultSatisfactionRate",
    nameZh: "办理结果满意率",
    nameEn: "Result satisfaction",
    definitionZh: "统计期内回访答复中（非常满意 + 满意 + 基本满意）÷ 回访答复数，只计合理诉求（回访员判为不合理的除外）；与回访模块的定义相同。",
    definitionEn: "Callback answers in the period that are very satisfied, satisfied or basically satisfied with the result ÷ callback answers, reasonable requests only (those the agent judged unreasonable excluded); callback's definition.",
  },
  {
    key: "processSatisfactionRate",
    nameZh: "服务过程满意率",
    nameEn: "Process satisfaction",
    definitionZh: "统计期内对服务过程满意（三档）的答复数 ÷ 全部答复数（含直办回访）；与回访模块的定义相同。",
    definitionEn: "Answers in the period satisfied with the service (three levels) ÷ every answer (direct-answer surveys included); callback's definition.",
  },
  {
    key: "returnRate",
    nameZh: "退单率",
    nameEn: "Return rate",
    definitionZh: "统计期内派出的派单中，承办单位提出退单的数量 ÷ 派单数（不论退单是否被同意）。",
    definitionEn: "Dispatches made in the period that the unit asked to return ÷ dispatches made in the period (whatever the decision).",
  },
  {
    key: "reReportRate",
    nameZh: "续报率",
    nameEn: "Re-report rate",
    definitionZh: "统计期内的回复中，此后被续报（续报被同意）的数量 ÷ 回复数。",
    definitionEn: "Replies given in the period that were later re-reported (re-report accepted) ÷ replies given in the period.",
  },
  {
    key: "overdueCount",
    nameZh: "超期数",
    nameEn: "Overdue count",
    definitionZh: "结算日在统计期内、未在期限内回复的派单数（即按期办结率的分母 − 分子）。",
    definitionEn: "Dispatches settled in the period that were not replied by their deadline (the on-time rate's denominator − numerator).",
  },
  {
    key: "supervisionOrders",
    nameZh: "收到督办单数",
    nameEn: "Supervision orders received",
    definitionZh: "统计期内向单位发出的督办单数（按发出时间）。",
    definitionEn: "Supervision orders issued to the unit in the period (by issue time).",
  },
  {
    key: "extensionRate",
    nameZh: "延期率",
    nameEn: "Extension rate",
    definitionZh: "统计期内派出的派单中，延期申请获批准的数量 ÷ 派单数。",
    definitionEn: "Dispatches made in the period whose extension was approved ÷ dispatches made in the period.",
  },
];
